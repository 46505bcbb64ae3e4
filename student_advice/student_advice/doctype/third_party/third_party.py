# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe import _

from student_advice.naming import RandomlyNamed, Undeletable


class ThirdParty(Undeletable, RandomlyNamed):
	"""A person or organisation outside the service that a consent or a disclosure names."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		active: DF.Check
		display_name: DF.Data | None
		email: DF.Data | None
		notes: DF.SmallText | None
		organisation: DF.Data | None
		person_name: DF.Data | None
		phone: DF.Data | None
		relationship: DF.Literal[
			"College tutor",
			"Director of Studies",
			"Senior Tutor",
			"Supervisor",
			"University department",
			"GP",
			"Counsellor or mental health service",
			"Disability Resource Centre",
			"Parent or guardian",
			"Partner or friend",
			"Landlord or accommodation provider",
			"Solicitor",
			"Police",
			"Other",
		]
	# end: auto-generated types

	def validate(self):
		parts = [p.strip() for p in (self.person_name, self.organisation) if (p or "").strip()]
		self.display_name = "{} ({})".format(", ".join(parts) or _("Unnamed"), _(self.relationship))
