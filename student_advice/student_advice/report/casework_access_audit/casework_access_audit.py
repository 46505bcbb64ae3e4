# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE
"""Casework Access Audit: who created, viewed, printed, downloaded, exported or changed which casework
record, and whose attempts were refused (docs/decisions.md, decision 35).

Reads View Log, Access Log, Version and each record's own creation and owner with frappe.qb: its
reader, the manager, may see the whole audit. execute() refuses everyone else itself (docs/decisions.md, decision 25: prepared reports
and other paths can run a report without checking its roles). What is logged, and how, is
student_advice/confidentiality/audit.py.
"""

import json

import frappe
from frappe import _
from frappe.utils import add_days, getdate, today

from student_advice.confidentiality.audit import (
	DOWNLOAD_PDF,
	EXPORT,
	FRAPPE_PRINT,
	PORTAL_DOWNLOAD,
	PORTAL_VIEW,
	PRINT_PREVIEW,
	RAW_PRINT,
	REFUSED,
	service_doctype,
)
from student_advice.confidentiality.guards import roles_only
from student_advice.policy import registry
from student_advice.policy.roles import MANAGER

VIEWED, PRINTED, DOWNLOADED, EXPORTED, CHANGED = "Viewed", "Printed", "Downloaded PDF", "Exported", "Changed"
CREATED, REFUSED_ACTION = "Created", "Refused"
PRINT_METHODS = {FRAPPE_PRINT: "print page", PRINT_PREVIEW: "print preview", RAW_PRINT: "raw print"}

MAX_ROWS = 10_000


@roles_only(MANAGER)
def execute(filters=None):
	filters = frappe._dict(filters or {})
	rows = get_data(filters)
	message = None
	if len(rows) > MAX_ROWS:
		rows = rows[:MAX_ROWS]
		message = _("Showing the newest {0} rows only: narrow the dates or filters.").format(MAX_ROWS)
	return get_columns(), rows, message


def get_columns() -> list[dict]:
	return [
		{"fieldname": "when", "label": _("When"), "fieldtype": "Datetime", "width": 170},
		# Data, not Link: Frappe would filter a report's rows by the reader's User Permissions on
		# each Link column's DocType, and an audit must never drop rows silently.
		{"fieldname": "user", "label": _("User"), "fieldtype": "Data", "width": 200},
		{"fieldname": "full_name", "label": _("Full Name"), "fieldtype": "Data", "width": 160},
		{"fieldname": "action", "label": _("Action"), "fieldtype": "Data", "width": 130},
		{"fieldname": "reference_doctype", "label": _("DocType"), "fieldtype": "Data", "width": 150},
		{"fieldname": "student_name", "label": _("Student"), "fieldtype": "Data", "width": 180},
		{
			"fieldname": "reference_name",
			"label": _("Record"),
			"fieldtype": "Dynamic Link",
			"options": "reference_doctype",
			"width": 220,
		},
		{"fieldname": "details", "label": _("Details"), "fieldtype": "Data", "width": 280},
	]


def _period(filters) -> tuple[str, str]:
	start = getdate(filters.get("from_date") or add_days(today(), -30))
	end = add_days(getdate(filters.get("to_date") or today()), 1)
	return str(start), str(end)


def _doctypes(filters) -> list[str]:
	wanted = filters.get("reference_doctype")
	if wanted:
		doctype = service_doctype(wanted)
		return [doctype] if doctype else []
	return sorted(registry.SERVICE_DOCTYPES)


def get_data(filters) -> list[dict]:
	"""Rows from View Log, Access Log and Version, newest first."""
	doctypes = _doctypes(filters)
	if not doctypes:
		return []
	start, end = _period(filters)
	rows = _view_rows(doctypes, start, end, filters)
	rows += _access_rows(doctypes, start, end, filters)
	rows += _change_rows(doctypes, start, end, filters)
	rows += _creation_rows(doctypes, start, end, filters)
	if not filters.get("reference_doctype") and not filters.get("reference_name"):
		rows += _unnamed_refusal_rows(start, end, filters)
	rows.sort(key=lambda r: (r["when"], r["action"]), reverse=True)
	del rows[MAX_ROWS + 1 :]  # execute() shows MAX_ROWS and says when there were more: name no more
	names = {r.user: r.full_name for r in _users({r["user"] for r in rows})}
	students = _student_names(rows)
	for row in rows:
		row["full_name"] = names.get(row["user"], "")
		row["student_name"] = students.get((row["reference_doctype"], row["reference_name"]), "")
	return rows


