"""The confidentiality health check: facts about this site, judged by student_advice.policy.health.

Only the service's administrator and manager may see it (anyone else gets the uniform denial):
it names the users who could read casework from outside the service.
"""

import frappe
from frappe import _

from student_advice.confidentiality.guards import roles_only
from student_advice.policy import health, roles

ALLOWED_ROLES = frozenset({roles.ADMINISTRATOR, roles.MANAGER})

# Enabled integrations that copy the site's data elsewhere or decide who can log in:
# DocType -> the field that switches it on.
INTEGRATIONS = {
	"Google Drive": "enable",
	"Dropbox Settings": "enabled",
	"S3 Backup Settings": "enabled",
	"LDAP Settings": "enabled",
}


@frappe.whitelist()
@roles_only(*ALLOWED_ROLES)
def get_report() -> dict:
	"""The findings and residual risks for this site, rendered by the Confidentiality Health page."""
	return translate(health.evaluate(gather_facts()))


def gather_facts() -> dict:
	def system(field):
		return frappe.db.get_single_value("System Settings", field, cache=False)

	outsiders = outsider_desk_users()
	return {
		"outsider_roles": outsider_roles(),
		"member_roles": member_roles(),
		"outsider_desk_users": len(outsiders),
		"document_sharing": not system("disable_document_sharing"),
		"error_traceback": bool(system("allow_error_traceback")),
		"attach_view_link": bool(system("attach_view_link")),
		"login_with_email_link": bool(system("login_with_email_link")),
		"server_scripts": bool(frappe.conf.get("server_script_enabled")),
		"signup_open": not frappe.db.get_single_value("Website Settings", "disable_signup", cache=False),
		"energy_points": bool(frappe.db.get_single_value("Energy Point Settings", "enabled", cache=False)),
		"backup_encryption_key": bool(frappe.conf.get("backup_encryption_key")),
		"integrations": enabled_integrations(),
		"frappe_version": frappe.__version__,
	}


def _service_users() -> set[str]:
	return set(
		frappe.get_all(
			"Has Role",
			filters={"parenttype": "User", "role": ("in", sorted(roles.SERVICE_ROLES))},
			pluck="parent",
		)
	)


def _enabled_users(**filters) -> set[str]:
	filters = {"enabled": 1, "name": ("not in", ("Administrator", "Guest")), **filters}
	return set(frappe.get_all("User", filters=filters, pluck="name"))


def outsider_roles() -> dict[str, list[str]]:
	"""{user: risky roles} for enabled users outside the service (the Administrator account excluded)."""
	rows = frappe.get_all(
		"Has Role",
		filters={"parenttype": "User", "role": ("in", sorted(health.RISKY_ROLES))},
		fields=["parent", "role"],
	)
	outside = _enabled_users() - _service_users()
	found: dict[str, list[str]] = {}
	for row in rows:
		if row.parent in outside:
			found.setdefault(row.parent, []).append(row.role)
	return {user: sorted(set(held)) for user, held in found.items()}


def member_roles() -> dict[str, list[str]]:
	"""{user: administrative or authoring roles} for enabled members of the service (Administrator excluded)."""
	members = _enabled_users() & _service_users()
	rows = frappe.get_all(
		"Has Role",
		filters={
			"parenttype": "User",
			"role": ("in", sorted(health.RISKY_ROLES)),
			"parent": ("in", sorted(members) or [""]),
		},
		fields=["parent", "role"],
	)
	found: dict[str, list[str]] = {}
	for row in rows:
		found.setdefault(row.parent, []).append(row.role)
	return {user: sorted(set(held)) for user, held in found.items()}


def outsider_desk_users() -> list[str]:
	"""Enabled desk users who hold none of the service's roles: the service shares this site."""
	return sorted(_enabled_users(user_type="System User") - _service_users())


def enabled_integrations() -> list[str]:
	enabled = []
	for doctype, field in INTEGRATIONS.items():
		if frappe.db.exists("DocType", doctype) and frappe.db.get_single_value(doctype, field, cache=False):
			enabled.append(doctype)
	return enabled


def translate(report: dict) -> dict:
	"""Fill each template with its params after translating it."""
	for item in report["findings"] + report["residuals"]:
		params = item.pop("params", None) or {}
		for key in ("title", "explanation", "fix"):
			if item.get(key):
				item[key] = _(item[key]).format(**params)
	return report
