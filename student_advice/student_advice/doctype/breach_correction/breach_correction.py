# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.utils import now_datetime

from student_advice import messages
from student_advice.naming import AppendOnly, RandomlyNamed, StampsAuthor, Undeletable
from student_advice.policy import breach as policy


class BreachCorrection(StampsAuthor, AppendOnly, Undeletable, RandomlyNamed):
	"""A dated, signed correction appended to a breach that is never changed itself."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		confidentiality_breach: DF.Link
		corrected_by: DF.Link | None
		corrected_on: DF.Datetime | None
		correction: DF.Text
		student: DF.Link | None
	# end: auto-generated types

	author_field = "corrected_by"
	final_message = "correction_is_final"

	def before_insert(self):
		super().before_insert()
		self.corrected_on = now_datetime()

	def validate(self):
		self.refuse_edits()
		breach = frappe.get_doc("Confidentiality Breach", self.confidentiality_breach)
		breach.check_permission("read")
		messages.throw(policy.check_correction(breach.workflow_state, self.correction))
		self.student = breach.student
