"""Assignments, mentions, follows and notifications never carry a case outside the service.

Frappe tells people about a record in four ways: an assignment (ToDo + Notification Log),
a mention in a comment (Notification Log), following it (Document Follow and its digest
email) and the notification email itself. Each hook below refuses, with a clear message,
anything that would reach a user who may not see the record: someone outside the advice
roles, or an officer who declared a conflict of interest with its student. The rule is
the access predicate itself (confidentiality/permissions.may_access_record).

Frappe's own assignment to a non-officer is refused earlier by side_tables.limit_assignment_to_officers.
"""

import frappe
from frappe.desk.notifications import extract_mentions

from student_advice import messages
from student_advice.confidentiality.permissions import may_access_record
from student_advice.policy import registry


def _may_see(doctype: str, name: str | None, user: str | None) -> bool:
	return bool(user) and may_access_record(doctype, name, user)


def refuse_mentions_outside(doc, method=None):
	"""Comment.validate: every user @-mentioned (groups expanded) must be able to see the record."""
	if not registry.is_service_doctype(doc.reference_doctype) or not doc.content:
		return
	for user in extract_mentions(doc.content):
		if not _may_see(doc.reference_doctype, doc.reference_name, user):
			messages.throw("mention_outside_service")


def refuse_follow_outside(doc, method=None):
	"""Document Follow.validate: only someone who may see the record follows it."""
	if registry.is_service_doctype(doc.ref_doctype) and not _may_see(
		doc.ref_doctype, doc.ref_docname, doc.user
	):
		messages.throw("follow_outside_service")


def refuse_conflicted_assignee(doc, method=None):
	"""ToDo.validate: an open assignment never goes to an officer with a conflict of interest."""
	if doc.status != "Open" or not doc.allocated_to or not registry.is_service_doctype(doc.reference_type):
		return
	if not _may_see(doc.reference_type, doc.reference_name, doc.allocated_to):
		messages.throw("assignee_has_conflict")


def keep_notification_inside(doc, method=None):
	"""Notification Log.before_insert: only for someone who may see the record, and no content.

	The email Frappe sends from a Notification Log carries its subject and email_content, and
	Frappe's subjects carry the record's title, which inside the service is the student's name
	(docs/decisions.md, decision 5). For the service's records the subject is a fixed sentence
	that names no one (the app's own alerts already are: desk_alerts.py), and the free text (the
	assignment comment, the mentioning comment) is dropped: the reader opens the record in the desk.
	"""
	if not registry.is_service_doctype(doc.document_type):
		return
	if not _may_see(doc.document_type, doc.document_name, doc.for_user):
		messages.throw("notification_outside_service")
	doc.email_content = None
	if not frappe.flags.student_advice_alert:
		doc.subject = notification_subject(doc.type, doc.document_type)
	# Told inside the desk only: Frappe emails no Alert, and an email would sit in the
	# Email Queue (readable by System Managers) with the record's link and title.
	doc.type = "Alert"


def notification_subject(kind: str | None, doctype: str) -> str:
	from frappe import _

	if kind == "Assignment":
		return _("A {0} has been assigned to you, or its assignment has changed.").format(_(doctype))
	if kind == "Mention":
		return _("You were mentioned on a {0}.").format(_(doctype))
	return _("There is an update on a {0} record.").format(_(doctype))
