"""Retention and erasure in process, as real officers (each record a savepoint inside the test's).

The committed, worker-driven run with the sweep of every table and every file on disk is in
tests/over_http/test_retention_sweep.py.
"""

from datetime import date
from unittest import mock

import frappe
import pytest
from frappe.utils import add_to_date, get_datetime

from student_advice.policy import breach as breach_policy
from student_advice.policy import retention
from student_advice.policy.roles import MANAGER, OFFICER, STATISTICS_VIEWER
from student_advice.retention import engine
from student_advice.student_advice.report.advice_statistics import advice_statistics
from tests.factories import make_case, make_student, make_user, unique
from tests.integration.consent_builders import (
	disclosure_values,
	make_consent,
	make_third_party,
	make_wording,
	rest,
)

AS_OF = date(2030, 6, 15)  # the day the runs count to (frozen: periods are counted from event dates)
LONG_AGO = date(2026, 1, 10)  # more than four years before AS_OF: past every default period but 72 months


@pytest.fixture
def manager():
	return make_user([OFFICER, MANAGER], officer_title="Advice Service Manager")


def closed_case(student, when=LONG_AGO, **fields):
	case = make_case(student, **fields)
	entry = frappe.get_doc(
		{
			"doctype": "Case Entry",
			"advice_case": case.name,
			"entry_type": "Advice Offered",
			"details": unique("advice"),
		}
	).insert()
	frappe.db.set_value(
		"Case",
		case.name,
		{"status": "Closed", "outcome": "Advice given", "opened_on": when, "closed_on": when},
	)
	return case, entry


def run(candidates=None):
	return engine.execute(engine.start_run(engine.SCHEDULED, AS_OF), AS_OF, candidates)


def case_row(name):
	return frappe.db.get_value("Case", name, ["*"], as_dict=True)


def test_settings_refuse_periods_below_the_minimum_and_a_breach_shorter_than_its_case(manager):
	frappe.set_user(manager)
	settings = frappe.get_doc("Student Advice Settings")
	settings.retain_enquiry_months = 2
	with pytest.raises(frappe.ValidationError, match="Enquiries must be kept for at least 6 months"):
		settings.save()
	settings = frappe.get_doc("Student Advice Settings")
	settings.retain_case_months = 96
	with pytest.raises(frappe.ValidationError, match="must be kept at least as long as closed cases"):
		settings.save()
	settings = frappe.get_doc("Student Advice Settings")
	settings.retain_case_months = 36
	settings.save()
	assert frappe.db.get_single_value("Student Advice Settings", "retain_case_months") == 36


def test_a_closed_case_past_its_period_is_anonymised_with_its_log_and_copies_removed(officer):
	student = make_student(full_name="Canary Retention-Student", college="Clare College", faculty="Classics")
	case, entry = closed_case(student.name, summary="Canary retention summary")
	case.reload()
	case.add_comment("Comment", "Canary retention comment")
	open_case = make_case(student.name, summary="still open")
	frappe.set_user("Administrator")
	tally = run()
	assert tally.anonymised["case"] >= 1 and not tally.errors
	row = case_row(case.name)
	assert row.anonymised_on == AS_OF and row.student is None and row.summary is None
	assert (row.college, row.faculty, row.category, row.outcome) == (
		"Clare College",
		"Classics",
		"Welfare",
		"Advice given",
	)
	assert row.title == "Anonymised case" and row._comments is None
	assert not frappe.db.exists("Case Entry", entry.name)
	for table, field in (("Comment", "reference_name"), ("Version", "docname")):
		assert not frappe.db.exists(table, {field: case.name}), table
		assert not frappe.db.exists(table, {field: entry.name}), table
	assert not frappe.db.exists("Deleted Document", {"deleted_name": entry.name})
	# the open case and the student (who still has it) stay whole
	assert case_row(open_case.name).summary == "still open"
	assert frappe.db.get_value("Advice Student", student.name, "full_name") == "Canary Retention-Student"
	frappe.set_user(officer)
	with pytest.raises(frappe.ValidationError, match="anonymised"):
		doc = frappe.get_doc("Case", case.name)
		doc.status = "Open"
		doc.save()


