"""Refused attempts reach the manager's access audit; a conflicted officer is told why (decisions 35-36)."""

import frappe
import pytest
from frappe.desk.query_report import run
from frappe.utils import today
from werkzeug.exceptions import Forbidden
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from student_advice.confidentiality import audit, gate, refusals
from student_advice.policy.roles import MANAGER, OFFICER, STATISTICS_VIEWER
from tests.factories import make_case, make_student, make_user

REPORT = "Casework Access Audit"


@pytest.fixture
def world():
	officer = make_user([OFFICER], officer_title="Student Advisor")
	conflicted = make_user([OFFICER], officer_title="Welfare Officer")
	frappe.set_user(officer)
	student = make_student()
	case = make_case(student.name)
	frappe.set_user(conflicted)
	frappe.get_doc(
		{"doctype": "Conflict Declaration", "student": student.name, "reason": "Shares a house"}
	).insert()
	frappe.set_user("Administrator")
	frappe.local.student_advice_conflicts = {}
	return frappe._dict(
		officer=officer,
		conflicted=conflicted,
		manager=make_user([OFFICER, MANAGER], officer_title="Service Manager"),
		system_manager=make_user(["System Manager"]),
		viewer=make_user([STATISTICS_VIEWER]),
		student=student.name,
		case=case.name,
	)


@pytest.fixture
def request_to():
	"""Run code as inside a web request to `path` (form_dict set after set_user, which clears it)."""
	previous_request, previous_form = getattr(frappe.local, "request", None), frappe.local.form_dict

	def make(path, user, headers=None, **form):
		frappe.local.request = Request(EnvironBuilder(path=path, headers=headers or {}).get_environ())
		frappe.set_user(user)
		frappe.local.student_advice_conflicts = {}
		frappe.local.form_dict = frappe._dict(form)

	yield make
	frappe.local.request = previous_request
	frappe.local.form_dict = previous_form
	refusals.forget()


def audit_rows(manager, **filters):
	frappe.set_user(manager)
	return run(REPORT, filters={"from_date": today(), "to_date": today(), **filters}, user=manager)["result"]


def test_an_outsiders_denied_request_is_in_the_audit_with_its_route_and_record(world, request_to):
	for outsider in (world.system_manager, world.viewer):
		request_to(f"/api/resource/Case/{world.case}", outsider)
		with pytest.raises(Forbidden) as denied:
			gate.guard_request()
		assert denied.value.response.get_data(as_text=True) == gate.DENIAL_BODY  # what they see is unchanged
		assert audit.write_refusals() == 1
	request_to(
		"/api/method/frappe.desk.form.load.getdoc", world.viewer, doctype="case", name="no-such-record"
	)
	with pytest.raises(Forbidden):
		gate.guard_request()
	assert audit.write_refusals() == 1

	rows = [r for r in audit_rows(world.manager) if r["action"] == "Refused"]
	by_user = {(r["user"], r["reference_name"]): r for r in rows}
	denied = by_user[(world.system_manager, world.case)]
	assert denied["reference_doctype"] == "Case"
	assert denied["details"] == f"outside the service, /api/resource/Case/{world.case}"
	assert (world.viewer, world.case) in by_user
	missing = by_user[(world.viewer, "no-such-record")]  # the name the person sent, never looked up
	assert missing["reference_doctype"] == "Case"
	assert missing["details"].endswith("/api/method/frappe.desk.form.load.getdoc")


