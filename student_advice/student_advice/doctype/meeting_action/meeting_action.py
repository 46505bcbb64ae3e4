# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils import getdate, today

from student_advice import messages
from student_advice.meetings import (
	DISCUSSION,
	MEETING,
	active_officer_may_work_on,
	changed_fields,
	ensure_session_may_access,
)
from student_advice.naming import RandomlyNamed, Undeletable
from student_advice.policy import meetings as policy

DERIVED = ("title", "meeting", "advice_case", "student", "completed_on")


class MeetingAction(Undeletable, RandomlyNamed):
	"""An action agreed in a meeting about one case: its terms are fixed once the meeting is held."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		action_owner: DF.Link
		advice_case: DF.Link | None
		completed_on: DF.Date | None
		discussion: DF.Link
		due_date: DF.Date
		meeting: DF.Link | None
		progress: DF.Text | None
		status: DF.Literal["Open", "In Progress", "Done", "Dropped"]
		student: DF.Link | None
		title: DF.Data | None
		what: DF.SmallText
	# end: auto-generated types

	def validate(self):
		changed = changed_fields(self, ignore=DERIVED)
		discussion = (
			frappe.db.get_value(
				DISCUSSION,
				self.discussion,
				["meeting", "advice_case", "student", "not_discussed"],
				as_dict=True,
			)
			or frappe._dict()
		)
		self.meeting, self.advice_case, self.student = (
			discussion.meeting,
			discussion.advice_case,
			discussion.student,
		)
		ensure_session_may_access(self)
		errors = list(
			policy.check_action(
				frappe.db.get_value(MEETING, self.meeting, "status"),
				self.is_new(),
				changed,
				self.status,
				bool(discussion.not_discussed),
			)
		)
		if (self.is_new() or "action_owner" in changed) and not active_officer_may_work_on(
			self.action_owner, self.student
		):
			errors.append("action_owner_not_officer")
		messages.throw(errors)
		if self.status == policy.ACTION_DONE:
			self.completed_on = self.completed_on or today()
		else:
			self.completed_on = None
		case_title = frappe.db.get_value("Case", self.advice_case, "title") or ""
		self.title = _("{0}: action due {1}").format(
			case_title, frappe.format(getdate(self.due_date), "Date")
		)


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Meeting Action", ["creation"])
