# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe

from student_advice import messages
from student_advice.naming import RandomlyNamed, Undeletable
from student_advice.policy.casework import normalise_email


class AdviceStudent(Undeletable, RandomlyNamed):
	def validate(self):
		self.email = normalise_email(self.email)
		# One record per email, checked here: a unique index's error would be an oracle.
		if frappe.db.exists("Advice Student", {"email": self.email, "name": ("!=", self.name or "")}):
			messages.throw("student_email_taken")

	def on_update(self):
		# The student's name is copied onto their records for officers' lists.
		for doctype in ("Case", "Enquiry"):
			frappe.db.set_value(
				doctype, {"student": self.name}, "student_name", self.full_name, update_modified=False
			)
