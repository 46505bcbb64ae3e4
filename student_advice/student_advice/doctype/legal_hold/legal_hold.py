# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.utils import today

from student_advice import messages
from student_advice.naming import RandomlyNamed, Undeletable

FIXED = ("student", "advice_case", "reason")


class LegalHold(Undeletable, RandomlyNamed):
	"""Nothing about the student leaves under the retention policy while an active hold names them."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		active: DF.Check
		advice_case: DF.Link | None
		lift_reason: DF.SmallText | None
		lifted_by: DF.Link | None
		lifted_on: DF.Date | None
		placed_by: DF.Link | None
		placed_on: DF.Date | None
		reason: DF.SmallText
		student: DF.Link
	# end: auto-generated types

	def before_insert(self):
		self.placed_by = frappe.session.user
		self.placed_on = today()
		self.active = 1
		self.lifted_by = self.lifted_on = self.lift_reason = None

	def validate(self):
		if self.advice_case:
			case_student = frappe.db.get_value("Case", self.advice_case, "student")
			if self.student and case_student and case_student != self.student:
				messages.throw("hold_case_other_student")
			self.student = self.student or case_student
		if not self.student:
			messages.throw("hold_needs_student_or_case")
		if self.is_new():
			return
		before = self.get_doc_before_save()
		if any(before.get(f) != self.get(f) for f in FIXED):
			messages.throw("hold_terms_fixed")
		if not before.active and (self.active or self.lifted_on != before.lifted_on):
			messages.throw("hold_already_lifted")

	@frappe.whitelist()
	def lift(self, reason: str) -> None:
		"""End the hold; the records fall due again under their periods."""
		self.check_permission("write")
		if not self.active:
			messages.throw("hold_already_lifted")
		if not (reason or "").strip():
			messages.throw("hold_lift_needs_reason")
		self.active = 0
		self.lifted_by = frappe.session.user
		self.lifted_on = today()
		self.lift_reason = reason.strip()
		self.save()


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Legal Hold", ["creation"])
