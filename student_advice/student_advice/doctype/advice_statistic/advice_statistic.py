# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe.model.document import Document


class AdviceStatistic(Document):
	"""The non-confidential reference of the statistics reports, charts and cards (docs/decisions.md, decision 10).

	It holds no records: its permissions say who may open the statistics (read, report,
	export and print on it), and nothing about it reaches a casework record.
	"""
