"""The list of officers (Advice Officer) as the rest of the app asks about it."""

import frappe

from student_advice.policy.roles import SERVICE_ROLES


def is_active_officer(user: str) -> bool:
	"""On the officers' list, marked active, and holding one of the service's roles."""
	if not frappe.db.get_value("Advice Officer", {"user": user, "active": 1}, "name"):
		return False
	return bool(SERVICE_ROLES.intersection(frappe.get_roles(user)))


def active_officers() -> list[str]:
	users = frappe.get_all("Advice Officer", filters={"active": 1}, pluck="user")
	return [u for u in users if SERVICE_ROLES.intersection(frappe.get_roles(u))]
