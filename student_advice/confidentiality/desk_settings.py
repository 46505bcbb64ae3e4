"""Frappe's saved desk settings about a service DocType are for members only (issue 11).

Officers' Kanban Boards, Report Builder reports, list filters, charts, number cards and
workspaces on Case carry case names and filters on a student's name, and Frappe lets every
desk user read them. For non-members, rows whose DocType field (registry.DESK_SETTINGS), or
a Workspace whose shortcuts or links (registry.WORKSPACE_LINKS), name a service DocType are
hidden from lists and refused as documents. As on the other Frappe DocTypes the hook answers
False to deny and None otherwise, never True.

Auto Email Report runs its report as its `user`: a member of the service may be that user
only when saving it themselves, so nobody outside can run a report with an officer's rights.
"""

import frappe

from student_advice import messages
from student_advice.confidentiality.permissions import is_member
from student_advice.policy import registry


def _service_list() -> str:
	return ", ".join(frappe.db.escape(d) for d in sorted(registry.SERVICE_DOCTYPES))


def query_conditions(user=None, doctype=None) -> str:
	if is_member(user):
		return ""
	if doctype == "Workspace":
		return _workspace_condition()
	field = registry.DESK_SETTINGS.get(doctype)
	if not field:
		return ""
	return f"(ifnull(`tab{doctype}`.`{field}`, '') not in ({_service_list()}))"


def _workspace_condition() -> str:
	service = _service_list()
	hidden = [
		f"select `parent` from `tab{table}` where `parenttype` = 'Workspace'"
		f" and ifnull(`{type_field}`, '') = 'DocType' and `{link}` in ({service})"
		for table, (type_field, link) in registry.WORKSPACE_LINKS.items()
	]
	return " and ".join(f"`tabWorkspace`.`name` not in ({q})" for q in hidden)


def has_permission(doc, ptype=None, user=None, debug=False) -> bool | None:
	if is_member(user):
		return None
	return False if about_service(doc) else None


def about_service(doc) -> bool:
	if doc.doctype == "Workspace":
		for row in list(doc.get("shortcuts") or []) + list(doc.get("links") or []):
			type_field, link = registry.WORKSPACE_LINKS.get(row.doctype, (None, None))
			if type_field and row.get(type_field) == "DocType" and registry.is_service_doctype(row.get(link)):
				return True
		return False
	field = registry.DESK_SETTINGS.get(doc.doctype)
	return bool(field) and registry.is_service_doctype(doc.get(field))


def refuse_running_as_a_member(doc, method=None):
	"""Auto Email Report validate: its report runs with `user`'s permissions."""
	if doc.get("user") and doc.user != frappe.session.user and is_member(doc.user):
		messages.throw("report_runs_as_other_member")


def refuse_running_saved_report_as_member(name) -> bool:
	"""For the gate: would downloading or sending this Auto Email Report run as another member?"""
	user = frappe.db.get_value("Auto Email Report", name, "user") if isinstance(name, str) else None
	return bool(user) and user != frappe.session.user and is_member(user)
