"""Every user-facing rule message, as a translatable literal, keyed by the policy's codes."""

import frappe
from frappe import _


def message(code: str) -> str:
	return {
		"case_status_unknown": _(
			"Choose one of the case statuses: Open, Waiting on Student, Waiting on Third Party or Closed."
		),
		"case_opened_missing": _("Enter the date the case was opened."),
		"case_opened_in_future": _("A case cannot be opened on a future date."),
		"case_close_needs_outcome": _("Choose an outcome before closing the case."),
		"case_close_needs_date": _("Enter the date the case was closed."),
		"case_closed_before_opened": _("The closing date cannot be before the date the case was opened."),
		"case_closed_in_future": _("A case cannot be closed on a future date."),
		"entry_type_unknown": _(
			"Choose whether the entry records an event, advice offered or an action taken."
		),
		"entry_date_missing": _("Enter the date of the entry."),
		"entry_in_future": _("A case entry cannot be dated in the future."),
		"entry_details_missing": _("Describe the event, the advice offered or the action taken."),
		"entry_correction_unknown": _("The entry being corrected could not be found."),
		"entry_correction_other_case": _(
			"A correcting entry must belong to the same case as the entry it corrects."
		),
		"entry_is_append_only": _(
			"Case entries cannot be changed. Add a new entry that corrects this one instead."
		),
		"student_email_taken": _("Another student record already uses this email address."),
		"enquiry_already_converted": _("This enquiry has already been converted into a case."),
		"enquiry_conversion_needs_student": _(
			"Choose the student before converting the enquiry into a case."
		),
		"anonymous_enquiry_has_student": _("An anonymous enquiry cannot name a student."),
		"officer_user_taken": _("This user is already on the list of officers."),
		"assignee_not_officer": _("Cases can only be assigned to active advice officers."),
		"no_sharing": _("Student Advice records cannot be shared."),
		"no_deletion": _(
			"Student Advice records are never deleted by hand; the retention schedule removes them."
		),
		"attachment_must_be_private": _("Attachments to Student Advice records are always private."),
		"threshold_too_low": _("The suppression threshold cannot be below 3."),
		"link_into_casework": _("Fields outside the Student Advice Service cannot link to its records."),
	}[code]


def throw(codes) -> None:
	"""Refuse the action with every rule it breaks, one message per line."""
	if isinstance(codes, str):
		codes = (codes,)
	if codes:
		frappe.throw("<br>".join(message(c) for c in codes), title=_("Not saved"))
