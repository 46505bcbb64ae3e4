# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.utils import getdate

from student_advice import messages
from student_advice.dates import today_for_user
from student_advice.naming import AppendOnly, RandomlyNamed, StampsAuthor, Undeletable
from student_advice.policy import casework


class CaseEntry(StampsAuthor, AppendOnly, Undeletable, RandomlyNamed):
	"""One dated line of a case's log; never edited, only followed by a correction."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		advice_case: DF.Link
		corrects: DF.Link | None
		details: DF.Text
		entry_date: DF.Date
		entry_type: DF.Literal["Event", "Advice Offered", "Action Taken"]
		officer: DF.Link | None
		student: DF.Link | None
	# end: auto-generated types

	author_field = "officer"
	final_message = "entry_is_append_only"

	def validate(self):
		self.refuse_edits()
		errors = casework.check_entry(
			self.entry_type,
			getdate(self.entry_date) if self.entry_date else None,
			self.details,
			today_for_user(),  # today as the person sees it (decision 33)
		)
		if self.corrects:
			corrected_case = frappe.db.get_value("Case Entry", self.corrects, "advice_case")
			errors += casework.check_correction(corrected_case, self.advice_case)
		messages.throw(errors)
		self.student = frappe.db.get_value("Case", self.advice_case, "student")


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Case Entry", ["creation"])
