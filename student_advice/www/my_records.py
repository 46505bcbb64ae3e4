"""Records on request in the portal, for any signed-in student (docs/decisions.md, decision 2).

The student asks to see their records and, once an officer has released the copy, reads it here and
downloads its PDF. Everything is matched by the login's email, never by what the request says: a
copy that is another student's, missing, not yet released or no longer open shows the same page.
Until a copy is released the page is the same for a student with records and one without.
"""

import frappe
from frappe import _

from student_advice import record_access
from student_advice.confidentiality.audit import PORTAL_VIEW, log_portal_read
from student_advice.policy import record_access as policy
from student_advice.policy.casework import normalise_email
from student_advice.portal_pages import signed_in_page

no_cache = 1


def get_context(context):
	signed_in_page(context, "/my-records", _("My records"))
	email = frappe.db.get_value("User", {"name": frappe.session.user, "enabled": 1}, "email")
	email = normalise_email(email) if email else None
	requests = record_access.own_requests(email) if email else []
	context.requests = requests
	context.asking = not any(r.status != policy.RELEASED for r in requests)
	context.copy_html = None
	request = record_access.own_open_copy(email, frappe.form_dict.get("copy"))
	if request is not None:
		context.copy_name = request.name
		context.copy_html = frappe.render_template(
			frappe.db.get_value("Print Format", record_access.PRINT_FORMAT, "html"), {"doc": request}
		)
		log_portal_read(record_access.DOCTYPE, request.name, PORTAL_VIEW)
	today = frappe.utils.getdate()
	context.open_copies = {
		r.name
		for r in requests
		if r.status == policy.RELEASED
		and policy.copy_open(frappe.utils.getdate(r.released_on), today, record_access.copy_days())
	}
	return context
