"""Consent rules and coverage (pure), and the DocType JSON that carries them."""

import ast
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from student_advice.policy import breach
from student_advice.policy import consent as c
from student_advice.policy.roles import ADMINISTRATOR, MANAGER, OFFICER

APP = Path(__file__).resolve().parents[2] / "student_advice"
DOCTYPES = APP / "student_advice" / "doctype"
NOW = datetime(2026, 11, 27, 12, 0)
GIVEN = datetime(2026, 11, 1, 10, 0)


def load(name):
	folder = name.lower().replace(" ", "_")
	return json.loads((DOCTYPES / folder / f"{folder}.json").read_text())


def consent(**kw):
	values = dict(
		student="S1",
		third_party="T1",
		categories=frozenset({"existence", "academic"}),
		given_on=GIVEN,
		expires_on=c.add_months(GIVEN, 6),
		submitted=True,
		withdrawn_on=None,
	)
	values.update(kw)
	return c.ConsentFacts(**values)


def disclosure(**kw):
	values = dict(
		student="S1", third_party="T1", categories=frozenset({"existence", "academic"}), disclosed_on=NOW
	)
	values.update(kw)
	return c.DisclosureFacts(**values)


# --- categories --------------------------------------------------------------------------


def test_the_category_list_is_fixed_and_existence_comes_first():
	assert c.CATEGORY_CODES[0] == c.EXISTENCE
	assert [label for _code, label in c.CATEGORIES] == [
		"Existence of contact with the service",
		"Case details",
		"Academic information",
		"Health and welfare information",
		"Contact details",
		"Other",
	]


def test_any_category_implies_that_contact_with_the_service_is_disclosed():
	assert c.with_implied({"health_welfare"}) == {"health_welfare", "existence"}
	assert c.with_implied({"existence"}) == {"existence"}
	assert c.with_implied(()) == frozenset()


def test_categories_are_checked_against_the_list():
	assert c.check_categories({"academic"}, "x_empty") == ()
	assert c.check_categories((), "x_empty") == ("x_empty",)
	assert c.check_categories({"criminal_record"}, "x_empty") == ("category_unknown",)


# --- coverage: every condition, each on its own ------------------------------------------------


def test_a_matching_consent_covers_the_disclosure():
	assert c.consent_gaps(consent(), disclosure()) == ()
	assert c.covers(consent(), disclosure(categories=frozenset({"existence"})))


def test_no_consent_covers_nothing():
	assert c.consent_gaps(None, disclosure()) == ("consent_unknown",)


def test_a_draft_consent_covers_nothing():
	assert c.consent_gaps(consent(submitted=False), disclosure()) == ("consent_not_submitted",)


def test_another_students_consent_covers_nothing():
	assert c.consent_gaps(consent(student="S2"), disclosure()) == ("consent_other_student",)


def test_consent_covers_only_the_third_party_it_names():
	assert c.consent_gaps(consent(third_party="T2"), disclosure()) == ("consent_other_third_party",)


def test_every_missing_category_is_named():
	gaps = c.consent_gaps(
		consent(categories=frozenset({"existence"})),
		disclosure(categories=frozenset({"existence", "academic", "health_welfare"})),
	)
	assert gaps == ("consent_lacks_academic", "consent_lacks_health_welfare")


def test_consent_given_after_the_disclosure_does_not_cover_it():
	assert c.consent_gaps(consent(given_on=NOW + timedelta(minutes=1)), disclosure()) == (
		"consent_given_after",
	)
	assert c.covers(consent(given_on=NOW), disclosure())


def test_expiry_stops_coverage_from_that_moment():
	expiry = NOW
	assert c.consent_gaps(consent(expires_on=expiry), disclosure(disclosed_on=expiry)) == (
		"consent_expired_at_time",
	)
	assert c.covers(consent(expires_on=expiry), disclosure(disclosed_on=expiry - timedelta(seconds=1)))


def test_withdrawal_stops_coverage_from_that_moment():
	withdrawn = NOW
	assert c.consent_gaps(consent(withdrawn_on=withdrawn), disclosure(disclosed_on=withdrawn)) == (
		"consent_withdrawn_at_time",
	)
	assert c.covers(
		consent(withdrawn_on=withdrawn), disclosure(disclosed_on=withdrawn - timedelta(seconds=1))
	)


def test_every_failed_condition_is_listed_together():
	gaps = c.consent_gaps(
		consent(
			student="S2",
			third_party="T2",
			categories=frozenset({"existence"}),
			submitted=False,
			given_on=NOW + timedelta(days=1),
			expires_on=NOW,
			withdrawn_on=NOW - timedelta(days=1),
		),
		disclosure(categories=frozenset({"existence", "other"})),
	)
	assert gaps == (
		"consent_not_submitted",
		"consent_other_student",
		"consent_other_third_party",
		"consent_lacks_other",
		"consent_given_after",
		"consent_expired_at_time",
		"consent_withdrawn_at_time",
	)


# --- status and expiry ------------------------------------------------------------------------


