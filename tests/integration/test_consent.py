"""Consent, withdrawal, expiry and disclosures, as real officers: in process and through the
whitelisted handlers the REST API reaches (frappe.handler.execute_cmd)."""

import frappe
import pytest
from frappe.utils import add_to_date, get_datetime, now_datetime
from werkzeug.exceptions import Forbidden

from student_advice.policy.roles import ADMINISTRATOR, MANAGER, OFFICER
from student_advice.tasks import expire_consents
from tests.factories import make_case, make_student, make_user
from tests.integration.consent_builders import (
	ago,
	as_json,
	consent_values,
	count,
	disclosure_values,
	make_consent,
	make_third_party,
	make_wording,
	rest,
)


@pytest.fixture
def world(officer):
	student = make_student(full_name="Canary Consent-Student")
	tutor = make_third_party(person_name="Dr Canary Tutor")
	wording = make_wording().name
	return frappe._dict(officer=officer, student=student, tutor=tutor.name, wording=wording)


# --- recording a consent -------------------------------------------------------------------


def test_officer_records_a_consent_with_defaults_from_the_server(world):
	consent = make_consent(world.student.name, world.tutor, world.wording)
	assert len(consent.name) == 32
	assert consent.recorded_by == world.officer and consent.status == "Active"
	assert consent.info_existence == 1, "any category implies that contact with the service is disclosed"
	given = get_datetime(consent.given_on)
	expires = get_datetime(consent.expires_on)
	assert (expires.year * 12 + expires.month) - (given.year * 12 + given.month) == 6
	assert consent.wording_version == 1
	assert "Dr Canary Tutor" in consent.wording_text and "Academic information" in consent.wording_text
	assert "{" not in consent.wording_text
	assert consent.student_name == "Canary Consent-Student"


def test_default_expiry_comes_from_settings(world):
	frappe.db.set_single_value("Student Advice Settings", "consent_expiry_months", 3)
	consent = make_consent(world.student.name, world.tutor, world.wording, given_on="2026-01-31 10:00:00")
	assert get_datetime(consent.expires_on) == get_datetime("2026-04-30 10:00:00")


def test_the_recording_officer_is_the_session_user_whatever_is_sent(world):
	doc = frappe.get_doc(
		consent_values(world.student.name, world.tutor, world.wording, recorded_by="Administrator")
	)
	doc.insert()
	assert doc.recorded_by == world.officer


@pytest.mark.parametrize(
	"fields, message",
	[
		({"info_academic": 0}, "Choose at least one category"),
		({"method": "Verbally, witnessed by an officer"}, "Name the officer who witnessed"),
		(
			{"method": "By email from the student's own address", "sender_email": "someone@else.example"},
			"did not come from the student's own address",
		),
		({"given_on": "in two hours"}, "given in the future"),
		({"expires_on": "twenty days ago"}, "must expire after it was given"),
		({"purpose": " "}, "Enter the purpose"),
	],
)
def test_incomplete_consents_are_refused_and_nothing_is_saved(world, fields, message):
	moments = {"in two hours": add_to_date(now_datetime(), hours=2), "twenty days ago": ago(days=20)}
	fields = {k: moments.get(v, v) for k, v in fields.items()}
	before = count("Consent")
	with pytest.raises(frappe.ValidationError, match=message):
		frappe.get_doc(consent_values(world.student.name, world.tutor, world.wording, **fields)).insert()
	assert count("Consent") == before


def test_a_verbal_consent_witnessed_by_an_officer_and_an_email_from_the_students_address(world):
	witness = make_user([OFFICER], officer_title="Welfare and Rights Officer")
	verbal = make_consent(
		world.student.name,
		world.tutor,
		world.wording,
		method="Verbally, witnessed by an officer",
		witnessing_officer=witness,
	)
	assert verbal.docstatus == 1
	with pytest.raises(frappe.ValidationError, match="must be an active advice officer"):
		make_consent(
			world.student.name,
			world.tutor,
			world.wording,
			method="Verbally, witnessed by an officer",
			witnessing_officer="Administrator",
		)
	emailed = make_consent(
		world.student.name,
		world.tutor,
		world.wording,
		method="By email from the student's own address",
		sender_email=world.student.email.upper(),
	)
	assert emailed.docstatus == 1


