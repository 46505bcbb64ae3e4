"""Record behaviour declared on the class: unguessable names, never deleted, written once, stamped
with its author (docs/decisions.md, decisions 5 and 7).

    class CaseEntry(StampsAuthor, AppendOnly, Undeletable, RandomlyNamed):
        author_field = "officer"
        final_message = "entry_is_append_only"
"""

import uuid

import frappe
from frappe.model.document import Document

from student_advice import messages


def random_name() -> str:
	return uuid.uuid4().hex


class RandomlyNamed(Document):
	"""Base for records whose name must reveal neither content nor creation order (Frappe's hash
	naming starts with a timestamp)."""

	def autoname(self):
		self.name = random_name()


class Undeletable:
	"""Never deleted by a user, Administrator included: only the retention engine removes records."""

	def on_trash(self):
		messages.throw("no_deletion")


class AppendOnly:
	"""Written once: validate() calls refuse_edits() first, which refuses any save after the insert."""

	final_message: str  # the code of the refusal in messages.py, set by each class

	def refuse_edits(self):
		if not self.is_new():
			messages.throw(self.final_message)


class StampsAuthor:
	"""`author_field` holds whoever inserted the record, whatever the request sent. A class with
	its own before_insert calls super().before_insert() first."""

	author_field = "officer"

	def before_insert(self):
		self.set(self.author_field, frappe.session.user)
