"""Casework Access Audit: an officer's views, prints, downloads, exports and edits, as the manager sees them.

Frappe's own print page and PDF download commit their Access Log mid-request (make_access_log), which
would end this test's savepoint, so the in-process tests exercise the print preview (which Frappe does
not log) and call the audit's `record` exactly as its after_request hook does; the hook's wiring and
its member-only noting are tested separately.
"""

import json

import frappe
import pytest
from frappe.desk.form.load import getdoc
from frappe.desk.query_report import run
from frappe.utils import add_days, today
from frappe.www.printview import get_html_and_style
from werkzeug.exceptions import Forbidden
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from student_advice.confidentiality import audit
from student_advice.confidentiality.gate import DENIAL_BODY
from student_advice.policy.roles import MANAGER, OFFICER, STATISTICS_VIEWER
from tests.factories import make_case, make_student, make_user

REPORT = "Casework Access Audit"


@pytest.fixture
def people():
	return frappe._dict(
		officer=make_user([OFFICER], officer_title="Student Advisor"),
		manager=make_user([OFFICER, MANAGER], officer_title="Service Manager"),
		system_manager=make_user(["System Manager"]),
		viewer=make_user([STATISTICS_VIEWER]),
	)


@pytest.fixture
def case(people):
	frappe.set_user(people.officer)
	case = make_case(make_student().name)
	frappe.set_user("Administrator")
	return case


def record(method, **form):
	return audit.record(audit.pending_read(method, form))


def audit_rows(manager, **filters):
	frappe.set_user(manager)
	filters = {"from_date": today(), "to_date": today(), **filters}
	result = run(REPORT, filters=filters, user=manager)
	return result["result"]


def actions(rows, user=None):
	return sorted(r["action"] for r in rows if user is None or r["user"] == user)


def test_officer_reads_appear_in_the_managers_audit(people, case):
	frappe.set_user(people.officer)
	getdoc("Case", case.name)  # the desk form: Frappe writes a View Log in this transaction
	assert frappe.db.exists("View Log", {"reference_name": case.name, "viewed_by": people.officer})

	printed = get_html_and_style(doc="Case", name=case.name)  # the desk's print preview
	assert printed["html"]
	assert record("frappe.www.printview.get_html_and_style", doc="Case", name=case.name) == 1
	assert record("frappe.utils.print_format.download_pdf", doctype="Case", name=case.name) == 1

	doc = frappe.get_doc("Case", case.name)
	doc.paper_file_location = "Locked cabinet, drawer 3"
	doc.save()  # a Version row

	rows = audit_rows(people.manager, reference_name=case.name)
	assert actions(rows, people.officer) == ["Changed", "Created", "Downloaded PDF", "Printed", "Viewed"]
	by_action = {r["action"]: r for r in rows}
	full_name = frappe.db.get_value("User", people.officer, "full_name")
	for row in rows:
		assert row["reference_doctype"] == "Case" and row["reference_name"] == case.name
		assert row["full_name"] == full_name and row["when"]
		assert row["student_name"] == case.student_name  # the manager reads people, not IDs
	assert by_action["Printed"]["details"].startswith("print preview")
	assert by_action["Created"]["when"] == frappe.db.get_value("Case", case.name, "creation")
	assert "paper_file_location" in by_action["Changed"]["details"]
	assert "drawer" not in by_action["Changed"]["details"]  # field names only, never values
	assert [r["when"] for r in rows] == sorted((r["when"] for r in rows), reverse=True)


def test_a_pdf_download_is_one_row_even_where_frappe_logged_its_rendering(people, case):
	frappe.set_user(people.officer)
	read = audit.pending_read(
		"frappe.utils.print_format.download_pdf", {"doctype": "case", "name": case.name}
	)
	# what frappe.get_print -> printview.get_context writes while rendering the PDF
	frappe.get_doc(
		{
			"doctype": "Access Log",
			"user": people.officer,
			"export_from": "case",
			"reference_document": case.name,
			"file_type": "PDF",
			"method": "Print",
		}
	).db_insert()
	assert audit.record(read) == 1
	rows = audit_rows(people.manager, reference_name=case.name)
	assert actions(rows) == ["Created", "Downloaded PDF"]
	assert {r["reference_doctype"] for r in rows} == {"Case"}
	assert frappe.db.count("Access Log", {"reference_document": case.name}) == 1