def test_inactive_wording_and_another_students_case_are_refused(world):
	old = make_wording(active=0).name
	with pytest.raises(frappe.ValidationError, match="no longer in use"):
		make_consent(world.student.name, world.tutor, old)
	other_case = make_case(make_student().name)
	with pytest.raises(frappe.ValidationError, match="belongs to another student"):
		make_consent(world.student.name, world.tutor, world.wording, advice_case=other_case.name)
	assert count("Consent", student=world.student.name) == 0


def test_consent_wording_is_versioned_and_never_rewritten(world):
	manager = make_user([OFFICER, MANAGER], officer_title="Advice Service Manager")
	frappe.set_user(manager)
	first = frappe.get_doc(
		{"doctype": "Consent Wording", "wording_name": "Share with GP", "wording": "v1 {purpose}"}
	)
	first.insert()
	second = frappe.get_doc(
		{"doctype": "Consent Wording", "wording_name": "Share with GP", "wording": "v2 {purpose}"}
	)
	second.insert()
	assert (first.version, second.version) == (1, 2) and second.name == "Share with GP v2"
	first.wording = "rewritten"
	with pytest.raises(frappe.ValidationError, match="never changes once saved"):
		first.save()
	assert frappe.db.get_value("Consent Wording", first.name, "wording") == "v1 {purpose}"
	first.reload()
	first.active = 0
	first.save()  # retiring a version is allowed
	with pytest.raises(frappe.ValidationError, match="placeholder the service does not know"):
		frappe.get_doc(
			{"doctype": "Consent Wording", "wording_name": "Bad", "wording": "{student.__class__}"}
		).insert()
	frappe.set_user(world.officer)
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc({"doctype": "Consent Wording", "wording_name": "Mine", "wording": "x"}).insert()


# --- terms never change; never cancelled, amended or deleted ----------------------------------------


def test_submitted_terms_never_change_in_process_or_through_the_api(world):
	consent = make_consent(world.student.name, world.tutor, world.wording)
	original = frappe.db.get_value("Consent", consent.name, ["purpose", "info_health_welfare", "modified"])
	consent.purpose = "anything else"
	with pytest.raises(frappe.ValidationError):
		consent.save()
	payload = as_json(frappe.get_doc("Consent", consent.name))
	payload["info_health_welfare"] = 1
	with pytest.raises(frappe.ValidationError):
		rest("frappe.client.save", doc=payload)
	with pytest.raises(frappe.ValidationError):
		rest("frappe.client.set_value", doctype="Consent", name=consent.name, fieldname="purpose", value="x")
	assert (
		frappe.db.get_value("Consent", consent.name, ["purpose", "info_health_welfare", "modified"])
		== original
	)


@pytest.mark.parametrize("roles", [[OFFICER], [OFFICER, MANAGER], [ADMINISTRATOR]])
def test_nobody_cancels_amends_or_deletes_a_consent(world, roles):
	consent = make_consent(world.student.name, world.tutor, world.wording)
	frappe.set_user(make_user(roles, officer_title="Officer" if OFFICER in roles else None))
	with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
		rest("frappe.client.cancel", doctype="Consent", name=consent.name)
	with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
		frappe.get_doc("Consent", consent.name).cancel()
	with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
		rest("frappe.client.delete", doctype="Consent", name=consent.name)
	amended = consent_values(world.student.name, world.tutor, world.wording, amended_from=consent.name)
	with pytest.raises(frappe.ValidationError, match="never cancelled or amended"):
		rest("frappe.client.insert", doc=amended)
	assert frappe.db.get_value("Consent", consent.name, "docstatus") == 1
	assert count("Consent", amended_from=consent.name) == 0


# --- withdrawal and expiry stop coverage at the right moment -----------------------------------------


