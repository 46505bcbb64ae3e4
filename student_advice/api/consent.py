"""Consent endpoints for the workspace: consents about to expire (permission-aware).

Outsiders get the service's one uniform denial from the guard: nothing here names a DocType to the gate.
"""

from datetime import timedelta

import frappe
from frappe.utils import now_datetime

from student_advice.compat import permitted_count
from student_advice.confidentiality.guards import members_only
from student_advice.policy.consent import ACTIVE, EXPIRING_SOON_DAYS


def _expiring_filters(days: int):
	now = now_datetime()
	return [
		["docstatus", "=", 1],
		["status", "=", ACTIVE],
		["expires_on", ">", now],
		["expires_on", "<=", now + timedelta(days=max(1, min(int(days), 366)))],
	]


@frappe.whitelist()
@members_only
def expiring_consents(days: int = EXPIRING_SOON_DAYS) -> list[dict]:
	"""Active consents that expire within `days` (default 14): name, student, third party, expiry."""
	return frappe.get_list(
		"Consent",
		filters=_expiring_filters(days),
		fields=["name", "student", "student_name", "third_party_name", "expires_on"],
		order_by="expires_on asc",
		limit_page_length=500,
	)


@frappe.whitelist()
@members_only
def expiring_consents_count(filters=None) -> dict:
	"""For a custom (method) Number Card: how many active consents expire within 14 days."""
	count = permitted_count("Consent", _expiring_filters(EXPIRING_SOON_DAYS))
	return {"value": count, "fieldtype": "Int", "route": ["List", "Consent"]}
