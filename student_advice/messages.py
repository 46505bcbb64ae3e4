"""Every user-facing rule message, as a translatable literal, keyed by the policy's codes."""

import frappe
from frappe import _


def message(code: str) -> str:
	if ":" in code:
		return _with_values(code)
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
		"enquiry_received_in_future": _("An enquiry cannot be recorded as received on a future date."),
		"anonymous_enquiry_has_student": _("An anonymous enquiry cannot name a student."),
		"officer_user_taken": _("This user is already on the list of officers."),
		"assignee_not_officer": _("Cases can only be assigned to active advice officers."),
		"case_anonymised": _(
			"This case was anonymised when its retention period ended; it can no longer be changed."
		),
		"enquiry_anonymised": _(
			"This enquiry was anonymised when its retention period ended; it can no longer be changed."
		),
		"hold_needs_student_or_case": _("Choose the student, or the case, the legal hold is for."),
		"hold_case_other_student": _("The case belongs to another student."),
		"hold_already_lifted": _("This legal hold has already been lifted."),
		"hold_lift_needs_reason": _("Say why the legal hold is lifted."),
		"hold_terms_fixed": _(
			"A legal hold's student, case and reason cannot be changed; lift it and place a new one."
		),
		"erasure_on_hold": _("The student's records are on legal hold: lift the hold before erasing them."),
		"erasure_already_decided": _("This erasure request has already been decided."),
		"erasure_needs_notes": _("Say why the records are erased early, or why the request is declined."),
		"breach_kept_on_erasure": _(
			"breach record(s) kept with their consultations and corrections: the confidentiality policy requires"
			" a record of every breach, and the law may require it to be kept"
		),
		"legal_duty_disclosure_kept_on_erasure": _(
			"disclosure(s) made under a breach of confidentiality kept with their breach record"
		),
		"no_sharing": _("Student Advice records cannot be shared."),
		"report_runs_as_other_member": _(
			"A report that runs with a Student Advice member's permissions can only be set up by that member."
		),
		"no_deletion": _(
			"Student Advice records are never deleted by hand; the retention schedule removes them."
		),
		"casework_file_copy": _(
			"This file belongs to a Student Advice record and cannot be attached elsewhere."
		),
		"no_tags": _("Student Advice records cannot be tagged: tag names are visible to every user."),
		"attachment_must_be_private": _("Attachments to Student Advice records are always private."),
		"threshold_too_low": _("The suppression threshold cannot be below 3."),
		"term_name_invalid": _(
			'Give each term a name (not "Out of term", which the statistics use for the rest of the year).'
		),
		"term_name_duplicate": _("Two terms of the same academic year have the same name."),
		"term_year_invalid": _(
			"Write the academic year of a term like 2025-26 (or 2025 when the year starts in January)."
		),
		"term_dates_missing": _("Enter the first and the last day of each term."),
		"term_ends_before_start": _("A term cannot end before it starts."),
		"term_not_whole_months": _(
			"Terms for statistics run in whole months: start on the first day of a month and end on the last day of a month."
		),
		"term_outside_year": _("A term must lie inside its academic year."),
		"terms_overlap": _("Terms of the same academic year cannot overlap."),
		"statistics_filter_invalid": _("Choose the statistics from the options offered."),
		"statistics_period_unknown": _("Choose an academic year, term or month that the statistics offer."),
		"statistics_period_unchosen": _("Choose the term or the month to show."),
		"link_into_casework": _("Fields outside the Student Advice Service cannot link to its records."),
		# --- reflective practice meetings, conversations, conflicts of interest ---
		"meeting_is_held": _(
			"This meeting has been held: the meeting and its discussions can no longer be changed, and no cases or actions can be added to it."
		),
		"meeting_status_unknown": _("A meeting is either Scheduled or Held."),
		"meeting_date_missing": _("Enter the date of the meeting."),
		"meeting_held_needs_officers": _(
			"Record at least one officer present before marking the meeting as held."
		),
		"meeting_held_in_future": _("A meeting cannot be marked as held before its date."),
		"meeting_officer_not_active": _("Only active advice officers can be recorded as present."),
		"meeting_already_on_date": _("There is already a reflective practice meeting on this date."),
		"discussion_duplicate": _("This case is already on the meeting's agenda."),
		"action_status_unknown": _("Choose one of the action statuses: Open, In Progress, Done or Dropped."),
		"action_on_removed_discussion": _(
			"Actions can only be agreed for a case that is on the agenda, not one taken off it."
		),
		"action_terms_locked": _(
			"The meeting has been held: what was agreed, its owner and its due date stay as agreed. Only the status and progress notes can be updated."
		),
		"action_owner_not_officer": _(
			"The owner of an action must be an active advice officer who may work on this student's records."
		),
		"mention_outside_service": _(
			"Only advice officers who may see this record can be mentioned in its comments. Remove the mention and try again."
		),
		"follow_outside_service": _("Only advice officers who may see this record can follow it."),
		"assignee_has_conflict": _(
			"This officer has declared a conflict of interest with the student and cannot be assigned."
		),
		"notification_outside_service": _(
			"Notifications about Student Advice records only go to advice officers who may see them."
		),
		"conflict_officer_not_member": _(
			"A conflict of interest can only be declared for a member of the advice service."
		),
		"conflict_already_declared": _(
			"This officer has already declared a conflict of interest with this student."
		),
		"conflict_is_fixed": _(
			"A declaration of a conflict of interest cannot be changed. Ask the Advice Service Manager to lift it, and declare again if needed."
		),
		"conflict_cannot_reinstate": _(
			"A lifted declaration cannot be reinstated; declare the conflict of interest again instead."
		),
		"conflict_lift_own": _(
			"You cannot lift your own declaration of a conflict of interest; ask the Advice Service Manager."
		),
		"conflict_lift_needs_manager": _(
			"Only the Advice Service Manager can lift a declaration of a conflict of interest."
		),
		# --- consent, disclosure and the breach procedure ---
		"category_unknown": _("Choose categories of information from the service's list."),
		"consent_needs_category": _("Choose at least one category of information the consent covers."),
		"consent_needs_description": _("Describe the information the consent covers."),
		"consent_needs_purpose": _("Enter the purpose for which the information may be shared."),
		"consent_method_unknown": _(
			"Choose how the consent was given: signed in writing, by email from the student's own address, verbally witnessed by an officer, or online by the student."
		),
		"consent_needs_witness": _("Name the officer who witnessed the verbal consent."),
		"consent_witness_not_officer": _("The witness of a verbal consent must be an active advice officer."),
		"consent_needs_sender_email": _("Enter the address the student's consent email came from."),
		"consent_email_not_students": _(
			"The consent email did not come from the student's own address on record."
		),
		"consent_needs_given_on": _("Enter when the consent was given."),
		"consent_given_in_future": _("Consent cannot be recorded as given in the future."),
		"consent_expiry_before_given": _("The consent must expire after it was given."),
		"consent_needs_wording": _("Choose the consent wording shown to the student."),
		"consent_wording_inactive": _("This consent wording is no longer in use; choose a current version."),
		"consent_terms_fixed": _(
			"A consent's terms never change once it is recorded. Record a withdrawal, and a new consent if the student agrees to different terms."
		),
		"consent_never_cancelled": _(
			"A recorded consent is never cancelled or amended. Record a withdrawal instead."
		),
		"case_other_student": _("The case chosen belongs to another student."),
		"wording_is_fixed": _("A consent wording never changes once saved; create a new version instead."),
		"wording_unknown_placeholder": _(
			"The wording uses a placeholder the service does not know. Use only {third_party}, {information}, {description}, {purpose} and {expires_on}."
		),
		"consent_expiry_months_invalid": _("The default consent expiry must be at least one month."),
		"closure_day_invalid": _("Closure days must be dates written as YYYY-MM-DD, one per line."),
		"withdrawal_needs_submitted_consent": _("Only a recorded (submitted) consent can be withdrawn."),
		"consent_already_withdrawn": _("This consent has already been withdrawn."),
		"withdrawal_method_unknown": _("Choose how the student withdrew the consent."),
		"withdrawal_needs_date": _("Enter when the consent was withdrawn."),
		"withdrawal_in_future": _("A withdrawal cannot be dated in the future."),
		"withdrawal_before_given": _("A consent cannot be withdrawn before it was given."),
		"withdrawal_is_final": _("A withdrawal cannot be changed once recorded."),
		"disclosure_needs_category": _("Choose at least one category of information that was disclosed."),
		"disclosure_needs_description": _("Describe what was disclosed."),
		"disclosure_channel_unknown": _("Choose how the information was disclosed."),
		"disclosure_needs_date": _("Enter when the information was disclosed."),
		"disclosure_in_future": _("A disclosure cannot be dated in the future."),
		"disclosure_two_bases": _(
			"Choose one basis for the disclosure: a consent or a confidentiality breach, not both."
		),
		"disclosure_needs_basis": _(
			"Nothing about a student leaves the service without a basis: choose the consent or the disclosed confidentiality breach that covers this disclosure."
		),
		"disclosure_is_final": _("A disclosure cannot be changed once recorded."),
		"consent_unknown": _("The consent chosen could not be found."),
		"consent_not_submitted": _("The consent has not been recorded as given (it is still a draft)."),
		"consent_other_student": _("The consent was given by another student."),
		"consent_other_third_party": _("The consent does not name this third party."),
		"consent_lacks_existence": _("The consent does not cover: existence of contact with the service."),
		"consent_lacks_case_details": _("The consent does not cover: case details."),
		"consent_lacks_academic": _("The consent does not cover: academic information."),
		"consent_lacks_health_welfare": _("The consent does not cover: health and welfare information."),
		"consent_lacks_contact_details": _("The consent does not cover: contact details."),
		"consent_lacks_other": _("The consent does not cover: other information."),
		"consent_given_after": _("The consent was given after the disclosure."),
		"consent_expired_at_time": _("The consent had expired at the time of the disclosure."),
		"consent_withdrawn_at_time": _("The consent had been withdrawn at the time of the disclosure."),
		"breach_unknown": _("The confidentiality breach chosen could not be found."),
		"breach_not_disclosed": _("The confidentiality breach has not been recorded as disclosed."),
		"breach_other_student": _("The confidentiality breach concerns another student."),
		"breach_other_third_party": _("The confidentiality breach does not name this recipient."),
		"breach_officers_only": _("Only advice officers can record or move a confidentiality breach."),
		"breach_starts_as_draft": _("A confidentiality breach starts as a draft."),
		"breach_disclosed_is_final": _(
			"A disclosed confidentiality breach is never changed or cancelled. Add a correction instead."
		),
		"breach_closed_is_final": _(
			"A confidentiality breach closed without disclosure is never changed. Add a correction instead."
		),
		"breach_state_unknown": _("This is not a state of the confidentiality breach procedure."),
		"breach_edit_deciding_officer_or_manager": _(
			"Only the deciding officer or the Advice Service Manager can change this confidentiality breach."
		),
		"breach_transition_not_allowed": _("A confidentiality breach cannot move between these states."),
		"breach_only_deciding_officer": _("Only the deciding officer can take this step."),
		"breach_only_deciding_officer_or_manager": _(
			"Only the deciding officer or the Advice Service Manager can close this confidentiality breach."
		),
		"breach_docstatus_mismatch": _(
			"Move the confidentiality breach with its workflow actions; it is submitted only when disclosed."
		),
		"breach_ground_unknown": _(
			"Confidentiality is breached only on one of the policy's two grounds: a serious and imminent risk to the student's own or others' safety, or a legal requirement to disclose for the prevention or detection of terrorism."
		),
		"breach_needs_student": _("Choose the student."),
		"breach_needs_situation": _(
			"Outline the situation, specifying the reason confidentiality is being breached."
		),
		"breach_needs_closure_reason": _("Say why the breach was closed without disclosure."),
		"breach_needs_ground": _("Choose the ground for breaching confidentiality."),
		"breach_needs_aim": _("Say what would be achieved by breaching confidentiality."),
		"breach_needs_recipient": _("Choose to whom confidentiality is breached."),
		"breach_needs_consultation_request": _("Ask at least one other advice officer for advice first."),
		"breach_needs_confirmed_consultation": _(
			"At least one other advice officer must confirm the consultation before the decision, unless the risk is imminent (emergency)."
		),
		"breach_needs_decided_on": _("Enter when the decision was made."),
		"breach_decided_in_future": _("A decision cannot be dated in the future."),
		"breach_needs_disclosed_on": _("Enter when the information was disclosed."),
		"breach_disclosed_in_future": _("A disclosure cannot be dated in the future."),
		"breach_disclosed_before_decided": _("The disclosure cannot be dated before the decision."),
		"breach_needs_information_disclosed": _("Record the information that was disclosed."),
		"breach_needs_student_told": _("Record whether the student was told."),
		"breach_needs_not_told_reason": _("Record why the student was not told."),
		"consultation_breach_closed": _(
			"This confidentiality breach was closed without disclosure; no advice can be asked on it."
		),
		"consultation_only_deciding_officer": _(
			"Only the deciding officer can ask for advice on this confidentiality breach."
		),
		"consultation_needs_officer": _("Choose the officer to ask for advice."),
		"consultation_not_yourself": _(
			"The deciding officer cannot consult themselves; ask another advice officer."
		),
		"consultation_needs_active_officer": _("Advice can only be asked of an active advice officer."),
		"consultation_officer_conflicted": _(
			"This officer cannot see this student's records; ask another advice officer."
		),
		"consultation_already_requested": _("This officer has already been asked and has not answered yet."),
		"consultation_is_final": _("A confirmed consultation cannot be changed."),
		"consultation_fields_fixed": _(
			"Only the consulted officer's confirmation and advice can be added to a consultation."
		),
		"consultation_confirm_own_only": _(
			"Only the consulted officer can confirm this consultation, from their own account."
		),
		"consultation_needs_advice": _("Record the advice given."),
		"correction_needs_final_breach": _(
			"Corrections are added to disclosed or closed breaches; a breach still in progress is edited instead."
		),
		"correction_needs_text": _("Write the correction."),
		"correction_is_final": _("A correction cannot be changed once recorded; add another correction."),
		# The casework form (student_advice.policy.casework_form)
		"casework_form_field_not_allowed": _("The form was sent with a field it does not have."),
		"casework_form_status_unknown": _("Choose New or Triaged."),
		"casework_form_students_words": _("What the student wrote in the casework form cannot be changed."),
		"casework_form_triage_only": _("Use the Triage buttons to triage a casework form."),
		"casework_form_already_triaged": _("This casework form has already been triaged."),
		"casework_form_triage_unknown": _("Triage into a new case, an existing case or an enquiry."),
		"casework_form_triage_needs_category": _("Choose a category."),
		"casework_form_triage_needs_case": _("Choose the case."),
		"casework_form_triage_other_student": _("Choose a case of the student who filled in the form."),
		"casework_attachment_name": _(
			"Attachments: please rename the file with letters, numbers, spaces, dots and dashes only."
		),
		"casework_attachment_empty": _("Attachments: one of the files is empty."),
		# Records on request (student_advice.policy.record_access)
		"access_request_already_extended": _("This request has already been extended once."),
		"access_request_extension_too_late": _(
			"The first month has ended: the student had to be told of an extension before then."
		),
		"access_request_extension_months": _("Extend by one or two months."),
		"access_request_extension_needs_reason": _("Record the reason for the extension."),
		"access_request_already_released": _("This copy has already been released: it cannot be changed."),
		"access_request_items_undecided": _(
			"Decide every record first: release, release with redactions, or withhold."
		),
		"access_request_status_unknown": _("Choose Received, Extended or Released."),
		"access_request_set_by_the_service": _(
			"The student, dates, extension and released copy are set by the service, not typed in."
		),
		"access_request_records_not_gathered": _(
			"The student has records the review does not list yet: gather the records again."
		),
		"access_item_not_the_students": _("A record in the review is not one of this student's records."),
		"access_item_decision_unknown": _("Choose release, release with redactions, or withhold."),
		"access_item_needs_redacted_text": _("Write the redacted text the student will be given."),
		"access_item_needs_reason": _("Choose the reason for withholding the record."),
		"access_item_other_needs_details": _("Describe the other reason for withholding the record."),
	}[code]


