"""Frappe's DocTypes that can carry casework, hidden from outsiders by their rule (issue 11).

Officers' Kanban Boards, Report Builder reports, list filters, charts, number cards and
workspaces on Case carry case names and filters on a student's name; reminders, events,
contacts and timeline links point at records; dashboards and route histories record what a
member looked at; and Frappe lets most desk users read them. Each such DocType is classified
once in policy/carriers.py, and its rule is rendered here as both hooks: the list condition
(permission_query_conditions) and the document check (has_permission). Rows pointing at one
record share the side tables' rule (side_tables.record_condition / record_permission). As on
the other Frappe DocTypes the document hook answers False to deny and None otherwise, never True.

Auto Email Report runs its report as its `user`: a member of the service may be that user
only when saving it themselves, so nobody outside can run a report with an officer's rights.
"""

import frappe

from student_advice import messages
from student_advice.confidentiality import side_tables
from student_advice.confidentiality.permissions import is_member
from student_advice.policy import carriers, registry, roles


def _service_list() -> str:
	return ", ".join(frappe.db.escape(d) for d in sorted(registry.SERVICE_DOCTYPES))


def _column(doctype: str, field: str) -> str:
	return f"ifnull(`tab{doctype}`.`{field}`, '')"


def query_conditions(user=None, doctype=None) -> str:
	"""The hook: every carrier rule of `doctype` but the side tables' own (side_tables.py renders those)."""
	if not doctype:
		return ""
	own = [
		r
		for r in carriers.rules(doctype)
		if not (doctype in registry.SIDE_TABLES and r.rule == carriers.ABOUT_RECORD)
	]
	return _joined(condition(rule, doctype, user) for rule in own)


def condition_for(doctype: str, user=None) -> str:
	"""What a list of `doctype` is filtered by, every hook of the layer together."""
	return _joined([side_tables.query_conditions(user, doctype), query_conditions(user, doctype)])


def _joined(conditions) -> str:
	return " and ".join(c for c in conditions if c)


def condition(rule: carriers.Hidden, doctype: str, user=None) -> str:
	"""One rule as SQL over `tab{doctype}`; "" when it filters nothing for this user."""
	if rule.rule == carriers.ABOUT_RECORD:
		return side_tables.record_condition(doctype, *rule.fields, user=user)
	if rule.rule == carriers.CHILD_OF:
		parent = condition_for(rule.target, user)
		if not parent:
			return ""
		return (
			f"({_column(doctype, 'parenttype')} != {frappe.db.escape(rule.target)}"
			f" or `tab{doctype}`.`parent` in (select `name` from `tab{rule.target}` where {parent}))"
		)
	if rule.rule == carriers.ROWS:
		hidden = []
		for row in rule.rows:
			allowed = condition(carriers.Hidden(row.rule, row.fields, row.when), row.child, user)
			if allowed:
				hidden.append(
					f"`tab{doctype}`.`name` not in (select `parent` from `tab{row.child}`"
					f" where `parenttype` = {frappe.db.escape(doctype)} and not ({allowed}))"
				)
		return _joined(hidden)
	if rule.rule == carriers.VIA_LINK:
		target = condition_for(rule.target, user)
		if not target:
			return ""
		field = rule.fields[0]
		return (
			f"({_column(doctype, field)} not in (select `name` from `tab{rule.target}` where not ({target})))"
		)
	if is_member(user):
		return ""
	if rule.rule == carriers.ABOUT_DOCTYPE:
		parts = []
		for field in rule.fields:
			about = f"{_column(doctype, field)} in ({_service_list()})"
			if rule.when:
				about = f"{_column(doctype, rule.when[0])} = {frappe.db.escape(rule.when[1])} and {about}"
			parts.append(f"(not ({about}))")
		return _joined(parts)
	if rule.rule == carriers.MEMBERS_OWN:
		service_roles = ", ".join(frappe.db.escape(r) for r in sorted(roles.SERVICE_ROLES))
		members = (
			f"select `parent` from `tabHas Role` where `parenttype` = 'User' and `role` in ({service_roles})"
		)
		return f"({_column(doctype, rule.fields[0])} not in ({members}) and {_column(doctype, rule.fields[0])} != 'Administrator')"
	raise ValueError(f"unknown carrier rule {rule.rule}")  # carriers.problems() keeps this unreachable


def has_permission(doc, ptype=None, user=None, debug=False) -> bool | None:
	return False if hidden(doc, user) else None


def hidden(doc, user=None) -> bool:
	"""Is this row, by every carrier rule of its DocType, hidden from the user?"""
	return any(
		_hidden_by(rule, doc, user)
		for rule in carriers.rules(doc.doctype)
		if not (doc.doctype in registry.SIDE_TABLES and rule.rule == carriers.ABOUT_RECORD)
	) or (doc.doctype in registry.SIDE_TABLES and side_tables.has_permission(doc, user=user) is False)


def _hidden_by(rule: carriers.Hidden, doc, user=None) -> bool:
	if rule.rule == carriers.ABOUT_RECORD:
		return side_tables.record_permission(doc, *rule.fields, user=user) is False
	if rule.rule == carriers.ROWS:
		children = {row.child: row for row in rule.rows}
		for child in doc.get_all_children() if hasattr(doc, "get_all_children") else []:
			row = children.get(child.doctype)
			if row and _hidden_by(carriers.Hidden(row.rule, row.fields, row.when), child, user):
				return True
		return False
	if rule.rule in (carriers.CHILD_OF, carriers.VIA_LINK):
		name = doc.get("parent") if rule.rule == carriers.CHILD_OF else doc.get(rule.fields[0])
		if rule.rule == carriers.CHILD_OF and doc.get("parenttype") != rule.target:
			return False
		if not name or not frappe.db.exists(rule.target, name):
			return False
		return hidden(frappe.get_doc(rule.target, name), user)
	if is_member(user):
		return False
	if rule.rule == carriers.ABOUT_DOCTYPE:
		if rule.when and doc.get(rule.when[0]) != rule.when[1]:
			return False
		return any(registry.is_service_doctype(doc.get(field)) for field in rule.fields)
	if rule.rule == carriers.MEMBERS_OWN:
		owner = doc.get(rule.fields[0])
		return bool(owner) and (owner == "Administrator" or is_member(owner))
	return False


def refuse_running_as_a_member(doc, method=None):
	"""Auto Email Report validate: its report runs with `user`'s permissions."""
	if doc.get("user") and doc.user != frappe.session.user and is_member(doc.user):
		messages.throw("report_runs_as_other_member")


def refuse_running_saved_report_as_member(name) -> bool:
	"""For the gate: would downloading or sending this Auto Email Report run as another member?"""
	user = frappe.db.get_value("Auto Email Report", name, "user") if isinstance(name, str) else None
	return bool(user) and user != frappe.session.user and is_member(user)
