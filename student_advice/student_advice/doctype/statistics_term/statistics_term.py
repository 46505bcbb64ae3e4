# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe.model.document import Document


class StatisticsTerm(Document):
	"""A term of an academic year in Student Advice Settings (validated by the settings)."""
