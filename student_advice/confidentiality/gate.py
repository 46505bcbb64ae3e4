"""One uniform denial for everyone outside the service (docs/decisions.md, decision 3).

Runs as an auth hook, after Frappe has settled who the user is (session cookie, API key
or OAuth) and before it dispatches the request. A request from outside the service that
mentions a Student Advice DocType, in its path or anywhere in its arguments, gets the same
403 and the same body whether or not any record exists; Frappe never gets the chance to
answer "not found" for one record and "not permitted" for another.
"""

import json
from urllib.parse import unquote

import frappe
from werkzeug.exceptions import Forbidden
from werkzeug.wrappers import Response

from student_advice.confidentiality import references, refusals
from student_advice.confidentiality.permissions import is_member
from student_advice.policy import registry
from student_advice.policy.mentions import DoctypeMatcher

DENIAL_BODY = json.dumps({"exc_type": "PermissionError", "message": "Not permitted"})
_matcher = DoctypeMatcher(registry.SERVICE_DOCTYPES)


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


def request_mentions_service() -> bool:
	request = getattr(frappe.local, "request", None)
	if request is None:
		return False
	form = dict(frappe.local.form_dict)
	return _matcher.in_path(request.path) or _matcher.in_arguments(form) or _names_service_doctype(form)


def _names_service_doctype(form) -> bool:
	"""A DocType argument resolved as the database resolves it (collation folds accents and case)."""
	for key in ("doctype", "dt", "reference_doctype", "ref_doctype", "document_type", "parent", "parenttype"):
		value = form.get(key)
		if isinstance(value, str) and value and value not in registry.SERVICE_DOCTYPES:
			canonical = frappe.db.get_value("DocType", value, "name")
			if canonical and registry.is_service_doctype(canonical):
				return True
	return False


def guard_request():
	"""auth_hooks entry point."""
	request = getattr(frappe.local, "request", None)
	if request is None:
		return
	refusals.forget()
	if request_mentions_service():
		if not is_member():
			deny()
		_force_private_upload()
	elif not is_member() and references.suspect(request.path, frappe.local.form_dict):
		deny()


def _force_private_upload():
	"""Attachments to the service's records are stored private whatever the uploader asked."""
	form = frappe.local.form_dict
	if frappe.local.request.path.rstrip("/").endswith("upload_file") and _matcher.names_doctype(
		str(form.get("doctype") or "")
	):
		form.is_private = 1
