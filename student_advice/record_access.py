"""Records on request, the Frappe side: the student's records, the frozen copy, who looked, messages.

The rules are pure (student_advice.policy.record_access); this module reads and writes Frappe.
Officers gather and release through the Record Access Request controller; the student reads only
through the portal page and api/portal.py, which match the login's email, never an argument.
"""

import json

import frappe
from frappe import _
from frappe.utils import add_days, cstr, formatdate, get_datetime, get_url, getdate, nowdate

from student_advice import messages
from student_advice.policy import record_access as policy
from student_advice.policy import registry
from student_advice.policy.retention import KINDS
from student_advice.policy.roles import SERVICE_ROLES

DOCTYPE = "Record Access Request"
PRINT_FORMAT = "Record Access Copy"

# What a record's copy shows: its values, never links to other records (random names) or people.
VALUE_TYPES = {
	"Data",
	"Small Text",
	"Text",
	"Long Text",
	*policy.RICH_TEXT_TYPES,
	"Select",
	"Date",
	"Datetime",
	"Time",
	"Int",
	"Check",
	"Phone",
}
MASTER_LINKS = {"College", "Faculty", "Case Category", "Case Outcome", "Third Party", "Consent Wording"}


# --- the student's records ----------------------------------------------------------------------


def student_of_email(email: str | None) -> str | None:
	return frappe.db.get_value("Advice Student", {"email": email}, "name") if email else None


def records_of(student: str | None) -> list[tuple[str, str, str]]:
	"""(doctype, name, label) of every record the student has, as the reading officer's row rule allows."""
	if not student:
		return []
	found = []
	for doctype in policy.REVIEWED_DOCTYPES:
		field = registry.student_field(doctype)
		for row in frappe.get_list(
			doctype,
			filters={field: student},
			fields=["name", "creation"],
			order_by="creation asc",
			limit_page_length=0,
		):
			found.append((doctype, row.name, f"{_(doctype)} ({formatdate(row.creation)})"))
	return found


def snapshot(doctype: str, name: str) -> list[list[str]]:
	"""[label, value] of a record as it stands now, read with the officer's own permission."""
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("read")
	fields = []
	for df in doc.meta.fields:
		value = doc.get(df.fieldname)
		if df.hidden or value in (None, "", 0) and df.fieldtype != "Int":
			continue
		if df.fieldtype == "Link" and df.options not in MASTER_LINKS:
			continue
		if df.fieldtype not in VALUE_TYPES | {"Link"}:
			continue
		if df.fieldtype == "Check":
			value = _("Yes")
		elif df.fieldtype == "Select":
			value = _(value)
		elif df.fieldtype == "Date":
			value = formatdate(value)
		elif df.fieldtype == "Datetime":
			value = f"{formatdate(value)} {get_datetime(value):%H:%M}"  # no seconds or microseconds
		elif df.fieldtype in policy.RICH_TEXT_TYPES:
			value = policy.plain_text(value)
			if not value:  # an empty editor still holds markup
				continue
		fields.append([_(df.label or df.fieldname), cstr(value)])
	return fields


# --- who looked, from the access audit's rows ----------------------------------------------------


# The audit report's three sources: (table, when, who, doctype column, record column, method or None).
_AUDIT_SOURCES = (
	("View Log", "viewed_by", "reference_doctype", "reference_name", None),
	("Version", "owner", "ref_doctype", "docname", None),
	("Access Log", "user", "export_from", "reference_document", "method"),
)


def audit_rows(released: set[tuple[str, str]]) -> list[dict]:
	"""View Log, Version and Access Log rows about the released records (the audit report's sources)."""
	by_doctype: dict[str, list[str]] = {}
	for doctype, name in released:
		by_doctype.setdefault(doctype, []).append(name)
	rows = []
	for doctype, names in by_doctype.items():
		for source, who, doctype_column, name_column, method in _AUDIT_SOURCES:
			table = frappe.qb.DocType(source)
			query = (
				frappe.qb.from_(table)
				.select(
					table.creation.as_("when"),
					table[who].as_("user"),
					table[name_column].as_("name"),
					*([table[method].as_("method")] if method else []),
				)
				.where(table[doctype_column] == doctype)
				.where(table[name_column].isin(names))
			)
			for r in query.run(as_dict=True):
				rows.append(_row(r.when, source, r.get("method"), doctype, r.name, r.user))
	return rows


def _row(when, source, method, doctype, name, user) -> dict:
	return {
		"when": str(when)[:19],
		"source": source,
		"method": method,
		"doctype": doctype,
		"name": name,
		"user": user,
	}


def roles_of(users) -> dict[str, list[str]]:
	found: dict[str, list[str]] = {}
	for user, role in frappe.get_all(
		"Has Role",
		filters={
			"parenttype": "User",
			"parent": ("in", sorted(users) or [""]),
			"role": ("in", sorted(SERVICE_ROLES)),
		},
		fields=["parent", "role"],
		as_list=True,
	):
		found.setdefault(user, []).append(role)
	return found


