# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe.model.document import Document

from student_advice import messages
from student_advice.policy.suppression import MIN_THRESHOLD


class StudentAdviceSettings(Document):
	def validate(self):
		if (self.suppression_threshold or 0) < MIN_THRESHOLD:
			messages.throw("threshold_too_low")
