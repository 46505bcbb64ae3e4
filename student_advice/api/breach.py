"""Breach procedure endpoints for the manager: consultations still outstanding after an emergency."""

import frappe
from frappe.utils import getdate, today

from student_advice.confidentiality.guards import managers_only


@frappe.whitelist()
@managers_only
def outstanding_consultations() -> list[dict]:
	"""Disclosed breaches still waiting for another officer to confirm a consultation, by deadline."""
	rows = frappe.get_list(
		"Confidentiality Breach",
		filters={"docstatus": 1, "consultation_outstanding": 1},
		fields=["name", "deciding_officer", "disclosed_on", "consultation_deadline"],
		order_by="consultation_deadline asc",
		limit_page_length=500,
	)
	for row in rows:
		row["overdue"] = bool(
			row.consultation_deadline and getdate(row.consultation_deadline) < getdate(today())
		)
	return rows
