"""Where the desk opens for the service's people (docs/decisions.md, decision 38)."""

import frappe

from student_advice.policy import roles


def boot_session(bootinfo):
	"""hooks.boot_session: a member lands on the service's workspace, the statistics viewer on the
	statistics, unless the user chose a default workspace of their own (User > Default Workspace)."""
	user = bootinfo.get("user")
	if user is None or user.get("default_workspace"):
		return
	name = roles.home_workspace(frappe.get_roles())
	if not name or not frappe.db.exists("Workspace", name):
		return
	workspace = frappe.get_cached_doc("Workspace", name)
	user.default_workspace = {"name": workspace.name, "public": workspace.public, "title": workspace.title}
