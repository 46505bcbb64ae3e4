"""Meetings as seen from a case: which meetings discussed it and what was agreed."""

import frappe
from frappe.utils import getdate, today

from student_advice.compat import permitted_count
from student_advice.confidentiality.gate import deny
from student_advice.confidentiality.guards import members_only
from student_advice.meetings import ACTION, DISCUSSION, MEETING
from student_advice.policy import meetings as policy


@frappe.whitelist()
@members_only
def case_meetings(case: str) -> list[dict]:
	"""Meetings that discussed the case, newest first, each with its notes and agreed actions.

	Everything is read with frappe.get_list, so an officer sees only what the row rule and
	their declared conflicts allow; a case they may not see (or that does not exist) gets the
	one uniform denial.
	"""
	if not case or not permitted_count("Case", {"name": case}):
		deny()
	discussions = frappe.get_list(
		DISCUSSION,
		filters={"advice_case": case, "not_discussed": 0},
		fields=["name", "meeting", "notes", "proposed"],
		limit_page_length=0,
	)
	if not discussions:
		return []
	meetings = {
		m.name: m
		for m in frappe.get_list(
			MEETING,
			filters={"name": ("in", [d.meeting for d in discussions])},
			fields=["name", "title", "meeting_date", "status"],
			limit_page_length=0,
		)
	}
	actions = frappe.get_list(
		ACTION,
		filters={"advice_case": case},
		fields=["name", "discussion", "what", "action_owner", "due_date", "status", "progress"],
		order_by="due_date asc",
		limit_page_length=0,
	)
	owners = {
		o.name: o.full_name
		for o in frappe.get_list(
			"Advice Officer",
			filters={"name": ("in", list({a.action_owner for a in actions} or {""}))},
			fields=["name", "full_name"],
			limit_page_length=0,
		)
	}
	now = getdate(today())
	result = []
	for d in discussions:
		meeting = meetings.get(d.meeting)
		if not meeting:
			continue
		result.append(
			{
				"meeting": meeting.name,
				"title": meeting.title,
				"meeting_date": meeting.meeting_date,
				"status": meeting.status,
				"discussion": d.name,
				"notes": d.notes,
				"actions": [
					{
						**a,
						"owner_name": owners.get(a.action_owner) or a.action_owner,
						"overdue": policy.is_overdue(getdate(a.due_date), a.status, now),
					}
					for a in actions
					if a.discussion == d.name
				],
			}
		)
	return sorted(result, key=lambda r: getdate(r["meeting_date"]), reverse=True)
