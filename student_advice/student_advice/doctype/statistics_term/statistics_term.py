# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe.model.document import Document


class StatisticsTerm(Document):
	"""A term of an academic year in Student Advice Settings (validated by the settings)."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		academic_year: DF.Data
		ends_on: DF.Date
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		starts_on: DF.Date
		term_name: DF.Data
	# end: auto-generated types