def test_a_conflicted_officers_refused_open_is_in_the_audit_and_says_why(world, request_to):
	from tests.integration.test_conflicts import call_whitelisted

	request_to("/api/method/frappe.desk.form.load.getdoc", world.conflicted, doctype="Case", name=world.case)
	gate.guard_request()  # a member: the gate lets it through, the row rule refuses
	with pytest.raises(frappe.PermissionError) as refused:
		call_whitelisted("frappe.desk.form.load.getdoc", doctype="Case", name=world.case)
	message = str(refused.value)
	assert "declared a conflict of interest" in message
	assert "controller permission" not in message
	shown = " ".join(str(m) for m in frappe.get_message_log())
	assert "declared a conflict of interest" in shown and "controller permission" not in shown
	assert audit.write_refusals() == 1

	rows = audit_rows(world.manager, user=world.conflicted)
	refused_rows = [r for r in rows if r["action"] == "Refused"]
	assert len(refused_rows) == 1
	assert refused_rows[0]["reference_doctype"] == "Case" and refused_rows[0]["reference_name"] == world.case
	assert refused_rows[0]["details"].startswith("declared conflict of interest")
	# a colleague opens it: no refusal noted
	frappe.clear_messages()
	request_to("/api/method/frappe.desk.form.load.getdoc", world.officer, doctype="Case", name=world.case)
	call_whitelisted("frappe.desk.form.load.getdoc", doctype="Case", name=world.case)
	assert audit.write_refusals() == 0


def test_refusals_are_written_only_for_a_request_that_ended_refused(world, request_to):
	request_to("/api/method/frappe.client.get", world.conflicted)
	frappe.has_permission("Case", "read", doc=world.case)  # asked, not refused to the person: no row
	assert getattr(frappe.local, "student_advice_refusals", None)
	before = frappe.db.count("Access Log", {"method": "Refused"})

	class Ok:
		status_code = 200

	audit.log_request(response=Ok())  # succeeded: the note is dropped, nothing written
	assert frappe.db.count("Access Log", {"method": "Refused"}) == before
	assert not getattr(frappe.local, "student_advice_refusals", None)


def test_creations_are_in_the_audit(world):
	rows = audit_rows(world.manager, reference_name=world.case)
	created = [r for r in rows if r["action"] == "Created"]
	assert [(r["user"], r["reference_doctype"]) for r in created] == [(world.officer, "Case")]
	students = audit_rows(world.manager, reference_doctype="Advice Student", user=world.officer)
	assert [r["reference_name"] for r in students if r["action"] == "Created"] == [world.student]


def test_the_audit_stays_the_managers(world):
	for reader in (world.officer, world.conflicted, world.system_manager, world.viewer):
		frappe.set_user(reader)
		with pytest.raises((frappe.PermissionError, Forbidden)):
			run(REPORT, filters={"from_date": today(), "to_date": today()}, user=reader)


def test_a_member_refused_by_a_role_guard_is_logged_as_such(world, request_to):
	from student_advice.confidentiality.health import get_report

	request_to("/api/method/student_advice.confidentiality.health.get_report", world.officer)
	with pytest.raises(Forbidden):
		get_report()
	assert audit.write_refusals() == 1
	rows = [r for r in audit_rows(world.manager, user=world.officer) if r["action"] == "Refused"]
	assert [r["details"] for r in rows] == [
		"not among the roles allowed, /api/method/student_advice.confidentiality.health.get_report"
	]
	assert rows[0]["reference_doctype"] is None and rows[0]["reference_name"] is None
	# filtered to a DocType or a record, the refusals that named none are left out
	filtered = audit_rows(world.manager, reference_doctype="Case", user=world.officer)
	assert filtered and not [r for r in filtered if r["action"] == "Refused"]


def test_a_refusal_naming_no_doctype_keeps_no_name_from_its_path(world, request_to):
	"""Its row is not guarded as casework, so a file or record name in the path is not kept."""
	request_to("/private/files/secret-letter-of-a-student.txt", world.system_manager)
	refusals.note(None, None, refusals.OUTSIDE)
	request_to("/api/method/frappe.client.get/extra", world.system_manager)
	refusals.note(None, None, refusals.OUTSIDE)
	assert refusals.bare_route("/private/files/secret-letter-of-a-student.txt") == "/private/..."
	assert refusals.bare_route("/api/v1/method/frappe.client.get") == "/api/v1/method/frappe.client.get"
	assert refusals.bare_route("") == "/"
	audit.write_refusals()
	pages = frappe.get_all(
		"Access Log", filters={"method": "Refused", "user": world.system_manager}, pluck="page"
	)
	assert sorted(pages) == ["/api/method/frappe.client.get", "/private/..."]
