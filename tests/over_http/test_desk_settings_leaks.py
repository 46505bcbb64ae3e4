"""Issue 11's leaks 3 to 8: officers' saved desk settings, reports run as a member, link joins.

Each route is probed as an outsider (desk user, System Manager, Report Manager) and, as the
positive control, as the officer who owns the record: the officer's answer carries the
canary, so "nothing leaked" cannot come from a route that returns nothing to anyone.
"""

import json

import frappe
import pytest

from student_advice.policy.roles import OFFICER
from tests.factories import make_user, unique
from tests.over_http.conftest import PASSWORD, Client

OUTSIDERS = ("desk_user", "system_manager", "report_manager")


@pytest.fixture(scope="module")
def saved(site, users, world):
	"""An officer's Kanban Board, report, list filter and workspace on Case, each naming the student."""
	officer, case = users["officer"], world["records"]["Case"]
	student = world["records"]["Advice Student"]
	on_student = [["Case", "student", "=", student]]
	frappe.set_user("Administrator")
	names = {}
	names["Kanban Board"] = (
		frappe.get_doc(
			{
				"doctype": "Kanban Board",
				"kanban_board_name": unique("Board"),
				"reference_doctype": "Case",
				"field_name": "status",
				"columns": [{"column_name": "Open", "order": json.dumps([case])}],
				"filters": json.dumps(on_student),
			}
		)
		.insert(ignore_permissions=True)
		.name
	)
	names["Report"] = (
		frappe.get_doc(
			{
				"doctype": "Report",
				"report_name": unique("Cases of"),
				"ref_doctype": "Case",
				"report_type": "Report Builder",
				"is_standard": "No",
				"json": json.dumps({"filters": on_student, "columns": [["name", "Case"]]}),
			}
		)
		.insert(ignore_permissions=True)
		.name
	)
	names["List Filter"] = (
		frappe.get_doc(
			{
				"doctype": "List Filter",
				"filter_name": unique("Mine"),
				"reference_doctype": "Case",
				"for_user": officer,
				"filters": json.dumps(on_student),
			}
		)
		.insert(ignore_permissions=True)
		.name
	)
	label = unique("Desk")
	names["Workspace"] = (
		frappe.get_doc(
			{
				"doctype": "Workspace",
				"label": label,
				"title": label,
				"public": 0,
				"for_user": officer,
				"content": "[]",
				"shortcuts": [
					{
						"type": "DocType",
						"link_to": "Case",
						"label": "Cases",
						"stats_filter": json.dumps(on_student),
					}
				],
			}
		)
		.insert(ignore_permissions=True)
		.name
	)
	for doctype, name in names.items():
		frappe.db.set_value(doctype, name, "owner", officer, update_modified=False)
	frappe.db.commit()
	return names, student


ROUTES = {
	"Kanban Board": '["name", "filters", "columns.order"]',
	"Report": '["name", "json"]',
	"List Filter": '["name", "filters"]',
	"Workspace": '["name", "shortcuts.stats_filter"]',
}


@pytest.mark.parametrize("doctype", sorted(ROUTES))
def test_officers_saved_settings_on_case_stay_with_members(clients, saved, doctype):
	names, student = saved
	params = {"fields": ROUTES[doctype], "limit_page_length": 0}
	control = clients["officer"].get(f"/api/resource/{doctype}", params=params)
	assert control.status_code == 200 and student in control.text, control.text[:300]  # positive control
	for persona in OUTSIDERS:
		for path in (f"/api/resource/{doctype}", f"/api/v1/resource/{doctype}"):
			response = clients[persona].get(path, params=params)
			assert student not in response.text, f"{persona} read the student through {path}"
			assert names[doctype] not in response.text
		one = clients[persona].get(f"/api/resource/{doctype}/{names[doctype]}")
		assert one.status_code in (403, 404) and student not in one.text


def test_kanban_update_order_through_v1_is_refused(clients, users, saved, world):
	names, student = saved
	board = names["Kanban Board"]
	method = "frappe.desk.doctype.kanban_board.kanban_board.update_order"
	for persona in OUTSIDERS:
		for prefix in ("/api/method/", "/api/v1/method/"):
			response = clients[persona].post(prefix + method, {"board_name": board, "order": "{}"})
			assert response.status_code == 403 and student not in response.text, (persona, prefix)


def test_an_auto_email_report_never_runs_as_a_member_for_someone_else(clients, users):
	client = clients["report_manager"]
	report = {
		"doctype": "Report",
		"report_name": unique("My todos"),
		"ref_doctype": "ToDo",
		"report_type": "Report Builder",
		"is_standard": "No",
	}
	response = client.post("/api/method/frappe.client.insert", {"doc": json.dumps(report)})
	assert response.status_code == 200, response.text[:300]
	report_name = response.json()["message"]["name"]

	def auto_email(user):
		doc = {
			"doctype": "Auto Email Report",
			"report": report_name,
			"user": user,
			"format": "CSV",
			"frequency": "Daily",
			"email_to": "reports@example.test",
		}
		return client.post("/api/method/frappe.client.insert", {"doc": json.dumps(doc)})

	assert auto_email(users["report_manager"]).status_code == 200  # positive control: as oneself
	refused = auto_email(users["officer"])
	assert refused.status_code != 200 and "name" not in (refused.json().get("message") or {})


def test_link_joins_follow_the_conflict_rule(site, world):
	student = world["records"]["Advice Student"]
	frappe.set_user("Administrator")
	conflicted = make_user((OFFICER,), password=PASSWORD, officer_title="Student Advisor")
	frappe.set_user(conflicted)
	frappe.get_doc({"doctype": "Conflict Declaration", "student": student, "reason": "a neighbour"}).insert()
	frappe.set_user("Administrator")
	frappe.db.commit()
	client = Client("conflicted", conflicted)
	own = client.get(
		"/api/method/frappe.client.get_list", {"doctype": "Conflict Declaration", "fields": '["name"]'}
	)
	assert own.status_code == 200 and own.json()["message"], own.text[:300]  # positive control
	for method in ("frappe.client.get_list", "frappe.desk.reportview.get"):
		response = client.get(
			f"/api/method/{method}",
			{
				"doctype": "Conflict Declaration",
				"fields": '["name", "student.contact_notes", "student.email"]',
			},
		)
		assert response.status_code == 403, (method, response.text[:300])
	assert client.get("/api/resource/Advice Student/" + student).status_code in (403, 404)
