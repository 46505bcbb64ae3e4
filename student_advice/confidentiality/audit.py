"""Who viewed, printed, downloaded, exported or changed which casework record (docs/decisions.md, decision 9).

What Frappe v15 logs by itself, and the app reads:
- form views: frappe.desk.form.load.getdoc -> Document.add_viewed -> a View Log row, in the request's
  transaction, for DocTypes with track_views (every student record has it);
- edits: a Version row per save (track_changes);
- the print page /printview ("Print", "Full Page", and what download_pdf, download_multi_pdf and
  print_by_server render through frappe.get_print): an Access Log row, method "Print";
- Report Builder exports (reportview.export_query) and Data Export: one Access Log row per export,
  naming the DocType and the filters but no record.

What this module adds, for the service's DocTypes only (one Access Log row per record):
- the desk's print preview (printview.get_html_and_style) and raw printing: "Print Preview", "Raw Print";
- PDF downloads (download_pdf, download_multi_pdf, download_multi_pdf_async, weasyprint.download_pdf):
  "Download PDF". Frappe's own "Print" rows written while rendering that PDF in the same request are
  relabelled, so that one download is one row;
- exports: every record of a Report Builder export, a Data Export or a Data Import template with data,
  and one row for an export of a Script Report whose reference DocType is a service DocType: "Export";
- refused attempts (decision 35): the gate's uniform denial of an outsider, and the row rule's refusal of
  an officer with a declared conflict, noted by confidentiality/refusals.py: "Refused", with the route in
  `page`, the reason in `filters`, and the DocType and record the request named (a name the requester
  sent, never looked up), written only when the request ended refused.

Creations are not logged here: every record's own `creation` and `owner` say who made it and when, and
the report reads them.

How: `watch_request` (an auth hook, so after the gate and once Frappe knows the user) notes a watched
call by a member of the service; `log_request` (an after_request hook) writes the rows only when the
response succeeded, then commits, as Frappe's own make_access_log does.

The Casework Access Audit report (report/casework_access_audit/) reads these three logs.
"""

import json
from dataclasses import dataclass, field

import frappe
from frappe.model.naming import make_autoname
from frappe.utils import cint, now

from student_advice.confidentiality import references, refusals
from student_advice.confidentiality.permissions import is_member
from student_advice.policy import registry

# Access Log "method" values: Frappe's own, and the ones this module writes.
FRAPPE_PRINT = "Print"
PRINT_PREVIEW = "Print Preview"
RAW_PRINT = "Raw Print"
DOWNLOAD_PDF = "Download PDF"
EXPORT = "Export"
REFUSED = "Refused"
# A student's own reads of their released copy in the portal (issue 12).
PORTAL_VIEW = "Portal View"
PORTAL_DOWNLOAD = "Portal Download"


# --- logging the reads Frappe does not log -----------------------------------------------------


@dataclass
class Read:
	"""A watched call, noted before Frappe dispatches it."""

	method: str
	form: dict
	started: str = field(default_factory=now)


def pending_read(method: str, form) -> Read | None:
	return Read(method, dict(form or {})) if method in WATCHED else None


def watch_request():
	"""auth_hooks: note a watched call by a member of the service (outsiders were denied by the gate)."""
	frappe.local.student_advice_read = None
	request = getattr(frappe.local, "request", None)
	if request is None:
		return
	method = references.method_of(request.path, frappe.local.form_dict)
	if method in WATCHED and is_member():
		frappe.local.student_advice_read = pending_read(method, frappe.local.form_dict)


def log_request(response=None, request=None):
	"""after_request: write the rows of a watched call that succeeded (Frappe has already committed),
	or of the refusals a refused request noted (what the request did is rolled back first, as Frappe
	does with a failed request; response is None when the gate's Forbidden ended it)."""
	read = getattr(frappe.local, "student_advice_read", None)
	frappe.local.student_advice_read = None
	refused = response is None or response.status_code >= 400
	if refused and getattr(frappe.local, "student_advice_refusals", None):
		frappe.db.rollback()
		if write_refusals():
			frappe.db.commit()
		return
	refusals.forget()
	if read is None or response is None or response.status_code >= 400:
		return
	if record(read):
		frappe.db.commit()


def record(read: Read) -> int:
	"""Write (or relabel) the Access Log rows for one watched call by the session user; no commit."""
	return WATCHED[read.method](read)