def _with_values(code: str) -> str:
	"""Codes that carry values after a colon (the retention kinds a settings rule names)."""
	from student_advice.policy.retention import BY_KEY

	rule, *keys = code.split(":")
	if rule.startswith("casework_form_"):
		return _casework_form_message(rule, keys[0])
	if rule == "casework_attachment_count":
		return _("Attachments: you may attach up to {0} files to your form.").format(keys[0])
	if rule == "casework_attachment_type":
		return _("Attachments: please attach only these kinds of file: {0}.").format(keys[0])
	if rule == "settings_attachments_too_large":
		return _(
			"Attachments: the most files per form times the largest file must stay under {0} MB,"
			" the largest request this site accepts."
		).format(keys[0])
	if rule == "casework_attachment_size":
		return _("Attachments: each file may be at most {0} MB.").format(keys[0])
	kinds = [BY_KEY[key] for key in keys]
	if rule == "retention_below_minimum":
		return _("{0} must be kept for at least {1} months.").format(
			_(kinds[0].label), kinds[0].minimum_months
		)
	if rule == "retention_must_outlive":
		return _("{0} must be kept at least as long as {1}.").format(
			_(kinds[0].label), _(kinds[1].label).lower()
		)
	raise KeyError(code)


def _casework_form_message(rule: str, argument: str) -> str:
	"""A casework form field the student must correct, named by its label on the form."""
	labels = {
		"full_name": _("Full name"),
		"preferred_name": _("Preferred name"),
		"pronouns": _("Pronouns"),
		"college_name": _("College"),
		"faculty_name": _("Faculty"),
		"course": _("Course"),
		"year_of_study": _("Year of study"),
		"phone": _("Phone"),
		"email_only": _("Contact by email only"),
		"no_voicemail": _("Do not leave voicemail"),
		"no_post": _("Do not send post"),
		"no_text_messages": _("Do not send text messages"),
		"contact_notes": _("Other contact instructions"),
		"help_needed": _("What you need help with"),
		"meeting_preference": _("How you would like to meet"),
	}
	label = labels[argument]
	return {
		"casework_form_missing": _("{0}: please fill this in."),
		"casework_form_too_long": _("{0}: please shorten this."),
		"casework_form_html": _("{0}: please write plain text, without HTML."),
		"casework_form_type": _("{0}: please check what you entered."),
		"casework_form_choice": _("{0}: please choose one of the options."),
	}[rule].format(label)


