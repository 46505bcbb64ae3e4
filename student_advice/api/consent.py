"""Consent endpoints for the workspace: consents about to expire (role-guarded, permission-aware)."""

from datetime import timedelta

import frappe
from frappe.utils import now_datetime

from student_advice.confidentiality.gate import deny
from student_advice.confidentiality.permissions import is_member
from student_advice.policy.consent import ACTIVE, EXPIRING_SOON_DAYS


def _members_only():
	"""Outsiders get the service's one uniform denial (nothing here names a DocType to the gate)."""
	if not is_member():
		deny()


def _expiring_filters(days: int):
	now = now_datetime()
	return [
		["docstatus", "=", 1],
		["status", "=", ACTIVE],
		["expires_on", ">", now],
		["expires_on", "<=", now + timedelta(days=max(1, min(int(days), 366)))],
	]


@frappe.whitelist()
def expiring_consents(days: int = EXPIRING_SOON_DAYS) -> list[dict]:
	"""Active consents that expire within `days` (default 14): name, student, third party, expiry."""
	_members_only()
	return frappe.get_list(
		"Consent",
		filters=_expiring_filters(days),
		fields=["name", "student", "student_name", "third_party_name", "expires_on"],
		order_by="expires_on asc",
		limit_page_length=500,
	)


@frappe.whitelist()
def expiring_consents_count(filters=None) -> dict:
	"""For a custom (method) Number Card: how many active consents expire within 14 days."""
	_members_only()
	count = len(
		frappe.get_list(
			"Consent", filters=_expiring_filters(EXPIRING_SOON_DAYS), pluck="name", limit_page_length=0
		)
	)
	return {"value": count, "fieldtype": "Int", "route": ["List", "Consent"]}
