"""One uniform denial for everyone outside the service (threat model, decision 3).

Runs as an auth hook, after Frappe has settled who the user is (session cookie, API key
or OAuth) and before it dispatches the request. A request from outside the service that
mentions a Student Advice DocType, in its path or anywhere in its arguments, gets the same
403 and the same body whether or not any record exists; Frappe never gets the chance to
answer "not found" for one record and "not permitted" for another.
"""

import json

import frappe
from werkzeug.exceptions import Forbidden
from werkzeug.wrappers import Response

from student_advice.confidentiality.permissions import is_member
from student_advice.policy import registry
from student_advice.policy.mentions import DoctypeMatcher

DENIAL_BODY = json.dumps({"exc_type": "PermissionError", "message": "Not permitted"})
_matcher = DoctypeMatcher(registry.SERVICE_DOCTYPES)


def denial_response() -> Response:
	return Response(DENIAL_BODY, status=403, content_type="application/json")


def deny():
	raise Forbidden(response=denial_response())


def request_mentions_service() -> bool:
	request = getattr(frappe.local, "request", None)
	if request is None:
		return False
	return _matcher.in_path(request.path) or _matcher.in_arguments(dict(frappe.local.form_dict))


def guard_request():
	"""auth_hooks entry point."""
	if not request_mentions_service():
		return
	if not is_member():
		deny()
	_force_private_upload()


def _force_private_upload():
	"""Attachments to the service's records are stored private whatever the uploader asked."""
	form = frappe.local.form_dict
	if frappe.local.request.path.rstrip("/").endswith("upload_file") and _matcher.names_doctype(
		str(form.get("doctype") or "")
	):
		form.is_private = 1
