# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.model.document import Document

from student_advice import messages


class AdviceOfficer(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		active: DF.Check
		full_name: DF.Data | None
		job_title: DF.Data
		user: DF.Link

	# end: auto-generated types

	def validate(self):
		if frappe.db.exists("Advice Officer", {"user": self.user, "name": ("!=", self.name or "")}):
			messages.throw("officer_user_taken")
		self.full_name = frappe.db.get_value("User", self.user, "full_name")
