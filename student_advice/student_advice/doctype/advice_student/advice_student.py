# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe

from student_advice import messages, titles
from student_advice.naming import RandomlyNamed, Undeletable
from student_advice.policy.casework import normalise_email


class AdviceStudent(Undeletable, RandomlyNamed):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		college: DF.Link | None
		contact_notes: DF.SmallText | None
		course: DF.Data | None
		email: DF.Data
		email_only: DF.Check
		faculty: DF.Link | None
		full_name: DF.Data
		no_post: DF.Check
		no_text_messages: DF.Check
		no_voicemail: DF.Check
		phone: DF.Data | None
		preferred_name: DF.Data | None
		pronouns: DF.Data | None
		student_status: DF.Literal[
			"",
			"Undergraduate",
			"Postgraduate (taught)",
			"Postgraduate (research)",
			"Intermitting",
			"Visiting",
			"Other",
		]
		year_of_study: DF.Literal["", "1", "2", "3", "4", "5", "6", "7"]

	# end: auto-generated types

	def validate(self):
		self.email = normalise_email(self.email)
		# One record per email, checked here: a unique index's error would be an oracle.
		if frappe.db.exists("Advice Student", {"email": self.email, "name": ("!=", self.name or "")}):
			messages.throw("student_email_taken")

	def on_update(self):
		# The student's name is the title of their records, for officers' lists and forms.
		before = self.get_doc_before_save()
		if before and before.full_name != self.full_name:
			titles.rename_everywhere(self.name, self.full_name)


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Advice Student", ["creation"])
