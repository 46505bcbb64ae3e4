"""Unguessable record names (docs/decisions.md, decision 5): Frappe's hash naming starts with a timestamp."""

import uuid

from frappe.model.document import Document


def random_name() -> str:
	return uuid.uuid4().hex


class RandomlyNamed(Document):
	"""Base for records whose name must reveal neither content nor creation order."""

	def autoname(self):
		self.name = random_name()
