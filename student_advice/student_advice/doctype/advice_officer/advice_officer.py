# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.model.document import Document

from student_advice import messages


class AdviceOfficer(Document):
	def validate(self):
		if frappe.db.exists("Advice Officer", {"user": self.user, "name": ("!=", self.name or "")}):
			messages.throw("officer_user_taken")
		self.full_name = frappe.db.get_value("User", self.user, "full_name")
