# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe.model.document import Document


class RecordAccessItem(Document):
	"""One record of the student's, as the officer decided it (the parent checks every rule)."""

	pass