def test_exports_are_logged_per_record(people, case):
	frappe.set_user(people.officer)
	other = make_case(make_student().name)
	frappe.set_user(people.manager)
	filters = json.dumps([["Case", "name", "in", [case.name, other.name]]])
	written = record(
		"frappe.desk.reportview.export_query", doctype="Case", file_format_type="CSV", filters=filters
	)
	assert written == 2
	rows = audit_rows(people.manager, user=people.manager)
	exported = {r["reference_name"]: r for r in rows if r["action"] == "Exported"}
	assert set(exported) == {case.name, other.name}
	assert "CSV" in exported[case.name]["details"]
	selected = record(
		"frappe.desk.reportview.export_query",
		doctype="Case",
		file_format_type="Excel",
		selected_items=json.dumps([other.name]),
	)
	assert selected == 1


def test_only_service_doctypes_are_logged(people):
	frappe.set_user(people.officer)
	assert record("frappe.www.printview.get_html_and_style", doc="User", name=people.officer) == 0
	assert record("frappe.utils.print_format.download_pdf", doctype="ToDo", name="x") == 0
	assert audit.pending_read("frappe.client.get_list", {"doctype": "Case"}) is None


def test_filters(people, case):
	frappe.set_user(people.officer)
	getdoc("Case", case.name)
	frappe.set_user(people.manager)
	getdoc("Case", case.name)
	assert actions(audit_rows(people.manager, reference_name=case.name)) == ["Created", "Viewed", "Viewed"]
	assert {r["user"] for r in audit_rows(people.manager, user=people.officer)} == {people.officer}
	assert audit_rows(people.manager, reference_name=case.name, reference_doctype="Case")
	assert not audit_rows(people.manager, reference_name=case.name, reference_doctype="Enquiry")
	assert not audit_rows(people.manager, reference_doctype="User")  # not a service DocType: nothing
	yesterday = add_days(today(), -1)
	assert not audit_rows(people.manager, reference_name=case.name, from_date=yesterday, to_date=yesterday)


def test_everyone_but_the_manager_gets_the_uniform_denial(people, case):
	report_module = "student_advice.student_advice.report.casework_access_audit.casework_access_audit"
	execute = frappe.get_attr(f"{report_module}.execute")
	for outsider in (people.officer, people.system_manager, people.viewer):
		frappe.set_user(outsider)
		with pytest.raises(Forbidden) as denied:
			execute({"from_date": today(), "to_date": today()})
		assert denied.value.response.get_data(as_text=True) == DENIAL_BODY
		with pytest.raises((frappe.PermissionError, Forbidden)):
			run(REPORT, filters={"from_date": today(), "to_date": today()}, user=outsider)
	frappe.set_user(people.manager)
	columns, rows, _message = execute({"from_date": today(), "to_date": today()})
	assert [c["fieldname"] for c in columns] == [
		"when",
		"user",
		"full_name",
		"action",
		"reference_doctype",
		"student_name",
		"reference_name",
		"details",
	]


def test_report_settings():
	report = frappe.get_doc("Report", REPORT)
	assert report.ref_doctype == "Case" and report.report_type == "Script Report"
	assert report.is_standard == "Yes" and not report.prepared_report and not report.add_total_row
	assert [r.role for r in report.roles] == [MANAGER]


def test_hooks_note_reads_of_members_only(people, case):
	assert "student_advice.confidentiality.audit.log_request" in frappe.get_hooks("after_request")
	auth_hooks = frappe.get_hooks("auth_hooks")
	assert auth_hooks.index("student_advice.confidentiality.audit.watch_request") > auth_hooks.index(
		"student_advice.confidentiality.gate.guard_request"
	)
	path = "/api/method/frappe.utils.print_format.download_pdf"
	previous_request, previous_form = getattr(frappe.local, "request", None), frappe.local.form_dict
	try:
		frappe.local.request = Request(EnvironBuilder(path=path).get_environ())
		frappe.set_user(people.officer)  # (set_user clears form_dict)
		frappe.local.form_dict = frappe._dict(doctype="Case", name=case.name)
		audit.watch_request()
		noted = frappe.local.student_advice_read
		assert noted.method == "frappe.utils.print_format.download_pdf"
		assert noted.form == {"doctype": "Case", "name": case.name}
		frappe.set_user(people.system_manager)  # the gate denies outsiders first; nothing is noted anyway
		frappe.local.form_dict = frappe._dict(doctype="Case", name=case.name)
		audit.watch_request()
		assert frappe.local.student_advice_read is None
		frappe.local.request = Request(
			EnvironBuilder(path="/api/method/frappe.client.get_list").get_environ()
		)
		frappe.set_user(people.officer)
		frappe.local.form_dict = frappe._dict(doctype="Case")
		audit.watch_request()
		assert frappe.local.student_advice_read is None
	finally:
		frappe.local.request = previous_request
		frappe.local.form_dict = previous_form
		frappe.local.student_advice_read = None