def _student_names(rows) -> dict[tuple[str, str], str]:
	"""(doctype, record) -> the student's name, for the manager's eyes (decision 5); erased records
	have none."""
	wanted: dict[str, set[str]] = {}
	student_of = {}
	for row in rows:
		if "student" in row:  # a creation row reads its record's student with it
			student_of[(row["reference_doctype"], row["reference_name"])] = row.pop("student")
		elif registry.student_field(row["reference_doctype"]) and row["reference_name"]:
			wanted.setdefault(row["reference_doctype"], set()).add(row["reference_name"])
	# frappe.qb, not frappe.get_all: the reader may see every row, and up to 10,000 names are read
	for doctype, names in wanted.items():
		table = frappe.qb.DocType(doctype)
		field = registry.student_field(doctype)
		query = frappe.qb.from_(table).select(table.name, table[field]).where(table.name.isin(sorted(names)))
		for name, student in query.run():
			student_of[(doctype, name)] = student
	students = sorted(set(student_of.values()) - {None})
	full_names = {}
	if students:
		table = frappe.qb.DocType("Advice Student")
		full_names = dict(
			frappe.qb.from_(table).select(table.name, table.full_name).where(table.name.isin(students)).run()
		)
	return {key: full_names.get(student, "") for key, student in student_of.items()}


def _users(users):
	if not users:
		return []
	return frappe.get_all(
		"User", filters={"name": ("in", sorted(users))}, fields=["name as user", "full_name"]
	)


def _select(table, user_column, doctype_column, name_column, doctypes, start, end, filters, *extra):
	query = (
		frappe.qb.from_(table)
		.select(
			table.creation.as_("when"),
			user_column.as_("user"),
			doctype_column.as_("reference_doctype"),
			name_column.as_("reference_name"),
			*extra,
		)
		.where(doctype_column.isin(doctypes))
		.where(table.creation >= start)
		.where(table.creation < end)
		.orderby(table.creation, order=frappe.qb.desc)
		.limit(MAX_ROWS + 1)
	)
	if filters.get("user"):
		query = query.where(user_column == filters.get("user"))
	if filters.get("reference_name"):
		query = query.where(name_column == filters.get("reference_name"))
	return query.run(as_dict=True)


def _view_rows(doctypes, start, end, filters) -> list[dict]:
	table = frappe.qb.DocType("View Log")
	found = _select(
		table, table.viewed_by, table.reference_doctype, table.reference_name, doctypes, start, end, filters
	)
	viewed, form = _label(VIEWED), _label("form")
	return [dict(r, action=viewed, details=form) for r in found]


def _access_rows(doctypes, start, end, filters) -> list[dict]:
	table = frappe.qb.DocType("Access Log")
	found = _select(
		table,
		table.user,
		table.export_from,
		table.reference_document,
		doctypes,
		start,
		end,
		filters,
		table.method,
		table.file_type,
		table.report_name,
		table.filters,
		table.page,
	)
	rows = []
	for r in found:
		if r.method == REFUSED:
			rows.append(_refusal_row(r))
			continue
		action, how = _access_action(r.method)
		details = ", ".join(str(part) for part in (how, r.file_type, r.report_name) if part)
		rows.append(
			{
				"when": r.when,
				"user": r.user,
				"reference_doctype": r.reference_doctype,
				"reference_name": r.reference_name,
				"action": action,
				"details": details,
			}
		)
	return rows


def _refusal_row(r) -> dict:
	"""A refused attempt: the reason and the route it came by (decision 35)."""
	reason = _label(r.filters) if r.filters else ""
	route = (r.page or "")[:200]
	return {
		"when": r.when,
		"user": r.user,
		"reference_doctype": r.reference_doctype,
		"reference_name": r.reference_name,
		"action": _label(REFUSED_ACTION),
		"details": ", ".join(part for part in (reason, route) if part),
	}