def service_doctype(value) -> str | None:
	"""The service DocType a request argument names (Frappe resolves DocType names case-insensitively)."""
	if not isinstance(value, str) or not value:
		return None
	if value in registry.SERVICE_DOCTYPES:
		return value
	if not registry.may_name_service_doctype(value):
		return None
	canonical = frappe.db.get_value("DocType", value, "name")
	return canonical if registry.is_service_doctype(canonical) else None


def write_refusals() -> int:
	"""One "Refused" Access Log row per refused attempt noted in this request; no commit."""
	return sum(
		write_rows(doctype, [name], REFUSED, filters=reason, page=route)
		for (doctype, name, route), reason in refusals.take().items()
	)


def log_portal_read(doctype: str, name: str, method: str, file_type: str | None = None) -> int:
	"""A student's read of their own released copy (portal view or PDF download), committed at once as
	Frappe's make_access_log does (a page view is a GET, which Frappe does not commit).

	The row's `user` is the student (its owner is Administrator, as for every row written here)."""
	written = write_rows(doctype, [name], method, file_type=file_type, page="/my-records")
	if getattr(frappe.local, "request", None) is not None:
		frappe.db.commit()
	return written


def write_rows(doctype, names, method, file_type=None, report_name=None, filters=None, page=None) -> int:
	"""One Access Log row per name (a name of None: a row naming the DocType only).

	`user` is who did it; the owner is Administrator: Frappe's "download my data" exports Access Log
	rows by owner, and a student's refused attempt or portal read must not carry the app's DocType
	and record names out around the officer's review (docs/decisions.md, decision 49)."""
	user, stamp, owner = frappe.session.user, now(), "Administrator"
	filters = filters if filters is None or isinstance(filters, str) else json.dumps(filters, default=str)
	values = [
		(
			make_autoname("hash", "Access Log"),
			stamp,
			stamp,
			owner,
			owner,
			user,
			stamp,
			doctype,
			name,
			file_type,
			method,
			report_name,
			filters,
			page,
		)
		for name in names
	]
	fields = [
		"name",
		"creation",
		"modified",
		"owner",
		"modified_by",
		"user",
		"timestamp",
		"export_from",
		"reference_document",
		"file_type",
		"method",
		"report_name",
		"filters",
		"page",
	]
	if values:
		frappe.db.bulk_insert("Access Log", fields, values)
	return len(values)


def _document(form, doctype_key: str) -> tuple[str | None, str | None]:
	"""(doctype, name) of a print call: `doc` is a DocType name with `name`, or a whole document as JSON."""
	doctype, name = form.get(doctype_key), form.get("name")
	if isinstance(name, str) and name:
		return doctype, name
	try:
		doc = json.loads(doctype) if isinstance(doctype, str) else doctype
	except ValueError:
		return None, None
	if isinstance(doc, dict):
		return doc.get("doctype"), doc.get("name")
	return None, None


def _print(method):
	def handler(read: Read) -> int:
		given, name = _document(read.form, "doc")
		doctype = service_doctype(given)
		if not doctype or not isinstance(name, str):
			return 0
		return write_rows(doctype, [name], method, file_type="HTML" if method == PRINT_PREVIEW else None)

	return handler


def _pdf_documents(form) -> list[tuple[str, str, list[str]]]:
	"""[(service DocType, DocType as given, names)] of a single or multiple PDF download."""
	raw_doctype, names = _json(form.get("doctype")), _json(form.get("name"))
	if isinstance(raw_doctype, dict):
		groups = list(raw_doctype.items())
	else:
		groups = [(raw_doctype, names if isinstance(names, list) else [names])]
	documents = []
	for given, names in groups:
		doctype = service_doctype(given)
		names = [n for n in names or () if isinstance(n, str) and n]
		if doctype and names:
			documents.append((doctype, given, names))
	return documents


def _json(value):
	"""A request argument that may carry a JSON list or object."""
	if isinstance(value, str) and value[:1] in ("[", "{"):
		try:
			return json.loads(value)
		except ValueError:
			return value
	return value


