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
	key = (doctype or None, name if isinstance(name, str) and name else None)
	pending.setdefault(key, (reason, request.path))


def take() -> dict:
	"""The noted refusals, forgotten once taken."""
	pending = getattr(frappe.local, "student_advice_refusals", None) or {}
	frappe.local.student_advice_refusals = None
	return pending


def forget() -> None:
	frappe.local.student_advice_refusals = None
