"""Telling officers something inside the desk, never by email, never with student detail.

A Notification Log of type "Alert" is never emailed by Frappe (notification_settings:
is_email_notifications_enabled_for_type returns False for "Alert"), and the subjects used here
are fixed sentences that name no one: the officer opens the desk to read the record, where
the confidentiality layer decides what they may see.
"""

import frappe

from student_advice.confidentiality.permissions import may_access_record
from student_advice.officers import active_officers
from student_advice.policy.roles import MANAGER


def alert(users, subject: str, doctype: str, name: str) -> None:
	for user in sorted(set(users)):
		notification = frappe.get_doc(
			{
				"doctype": "Notification Log",
				"type": "Alert",
				"for_user": user,
				"from_user": frappe.session.user,
				"subject": subject,
				"document_type": doctype,
				"document_name": name,
			}
		)
		# its subject is already a fixed sentence (a request-local flag: nothing a client sends sets it)
		frappe.flags.student_advice_alert = True
		try:
			notification.insert(ignore_permissions=True)
		finally:
			frappe.flags.student_advice_alert = False


def managers_who_may_see(doctype: str, name: str) -> list[str]:
	"""Active managers on the officers' list who may open this record (no declared conflict)."""
	return [
		user
		for user in active_officers()
		if MANAGER in frappe.get_roles(user) and may_access_record(doctype, name, user)
	]
