# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

from frappe import _

from student_advice.naming import RandomlyNamed, Undeletable


class ThirdParty(Undeletable, RandomlyNamed):
	"""A person or organisation outside the service that a consent or a disclosure names."""

	def validate(self):
		parts = [p.strip() for p in (self.person_name, self.organisation) if (p or "").strip()]
		self.display_name = "{} ({})".format(", ".join(parts) or _("Unnamed"), _(self.relationship))
