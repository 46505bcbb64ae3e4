"""Requests that name a record of another DocType which belongs to a service record.

Many Frappe routes take the name of a comment, a file, a chart, a report, a deleted-document
copy or an email, and load it before (or instead of) checking permission. Such a request
never names a service DocType, so the argument scan in gate.py cannot see it; this module
looks the named record up and says which DocType it belongs to. A name that matches no
record counts as suspect too, so that "missing" and "casework" look the same to outsiders.
"""

import json
from urllib.parse import unquote

import frappe

from student_advice.policy import registry

MISSING = object()

# DocType -> field naming the DocType its rows belong to.
REFERENCE_FIELDS = {side: fields[0] for side, fields in registry.SIDE_TABLES.items()} | {
	"Auto Repeat": "reference_doctype",
	"Dashboard Chart": "document_type",
	"Data Import": "reference_doctype",
	"Kanban Board": "reference_doctype",
	"Number Card": "document_type",
	"Report": "ref_doctype",
	"Web Form": "doc_type",
}

# DocType -> (field, DocType that field names): reached through another record.
CHAINS = {
	"Auto Email Report": ("report", "Report"),
	"Prepared Report": ("report_name", "Report"),
}

# Arguments that carry names of such records, by method (whatever DocType the request names).
NAMED_ARGUMENTS = {
	"frappe.core.api.file.get_attached_images": (),
	"frappe.core.api.file.move_file": (("file_list", "File"),),
	"frappe.core.api.file.unzip_file": (("name", "File"),),
	"frappe.core.api.file.zip_files": (("files", "File"),),
	"frappe.core.doctype.communication.email.make": (("attachments", "File"),),
	"frappe.core.doctype.data_import.data_import.download_errored_template": (
		("data_import_name", "Data Import"),
	),
	"frappe.core.doctype.data_import.data_import.download_import_log": (("data_import_name", "Data Import"),),
	"frappe.core.doctype.data_import.data_import.form_start_import": (("data_import", "Data Import"),),
	"frappe.core.doctype.data_import.data_import.get_import_status": (("data_import_name", "Data Import"),),
	"frappe.core.doctype.data_import.data_import.get_preview_from_template": (
		("data_import", "Data Import"),
	),
	"frappe.core.doctype.deleted_document.deleted_document.bulk_restore": (("docnames", "Deleted Document"),),
	"frappe.core.doctype.deleted_document.deleted_document.restore": (("name", "Deleted Document"),),
	"frappe.core.doctype.prepared_report.prepared_report.download_attachment": (("dn", "Prepared Report"),),
	"frappe.core.doctype.prepared_report.prepared_report.get_reports_in_queued_state": (
		("report_name", "Report"),
	),
	"frappe.core.doctype.prepared_report.prepared_report.make_prepared_report": (("report_name", "Report"),),
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": (("chart_name", "Dashboard Chart"),),
	"frappe.desk.doctype.kanban_board.kanban_board.add_card": (("board_name", "Kanban Board"),),
	"frappe.desk.doctype.kanban_board.kanban_board.add_column": (("board_name", "Kanban Board"),),
	"frappe.desk.doctype.kanban_board.kanban_board.archive_restore_column": (("board_name", "Kanban Board"),),
	"frappe.desk.doctype.kanban_board.kanban_board.get_kanban_boards": (),
	"frappe.desk.doctype.kanban_board.kanban_board.save_settings": (("board_name", "Kanban Board"),),
	"frappe.desk.doctype.kanban_board.kanban_board.set_indicator": (("board_name", "Kanban Board"),),
	"frappe.desk.doctype.kanban_board.kanban_board.update_column_order": (("board_name", "Kanban Board"),),
	"frappe.desk.doctype.kanban_board.kanban_board.update_order": (("board_name", "Kanban Board"),),
	"frappe.desk.doctype.kanban_board.kanban_board.update_order_for_single_card": (
		("board_name", "Kanban Board"),
	),
	"frappe.desk.doctype.number_card.number_card.get_percentage_difference": (("doc", "Number Card"),),
	"frappe.desk.doctype.number_card.number_card.get_result": (("doc", "Number Card"),),
	"frappe.desk.query_report.export_query": (("report_name", "Report"),),
	"frappe.desk.query_report.get_script": (("report_name", "Report"),),
	"frappe.desk.query_report.run": (("report_name", "Report"), ("prepared_report_name", "Prepared Report")),
	"frappe.email.doctype.auto_email_report.auto_email_report.download": (("name", "Auto Email Report"),),
	"frappe.email.doctype.auto_email_report.auto_email_report.send_now": (("name", "Auto Email Report"),),
	"frappe.email.inbox.create_email_flag_queue": (("names", "Communication"),),
	"frappe.email.relink": (("name", "Communication"),),
	"frappe.email.inbox.mark_as_closed_open": (("communication", "Communication"),),
	"frappe.email.inbox.mark_as_spam": (("communication", "Communication"),),
	"frappe.email.inbox.mark_as_trash": (("communication", "Communication"),),
	"frappe.email.inbox.move_email": (("communication", "Communication"),),
	"frappe.utils.diff.get_version_diff": (("from_version", "Version"), ("to_version", "Version")),
	"frappe.utils.file_manager.add_attachments": (("attachments", "File"),),
	"frappe.website.doctype.web_form.web_form.accept": (("web_form", "Web Form"),),
	"frappe.website.doctype.web_form.web_form.get_form_data": (("web_form_name", "Web Form"),),
	"frappe.website.doctype.web_form.web_form.delete": (("web_form_name", "Web Form"),),
	"frappe.website.doctype.web_form.web_form.delete_multiple": (("web_form_name", "Web Form"),),
}

