"""One uniform denial for everyone outside the service (docs/decisions.md, decisions 3 and gate parser).

Runs as an auth hook, after Frappe has settled who the user is (session cookie, API key
or OAuth) and before it dispatches the request. The request is read as Frappe will
dispatch it (request_parser.py: Frappe's own URL maps, the body as the endpoint reads it,
the whitelisted function as frappe.handler resolves it); a request from outside the
service whose structure names a Student Advice DocType, or a record that belongs to one,
gets the same 403 and the same body whether or not any record exists. Free text is never
read as a name (policy/request_shape.py).
"""

import functools
import json
from urllib.parse import unquote

import frappe
from werkzeug.exceptions import Forbidden
from werkzeug.wrappers import Response

from student_advice.confidentiality import desk_settings, references, refusals, request_parser
from student_advice.confidentiality.permissions import conflicted_students, is_member
from student_advice.policy import registry
from student_advice.policy.mentions import DoctypeMatcher, fold

DENIAL_BODY = json.dumps({"exc_type": "PermissionError", "message": "Not permitted"})
_matcher = DoctypeMatcher(registry.SERVICE_DOCTYPES)
_RUN_AS_REPORT_USER = (
	"frappe.email.doctype.auto_email_report.auto_email_report.download",
	"frappe.email.doctype.auto_email_report.auto_email_report.send_now",
)
_FOLDED = {fold(d): d for d in registry.SERVICE_DOCTYPES}


def denial_response() -> Response:
	return Response(DENIAL_BODY, status=403, content_type="application/json")


def wants_page(request) -> bool:
	"""A browser navigating (a casework link followed in the desk), not an API or desk XHR call."""
	if request is None or request.path.startswith("/api/") or getattr(frappe.local, "is_ajax", False):
		return False
	accept = request.headers.get("Accept") or ""
	return accept.startswith("text/html")


def page_denial() -> Response:
	"""Frappe's own "Not Permitted" page, as frappe.app.handle_exception renders it for any 403: the same
	page for every casework route, whether or not the record exists (decision 37)."""
	from frappe.website.serve import get_response

	frappe.respond_as_web_page(
		frappe._("Not Permitted"),
		frappe._("You do not have enough permissions to complete the action"),
		http_status_code=403,
		indicator_color="red",
	)
	return get_response("message", http_status_code=403)


def deny():
	"""The uniform denial; the attempt is noted for the access audit (decision 35)."""
	# A member denied here was refused by a role guard (the access audit, the health check).
	refusals.note(*refused_target(), refusals.ROLE if is_member() else refusals.OUTSIDE)
	request = getattr(frappe.local, "request", None)
	raise Forbidden(response=page_denial() if wants_page(request) else denial_response())


_DOCTYPE_KEYS = ("doctype", "dt", "reference_doctype", "ref_doctype", "document_type", "doc")
_NAME_KEYS = ("name", "docname", "dn", "reference_name")


def refused_target() -> tuple[str | None, str | None]:
	"""(service DocType, record name) a refused request named, as the requester sent them (for the
	audit; nothing is looked up but DocType names)."""
	from student_advice.confidentiality.audit import service_doctype

	request = getattr(frappe.local, "request", None)
	form = frappe.local.form_dict or {}
	segments = [unquote(p) for p in (request.path if request else "").strip("/").split("/") if p]
	for index, segment in enumerate(segments):
		doctype = service_doctype(segment.replace("-", " "))
		if doctype:
			name = segments[index + 1] if index + 1 < len(segments) else None
			return doctype, name or _form_name(form)
	for key in _DOCTYPE_KEYS:
		doctype = service_doctype(form.get(key))
		if doctype:
			return doctype, _form_name(form)
	return None, None


def _form_name(form) -> str | None:
	for key in _NAME_KEYS:
		value = form.get(key)
		if isinstance(value, str) and value:
			return value[:140]
	return None


def service_doctype(value) -> str | None:
	"""The service DocType a string resolves to as the database resolves it (collation folds accents and case)."""
	if not isinstance(value, str) or not value:
		return None
	if len(value) <= 200:
		return _service_doctype(value)  # the same few names in every request: read once per process
	return _service_doctype.__wrapped__(value)