def test_withdrawal_stops_coverage_from_that_moment(world):
	consent = make_consent(world.student.name, world.tutor, world.wording, given_on=ago(days=10))
	withdrawal = rest(
		"frappe.client.insert",
		doc={
			"doctype": "Consent Withdrawal",
			"consent": consent.name,
			"method": "By email",
			"withdrawn_on": ago(days=1),
		},
	)
	assert withdrawal["recorded_by"] == world.officer and withdrawal["student"] == world.student.name
	row = frappe.db.get_value("Consent", consent.name, ["status", "withdrawn_on", "withdrawal"], as_dict=True)
	assert row.status == "Withdrawn" and row.withdrawal == withdrawal["name"]

	before = frappe.get_doc(
		disclosure_values(world.student.name, world.tutor, consent=consent.name, disclosed_on=ago(days=2))
	).insert()
	assert before.officer == world.officer
	n = count("Disclosure")
	with pytest.raises(frappe.ValidationError, match="had been withdrawn at the time of the disclosure"):
		frappe.get_doc(disclosure_values(world.student.name, world.tutor, consent=consent.name)).insert()
	with pytest.raises(frappe.ValidationError, match="had been withdrawn"):
		rest(
			"frappe.client.insert",
			doc=disclosure_values(
				world.student.name, world.tutor, consent=consent.name, disclosed_on=ago(hours=1)
			),
		)
	assert count("Disclosure") == n


def test_a_withdrawal_is_recorded_once_only_for_a_recorded_consent_and_never_edited(world):
	draft = make_consent(world.student.name, world.tutor, world.wording, submit=False)
	with pytest.raises(frappe.ValidationError, match="Only a recorded"):
		frappe.get_doc(
			{"doctype": "Consent Withdrawal", "consent": draft.name, "method": "Verbally"}
		).insert()
	consent = make_consent(world.student.name, world.tutor, world.wording)
	withdrawal = frappe.get_doc(
		{"doctype": "Consent Withdrawal", "consent": consent.name, "method": "Verbally"}
	)
	withdrawal.insert()
	with pytest.raises(frappe.ValidationError, match="already been withdrawn"):
		frappe.get_doc(
			{"doctype": "Consent Withdrawal", "consent": consent.name, "method": "In writing"}
		).insert()
	with pytest.raises(frappe.ValidationError, match="cannot be dated in the future"):
		frappe.get_doc(
			{
				"doctype": "Consent Withdrawal",
				"consent": make_consent(world.student.name, world.tutor, world.wording).name,
				"method": "In writing",
				"withdrawn_on": add_to_date(now_datetime(), days=1),
			}
		).insert()
	withdrawal.notes = "changed my mind"
	with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
		withdrawal.save()
	assert count("Consent Withdrawal", consent=consent.name) == 1


def test_expiry_stops_coverage_and_the_daily_job_stores_it(world):
	consent = make_consent(
		world.student.name, world.tutor, world.wording, given_on=ago(days=10), expires_on=ago(days=1)
	)
	assert consent.status == "Expired"  # computed at submit from the expiry
	frappe.get_doc(
		disclosure_values(world.student.name, world.tutor, consent=consent.name, disclosed_on=ago(days=2))
	).insert()
	with pytest.raises(frappe.ValidationError, match="had expired at the time of the disclosure"):
		frappe.get_doc(disclosure_values(world.student.name, world.tutor, consent=consent.name)).insert()
	expire_consents()
	assert frappe.db.get_value("Consent", consent.name, "status") == "Expired"


def test_the_form_shows_the_computed_status_before_the_job_runs(world):
	consent = make_consent(
		world.student.name, world.tutor, world.wording, given_on=ago(days=10), expires_on=ago(minutes=1)
	)
	doc = frappe.get_doc("Consent", consent.name)
	doc.run_method("onload")
	assert doc.status == "Expired"


# --- disclosures: every failed condition is named; nothing saved ------------------------------------


def test_a_disclosure_is_refused_with_every_missing_condition(world):
	consent = make_consent(world.student.name, world.tutor, world.wording, given_on=ago(days=1))
	other_student = make_student()
	other_party = make_third_party(relationship="GP").name
	n = count("Disclosure")
	with pytest.raises(frappe.ValidationError) as refused:
		rest(
			"frappe.client.insert",
			doc=disclosure_values(
				other_student.name,
				other_party,
				consent=consent.name,
				info_health_welfare=1,
				info_contact_details=1,
				disclosed_on=ago(days=2),
			),
		)
	text = str(refused.value)
	for expected in (
		"The consent was given by another student.",
		"The consent does not name this third party.",
		"The consent does not cover: health and welfare information.",
		"The consent does not cover: contact details.",
		"The consent was given after the disclosure.",
	):
		assert expected in text
	assert "academic information" not in text
	assert count("Disclosure") == n


