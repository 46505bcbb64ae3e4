# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe.model.document import Document


class AdviceStatistic(Document):
	"""The non-confidential reference of the statistics reports, charts and cards (docs/decisions.md, decision 10).

	It holds no records: its permissions say who may open the statistics (read, report,
	export and print on it), and nothing about it reaches a casework record.
	"""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		description: DF.SmallText | None
	# end: auto-generated types