@functools.lru_cache(maxsize=4096)
def _service_doctype(value: str) -> str | None:
	if value in registry.SERVICE_DOCTYPES:
		return value
	if _matcher.names_doctype(value):
		return _FOLDED.get(fold(value).strip()) or value
	if fold(value).strip() in _FOLDED:
		return _FOLDED[fold(value).strip()]
	return None


def _named_service_doctypes(parsed) -> set:
	named = {service_doctype(d) for d in parsed.shape.doctypes}
	named.discard(None)
	named |= {d for d in (service_doctype(c) for c in parsed.code_mentions()) if d}
	return named


def _joins(parsed) -> set:
	"""(queried DocType, join field, joined service DocType) for the request's `link.field` and
	`table.field` paths, resolved on every DocType the request names as Frappe's db_query does."""
	joins = set()
	if not parsed.shape.link_paths:
		return joins
	for doctype in parsed.shape.doctypes:
		if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype):
			continue
		meta = frappe.get_meta(doctype)
		for link, _target in parsed.shape.link_paths:
			df = meta.get_field(link)
			if df and df.fieldtype in ("Link", "Table", "Table MultiSelect") and service_doctype(df.options):
				joins.add((meta.name, df.fieldname, service_doctype(df.options)))
	return joins


def _link_targets(parsed) -> set:
	"""Service DocTypes reached through `link.field` joins from the request's DocTypes."""
	return {target for _doctype, _field, target in _joins(parsed)}


def guard_request():
	"""auth_hooks entry point."""
	request = getattr(frappe.local, "request", None)
	if request is None:
		return
	refusals.forget()
	parsed = request_parser.parse(request, frappe.local.form_dict)
	if parsed.unreadable:
		if not is_member():
			deny()
		return
	named = _named_service_doctypes(parsed) | _link_targets(parsed)
	if named:
		if not is_member():
			deny()
		_force_private_upload(parsed)
		if _joins_conflicted_student(parsed):
			deny()
		return
	if parsed.method in _RUN_AS_REPORT_USER and desk_settings.refuse_running_saved_report_as_member(
		parsed.arguments.get("name")
	):
		deny()  # the report would run with another member's permissions (issue 11, leak 7)
	if references.suspect(request.path, parsed.arguments, method=parsed.method) and not is_member():
		deny()


def _joins_conflicted_student(parsed) -> bool:
	"""A member with a declared conflict reaches a student's record through a join only where the
	queried DocType's row rule already keeps that student out (issue 11, leak 8).

	The row rule filters the rows of the DocType queried, not the joined one: `student.email` on a
	Case follows the case's own student field, which the rule filters; on a Conflict Declaration it
	reads the student the officer declared a conflict with. A child table of the app never links to a
	student record (tests/unit/test_doctype_json.py), and Frappe's child rows that point at records
	hide their parent by the carrier rule (policy/carriers.py ROWS), so `table.field` joins follow it.
	"""
	uncovered = [
		(doctype, field)
		for doctype, field, target in _joins(parsed)
		if _reaches_a_student(target) and registry.student_field(doctype) != field
	]
	return bool(uncovered) and bool(conflicted_students())


def _reaches_a_student(doctype: str) -> bool:
	"""A student record, or a child table with a link into one (the app has none; kept for safety)."""
	if registry.student_field(doctype):
		return True
	meta = frappe.get_meta(doctype)
	return bool(meta.istable) and any(
		df.fieldtype == "Dynamic Link" or registry.student_field(df.options or "")
		for df in meta.fields
		if df.fieldtype in ("Link", "Dynamic Link")
	)


def _force_private_upload(parsed):
	"""Attachments to the service's records are stored private whatever the uploader asked."""
	form = frappe.local.form_dict
	if parsed.method == "upload_file" or parsed.method.endswith(".upload_file"):
		if service_doctype(str(form.get("doctype") or "")):
			form.is_private = 1
