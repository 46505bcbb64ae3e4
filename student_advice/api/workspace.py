"""The officers' workspace: number cards for the signed-in officer (custom, method-backed).

Every count is one counted frappe.get_list query, so the row rule and the officer's declared
conflicts of interest apply exactly as in the lists the cards open. Outsiders get the
service's one uniform denial: these method names mention no DocType, so the request gate
does not see them, and the guard (confidentiality/guards.py) must.
"""

from datetime import timedelta

import frappe
from frappe.utils import add_days, getdate, now_datetime, today

from student_advice.compat import permitted_count
from student_advice.confidentiality.guards import members_only
from student_advice.policy import casework
from student_advice.policy import meetings as meeting_policy

WAITING_DAYS = 14


def _card(doctype: str, filters: list) -> dict:
	"""A custom card's answer; clicking it opens the same list with the same filters."""
	return {
		"value": permitted_count(doctype, filters),
		"fieldtype": "Int",
		"route": ["List", doctype],
		"route_options": {f[0]: [f[1], f[2]] for f in filters},
	}


def _mine() -> list:
	# `_assign` holds a JSON list of users: match the quoted address, not a prefix of another.
	return ["_assign", "like", f'%"{frappe.session.user}"%']


def my_cases_or_filters() -> list:
	"""My cases: assigned to me, or opened by me (docs/decisions.md, decision 38)."""
	return [_mine(), ["owner", "=", frappe.session.user]]


# A card's list opens on exactly its cases while they fit in a link; beyond that, on the same status.
ROUTE_NAMES_LIMIT = 100


def _my_cases_card(filters: list) -> dict:
	names = frappe.get_list(
		"Case",
		filters=filters,
		or_filters=my_cases_or_filters(),
		pluck="name",
		order_by=None,
		limit_page_length=0,
	)
	route_options = {f[0]: [f[1], f[2]] for f in filters}
	if len(names) <= ROUTE_NAMES_LIMIT:
		route_options["name"] = ["in", names or [""]]
	return {
		"value": len(names),
		"fieldtype": "Int",
		"route": ["List", "Case"],
		"route_options": route_options,
	}


def my_open_cases_filters() -> list:
	return [["status", "!=", casework.CLOSED]]


def my_waiting_cases_filters() -> list:
	"""Waiting on the student or a third party, and untouched for more than 14 days."""
	return [
		["status", "in", [casework.WAITING_ON_STUDENT, casework.WAITING_ON_THIRD_PARTY]],
		["modified", "<", now_datetime() - timedelta(days=WAITING_DAYS)],
	]


def my_overdue_actions_filters() -> list:
	return [
		["action_owner", "=", frappe.session.user],
		["status", "in", list(meeting_policy.OPEN_ACTION_STATUSES)],
		["due_date", "<", getdate(today())],
	]


def enquiries_today_filters() -> list:
	return [["received_on", ">=", getdate(today())], ["received_on", "<", add_days(getdate(today()), 1)]]


@frappe.whitelist()
@members_only
def my_open_cases(filters=None) -> dict:
	"""Cases assigned to me or opened by me that are not closed."""
	return _my_cases_card(my_open_cases_filters())


@frappe.whitelist()
@members_only
def my_waiting_cases(filters=None) -> dict:
	"""My cases (assigned to me or opened by me) waiting on a student or third party for over 14 days."""
	return _my_cases_card(my_waiting_cases_filters())


@frappe.whitelist()
@members_only
def my_overdue_actions(filters=None) -> dict:
	"""Meeting actions I own that are past their due date and not done."""
	return _card("Meeting Action", my_overdue_actions_filters())


@frappe.whitelist()
@members_only
def enquiries_today(filters=None) -> dict:
	"""Enquiries received today, by anyone in the service."""
	return _card("Enquiry", enquiries_today_filters())


# Records on request: overdue, or due within a week (the legal clock, issue 12).
RECORD_REQUESTS_DUE_DAYS = 7


def record_requests_due_filters() -> list:
	return [
		["status", "!=", "Released"],
		["due_on", "<=", add_days(getdate(today()), RECORD_REQUESTS_DUE_DAYS)],
	]


@frappe.whitelist()
@members_only
def record_requests_due(filters=None) -> dict:
	"""Record access requests not yet answered that are overdue or due within a week."""
	return _card("Record Access Request", record_requests_due_filters())
