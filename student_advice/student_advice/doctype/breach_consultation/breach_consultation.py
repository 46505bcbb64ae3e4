# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils import now_datetime

from student_advice import desk_alerts, messages
from student_advice.confidentiality.permissions import may_access_record
from student_advice.naming import RandomlyNamed, StampsAuthor, Undeletable
from student_advice.officers import is_active_officer
from student_advice.policy import breach as policy
from student_advice.student_advice.doctype.confidentiality_breach.confidentiality_breach import (
	close_consultation_todos,
	refresh_consultation_flag,
)

FIXED = ("confidentiality_breach", "officer", "asked_by", "asked_on", "student")


class BreachConsultation(StampsAuthor, Undeletable, RandomlyNamed):
	"""Another officer asked for advice on a breach. Created by the deciding officer; the only
	change it ever takes is its confirmation, by the consulted officer from their own account."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		advice: DF.Text | None
		asked_by: DF.Link | None
		asked_on: DF.Datetime | None
		confidentiality_breach: DF.Link
		confirmed: DF.Check
		confirmed_on: DF.Datetime | None
		officer: DF.Link
		student: DF.Link | None
	# end: auto-generated types

	author_field = "asked_by"

	def before_insert(self):
		super().before_insert()
		self.asked_on = now_datetime()
		self.confirmed = 0
		self.confirmed_on = None
		self.advice = None

	def validate(self):
		previous = self.get_doc_before_save()
		user = frappe.session.user
		breach = frappe.get_doc("Confidentiality Breach", self.confidentiality_breach)
		breach.check_permission("read")
		if previous is None:
			pending = frappe.db.exists(
				"Breach Consultation",
				{"confidentiality_breach": breach.name, "officer": self.officer, "confirmed": 0},
			)
			messages.throw(
				policy.check_consultation_request(
					state=breach.workflow_state,
					asker=user,
					deciding_officer=breach.deciding_officer,
					consultant=self.officer,
					consultant_is_active_officer=bool(self.officer) and is_active_officer(self.officer),
					consultant_may_see_student=bool(self.officer)
					and may_access_record(breach.doctype, breach.name, self.officer),
					already_pending=bool(pending),
				)
			)
			self.student = breach.student
			return
		if previous.confirmed:
			messages.throw("consultation_is_final")
		if any(_text(previous.get(f)) != _text(self.get(f)) for f in FIXED):
			messages.throw("consultation_fields_fixed")
		messages.throw(policy.check_confirmation(False, user, self.officer, self.advice))
		self.confirmed = 1
		self.confirmed_on = now_datetime()

	def after_insert(self):
		frappe.get_doc(
			{
				"doctype": "ToDo",
				"allocated_to": self.officer,
				"assigned_by": self.asked_by,
				"reference_type": self.doctype,
				"reference_name": self.name,
				"priority": "High",
				"description": self.request_text(),
			}
		).insert(ignore_permissions=True)
		desk_alerts.alert([self.officer], self.request_text(), self.doctype, self.name)

	def request_text(self) -> str:
		"""What the consulted officer is told: a decision waits on them, urgently where a life may be
		at risk. A fixed sentence: no student, no situation (it is read in the desk)."""
		ground = frappe.db.get_value("Confidentiality Breach", self.confidentiality_breach, "ground")
		if ground == policy.RISK:
			return _(
				"Urgent: a decision about a serious and imminent risk to someone's safety is waiting on "
				"your advice. Open the desk now to read it."
			)
		return _(
			"A decision on breaching confidentiality is waiting on your advice; open the desk to read it."
		)

	def on_update(self):
		previous = self.get_doc_before_save()
		if previous and not previous.confirmed and self.confirmed:
			refresh_consultation_flag(self.confidentiality_breach)
			close_consultation_todos(self.name)
			desk_alerts.alert(
				[self.asked_by],
				_("An officer you consulted has confirmed and given advice; open the desk to read it."),
				self.doctype,
				self.name,
			)

	@frappe.whitelist()
	def confirm(self, advice: str) -> None:
		"""The consulted officer confirms the consultation and records their advice."""
		self.advice = advice
		self.save()


def _text(value) -> str:
	"""Compare stored and submitted values alike (a datetime arrives from the API as a string)."""
	return "" if value is None else str(value)