def test_status_is_computed_from_submission_expiry_and_withdrawal():
	exp = NOW + timedelta(days=1)
	assert c.status(False, exp, None, NOW) == c.DRAFT
	assert c.status(True, exp, None, NOW) == c.ACTIVE
	assert c.status(True, NOW, None, NOW) == c.EXPIRED
	assert c.status(True, exp, NOW, NOW) == c.WITHDRAWN
	assert c.status(True, NOW - timedelta(days=1), NOW - timedelta(days=2), NOW) == c.WITHDRAWN
	assert c.status(True, exp, NOW + timedelta(hours=1), NOW) == c.ACTIVE


def test_default_expiry_is_six_months_and_clamps_to_the_end_of_the_month():
	assert c.default_expiry(datetime(2026, 1, 15, 9, 30), None) == datetime(2026, 7, 15, 9, 30)
	assert c.default_expiry(datetime(2026, 8, 31, 9, 0), 6) == datetime(2027, 2, 28, 9, 0)
	assert c.default_expiry(datetime(2026, 11, 30), 3) == datetime(2027, 2, 28)
	assert c.default_expiry(datetime(2026, 1, 1), 12) == datetime(2027, 1, 1)


def test_expiring_within_fourteen_days():
	assert c.expires_within(NOW + timedelta(days=14), NOW)
	assert not c.expires_within(NOW + timedelta(days=14, seconds=1), NOW)
	assert not c.expires_within(NOW, NOW)
	assert not c.expires_within(None, NOW)


# --- recording a consent ---------------------------------------------------------------------


def terms(**kw):
	values = dict(
		categories=frozenset({"existence"}),
		description="that she sees us",
		purpose="extension request",
		method=c.WRITTEN,
		witness=None,
		witness_is_active_officer=False,
		sender_email=None,
		student_email="s@cam.example",
		given_on=GIVEN,
		expires_on=c.add_months(GIVEN, 6),
		wording="Consent to share information v1",
		wording_active=True,
	)
	values.update(kw)
	return c.ConsentTerms(**values)


def test_a_complete_consent_passes():
	assert c.check_consent(terms(), NOW) == ()


def test_verbal_consent_needs_an_active_officer_as_witness():
	assert c.check_consent(terms(method=c.VERBAL), NOW) == ("consent_needs_witness",)
	assert c.check_consent(terms(method=c.VERBAL, witness="o@x"), NOW) == ("consent_witness_not_officer",)
	assert c.check_consent(terms(method=c.VERBAL, witness="o@x", witness_is_active_officer=True), NOW) == ()


def test_email_consent_must_come_from_the_students_own_address():
	assert c.check_consent(terms(method=c.EMAIL), NOW) == ("consent_needs_sender_email",)
	assert c.check_consent(terms(method=c.EMAIL, sender_email="other@x"), NOW) == (
		"consent_email_not_students",
	)
	assert c.check_consent(terms(method=c.EMAIL, sender_email=" S@Cam.Example "), NOW) == ()


def test_everything_missing_is_listed():
	assert c.check_consent(
		terms(
			categories=frozenset(),
			description=" ",
			purpose=None,
			method="Implied",
			given_on=NOW + timedelta(hours=1),
			expires_on=NOW,
			wording=None,
		),
		NOW,
	) == (
		"consent_needs_category",
		"consent_needs_description",
		"consent_needs_purpose",
		"consent_method_unknown",
		"consent_given_in_future",
		"consent_expiry_before_given",
		"consent_needs_wording",
	)
	assert c.check_consent(terms(given_on=None, wording_active=False), NOW) == (
		"consent_needs_given_on",
		"consent_wording_inactive",
	)


def test_wording_is_rendered_without_evaluating_anything():
	text = c.render_wording(
		"Give {third_party} {information} for {purpose} until {expires_on}. {__class__} {0}",
		{
			"third_party": "Dr A (GP)",
			"information": "Case details",
			"purpose": "a letter",
			"expires_on": "1 May",
		},
	)
	assert text == "Give Dr A (GP) Case details for a letter until 1 May. {__class__} {0}"
	assert c.unknown_placeholders("{third_party} {student_name} {0.__class__}") == (
		"0.__class__",
		"student_name",
	)
	assert c.unknown_placeholders("{third_party} {information} {description} {purpose} {expires_on}") == ()


def test_withdrawal_rules():
	ok = dict(
		consent_submitted=True,
		already_withdrawn=False,
		method="By email",
		withdrawn_on=NOW,
		given_on=GIVEN,
		now=NOW,
	)
	assert c.check_withdrawal(**ok) == ()
	assert c.check_withdrawal(**{**ok, "consent_submitted": False}) == ("withdrawal_needs_submitted_consent",)
	assert c.check_withdrawal(**{**ok, "already_withdrawn": True}) == ("consent_already_withdrawn",)
	assert c.check_withdrawal(**{**ok, "method": "Carrier pigeon"}) == ("withdrawal_method_unknown",)
	assert c.check_withdrawal(**{**ok, "withdrawn_on": NOW + timedelta(minutes=1)}) == (
		"withdrawal_in_future",
	)
	assert c.check_withdrawal(**{**ok, "withdrawn_on": GIVEN - timedelta(minutes=1)}) == (
		"withdrawal_before_given",
	)
	assert c.check_withdrawal(**{**ok, "withdrawn_on": None}) == ("withdrawal_needs_date",)


