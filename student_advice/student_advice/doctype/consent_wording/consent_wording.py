# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.model.document import Document
from frappe.query_builder.functions import Max

from student_advice import messages
from student_advice.naming import Undeletable
from student_advice.policy import consent as policy

FIXED_FIELDS = ("wording_name", "version", "wording")


class ConsentWording(Undeletable, Document):
	"""One version of a consent wording. Its text never changes: a change is a new version."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		active: DF.Check
		change_notes: DF.SmallText | None
		version: DF.Int
		wording: DF.Text
		wording_name: DF.Data
	# end: auto-generated types

	def autoname(self):
		self.wording_name = (self.wording_name or "").strip()
		table = frappe.qb.DocType("Consent Wording")
		latest = (
			frappe.qb.from_(table)
			.select(Max(table.version))
			.where(table.wording_name == self.wording_name)
			.run()[0][0]
		)
		self.version = (latest or 0) + 1
		self.name = f"{self.wording_name} v{self.version}"

	def validate(self):
		previous = self.get_doc_before_save()
		if previous and any(str(previous.get(f) or "") != str(self.get(f) or "") for f in FIXED_FIELDS):
			messages.throw("wording_is_fixed")
		if policy.unknown_placeholders(self.wording):
			messages.throw("wording_unknown_placeholder")


DEFAULT_WORDING_NAME = "Consent to share information"
DEFAULT_WORDING = (
	"I agree that the Student Advice Service may give {third_party} the following information about me: "
	"{information}. In particular: {description}\n\n"
	"The purpose is: {purpose}\n\n"
	"This consent covers only this person or organisation and only this information. It ends on "
	"{expires_on}, or earlier if I withdraw it. I can withdraw it at any time, in writing, by email, "
	"in person or online; from that moment the service will share nothing more on the strength of it."
)


def seed_default_wording():
	"""after_install: one active wording, so the first consent can be recorded."""
	if not frappe.db.exists("Consent Wording", {"wording_name": DEFAULT_WORDING_NAME}):
		frappe.get_doc(
			{"doctype": "Consent Wording", "wording_name": DEFAULT_WORDING_NAME, "wording": DEFAULT_WORDING}
		).insert(ignore_permissions=True)
