# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from student_advice import messages
from student_advice.naming import RandomlyNamed


class RetentionRun(RandomlyNamed):
	"""What one run of the retention engine did, by counts (it never records whose records)."""

	def validate(self):
		if not self.is_new() and not self.flags.ignore_permissions:
			messages.throw("no_deletion")  # written by the engine only

	def on_trash(self):
		messages.throw("no_deletion")
