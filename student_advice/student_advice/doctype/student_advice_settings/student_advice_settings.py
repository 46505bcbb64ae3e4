# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe.model.document import Document

from student_advice import messages
from student_advice.policy.consent import DEFAULT_EXPIRY_MONTHS
from student_advice.policy.suppression import MIN_THRESHOLD
from student_advice.policy.working_days import parse_closure_days


class StudentAdviceSettings(Document):
	def validate(self):
		if (self.suppression_threshold or 0) < MIN_THRESHOLD:
			messages.throw("threshold_too_low")
		if not self.consent_expiry_months:
			self.consent_expiry_months = DEFAULT_EXPIRY_MONTHS
		elif self.consent_expiry_months < 1:
			messages.throw("consent_expiry_months_invalid")
		if parse_closure_days(self.closure_days)[1]:
			messages.throw("closure_day_invalid")