def test_a_draft_consent_covers_nothing(world):
	draft = make_consent(world.student.name, world.tutor, world.wording, submit=False)
	with pytest.raises(frappe.ValidationError, match="still a draft"):
		frappe.get_doc(disclosure_values(world.student.name, world.tutor, consent=draft.name)).insert()


def test_a_disclosure_needs_exactly_one_basis(world):
	n = count("Disclosure")
	with pytest.raises(frappe.ValidationError, match="without a basis"):
		frappe.get_doc(disclosure_values(world.student.name, world.tutor)).insert()
	with pytest.raises(frappe.ValidationError, match="Choose at least one category"):
		frappe.get_doc(
			disclosure_values(
				world.student.name,
				world.tutor,
				info_academic=0,
				consent=make_consent(world.student.name, world.tutor, world.wording).name,
			)
		).insert()
	assert count("Disclosure") == n


def test_confirming_that_the_student_uses_the_service_is_a_disclosure_too(world):
	consent = make_consent(world.student.name, world.tutor, world.wording, info_academic=0, info_existence=1)
	ok = frappe.get_doc(
		disclosure_values(
			world.student.name, world.tutor, consent=consent.name, info_academic=0, info_existence=1
		)
	).insert()
	assert ok.info_existence == 1
	with pytest.raises(frappe.ValidationError, match="does not cover: academic information"):
		frappe.get_doc(disclosure_values(world.student.name, world.tutor, consent=consent.name)).insert()


def test_disclosures_are_never_changed_or_deleted(world):
	consent = make_consent(world.student.name, world.tutor, world.wording)
	disclosure = frappe.get_doc(
		disclosure_values(world.student.name, world.tutor, consent=consent.name)
	).insert()
	disclosure.description = "rewritten"
	with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
		disclosure.save()
	with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
		rest(
			"frappe.client.set_value",
			doctype="Disclosure",
			name=disclosure.name,
			fieldname="description",
			value="x",
		)
	with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
		rest("frappe.client.delete", doctype="Disclosure", name=disclosure.name)
	assert frappe.db.get_value("Disclosure", disclosure.name, "description") != "x"
	assert frappe.db.exists("Disclosure", disclosure.name)


# --- the workspace's list of consents about to expire --------------------------------------------------


def test_expiring_consents_for_officers_only(world):
	soon = make_consent(
		world.student.name, world.tutor, world.wording, expires_on=add_to_date(now_datetime(), days=10)
	)
	later = make_consent(
		world.student.name, world.tutor, world.wording, expires_on=add_to_date(now_datetime(), days=30)
	)
	names = [r["name"] for r in rest("student_advice.api.consent.expiring_consents")]
	assert soon.name in names and later.name not in names
	assert rest("student_advice.api.consent.expiring_consents", days=40)
	assert rest("student_advice.api.consent.expiring_consents_count")["value"] >= 1
	frappe.set_user(make_user(["System Manager"]))
	with pytest.raises(Forbidden):
		rest("student_advice.api.consent.expiring_consents")
	with pytest.raises(Forbidden):
		rest("student_advice.api.consent.expiring_consents_count")


def test_settings_refuse_closure_days_that_are_not_dates(world):
	frappe.set_user(make_user([OFFICER, MANAGER], officer_title="Advice Service Manager"))
	settings = frappe.get_doc("Student Advice Settings")
	settings.closure_days = "2026-12-25 Christmas\n25/12/2026"
	with pytest.raises(frappe.ValidationError, match="YYYY-MM-DD"):
		settings.save()
	settings = frappe.get_doc("Student Advice Settings")
	settings.closure_days = "2026-12-25 Christmas\n2026-12-28"
	settings.save()
