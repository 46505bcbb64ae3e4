"""The few places where Frappe v15 and v16 differ, in one file."""

import frappe


def count_field(doctype: str):
	"""A get_list field that counts rows: v16 takes aggregates as dicts, v15 as SQL text."""
	if int(frappe.__version__.split(".")[0]) >= 16:
		return {"COUNT": "*", "as": "total_count"}
	return f"count(`tab{doctype}`.`name`) as total_count"


def permitted_count(doctype: str, filters=None) -> int:
	"""Count the rows the session user may see (row rules applied), unlike frappe.db.count."""
	rows = frappe.get_list(doctype, filters=filters, fields=[count_field(doctype)], order_by=None)
	return rows[0].total_count if rows else 0
