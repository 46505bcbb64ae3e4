"""Scheduled jobs (hooks.py scheduler_events)."""

import frappe


def expire_consents():
	"""Daily: store Expired (or Withdrawn) on submitted consents whose computed status changed.

	The stored status serves lists and filters only; whether a consent covers a disclosure is
	always computed from its expiry and withdrawal at the moment of the disclosure.
	"""
	from student_advice.student_advice.doctype.consent.consent import sync_status

	for name in frappe.get_all(
		"Consent",
		filters={"docstatus": 1, "status": "Active", "expires_on": ("<=", frappe.utils.now_datetime())},
		pluck="name",
		order_by=None,
	):
		sync_status(name)


def prepare_next_meeting(today=None) -> str | None:
	"""Daily: make sure the next reflective practice meeting exists and has its agenda proposed.

	Creates the meeting on the configured weekday one to seven days ahead, once (a meeting
	already on that date is reused, so re-running changes nothing), and while it is still
	scheduled adds a draft discussion for each case that changed since the last held meeting
	or has overdue actions. A case officers took off the agenda is not proposed again.
	"""
	from frappe.utils import getdate

	from student_advice.meetings import MEETING, meeting_title, propose_cases, settings
	from student_advice.policy import meetings as policy

	config = settings()
	if config.paused:
		return None
	today = getdate(today or frappe.utils.today())
	meeting_date = policy.next_meeting_date(today, config.weekday)
	name = frappe.db.get_value(MEETING, {"meeting_date": meeting_date}, "name")
	if name:
		meeting = frappe.get_doc(MEETING, name)
	else:
		meeting = frappe.get_doc(
			{
				"doctype": MEETING,
				"meeting_date": meeting_date,
				"meeting_time": config.time,
				"status": policy.SCHEDULED,
				"scheduled_by_system": 1,
				"title": meeting_title(meeting_date),
			}
		)
		meeting.flags.scheduled_by_system = True
		meeting.insert(ignore_permissions=True)
	if meeting.status == policy.SCHEDULED:
		propose_cases(meeting, today)
	return meeting.name
