# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.utils import getdate, today

from student_advice import messages
from student_advice.naming import RandomlyNamed
from student_advice.policy import casework


class CaseEntry(RandomlyNamed):
	"""One dated line of a case's log; never edited, only followed by a correction."""

	def before_insert(self):
		self.officer = frappe.session.user

	def validate(self):
		if not self.is_new():
			messages.throw("entry_is_append_only")
		errors = casework.check_entry(
			self.entry_type,
			getdate(self.entry_date) if self.entry_date else None,
			self.details,
			getdate(today()),
		)
		if self.corrects:
			corrected_case = frappe.db.get_value("Case Entry", self.corrects, "advice_case")
			errors += casework.check_correction(corrected_case, self.advice_case)
		messages.throw(errors)
		self.student = frappe.db.get_value("Case", self.advice_case, "student")

	def on_trash(self):
		messages.throw("no_deletion")
