# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.utils import get_datetime, now_datetime

from student_advice import messages
from student_advice.naming import RandomlyNamed
from student_advice.policy import consent as policy
from student_advice.student_advice.doctype.consent.consent import sync_status


class ConsentWithdrawal(RandomlyNamed):
	"""The student withdrew a consent: from `withdrawn_on` it covers nothing. Never edited."""

	def before_insert(self):
		self.recorded_by = frappe.session.user

	def validate(self):
		if not self.is_new():
			messages.throw("withdrawal_is_final")
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

	def on_trash(self):
		messages.throw("no_deletion")
