# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.utils import get_datetime, now_datetime

from student_advice import messages
from student_advice.naming import AppendOnly, RandomlyNamed, StampsAuthor, Undeletable
from student_advice.policy import consent as policy
from student_advice.student_advice.doctype.consent.consent import sync_status


class ConsentWithdrawal(StampsAuthor, AppendOnly, Undeletable, RandomlyNamed):
	"""The student withdrew a consent: from `withdrawn_on` it covers nothing. Never edited."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		consent: DF.Link
		method: DF.Literal["", "In writing", "By email", "Verbally", "Online by the student", "Other"]
		notes: DF.SmallText | None
		recorded_by: DF.Link | None
		student: DF.Link | None
		withdrawn_on: DF.Datetime
	# end: auto-generated types

	author_field = "recorded_by"
	final_message = "withdrawal_is_final"

	def validate(self):
		self.refuse_edits()
		if not self.withdrawn_on:
			self.withdrawn_on = now_datetime()
		consent = frappe.get_doc("Consent", self.consent)
		consent.check_permission("read")
		already = frappe.db.exists("Consent Withdrawal", {"consent": self.consent})
		messages.throw(
			policy.check_withdrawal(
				consent_submitted=consent.docstatus == 1,
				already_withdrawn=bool(already),
				method=self.method,
				withdrawn_on=get_datetime(self.withdrawn_on),
				given_on=get_datetime(consent.given_on),
				now=now_datetime(),
			)
		)
		self.student = consent.student

	def after_insert(self):
		frappe.db.set_value(
			"Consent",
			self.consent,
			{"withdrawn_on": self.withdrawn_on, "withdrawal": self.name},
			update_modified=False,
		)
		sync_status(self.consent)


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Consent Withdrawal", ["creation"])
