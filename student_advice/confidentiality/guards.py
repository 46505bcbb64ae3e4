"""Role guards for the app's own endpoints and reports, one decorator each (docs/decisions.md, decision 17).

The app's endpoints name no service DocType in their method name or arguments, so the request
gate does not see them: the guard decides, before the function reads anything. Never
frappe.only_for: it lets Administrator and any test run through.

    @frappe.whitelist()
    @members_only
    def my_open_cases(filters=None): ...
"""

import functools

import frappe
from frappe import _

from student_advice.confidentiality.gate import deny
from student_advice.confidentiality.permissions import is_member, user_roles
from student_advice.policy.roles import MANAGER, reads_statistics


def _guard(allowed, refuse):
	def decorator(fn):
		@functools.wraps(fn)
		def guarded(*args, **kwargs):
			if not allowed():
				refuse()
			return fn(*args, **kwargs)

		return guarded

	return decorator


def _not_permitted():
	raise frappe.PermissionError(_("Not permitted"))


def has_role(*roles):
	return lambda: bool(set(roles).intersection(user_roles()))


# Members of the service only; everyone else gets the uniform denial (decision 3).
members_only = _guard(is_member, deny)

# The statistics viewer, the manager and officers. The viewer is outside the service, and these
# routes name no record, so others get Frappe's ordinary PermissionError.
statistics_readers_only = _guard(lambda: reads_statistics(user_roles()), _not_permitted)


# Any signed-in user (students are website users with no role, docs/decisions.md, decision 2);
# guests get the uniform denial.
signed_in_only = _guard(lambda: frappe.session.user not in (None, "", "Guest"), deny)


def managers_only(fn):
	"""The manager only: outsiders get the uniform denial, other members Frappe's PermissionError."""
	return members_only(_guard(has_role(MANAGER), _not_permitted)(fn))


def roles_only(*roles):
	"""Only these roles; everyone else, members of the service included, gets the uniform denial
	(reports and pages that name who touched what: the access audit, the health check)."""
	return _guard(has_role(*roles), deny)
