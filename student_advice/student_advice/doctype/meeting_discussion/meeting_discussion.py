# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe

from student_advice import messages
from student_advice.meetings import (
	DISCUSSION,
	MEETING,
	case_student_and_title,
	changed_fields,
	ensure_session_may_access,
)
from student_advice.naming import RandomlyNamed, Undeletable
from student_advice.policy import meetings as policy

DERIVED = ("title", "student", "proposed", "proposal_reason")


class MeetingDiscussion(Undeletable, RandomlyNamed):
	"""One case on one meeting's agenda, with what the officers said about it.

	Taking a case off the agenda sets `not_discussed`; nothing is deleted (docs/decisions.md, decision 7).
	"""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		advice_case: DF.Link
		meeting: DF.Link
		not_discussed: DF.Check
		notes: DF.Text | None
		proposal_reason: DF.SmallText | None
		proposed: DF.Check
		student: DF.Link | None
		title: DF.Data | None
	# end: auto-generated types

	def before_insert(self):
		if not self.flags.proposed_by_schedule:
			self.proposed = 0
			self.proposal_reason = None

	def validate(self):
		before = self.get_doc_before_save()
		if before:
			self.proposed, self.proposal_reason = before.proposed, before.proposal_reason
		self.student, case_title = case_student_and_title(self.advice_case)
		ensure_session_may_access(self)
		meeting = frappe.db.get_value(MEETING, self.meeting, ["status", "title"], as_dict=True) or {}
		errors = list(
			policy.check_discussion(
				meeting.get("status"), self.is_new(), changed_fields(self, ignore=DERIVED)
			)
		)
		if not self.not_discussed and frappe.db.exists(
			DISCUSSION,
			{
				"meeting": self.meeting,
				"advice_case": self.advice_case,
				"not_discussed": 0,
				"name": ("!=", self.name or ""),
			},
		):
			errors.append("discussion_duplicate")
		messages.throw(errors)
		# Neither title identifies anyone: the case title is "<category> case <8 characters>".
		self.title = f"{meeting.get('title') or ''} · {case_title or ''}"


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Meeting Discussion", ["creation"])