def test_a_student_leaves_once_nothing_of_theirs_is_kept(officer):
	student = make_student(full_name="Canary Leaving-Student")
	case, _entry = closed_case(student.name)
	enquiry = frappe.get_doc(
		{"doctype": "Enquiry", "channel": "Email", "category": "Welfare", "summary": "Canary enquiry", "student": student.name}
	).insert()  # fmt: skip
	frappe.db.set_value("Enquiry", enquiry.name, "received_on", get_datetime(LONG_AGO))
	frappe.db.set_value(
		"Advice Student", student.name, "modified", get_datetime(LONG_AGO), update_modified=False
	)
	conflict_officer = make_user([OFFICER], officer_title="Education Officer")
	frappe.set_user(conflict_officer)
	frappe.get_doc(
		{"doctype": "Conflict Declaration", "student": student.name, "reason": "a friend"}
	).insert()
	frappe.set_user("Administrator")
	tally = run()
	assert tally.removed["student"] >= 1 and tally.anonymised["enquiry"] >= 1
	assert not frappe.db.exists("Advice Student", student.name)
	assert not frappe.db.exists("Conflict Declaration", {"student": student.name})
	enquiry_row = frappe.db.get_value(
		"Enquiry", enquiry.name, ["student", "summary", "college", "anonymous"], as_dict=True
	)
	assert enquiry_row.student is None and enquiry_row.summary is None and enquiry_row.anonymous
	assert enquiry_row.college == "Clare College"  # copied from the student for the statistics
	assert case_row(case.name).student is None
	# a second run changes nothing
	again = run()
	assert not (again.removed or again.anonymised or again.errors)


def test_statistics_give_the_same_figures_before_and_after(officer):
	students = [make_student(college="Trinity College", faculty="History") for _ in range(6)]
	for student in students:
		closed_case(student.name, category="Housing")
	viewer = make_user([STATISTICS_VIEWER])
	filters = {"academic_year": "2025-26", "period_type": "academic_year", "rows": "by_college"}

	def figures():
		frappe.set_user(viewer)
		try:
			return advice_statistics.execute(filters)
		finally:
			frappe.set_user("Administrator")

	before = figures()
	assert any("Trinity College" in str(row) for row in before[1]), "positive control: the year has the cases"
	tally = run()
	assert tally.anonymised["case"] >= 6
	assert figures()[1] == before[1]


def test_a_failure_in_the_middle_leaves_each_record_whole_or_fully_removed(officer):
	cases = [closed_case(make_student().name) for _ in range(3)]
	failing = cases[1][1].name  # the second case's entry fails to go
	real = engine.remove_record

	def remove_record(doctype, name, pending_files):
		real(doctype, name, pending_files)
		if name == failing:
			raise RuntimeError("the disk went away")

	frappe.set_user("Administrator")
	with mock.patch.object(engine, "remove_record", remove_record):
		tally = run()
	assert tally.errors["case"] == 1
	whole_case, whole_entry = cases[1]
	assert frappe.db.exists("Case Entry", whole_entry.name)
	assert case_row(whole_case.name).summary and case_row(whole_case.name).anonymised_on is None
	for case, entry in (cases[0], cases[2]):
		assert not frappe.db.exists("Case Entry", entry.name)
		assert case_row(case.name).anonymised_on == AS_OF
	log = frappe.get_doc(
		"Retention Run", frappe.get_all("Retention Run", order_by="creation desc", limit=1, pluck="name")[0]
	)
	assert log.errors == 1 and log.status == "Finished with errors"
	assert whole_case.name not in (log.error_note or "") and whole_case.student not in str(log.as_dict())
	# the next run picks it up
	assert run().anonymised["case"] >= 1
	assert not frappe.db.exists("Case Entry", whole_entry.name)


def test_a_legal_hold_keeps_everything_about_the_student(officer):
	student = make_student()
	case, entry = closed_case(student.name)
	hold = frappe.get_doc(
		{"doctype": "Legal Hold", "advice_case": case.name, "reason": "a claim is expected"}
	).insert()
	assert hold.student == student.name and hold.placed_by == officer and hold.active
	frappe.set_user("Administrator")
	tally = run()
	assert tally.held["case"] >= 1
	assert frappe.db.exists("Case Entry", entry.name) and case_row(case.name).anonymised_on is None
	frappe.set_user(officer)
	with pytest.raises(frappe.ValidationError, match="Say why"):
		hold.lift("  ")
	hold.lift("the claim was settled")
	frappe.set_user("Administrator")
	assert run().anonymised["case"] >= 1


def test_what_falls_due_shows_to_officers_but_not_their_conflicts_nor_outsiders(officer):
	from student_advice.student_advice.report.retention_due import retention_due

	mine, theirs = make_student(), make_student()
	soon = add_to_date(date.today(), months=-24, days=10)  # due in ten days
	mine_case, _ = closed_case(mine.name, when=soon)
	their_case, _ = closed_case(theirs.name, when=soon)
	frappe.get_doc(
		{"doctype": "Conflict Declaration", "student": theirs.name, "reason": "a neighbour"}
	).insert()
	frappe.local.student_advice_conflicts = {}
	records = {row["record"] for row in retention_due.execute({"days": 30})[1]}
	assert mine_case.name in records and their_case.name not in records
	frappe.set_user(make_user(["System Manager"]))
	with pytest.raises(Exception) as refused:
		retention_due.execute({"days": 30})
	assert getattr(refused.value, "code", None) == 403 or "Forbidden" in type(refused.value).__name__


