"""The casework form in the portal, for any signed-in student (docs/decisions.md, decision 2).

The page is the same for every student: it shows nothing the service holds (no pre-filled
answers), so it cannot tell a student with records from one without.
"""

import frappe
from frappe import _

from student_advice import casework_attachments
from student_advice.policy import casework_form as policy
from student_advice.portal_pages import signed_in_page

no_cache = 1


def get_context(context):
	signed_in_page(context, "/casework-form", _("Casework form"))
	context.email = frappe.db.get_value("User", frappe.session.user, "email")
	context.colleges = frappe.get_all("College", pluck="name", order_by="name asc")
	context.faculties = frappe.get_all("Faculty", pluck="name", order_by="name asc")
	context.years = [y for y in policy.YEARS if y]
	context.meeting_preferences = [m for m in policy.MEETING_PREFERENCES if m]
	types, context.attachment_max_mb, context.attachment_max_files = casework_attachments.limits()
	context.attachment_types = list(types)
	return context