def who_looked(released: set[tuple[str, str]]) -> list[dict]:
	rows = audit_rows(released)
	seen = policy.who_looked(rows, released, roles_of({r["user"] for r in rows}))
	labels = {
		policy.VIEWED: _("viewed"),
		policy.CHANGED: _("changed"),
		policy.PRINTED: _("printed or downloaded"),
		policy.EXPORTED: _("exported"),
	}
	return [dict(r, action=labels[r["action"]], role=_(r["role"])) for r in seen]


# --- the copy --------------------------------------------------------------------------------------


def copy_days() -> int:
	days = frappe.db.get_single_value("Student Advice Settings", "access_copy_days")
	return int(days) if days else policy.DEFAULT_COPY_DAYS


def build_copy(request) -> dict:
	"""What the student is given, as it stands at release: released items, recipients, retention, rights."""
	items = []
	for row in request.items:
		item = {
			"doctype": row.record_doctype,
			"name": row.record_name,
			"label": row.record_label,
			"decision": row.decision,
			"redacted_text": row.redacted_text,
		}
		if row.decision == policy.RELEASE:
			item["fields"] = snapshot(row.record_doctype, row.record_name)
		items.append(item)
	released = policy.released_items(items)
	recipients = [
		{
			"to": frappe.db.get_value("Disclosure", item["name"], "third_party_name"),
			"on": cstr(frappe.db.get_value("Disclosure", item["name"], "disclosed_on")),
		}
		for item in released
		if item["doctype"] == "Disclosure" and not item.get("redacted")
	]
	settings = frappe.get_cached_doc("Student Advice Settings")
	retention = [[_(kind.label), int(settings.get(kind.setting) or kind.default_months)] for kind in KINDS]
	keys = {(item["doctype"], item["name"]) for item in released}
	texts = messages.access_copy_texts()
	return {
		"released_on": nowdate(),
		"items": [
			{"label": item["label"], "redacted": bool(item.get("redacted")), "fields": item["fields"]}
			for item in released
		],
		"recipients": recipients,
		"purposes": texts["purposes"],
		"retention": retention,
		"rights": texts["rights"],
		"who_looked": who_looked(keys),
		"_keys": sorted([list(k) for k in keys]),  # for the service's own use; never shown
	}


def record_access_copy(doc) -> dict:
	"""Jinja (print format and portal): the frozen copy of the given request, nothing else."""
	try:
		copy = json.loads(doc.get("released_copy") or "{}")
	except ValueError:
		copy = {}
	copy.pop("_keys", None)
	return copy


# --- the student's own requests ---------------------------------------------------------------------


def own_requests(email: str) -> list:
	return frappe.get_all(
		DOCTYPE,
		filters={"email": email},
		fields=[
			"name",
			"status",
			"received_on",
			"due_on",
			"extension_months",
			"extension_reason",
			"released_on",
			"available_until",
		],
		order_by="received_on desc, creation desc",
	)


def own_open_copy(email: str, name) -> object | None:
	"""The caller's own released request still readable, or None (another's and a missing one alike)."""
	if not isinstance(name, str) or not name or not email:
		return None
	found = frappe.db.get_value(DOCTYPE, {"name": name, "email": email, "status": policy.RELEASED}, "name")
	if not found:
		return None
	doc = frappe.get_doc(DOCTYPE, found)
	if not policy.copy_open(getdate(doc.released_on), getdate(nowdate()), copy_days()):
		return None
	return doc


def available_until(released_on) -> str:
	return str(add_days(getdate(released_on), copy_days() - 1))


# --- messages to the student --------------------------------------------------------------------------


def tell_student(request) -> None:
	"""Something to read after signing in: the subject names the Students' Union only, the body holds no
	content; a student who chose no email gets none (the portal shows it)."""
	if request.no_email or not request.email:
		return
	try:
		frappe.sendmail(
			recipients=[request.email],
			subject=messages.student_email_subject(),
			message=messages.student_email_body(get_url("/login")),
			delayed=True,
		)
	except frappe.OutgoingEmailError:
		# The release or extension stands; the student sees it in the portal.
		frappe.msgprint(
			_(
				"The student could not be emailed (no outgoing email account): they will see it in the portal."
			),
			indicator="orange",
			alert=True,
		)


def copy_html(request) -> str:
	"""The frozen copy as the print format renders it (the PDF's and the portal's one source)."""
	template = frappe.db.get_value("Print Format", PRINT_FORMAT, "html")
	body = frappe.render_template(template, {"doc": request})
	title = frappe.utils.escape_html(_("Your records"))
	return (
		f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
		"<style>body{font-family:sans-serif;font-size:12px} th{text-align:left;vertical-align:top}"
		" td,th{padding:3px 6px;border-bottom:1px solid #ddd} table{border-collapse:collapse;width:100%}"
		f"</style></head><body>{body}</body></html>"
	)
