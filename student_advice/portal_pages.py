"""What every portal page of the service does first (docs/decisions.md, decision 2)."""

import frappe


def signed_in_page(context, route: str, title: str):
	"""Send a guest to sign in and back to `route`; set up the page for a signed-in student."""
	if frappe.session.user in (None, "", "Guest"):
		frappe.local.flags.redirect_location = f"/login?redirect-to={route}"
		raise frappe.Redirect
	context.no_cache = 1
	context.show_sidebar = False
	context.title = title
	return context
