# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE
"""What the retention engine will anonymise or remove in the coming days, and what a hold keeps."""

import frappe
from frappe import _

from student_advice.api.retention import due_rows
from student_advice.confidentiality.guards import members_only


@members_only
def execute(filters=None):
	filters = frappe._dict(filters or {})
	horizon = min(max(int(filters.get("days") or 30), 0), 366)
	return get_columns(), get_data(horizon)


def get_columns() -> list[dict]:
	return [
		{"fieldname": "due_on", "label": _("Due On"), "fieldtype": "Date", "width": 110},
		{"fieldname": "kind", "label": _("Kind"), "fieldtype": "Data", "width": 220},
		{"fieldname": "doctype", "label": _("Record Type"), "fieldtype": "Data", "hidden": 1},
		{"fieldname": "record", "label": _("Record"), "fieldtype": "Dynamic Link", "options": "doctype", "width": 260},
		{"fieldname": "student", "label": _("Student"), "fieldtype": "Link", "options": "Advice Student", "width": 260},
		{"fieldname": "action", "label": _("What Happens"), "fieldtype": "Data", "width": 140},
		{"fieldname": "on_hold", "label": _("On Legal Hold"), "fieldtype": "Check", "width": 110},
	]  # fmt: skip


def get_data(horizon: int) -> list[dict]:
	rows = due_rows(horizon)
	for row in rows:
		row["action"] = _("Anonymised") if row["action"] == "anonymise" else _("Removed")
	return rows
