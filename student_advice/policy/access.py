"""The one access predicate, in two renderings: per record and as a SQL condition.

Frappe-facing code (confidentiality/permissions.py) only feeds it roles, the user's
declared conflicts and the record's student; it never decides anything itself.
"""

from collections.abc import Iterable

from student_advice.policy.roles import is_service_member

DENY_ALL = "1=0"  # an empty condition would *remove* the restriction in Frappe


def may_access(roles: Iterable[str], conflicted_students: Iterable[str], student: str | None) -> bool:
	"""May a user with these roles and conflicts open a record about `student`?"""
	if not is_service_member(roles):
		return False
	return not (student and student in set(conflicted_students or ()))


def query_condition(
	roles: Iterable[str],
	conflicted_students: Iterable[str],
	student_column: str,
	quote,
) -> str:
	"""SQL condition equivalent to `may_access` over a table's rows.

	`student_column` is a trusted, already-qualified column name; `quote` escapes one
	value for SQL (frappe.db.escape in production). Returns "" only when nothing is to
	be filtered, DENY_ALL when nothing may be seen.
	"""
	if not is_service_member(roles):
		return DENY_ALL
	conflicts = sorted(set(conflicted_students or ()))
	if not conflicts:
		return ""
	values = ", ".join(quote(s) for s in conflicts)
	return f"(ifnull({student_column}, '') not in ({values}))"