def test_erasure_keeps_breach_records_and_the_disclosures_made_under_them(officer):
	student = make_student(full_name="Canary Erasure-Student", email=f"{unique('e')}@cam.example")
	case, entry = closed_case(student.name)
	third_party = make_third_party()
	consent = make_consent(student.name, third_party.name, make_wording().name)
	by_consent = frappe.get_doc(
		disclosure_values(student.name, third_party.name, consent=consent.name)
	).insert()
	breach = frappe.get_doc(
		{"doctype": "Confidentiality Breach", "student": student.name, "situation": "Canary erasure risk",
		 "ground": breach_policy.RISK, "aim": "safety", "recipient": third_party.name}
	).insert()  # fmt: skip
	frappe.db.set_value(
		"Confidentiality Breach", breach.name, {"docstatus": 1, "workflow_state": "Disclosed"}
	)
	by_breach = frappe.get_doc(
		disclosure_values(student.name, third_party.name, confidentiality_breach=breach.name)
	).insert()
	request = frappe.get_doc(
		{"doctype": "Erasure Request", "student": student.name, "notes": "asked in person"}
	).insert()
	result = rest("run_doc_method", dt="Erasure Request", dn=request.name, method="erase")
	assert result["student_kept"] and "breach record" in result["kept"]
	assert not frappe.db.exists("Consent", consent.name) and not frappe.db.exists(
		"Disclosure", by_consent.name
	)
	assert not frappe.db.exists("Case Entry", entry.name) and case_row(case.name).student is None
	assert frappe.db.exists("Confidentiality Breach", breach.name) and frappe.db.exists(
		"Disclosure", by_breach.name
	)
	kept = frappe.db.get_value("Advice Student", student.name, ["full_name", "email", "phone"], as_dict=True)
	assert kept.full_name == "Canary Erasure-Student" and not kept.email and not kept.phone
	request.reload()
	assert request.status == "Erased" and request.retention_run
	run_log = frappe.get_doc("Retention Run", request.retention_run)
	assert run_log.run_type == engine.ERASURE and "breach record" in run_log.kept_note
	assert student.name not in str(run_log.as_dict()) and "Canary" not in str(run_log.as_dict())


def test_erasure_is_refused_while_a_hold_applies(officer):
	student = make_student()
	frappe.get_doc({"doctype": "Legal Hold", "student": student.name, "reason": "court order"}).insert()
	request = frappe.get_doc({"doctype": "Erasure Request", "student": student.name}).insert()
	with pytest.raises(frappe.ValidationError, match="legal hold"):
		rest("run_doc_method", dt="Erasure Request", dn=request.name, method="erase")
	assert frappe.db.exists("Advice Student", student.name)


def test_a_personal_data_deletion_request_goes_to_the_officers_and_deletes_no_casework(officer):
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": unique("Outbox"),
			"email_id": f"{unique('out')}@example.test",
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"no_smtp_authentication": 1,
			"smtp_server": "smtp.invalid",
			"smtp_port": 25,
		}
	).insert(ignore_permissions=True)  # fmt: skip  (rolled back with the test)
	website_user = make_user(desk=False)
	student = make_student(email=website_user)
	case = make_case(student.name, summary="Canary kept until reviewed")
	frappe.set_user("Guest")
	request = frappe.get_doc({"doctype": "Personal Data Deletion Request", "email": website_user})
	request.insert(ignore_permissions=True)
	assert not frappe.db.exists("Erasure Request", {"student": student.name}), "not before the user confirmed"
	request.status = "Pending Approval"  # what confirm_deletion does once the emailed link is followed
	request.save(ignore_permissions=True)
	frappe.set_user(make_user(["System Manager"]))
	request.reload()
	request._anonymize_data()  # the job trigger_data_deletion queues
	frappe.set_user("Administrator")
	assert case_row(case.name).summary == "Canary kept until reviewed"
	review = frappe.get_all("Erasure Request", filters={"student": student.name}, fields=["status", "source"])
	assert review == [{"status": "Awaiting Review", "source": "Personal Data Deletion Request"}]


def test_only_the_manager_starts_a_run_now(officer, manager):
	with pytest.raises(frappe.PermissionError):
		rest("student_advice.api.retention.run_now")
	frappe.set_user(manager)
	name = rest("student_advice.api.retention.run_now")
	assert frappe.db.get_value("Retention Run", name, "status") == "Queued"


def test_every_kind_of_record_has_a_period_in_the_settings():
	settings = frappe.get_single("Student Advice Settings")
	for kind in retention.KINDS:
		assert settings.get(kind.setting) == kind.default_months or settings.get(kind.setting)
