# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils import getdate, today

from student_advice import messages, titles
from student_advice.dates import today_for_user
from student_advice.naming import RandomlyNamed, Undeletable
from student_advice.policy import casework


class Case(Undeletable, RandomlyNamed):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		anonymised_on: DF.Date | None
		category: DF.Link
		closed_on: DF.Date | None
		college: DF.Link | None
		enquiry: DF.Link | None
		faculty: DF.Link | None
		needs_confidential_space: DF.Check
		opened_on: DF.Date
		outcome: DF.Link | None
		paper_file_location: DF.Data | None
		status: DF.Literal["Open", "Waiting on Student", "Waiting on Third Party", "Closed"]
		student: DF.Link
		student_name: DF.Data | None
		summary: DF.Text | None
		title: DF.Data | None
	# end: auto-generated types

	def validate(self):
		if self.anonymised_on:
			messages.throw("case_anonymised")
		# Today as the person sees it: the later of the system's and the user's (decision 33).
		user_today = today_for_user()
		if self.status == casework.CLOSED and not self.closed_on:
			self.closed_on = user_today
		if self.status != casework.CLOSED:
			self.closed_on = None
		messages.throw(
			casework.check_case(
				self.status,
				getdate(self.opened_on) if self.opened_on else None,
				getdate(self.closed_on) if self.closed_on else None,
				self.outcome,
				user_today,
			)
		)
		self.student_name = frappe.db.get_value("Advice Student", self.student, "full_name")
		# Members read cases by the student's name; notifications about a case carry fixed
		# sentences instead of its title (confidentiality/conversation.py).
		self.title = titles.case_title(self.student_name, self.category)

	def on_update(self):
		previous = self.get_doc_before_save()
		if previous and casework.is_reopening(previous.status, self.status):
			frappe.get_doc(
				{
					"doctype": "Case Entry",
					"advice_case": self.name,
					"entry_type": "Event",
					"entry_date": today(),
					"details": _("Case reopened (it had been closed on {0} with the outcome {1}).").format(
						frappe.format(previous.closed_on, "Date"), _(previous.outcome)
					),
				}
			).insert()


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Case", ["creation"])
