# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe import _

from student_advice import messages
from student_advice.dates import today_for_user
from student_advice.naming import RandomlyNamed, StampsAuthor, Undeletable
from student_advice.policy import casework


class Enquiry(StampsAuthor, Undeletable, RandomlyNamed):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		advice_case: DF.Link | None
		anonymised_on: DF.Date | None
		anonymous: DF.Check
		category: DF.Link
		channel: DF.Literal["Drop-in", "Email", "Phone", "Online"]
		college: DF.Link | None
		faculty: DF.Link | None
		officer: DF.Link | None
		received_on: DF.Datetime
		student: DF.Link | None
		student_name: DF.Data | None
		summary: DF.SmallText
	# end: auto-generated types

	author_field = "officer"

	def validate(self):
		if self.anonymised_on:
			messages.throw("enquiry_anonymised")
		if self.anonymous and self.student:
			messages.throw("anonymous_enquiry_has_student")
		# The same no-future rule as cases, today as the person sees it (decision 33).
		received = frappe.utils.getdate(self.received_on) if self.received_on else None
		messages.throw(casework.check_enquiry(received, today_for_user()))

	@frappe.whitelist()
	def convert_to_case(self, student: str | None = None) -> str:
		"""Open a case from this enquiry; both records link to each other."""
		self.check_permission("write")
		frappe.has_permission("Case", "create", throw=True)
		student = student or self.student
		messages.throw(casework.check_enquiry_conversion(bool(self.advice_case), student))
		if student:
			frappe.get_doc("Advice Student", student).check_permission("read")
		case = frappe.get_doc(
			{
				"doctype": "Case",
				"student": student,
				"category": self.category,
				"status": casework.OPEN,
				"opened_on": frappe.utils.getdate(self.received_on),
				"summary": self.summary,
				"enquiry": self.name,
			}
		).insert()
		self.anonymous = 0
		self.student = student
		self.advice_case = case.name
		self.save()
		frappe.msgprint(_("Case opened from this enquiry."), alert=True)
		return case.name


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Enquiry", ["creation"])