# Arguments that, with a `doctype`/`dt` argument naming one of REFERENCE_FIELDS, carry a name.
_NAME_ARGUMENTS = ("name", "docname", "dn", "doc_name", "names", "docnames")
_DOCTYPE_ARGUMENTS = ("doctype", "dt", "doc")


def _values(raw):
	"""An argument as a list of plain values (JSON lists and dicts are unpacked one level)."""
	if isinstance(raw, str) and raw.strip()[:1] in ("[", "{"):
		try:
			raw = json.loads(raw)
		except ValueError:
			return [raw]
	if isinstance(raw, dict):
		return [raw.get("name", raw)]
	if isinstance(raw, list | tuple):
		return [v.get("name", v) if isinstance(v, dict) else v for v in raw]
	return [raw]


def belongs_to(doctype: str, name) -> object:
	"""The DocType the named record belongs to, None if it belongs to none, MISSING if there is no such record."""
	if not isinstance(name, str) or not name:
		return MISSING  # a dict name makes Frappe load by filters: an oracle on content
	if doctype in CHAINS:
		field, target = CHAINS[doctype]
		value = frappe.db.get_value(doctype, name, field)
		return MISSING if value is None else belongs_to(target, value)
	field = REFERENCE_FIELDS[doctype]
	row = frappe.db.get_value(doctype, name, ["name", field], as_dict=True)
	return MISSING if not row else row[field]


def _file_urls(form) -> list[str]:
	urls = []
	for key in ("file_url", "import_file"):
		value = form.get(key)
		if isinstance(value, str) and value:
			urls.append(value.split("?")[0])
	return urls


def _casework_file(url: str) -> bool:
	return bool(
		frappe.db.exists(
			"File", {"file_url": url, "attached_to_doctype": ("in", sorted(registry.SERVICE_DOCTYPES))}
		)
	)


def method_of(path: str, form) -> str:
	if form.get("cmd"):
		return str(form.get("cmd"))
	for prefix in ("/api/method/", "/api/v1/method/", "/api/v2/method/"):
		if path.startswith(prefix):
			return path[len(prefix) :].split("/")[0]
	return ""


# Whitelisted methods that call another whitelisted method named in an argument.
DISPATCHERS = {
	"frappe.model.mapper.make_mapped_doc": "method",
	"frappe.model.mapper.map_docs": "method",
	"frappe.desk.search.search_widget": "query",
	"frappe.desk.search.search_link": "query",
	"frappe.handler.upload_file": "method",
}


def suspect(path: str, form, method: str | None = None) -> bool:
	"""Does the request name a record that belongs to a service record, or one that does not exist?

	`method` is the whitelisted method as the gate's parser resolved it (any API version).
	"""
	method = method or method_of(path, form)
	inner = form.get(DISPATCHERS[method]) if method in DISPATCHERS else None
	if isinstance(inner, str) and inner in NAMED_ARGUMENTS:
		return True  # the inner method's arguments arrive under other names: refuse outright
	named = []
	for argument, doctype in NAMED_ARGUMENTS.get(method, ()):
		if form.get(argument) not in (None, ""):
			named += [(doctype, value) for value in _values(form.get(argument))]
	for key in _DOCTYPE_ARGUMENTS:
		doctype = form.get(key)
		if isinstance(doctype, str) and doctype in REFERENCE_FIELDS | CHAINS:
			for argument in _NAME_ARGUMENTS:
				if form.get(argument) not in (None, ""):
					named += [(doctype, value) for value in _values(form.get(argument))]
	resource = path.split("/")
	if len(resource) >= 5 and resource[1] == "api" and resource[2] in ("resource", "v1", "v2"):
		doctype, name = unquote(resource[-2]), unquote(resource[-1])
		if doctype in REFERENCE_FIELDS | CHAINS and name:
			named.append((doctype, name))
	for doctype, name in named:
		owner = belongs_to(doctype, name)
		if owner is MISSING or registry.is_service_doctype(owner):
			return True
	return any(_casework_file(url) for url in _file_urls(form)) or _fid_is_casework(form)


def _fid_is_casework(form) -> bool:
	fid = form.get("fid")
	if not fid:
		return False
	owner = belongs_to("File", fid)
	return owner is MISSING or registry.is_service_doctype(owner)
