"""The case file in one place (issue 10): the log newest first with its text, the student's
consents, disclosures and breaches, the meetings; the same for the print format; nothing for a
conflicted officer or anyone outside the service. Append-only records can be filled in from a
new form (their creators hold write) and are still never changed once saved."""

import frappe
import pytest
from frappe.permissions import get_role_permissions
from frappe.utils import add_days, today
from werkzeug.exceptions import Forbidden

from student_advice.api.case_file import case_file, case_file_for_print
from student_advice.policy.roles import ADMINISTRATOR, MANAGER, OFFICER
from tests.factories import make_case, make_student, make_user, unique
from tests.integration.consent_builders import (
	disclosure_values,
	make_consent,
	make_third_party,
	make_wording,
	rest,
)


def entry(case, details, days_ago=0, **fields):
	return frappe.get_doc(
		{
			"doctype": "Case Entry",
			"advice_case": case,
			"entry_type": "Event",
			"entry_date": add_days(today(), -days_ago),
			"details": details,
			**fields,
		}
	).insert()


@pytest.fixture
def file(officer):
	student = make_student()
	case = make_case(student.name)
	first = entry(case.name, unique("first event"), days_ago=3)
	entry(case.name, unique("advice given"), days_ago=1, entry_type="Advice Offered")
	correction = entry(case.name, unique("the first event, corrected"), corrects=first.name)
	tutor = make_third_party().name
	consent = make_consent(student.name, tutor, make_wording().name)
	disclosure = frappe.get_doc(disclosure_values(student.name, tutor, consent=consent.name)).insert()
	return frappe._dict(
		student=student, case=case, first=first, correction=correction, consent=consent, disclosure=disclosure
	)


def test_the_log_reads_newest_first_with_text_type_and_officer(file, officer):
	result = case_file(file.case.name)
	entries = result["entries"]
	assert [e.entry_date for e in entries] == sorted((e.entry_date for e in entries), reverse=True)
	assert entries[0].name == file.correction.name and entries[-1].name == file.first.name
	assert entries[-1].details == file.first.details and entries[-1].corrected_by == file.correction.name
	assert {e.entry_type for e in entries} == {"Event", "Advice Offered"}
	assert all(e.officer == officer and e.officer_name for e in entries)
	assert [c.name for c in result["consents"]] == [file.consent.name]
	assert [d.name for d in result["disclosures"]] == [file.disclosure.name]
	assert result["breaches"] == [] and result["meetings"] == []


def test_the_print_format_prints_the_whole_file(file):
	# the print format's template as /printview renders it (which needs a request: tests/over_http)
	template = frappe.db.get_value("Print Format", "Case File", "html")
	html = frappe.render_template(template, {"doc": frappe.get_doc("Case", file.case.name)})
	for text in (file.first.details, file.correction.details, file.disclosure.description):
		assert frappe.utils.escape_html(text) in html or text in html
	assert frappe.db.get_value("DocType", "Case", "default_print_format") == "Case File"


def test_nobody_outside_the_service_nor_a_conflicted_officer_reads_a_case_file(file, officer):
	colleague = make_user([OFFICER], officer_title="Student Advisor")
	frappe.set_user(colleague)
	frappe.get_doc(
		{"doctype": "Conflict Declaration", "student": file.student.name, "reason": "a neighbour"}
	).insert()
	for user in (colleague, make_user(["System Manager"]), make_user([], desk=False)):
		frappe.set_user(user)
		for read in (case_file, case_file_for_print):
			with pytest.raises(Forbidden):
				read(file.case.name)
	frappe.set_user(officer)
	with pytest.raises(Forbidden):
		case_file(unique("missing"))


APPEND_ONLY = ("Case Entry", "Disclosure", "Consent Withdrawal", "Breach Correction")


@pytest.mark.parametrize("role", [OFFICER, MANAGER, ADMINISTRATOR])
def test_every_creator_can_fill_in_a_new_append_only_form(role):
	# The desk renders a new document read-only unless the user may write: what the form sees
	user = make_user([role])
	for doctype in APPEND_ONLY + ("Conflict Declaration",):
		perms = get_role_permissions(frappe.get_meta(doctype), user)
		if perms.get("create"):
			assert perms.get("write"), f"{role} creates {doctype} in a read-only form"
	if role == OFFICER:
		assert get_role_permissions(frappe.get_meta("Conflict Declaration"), user).get("create")


def test_a_saved_entry_is_never_changed_through_any_route(file, officer):
	name = file.first.name
	for field, value in (("details", "rewritten"), ("entry_date", add_days(today(), -30))):
		with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
			rest("frappe.client.set_value", doctype="Case Entry", name=name, fieldname=field, value=value)
	doc = frappe.get_doc("Case Entry", name).as_dict()
	doc["details"] = "rewritten"
	with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
		rest("frappe.client.save", doc=frappe.as_json(doc))
	assert frappe.db.get_value("Case Entry", name, "details") == file.first.details
	disclosure = frappe.get_doc("Disclosure", file.disclosure.name)
	disclosure.description = "rewritten"
	with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
		disclosure.save()
	assert (
		frappe.db.get_value("Disclosure", file.disclosure.name, "description") == file.disclosure.description
	)
