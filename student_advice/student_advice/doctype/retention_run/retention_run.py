# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from student_advice import messages
from student_advice.naming import RandomlyNamed, Undeletable


class RetentionRun(Undeletable, RandomlyNamed):
	"""What one run of the retention engine did, by counts (it never records whose records)."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		anonymised: DF.Int
		as_of: DF.Date | None
		duration: DF.Float
		error_note: DF.SmallText | None
		errors: DF.Int
		finished_on: DF.Datetime | None
		kept_note: DF.SmallText | None
		kept_on_hold: DF.Int
		progress: DF.Percent
		removed: DF.Int
		run_type: DF.Literal["Scheduled", "Started by the manager", "Erasure on request"]
		started_on: DF.Datetime | None
		status: DF.Literal["Queued", "Running", "Finished", "Finished with errors"]
		summary: DF.SmallText | None
	# end: auto-generated types

	def validate(self):
		if not self.is_new() and not self.flags.ignore_permissions:
			messages.throw("no_deletion")  # written by the engine only
