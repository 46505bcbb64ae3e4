"""One uniform denial for everyone outside the service (docs/decisions.md, decisions 3 and gate parser).

Runs as an auth hook, after Frappe has settled who the user is (session cookie, API key
or OAuth) and before it dispatches the request. The request is read as Frappe will
dispatch it (request_parser.py: Frappe's own URL maps, the body as the endpoint reads it,
the whitelisted function as frappe.handler resolves it); a request from outside the
service whose structure names a Student Advice DocType, or a record that belongs to one,
gets the same 403 and the same body whether or not any record exists. Free text is never
read as a name (policy/request_shape.py).
"""

import json

import frappe
from werkzeug.exceptions import Forbidden
from werkzeug.wrappers import Response

from student_advice.confidentiality import desk_settings, references, request_parser
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


def deny():
	raise Forbidden(response=denial_response())


def service_doctype(value) -> str | None:
	"""The service DocType a string resolves to as the database resolves it (collation folds accents and case)."""
	if not isinstance(value, str) or not value:
		return None
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


def _link_targets(parsed) -> set:
	"""Service DocTypes reached through `link.field` joins from the request's DocTypes."""
	targets = set()
	if not parsed.shape.link_paths:
		return targets
	for doctype in parsed.shape.doctypes:
		if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype):
			continue
		meta = frappe.get_meta(doctype)
		for link, _target in parsed.shape.link_paths:
			df = meta.get_field(link)
			if df and df.fieldtype in ("Link", "Table", "Table MultiSelect") and service_doctype(df.options):
				targets.add(service_doctype(df.options))
	return targets


def guard_request():
	"""auth_hooks entry point."""
	request = getattr(frappe.local, "request", None)
	if request is None:
		return
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
	"""A member with a declared conflict may not read a student's fields through a link join.

	The row rule filters the rows of the DocType queried; Frappe's `link.field` join reads the
	linked student without it (issue 11, leak 8).
	"""
	targets = _link_targets(parsed)
	if not any(registry.student_field(t) for t in targets):
		return False
	return bool(conflicted_students())


def _force_private_upload(parsed):
	"""Attachments to the service's records are stored private whatever the uploader asked."""
	form = frappe.local.form_dict
	if parsed.method == "upload_file" or parsed.method.endswith(".upload_file"):
		if service_doctype(str(form.get("doctype") or "")):
			form.is_private = 1