def _unnamed_refusal_rows(start, end, filters) -> list[dict]:
	"""Refusals that named no service DocType (an app endpoint, a comment or file of casework)."""
	table = frappe.qb.DocType("Access Log")
	query = (
		frappe.qb.from_(table)
		.select(
			table.creation.as_("when"),
			table.user,
			table.export_from.as_("reference_doctype"),
			table.reference_document.as_("reference_name"),
			table.filters,
			table.page,
		)
		.where(table.method == REFUSED)
		.where(table.export_from.isnull())
		.where(table.creation >= start)
		.where(table.creation < end)
		.orderby(table.creation, order=frappe.qb.desc)
		.limit(MAX_ROWS + 1)
	)
	if filters.get("user"):
		query = query.where(table.user == filters.get("user"))
	return [_refusal_row(r) for r in query.run(as_dict=True)]


def _creation_rows(doctypes, start, end, filters) -> list[dict]:
	"""Each record's own creation and owner: Frappe sets both on insert and nothing changes them.

	One query per DocType, each newest first and no longer than the report can show (a UNION ALL of
	them, sorted by the database, measured slower: the server's temporary table and sort cost more
	than the rows it spares)."""
	created, rows = _label(CREATED), []
	for doctype in doctypes:
		meta = frappe.get_meta(doctype)
		if meta.issingle or meta.istable:
			continue
		table = frappe.qb.DocType(doctype)
		student = registry.student_field(doctype)
		query = (
			frappe.qb.from_(table)
			.select(table.creation.as_("when"), table.owner.as_("user"), table.name.as_("reference_name"))
			.select(*([table[student].as_("student")] if student else []))
			.where(table.creation >= start)
			.where(table.creation < end)
			.orderby(table.creation, order=frappe.qb.desc)
			.limit(MAX_ROWS + 1)
		)
		if filters.get("user"):
			query = query.where(table.owner == filters.get("user"))
		if filters.get("reference_name"):
			query = query.where(table.name == filters.get("reference_name"))
		for r in query.run(as_dict=True):
			r.update(reference_doctype=doctype, action=created, details="")
			rows.append(r)
	return rows


def _label(text: str) -> str:
	"""_() once per text and language: the report labels thousands of rows with a handful of words,
	and each _() is a Redis read."""
	labels = getattr(frappe.local, "student_advice_audit_labels", None)
	if labels is None:
		labels = frappe.local.student_advice_audit_labels = {}
	key = (getattr(frappe.local, "lang", None), text)
	if key not in labels:
		labels[key] = _(text)
	return labels[key]


def _access_action(method) -> tuple[str, str]:
	if method in PRINT_METHODS:
		return _label(PRINTED), _label(PRINT_METHODS[method])
	if method == DOWNLOAD_PDF:
		return _label(DOWNLOADED), ""
	if method == PORTAL_VIEW:
		return _label(VIEWED), _label("the student, in the portal")
	if method == PORTAL_DOWNLOAD:
		return _label(DOWNLOADED), _label("the student, in the portal")
	if method == EXPORT:
		return _label(EXPORTED), _label("record")
	# Frappe's own export rows: one per export, naming no record (Data Export puts the parent DocType here).
	return _label(EXPORTED), _label("whole export")


def _change_rows(doctypes, start, end, filters) -> list[dict]:
	table = frappe.qb.DocType("Version")
	found = _select(
		table, table.owner, table.ref_doctype, table.docname, doctypes, start, end, filters, table.data
	)
	changed = _label(CHANGED)
	return [dict(r, action=changed, details=_change_details(r.pop("data", None))) for r in found]


def _change_details(data) -> str:
	"""Which fields changed (names only, never values), and who impersonated the user if anyone did."""
	try:
		diff = json.loads(data or "{}")
	except ValueError:
		return ""
	if not isinstance(diff, dict):
		return ""
	fields = [c[0] for c in diff.get("changed") or () if c]
	fields += [
		f"{c[0]} (rows)" for key in ("added", "removed", "row_changed") for c in diff.get(key) or () if c
	]
	details = _("fields: {0}").format(", ".join(dict.fromkeys(fields))) if fields else ""
	if diff.get("impersonated_by"):
		details = ", ".join(filter(None, [details, _("impersonated by {0}").format(diff["impersonated_by"])]))
	return details
