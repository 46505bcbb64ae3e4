"""The access predicate rendered as Frappe's two hooks, for the app's own DocTypes.

has_permission answers per record; query_conditions filters lists, counts, searches and
reports. Both come from student_advice.policy.access, so they cannot disagree.
"""

import frappe

from student_advice.confidentiality import refusals
from student_advice.policy import access, registry, roles


def user_roles(user: str | None = None) -> list[str]:
	return frappe.get_roles(user or frappe.session.user)


def is_member(user: str | None = None) -> bool:
	return roles.is_service_member(user_roles(user))


def conflicted_students(user: str | None = None) -> frozenset[str]:
	"""Students the user declared a conflict of interest with (cached for the request)."""
	user = user or frappe.session.user
	cache = getattr(frappe.local, "student_advice_conflicts", None)
	if cache is None:
		cache = frappe.local.student_advice_conflicts = {}
	if user not in cache:
		cache[user] = frozenset(_declared_conflicts(user))
	return cache[user]


def _declared_conflicts(user: str) -> list[str]:
	"""Read once per request by every list, form and search of the service: one indexed query
	(`officer`) sent as it is, without the query builder's rendering (about a millisecond of Python
	per request) or frappe.get_all's meta and permission work (docs/decisions.md, decision 53)."""
	if not _declarations_table():
		return []
	return frappe.db.sql(
		"select `student` from `tabConflict Declaration` where `officer` = %s and `active` = 1",
		(user,),
		pluck=True,
	)


# Sites whose Conflict Declaration table this process has seen: a table of an installed app does not
# go away while its hooks run, so the check (a Redis read and the unpickling of every table's name,
# once per request) is made once per site and process. It only matters while the app is installed.
_SEEN_TABLE: set[str] = set()


def _declarations_table() -> bool:
	site = getattr(frappe.local, "site", None)
	if site in _SEEN_TABLE:
		return True
	exists = frappe.db.table_exists("Conflict Declaration")
	if exists:
		_SEEN_TABLE.add(site)
	return exists


def record_student(doc) -> str | None:
	field = registry.student_field(doc.doctype)
	if not field:
		return None
	return doc.name if field == "name" else doc.get(field)


def may_access_record(doctype: str, name: str | None, user: str | None = None) -> bool:
	"""The predicate for a record known only by doctype and name (side tables use this)."""
	user = user or frappe.session.user
	field = registry.student_field(doctype)
	student = None
	if field and name:
		student = name if field == "name" else frappe.db.get_value(doctype, name, field)
	return access.may_access(user_roles(user), conflicted_students(user), student)


def has_permission(doc, ptype=None, user=None, debug=False) -> bool:
	user = user or frappe.session.user
	held = user_roles(user)
	allowed = access.may_access(held, conflicted_students(user), record_student(doc))
	if not allowed and user == frappe.session.user and roles.is_service_member(held):
		# A member refused here is refused for a declared conflict: say so, and note it for the audit.
		refusals.note(doc.doctype, None if _is_new(doc) else doc.name, refusals.CONFLICT)
		frappe.permissions.push_perm_check_log(conflict_message())
	return allowed


def conflict_message() -> str:
	return frappe._(
		"You declared a conflict of interest with this student, so you cannot open their records. "
		"Ask the service manager if the conflict no longer applies."
	)


def _is_new(doc) -> bool:
	is_new = getattr(doc, "is_new", None)
	return bool(is_new()) if callable(is_new) else not doc.get("name")


def query_conditions(user=None, doctype=None) -> str:
	user = user or frappe.session.user
	field = registry.student_field(doctype) if doctype else None
	column = f"`tab{doctype}`.`{field}`" if field else ""
	if not field:
		return "" if is_member(user) else access.DENY_ALL
	return access.query_condition(user_roles(user), conflicted_students(user), column, frappe.db.escape)


def recheck_after_validate(doc, method=None):
	"""Controllers set a record's student after Frappe's create check: check again once it is known."""
	if doc.flags.ignore_permissions or frappe.session.user == "Administrator":
		return
	if not has_permission(doc, user=frappe.session.user):
		if is_member():
			frappe.throw(
				conflict_message(), frappe.PermissionError, title=frappe._("Declared conflict of interest")
			)
		frappe.throw(frappe._("Not permitted"), frappe.PermissionError)