def test_disclosure_needs_exactly_one_basis_and_its_facts():
	ok = dict(
		categories={"existence"},
		description="x",
		channel="Email",
		disclosed_on=NOW,
		now=NOW,
		has_consent=True,
		has_breach=False,
	)
	assert c.check_disclosure(**ok) == ()
	assert c.check_disclosure(**{**ok, "has_consent": False}) == ("disclosure_needs_basis",)
	assert c.check_disclosure(**{**ok, "has_breach": True}) == ("disclosure_two_bases",)
	assert c.check_disclosure(
		**{**ok, "categories": (), "description": "", "channel": "Pigeon", "disclosed_on": NOW + timedelta(1)}
	) == (
		"disclosure_needs_category",
		"disclosure_needs_description",
		"disclosure_channel_unknown",
		"disclosure_in_future",
	)


# --- the DocType JSON carries the rules ---------------------------------------------------------


@pytest.mark.parametrize("name", ["Consent", "Disclosure"])
def test_one_check_field_per_category(name):
	fields = {f["fieldname"]: f for f in load(name)["fields"]}
	checks = sorted(f for f in fields if f.startswith("info_"))
	assert checks == sorted(c.CATEGORY_FIELDS.values())
	for code, label in c.CATEGORIES:
		assert fields[c.category_field(code)]["fieldtype"] == "Check"
		assert fields[c.category_field(code)]["label"] == label


def test_select_options_match_the_policy():
	consent_fields = {f["fieldname"]: f for f in load("Consent")["fields"]}
	assert consent_fields["method"]["options"].split("\n")[1:] == list(c.METHODS)
	assert consent_fields["status"]["options"].split("\n") == list(c.STATUSES)
	withdrawal = {f["fieldname"]: f for f in load("Consent Withdrawal")["fields"]}
	assert withdrawal["method"]["options"].split("\n")[1:] == list(c.WITHDRAWAL_METHODS)
	disclosure_fields = {f["fieldname"]: f for f in load("Disclosure")["fields"]}
	assert disclosure_fields["channel"]["options"].split("\n")[1:] == list(c.CHANNELS)


@pytest.mark.parametrize("name", ["Consent", "Confidentiality Breach"])
def test_submitted_records_are_never_cancelled_amended_deleted_nor_updated_after_submit(name):
	doctype = load(name)
	assert doctype["is_submittable"]
	for perm in doctype["permissions"]:
		assert not perm.get("cancel") and not perm.get("amend") and not perm.get("delete"), perm
	for field in doctype["fields"]:
		assert not field.get("allow_on_submit"), field["fieldname"]


@pytest.mark.parametrize("name", ["Consent Withdrawal", "Disclosure", "Breach Correction", "Case Entry"])
def test_append_only_records_are_never_deleted_nor_submitted(name):
	# write is granted with create so that the new form can be filled in; every field is
	# set only once and the controller refuses later saves (test_doctype_json.py)
	doctype = load(name)
	assert not doctype.get("is_submittable")
	for perm in doctype["permissions"]:
		assert not perm.get("delete"), perm


def test_who_may_do_what_on_consent():
	perms = {p["role"]: p for p in load("Consent")["permissions"]}
	assert set(perms) == {OFFICER, MANAGER, ADMINISTRATOR}
	assert all(p["submit"] and p["create"] for p in perms.values())


# --- every code the policy can return has a message --------------------------------------------


def _codes_in(module_path: Path) -> set[str]:
	codes = set()
	for node in ast.walk(ast.parse(module_path.read_text())):
		if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "append" and node.args:
			arg = node.args[0]
			if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
				codes.add(arg.value)
		if isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
			codes.update(
				e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
			)
	return codes


def test_every_code_has_a_message():
	tree = ast.parse((APP / "messages.py").read_text())
	keys = {
		k.value
		for node in ast.walk(tree)
		if isinstance(node, ast.Dict)
		for k in node.keys
		if isinstance(k, ast.Constant)
	}
	policy = APP / "policy"
	codes = _codes_in(policy / "consent.py") | _codes_in(policy / "breach.py")
	codes |= {f"consent_lacks_{code}" for code in c.CATEGORY_CODES}
	codes |= {"consent_terms_fixed", "consent_never_cancelled", "case_other_student", "wording_is_fixed"}
	codes |= {
		"wording_unknown_placeholder",
		"withdrawal_is_final",
		"disclosure_is_final",
		"correction_is_final",
	}
	codes |= {"breach_docstatus_mismatch", "consultation_fields_fixed", "closure_day_invalid"}
	codes |= {"consent_expiry_months_invalid"}
	assert len(codes) > 80
	assert codes <= keys, sorted(codes - keys)
	assert breach.GROUNDS  # imported for its codes
