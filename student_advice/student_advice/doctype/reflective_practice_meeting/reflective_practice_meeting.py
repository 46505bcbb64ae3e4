# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.utils import getdate, today

from student_advice import messages
from student_advice.dates import today_for_user
from student_advice.meetings import MEETING, changed_fields, meeting_title
from student_advice.naming import RandomlyNamed, Undeletable
from student_advice.officers import is_active_officer
from student_advice.policy import meetings as policy

DERIVED = ("title", "scheduled_by_system", "agenda")


class ReflectivePracticeMeeting(Undeletable, RandomlyNamed):
	"""The weekly meeting: scheduled, then held; a held meeting never changes."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from student_advice.student_advice.doctype.meeting_attendee.meeting_attendee import MeetingAttendee

		meeting_date: DF.Date
		meeting_time: DF.Time | None
		notes: DF.Text | None
		officers_present: DF.TableMultiSelect[MeetingAttendee]
		scheduled_by_system: DF.Check
		status: DF.Literal["Scheduled", "Held"]
		title: DF.Data | None
	# end: auto-generated types

	def before_insert(self):
		if not self.flags.scheduled_by_system:
			self.scheduled_by_system = 0

	def validate(self):
		before = self.get_doc_before_save()
		if before:
			self.scheduled_by_system = before.scheduled_by_system
		errors = list(
			policy.check_meeting(
				before.status if before else None,
				self.status,
				changed_fields(self, ignore=DERIVED),
				getdate(self.meeting_date) if self.meeting_date else None,
				len(self.officers_present or []),
				today_for_user(),  # a meeting held today for the person recording it (decision 33)
			)
		)
		if before and policy.is_locked(before.status):
			messages.throw(errors)
			return
		if any(not is_active_officer(row.officer) for row in self.officers_present or []):
			errors.append("meeting_officer_not_active")
		if self.meeting_date and frappe.db.exists(
			MEETING, {"meeting_date": self.meeting_date, "name": ("!=", self.name or "")}
		):
			errors.append("meeting_already_on_date")
		messages.throw(errors)
		self.title = meeting_title(self.meeting_date)

	@frappe.whitelist()
	def mark_held(self) -> None:
		"""The meeting took place: from now on it and its discussions are locked."""
		self.check_permission("write")
		self.status = policy.HELD
		self.save()
