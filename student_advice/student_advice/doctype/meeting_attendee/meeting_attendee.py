# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe.model.document import Document


class MeetingAttendee(Document):
	"""An officer present at a reflective practice meeting (a row of its Table MultiSelect)."""
