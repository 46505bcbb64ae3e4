# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe.model.document import Document


class Faculty(Document):
	pass
