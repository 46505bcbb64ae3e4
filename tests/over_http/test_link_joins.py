"""Link joins and child-table fields follow the row rule (issue 11, leak 8), conflicts included.

An officer who declared a conflict with one student queries, through frappe.client.get_list and
frappe.desk.reportview.get, Cases with `student.full_name` (a join the Case's row rule covers),
Contacts with `links.link_title` and Events with `event_participants.reference_docname` (child
rows pointing at the student's records). The conflicted student never appears; another student
does (positive control), and a colleague without the conflict sees both.
"""

import json

import frappe
import pytest

from student_advice.policy.roles import OFFICER
from tests.factories import make_case, make_student, make_user, unique
from tests.over_http.conftest import PASSWORD, Client

METHODS = ("frappe.client.get_list", "frappe.desk.reportview.get")


@pytest.fixture(scope="module")
def joined(site, users):
	"""Two students with a case each, a contact and an event about each; one officer conflicted with the first."""
	frappe.set_user(users["officer"])
	made = {}
	for key in ("conflicted", "other"):
		student = make_student(full_name=unique(f"Joined {key}"))
		case = make_case(student.name)
		contact = frappe.get_doc(
			{
				"doctype": "Contact",
				"first_name": unique("Guardian"),
				"links": [{"link_doctype": "Advice Student", "link_name": student.name}],
			}
		).insert(ignore_permissions=True)  # the officer's, by any role that may write contacts
		event = frappe.get_doc(
			{
				"doctype": "Event",
				"subject": unique("Appointment"),
				"starts_on": "2026-02-02 10:00:00",
				"event_type": "Public",  # every desk user sees it by Frappe's own rule
				"event_participants": [{"reference_doctype": "Case", "reference_docname": case.name}],
			}
		).insert(ignore_permissions=True)
		made[key] = frappe._dict(
			student=student.name,
			full_name=student.full_name,
			case=case.name,
			contact=contact.name,
			event=event.name,
		)
	frappe.set_user("Administrator")
	# System Manager reads every Contact (Frappe gives others only their own): both may read them all
	conflicted = make_user((OFFICER, "System Manager"), password=PASSWORD, officer_title="Student Advisor")
	colleague = make_user((OFFICER, "System Manager"), password=PASSWORD, officer_title="Education Officer")
	frappe.set_user(conflicted)
	frappe.get_doc(
		{"doctype": "Conflict Declaration", "student": made["conflicted"].student, "reason": "a cousin"}
	).insert()
	frappe.set_user("Administrator")
	frappe.db.commit()
	return made, Client("conflicted", conflicted), Client("colleague", colleague)


def _query(client, method, doctype, fields):
	response = client.get(
		f"/api/method/{method}", {"doctype": doctype, "fields": json.dumps(fields), "limit_page_length": 0}
	)
	return response


@pytest.mark.parametrize("method", METHODS)
def test_a_join_the_row_rule_covers_reaches_only_readable_students(joined, method):
	made, conflicted, colleague = joined
	response = _query(conflicted, method, "Case", ["name", "student.full_name"])
	assert response.status_code == 200, response.text[:300]
	assert made["other"].full_name in response.text  # positive control: the join works
	assert made["conflicted"].full_name not in response.text and made["conflicted"].case not in response.text
	control = _query(colleague, method, "Case", ["name", "student.full_name"])
	assert made["conflicted"].full_name in control.text and made["other"].full_name in control.text


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
	"doctype, fields, key",
	[
		("Contact", ["name", "links.link_name", "links.link_title"], "contact"),
		("Contact", ["name", "`tabDynamic Link`.`link_title`"], "contact"),
		("Event", ["name", "event_participants.reference_docname"], "event"),
	],
)
def test_child_rows_pointing_at_a_conflicted_students_records_stay_out(joined, method, doctype, fields, key):
	made, conflicted, colleague = joined
	response = _query(conflicted, method, doctype, fields)
	assert response.status_code == 200, response.text[:300]
	for trace in (made["conflicted"].student, made["conflicted"].full_name, made["conflicted"].case):
		assert trace not in response.text, (doctype, fields)
	assert made["conflicted"][key] not in response.text
	assert made["other"][key] in response.text  # positive control: the other student's row is there
	control = _query(colleague, method, doctype, fields)
	assert made["conflicted"][key] in control.text and made["other"][key] in control.text


def test_a_join_the_row_rule_does_not_cover_is_refused_to_the_conflicted_only(joined):
	_made, conflicted, colleague = joined
	fields = ["name", "student.email"]
	assert _query(conflicted, "frappe.client.get_list", "Conflict Declaration", fields).status_code == 403
	assert _query(colleague, "frappe.client.get_list", "Conflict Declaration", fields).status_code == 200


def test_outsiders_reach_no_child_row_about_casework(joined, clients):
	made, *_ = joined
	for persona in ("desk_user", "system_manager"):
		for method in METHODS:
			for doctype, fields in (
				("Contact", ["name", "links.link_name", "links.link_title"]),
				("Event", ["name", "event_participants.reference_docname"]),
			):
				text = _query(clients[persona], method, doctype, fields).text
				for row in made.values():
					assert row.student not in text and row.full_name not in text and row.case not in text
