"""Refused attempts on casework, noted while a request runs (docs/decisions.md, decision 35).

The gate's uniform denial (outsiders) and the row rule's refusals of an officer with a declared
conflict note what was refused here; audit.log_request writes the notes as Access Log rows once the
request has ended refused. Nothing here changes what the requester is told.
"""

import frappe

OUTSIDE = "outside the service"
CONFLICT = "declared conflict of interest"
ROLE = "not among the roles allowed"


def note(doctype: str | None, name: str | None, reason: str) -> None:
	"""Remember one refused attempt of this web request (background jobs and scripts note nothing)."""
	request = getattr(frappe.local, "request", None)
	if request is None:
		return
	pending = getattr(frappe.local, "student_advice_refusals", None)
	if pending is None:
		pending = frappe.local.student_advice_refusals = {}
	route = request.path if doctype else bare_route(request.path)
	pending.setdefault((doctype or None, name if isinstance(name, str) and name else None, route), reason)


def bare_route(path: str) -> str:
	"""The route of a refusal that names no service DocType, with nothing a request could carry in it:
	its row is not guarded as casework (side_tables.py), so a file name or record name in the path
	(/private/files/<casework letter>) must not be kept. A method call keeps its method."""
	segments = [s for s in (path or "").split("/") if s]
	if segments[:2] == ["api", "method"] and len(segments) > 2:
		return "/api/method/" + segments[2]
	if segments[:3] == ["api", "v1", "method"] and len(segments) > 3:
		return "/api/v1/method/" + segments[3]
	if not segments:
		return "/"
	return "/" + segments[0] + ("/..." if len(segments) > 1 else "")


def take() -> dict:
	"""The noted refusals, forgotten once taken."""
	pending = getattr(frappe.local, "student_advice_refusals", None) or {}
	frappe.local.student_advice_refusals = None
	return pending


def forget() -> None:
	frappe.local.student_advice_refusals = None