def throw(codes) -> None:
	"""Refuse the action with every rule it breaks, one message per line."""
	if isinstance(codes, str):
		codes = (codes,)
	if codes:
		frappe.throw("<br>".join(message(c) for c in codes), title=_("Not saved"))


# --- messages to students (docs/decisions.md, decision 48): the Students' Union, nothing else ---------


def student_email_subject() -> str:
	return _("A message from the Students' Union")


def student_email_body(url: str) -> str:
	return _("There is something for you to read. Please sign in to read it: {0}").format(url)


# --- what the law says the student gets with their copy (UK GDPR Art. 15(1)) -------------------------


def access_copy_texts() -> dict:
	return {
		"purposes": [
			_("To give you confidential advice and represent you, as you asked."),
			_("To keep a record of the advice given and the actions taken on your behalf."),
			_("To produce anonymised statistics about the service, in which no student can be identified."),
			_(
				"To disclose information only with your consent, or where the law allows it without consent: "
				"a serious and imminent risk to your or others' safety, or a legal duty to disclose for the "
				"prevention or detection of terrorism."
			),
		],
		"rights": [
			_("You may ask for a copy of your records at any time."),
			_("You may ask us to correct anything that is wrong, or to complete what is incomplete."),
			_("You may ask us to erase your records; we keep only what the law requires us to keep."),
			_("You may object to, or ask us to restrict, how we use your records."),
			_("You may withdraw a consent you gave at any time; it stops covering disclosures from then on."),
			_(
				"You may complain to the Information Commissioner's Office (ico.org.uk) if you are unhappy "
				"with how we handled your records."
			),
		],
	}
