# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe.model.document import Document
from frappe.utils import getdate

from student_advice import messages
from student_advice.policy import casework_form, retention
from student_advice.policy.consent import DEFAULT_EXPIRY_MONTHS
from student_advice.policy.periods import Term, check_terms, month_number
from student_advice.policy.suppression import MIN_THRESHOLD
from student_advice.policy.working_days import parse_closure_days


class StudentAdviceSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from student_advice.student_advice.doctype.statistics_term.statistics_term import StatisticsTerm

		academic_year_start: DF.Literal[
			"January",
			"February",
			"March",
			"April",
			"May",
			"June",
			"July",
			"August",
			"September",
			"October",
			"November",
			"December",
		]
		closure_days: DF.SmallText | None
		consent_expiry_months: DF.Int
		meeting_time: DF.Time | None
		meeting_weekday: DF.Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
		pause_meeting_schedule: DF.Check
		retain_access_request_months: DF.Int
		retain_breach_months: DF.Int
		retain_case_months: DF.Int
		retain_casework_form_months: DF.Int
		retain_consent_months: DF.Int
		retain_disclosure_months: DF.Int
		retain_enquiry_months: DF.Int
		retain_meeting_months: DF.Int
		retain_student_months: DF.Int
		round_for_service: DF.Check
		statistics_terms: DF.Table[StatisticsTerm]
		suppression_threshold: DF.Int
		unrounded_for_viewers: DF.Check
	# end: auto-generated types

	def validate(self):
		if (self.suppression_threshold or 0) < MIN_THRESHOLD:
			messages.throw("threshold_too_low")
		self.validate_statistics_terms()
		if not self.consent_expiry_months:
			self.consent_expiry_months = DEFAULT_EXPIRY_MONTHS
		elif self.consent_expiry_months < 1:
			messages.throw("consent_expiry_months_invalid")
		if parse_closure_days(self.closure_days)[1]:
			messages.throw("closure_day_invalid")
		self.validate_retention_periods()
		self.validate_attachments()

	def validate_attachments(self):
		"""The whole form with its largest files must fit in one request Frappe accepts."""
		from student_advice.casework_attachments import request_limit_mb

		self.attachment_types = ", ".join(casework_form.attachment_types(self.attachment_types))
		if not self.attachment_max_mb:
			self.attachment_max_mb = casework_form.DEFAULT_ATTACHMENT_MB
		if (self.attachment_max_files or 0) * self.attachment_max_mb >= request_limit_mb():
			messages.throw(f"settings_attachments_too_large:{request_limit_mb()}")

	def validate_retention_periods(self):
		for kind in retention.KINDS:
			if not self.get(kind.setting):
				self.set(kind.setting, kind.default_months)
		messages.throw(retention.check_periods(self.as_dict()))

	def validate_statistics_terms(self):
		for row in self.get("statistics_terms") or []:
			row.term_name = (row.term_name or "").strip()
			row.academic_year = (row.academic_year or "").strip()
		terms = [
			Term(row.term_name, row.academic_year, _date(row.starts_on), _date(row.ends_on))
			for row in self.get("statistics_terms") or []
		]
		messages.throw(check_terms(terms, month_number(self.academic_year_start)))


def _date(value):
	return getdate(value) if value else None
