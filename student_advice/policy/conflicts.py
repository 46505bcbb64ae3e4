"""Rules of declarations of a conflict of interest.

An officer declares a conflict with a student; from then on the access predicate
(policy/access.py) keeps every record of that student from them. A declaration's terms
never change; only the Advice Service Manager lifts one, and never their own.
"""

from collections.abc import Iterable

from student_advice.policy.roles import MANAGER

# Fields of a declaration that never change once it is recorded.
FIXED_FIELDS = frozenset({"officer", "student", "reason", "declared_on"})


def declaring_officer(session_user: str, session_roles: Iterable[str], requested: str | None) -> str:
	"""Officers declare their own conflicts; the manager may record one for another officer."""
	if requested and MANAGER in set(session_roles):
		return requested
	return session_user


def check_new_declaration(officer_is_member: bool, already_declared: bool) -> tuple[str, ...]:
	errors = []
	if not officer_is_member:
		errors.append("conflict_officer_not_member")
	if already_declared:
		errors.append("conflict_already_declared")
	return tuple(errors)


def check_declaration_change(
	changed: Iterable[str],
	previous_active: bool,
	active: bool,
	lifter: str,
	lifter_roles: Iterable[str],
	officer: str,
) -> tuple[str, ...]:
	errors = []
	if FIXED_FIELDS.intersection(changed):
		errors.append("conflict_is_fixed")
	if active and not previous_active:
		errors.append("conflict_cannot_reinstate")
	if previous_active and not active:
		if lifter == officer:
			errors.append("conflict_lift_own")
		elif MANAGER not in set(lifter_roles):
			errors.append("conflict_lift_needs_manager")
	return tuple(errors)