def _relabel_pdf(read: Read) -> int:
	"""Frappe logged the PDF's rendering as "Print" in this request: relabel it, add rows it missed."""
	table = frappe.qb.DocType("Access Log")
	written = 0
	for doctype, given, names in _pdf_documents(read.form):
		rendered = (
			frappe.qb.from_(table)
			.select(table.name, table.reference_document)
			.where(table.user == frappe.session.user)
			.where(table.export_from.isin(list({doctype, given})))
			.where(table.reference_document.isin(names))
			.where(table.method == FRAPPE_PRINT)
			.where(table.creation >= read.started)
			.run(as_dict=True)
		)
		if rendered:
			(
				frappe.qb.update(table)
				.set(table.method, DOWNLOAD_PDF)
				.set(table.export_from, doctype)
				.where(table.name.isin([r.name for r in rendered]))
				.run()
			)
		done = {r.reference_document for r in rendered}
		written += len(rendered) + write_rows(
			doctype, [n for n in names if n not in done], DOWNLOAD_PDF, file_type="PDF"
		)
	return written


def _write_pdf(read: Read) -> int:
	"""Rendered in a background job (or by WeasyPrint) that logs nothing in this request."""
	return sum(
		write_rows(doctype, names, DOWNLOAD_PDF, file_type="PDF")
		for doctype, _given, names in _pdf_documents(read.form)
	)


def _exported_names(doctype: str, filters=None, or_filters=None, limit=None) -> list[str]:
	"""The records an export by the session user contained (the same permission-aware query)."""
	return frappe.get_list(
		doctype,
		filters=frappe.parse_json(filters) or None,
		or_filters=frappe.parse_json(or_filters) or None,
		pluck="name",
		limit_page_length=limit or 0,
		order_by="creation desc",
	)


def _report_builder_export(read: Read) -> int:
	form = read.form
	doctype = service_doctype(form.get("doctype"))
	if not doctype:
		return 0
	filters = form.get("filters")
	if form.get("selected_items"):
		filters = {"name": ("in", frappe.parse_json(form.get("selected_items")))}
	names = _exported_names(doctype, filters, form.get("or_filters"))
	return write_rows(
		doctype,
		names,
		EXPORT,
		file_type=form.get("file_format_type"),
		report_name=form.get("report_name"),
		filters=filters,
	)


def _data_export(read: Read) -> int:
	form = read.form
	given = form.get("doctype")
	if isinstance(given, list):
		given = given[0] if given else None
	doctype = service_doctype(given)
	if not doctype or not cint(frappe.parse_json(form.get("with_data")) or 0):
		return 0
	names = _exported_names(doctype, form.get("filters"))
	return write_rows(doctype, names, EXPORT, file_type=form.get("file_type"), filters=form.get("filters"))


def _data_import_template(read: Read) -> int:
	form = read.form
	doctype = service_doctype(form.get("doctype"))
	choice = form.get("export_records")
	if not doctype or choice in (None, "", "blank_template"):
		return 0
	limit = 5 if choice == "5_records" else None
	names = _exported_names(doctype, form.get("export_filters"), limit=limit)
	return write_rows(
		doctype, names, EXPORT, file_type=form.get("file_type"), filters=form.get("export_filters")
	)


def _script_report_export(read: Read) -> int:
	form = read.form
	report_name = form.get("report_name")
	if not isinstance(report_name, str):
		return 0
	doctype = service_doctype(frappe.db.get_value("Report", report_name, "ref_doctype"))
	if not doctype:
		return 0
	return write_rows(
		doctype,
		[None],
		EXPORT,
		file_type=form.get("file_format_type"),
		report_name=report_name,
		filters=form.get("filters"),
	)


# Whitelisted methods that read casework without Frappe logging each record.
WATCHED = {
	"frappe.www.printview.get_html_and_style": _print(PRINT_PREVIEW),
	"frappe.www.printview.get_rendered_raw_commands": _print(RAW_PRINT),
	"frappe.utils.print_format.download_pdf": _relabel_pdf,
	"frappe.utils.print_format.download_multi_pdf": _relabel_pdf,
	"frappe.utils.print_format.download_multi_pdf_async": _write_pdf,
	"frappe.utils.weasyprint.download_pdf": _write_pdf,
	"frappe.desk.reportview.export_query": _report_builder_export,
	"frappe.desk.query_report.export_query": _script_report_export,
	"frappe.core.doctype.data_export.exporter.export_data": _data_export,
	"frappe.core.doctype.data_import.data_import.download_template": _data_import_template,
}
