# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.utils import today

from student_advice import messages
from student_advice.confidentiality.permissions import is_member
from student_advice.meetings import changed_fields
from student_advice.naming import RandomlyNamed, Undeletable
from student_advice.policy import conflicts, registry

DECLARATION = "Conflict Declaration"


class ConflictDeclaration(Undeletable, RandomlyNamed):
	"""An officer's conflict of interest with a student (read by confidentiality/permissions.py).

	The fields officer, student and active are the ones the access predicate reads.
	"""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		active: DF.Check
		declared_on: DF.Date | None
		lifted_by: DF.Link | None
		lifted_on: DF.Date | None
		officer: DF.Link
		reason: DF.SmallText
		student: DF.Link
	# end: auto-generated types

	def before_insert(self):
		self.officer = conflicts.declaring_officer(frappe.session.user, frappe.get_roles(), self.officer)
		self.declared_on = today()
		self.active = 1
		self.lifted_by = None
		self.lifted_on = None

	def validate(self):
		if self.is_new():
			already = frappe.db.exists(
				DECLARATION, {"officer": self.officer, "student": self.student, "active": 1}
			)
			messages.throw(conflicts.check_new_declaration(is_member(self.officer), bool(already)))
			return
		before = self.get_doc_before_save()
		messages.throw(
			conflicts.check_declaration_change(
				changed_fields(self, ignore=("lifted_by", "lifted_on")),
				bool(before.active),
				bool(self.active),
				frappe.session.user,
				frappe.get_roles(),
				self.officer,
			)
		)
		if before.active and not self.active:
			self.lifted_by, self.lifted_on = frappe.session.user, today()
		else:
			self.lifted_by, self.lifted_on = before.lifted_by, before.lifted_on

	def after_insert(self):
		self._forget_cached_conflicts()
		self._withdraw_from_students_records()

	def on_update(self):
		self._forget_cached_conflicts()

	def _forget_cached_conflicts(self):
		cache = getattr(frappe.local, "student_advice_conflicts", None)
		if cache:
			cache.pop(self.officer, None)

	def _withdraw_from_students_records(self):
		"""The officer's open assignments on the student's records end; they no longer follow them."""
		for todo in frappe.get_all(
			"ToDo",
			filters={
				"allocated_to": self.officer,
				"status": "Open",
				"reference_type": ("in", list(registry.STUDENT_RECORDS)),
			},
			fields=["name", "reference_type", "reference_name"],
		):
			if self._concerns_student(todo.reference_type, todo.reference_name):
				doc = frappe.get_doc("ToDo", todo.name)
				doc.status = "Cancelled"
				doc.save(ignore_permissions=True)
		for follow in frappe.get_all(
			"Document Follow",
			filters={"user": self.officer, "ref_doctype": ("in", list(registry.STUDENT_RECORDS))},
			fields=["name", "ref_doctype", "ref_docname"],
		):
			if self._concerns_student(follow.ref_doctype, follow.ref_docname):
				frappe.db.delete("Document Follow", {"name": follow.name})

	def _concerns_student(self, doctype, name) -> bool:
		field = registry.student_field(doctype)
		student = name if field == "name" else frappe.db.get_value(doctype, name, field)
		return bool(student) and student == self.student
