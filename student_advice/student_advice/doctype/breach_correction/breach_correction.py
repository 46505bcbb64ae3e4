# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.utils import now_datetime

from student_advice import messages
from student_advice.naming import RandomlyNamed
from student_advice.policy import breach as policy


class BreachCorrection(RandomlyNamed):
	"""A dated, signed correction appended to a breach that is never changed itself."""

	def before_insert(self):
		self.corrected_by = frappe.session.user
		self.corrected_on = now_datetime()

	def validate(self):
		if not self.is_new():
			messages.throw("correction_is_final")
		breach = frappe.get_doc("Confidentiality Breach", self.confidentiality_breach)
		breach.check_permission("read")
		messages.throw(policy.check_correction(breach.workflow_state, self.correction))
		self.student = breach.student

	def on_trash(self):
		messages.throw("no_deletion")
