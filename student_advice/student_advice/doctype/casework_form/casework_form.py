# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils import getdate, now_datetime, today

from student_advice import messages
from student_advice.naming import RandomlyNamed, Undeletable
from student_advice.policy import casework
from student_advice.policy import casework_form as policy

# Only triage writes these; only the portal's endpoint writes the student's answers.
TRIAGE_FIELDS = ("status", "triaged_as", "advice_case", "enquiry", "triaged_by", "triaged_on")
STUDENT_FIELDS = ("student", "email", *(field for field, *_ in policy.FIELDS.values()))


class CaseworkForm(Undeletable, RandomlyNamed):
	"""What a student wrote in the portal's casework form, then an officer's one-click triage."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		advice_case: DF.Link | None
		college: DF.Link | None
		contact_notes: DF.SmallText | None
		course: DF.Data | None
		email: DF.Data | None
		email_only: DF.Check
		enquiry: DF.Link | None
		faculty: DF.Link | None
		full_name: DF.Data
		help_needed: DF.Text
		meeting_preference: DF.Literal["", "In person (confidential space)", "Online", "Phone"]
		no_post: DF.Check
		no_text_messages: DF.Check
		no_voicemail: DF.Check
		phone: DF.Data | None
		preferred_name: DF.Data | None
		pronouns: DF.Data | None
		status: DF.Literal["New", "Triaged"]
		student: DF.Link | None
		submitted_on: DF.Datetime | None
		triaged_as: DF.Literal["", "New Case", "Existing Case", "Enquiry"]
		triaged_by: DF.Link | None
		triaged_on: DF.Datetime | None
		year_of_study: DF.Literal["", "1", "2", "3", "4", "5", "6", "7"]
	# end: auto-generated types

	def validate(self):
		if self.status not in policy.STATUSES:
			messages.throw("casework_form_status_unknown")
		if not self.flags.from_portal and self._changed(STUDENT_FIELDS):
			messages.throw("casework_form_students_words")
		if not self.flags.triaging and self._changed(TRIAGE_FIELDS, new_default={"status": policy.NEW}):
			messages.throw("casework_form_triage_only")

	def _changed(self, fields, new_default=None) -> bool:
		if self.is_new():
			defaults = new_default or {}
			return any(self.get(f) not in (None, "", 0, defaults.get(f)) for f in fields)
		before = self.get_doc_before_save()
		return bool(before) and any((self.get(f) or None) != (before.get(f) or None) for f in fields)

	@frappe.whitelist()
	def triage(self, outcome: str, category: str | None = None, advice_case: str | None = None) -> str:
		"""One click: a new case, an existing case of this student, or an enquiry; a case gets an entry."""
		self.check_permission("write")
		case_student = None
		if advice_case:
			case = frappe.get_doc("Case", advice_case)
			case.check_permission("write")
			case_student = case.student
		messages.throw(
			policy.check_triage(self.status, outcome, category, advice_case, case_student, self.student)
		)
		if outcome == policy.ENQUIRY:
			frappe.has_permission("Enquiry", "create", throw=True)
			self.enquiry = self._make_enquiry(category).name
		else:
			if outcome == policy.NEW_CASE:
				frappe.has_permission("Case", "create", throw=True)
				advice_case = self._make_case(category).name
			self.advice_case = advice_case
			self._log_on_case(advice_case, outcome)
		self.status, self.triaged_as = policy.TRIAGED, outcome
		self.triaged_by, self.triaged_on = frappe.session.user, now_datetime()
		self.flags.triaging = True
		self.save()
		frappe.msgprint(_("Casework form triaged."), alert=True)
		return self.advice_case or self.enquiry

	def _make_case(self, category):
		return frappe.get_doc(
			{
				"doctype": "Case",
				"student": self.student,
				"category": category,
				"status": casework.OPEN,
				"opened_on": today(),
				"summary": self.help_needed,
				"needs_confidential_space": int(self.meeting_preference == "In person (confidential space)"),
			}
		).insert()

	def _make_enquiry(self, category):
		return frappe.get_doc(
			{
				"doctype": "Enquiry",
				"channel": "Online",
				"category": category,
				"student": self.student,
				"received_on": self.submitted_on or now_datetime(),
				"summary": self.help_needed,
			}
		).insert()

	def _log_on_case(self, advice_case, outcome):
		received = frappe.utils.format_datetime(self.submitted_on) if self.submitted_on else ""
		how = _("opened this case") if outcome == policy.NEW_CASE else _("added it to this case")
		details = _("Casework form received through the portal on {0}; triage {1}.").format(received, how)
		details += "\n\n" + _("What the student needs help with:") + "\n" + (self.help_needed or "")
		if self.meeting_preference:
			details += "\n\n" + _("How they would like to meet: {0}").format(_(self.meeting_preference))
		frappe.get_doc(
			{
				"doctype": "Case Entry",
				"advice_case": advice_case,
				"entry_type": "Event",
				"entry_date": getdate(today()),
				"details": details,
			}
		).insert()


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Casework Form", ["creation"])
