# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import json

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from student_advice import messages, record_access
from student_advice.naming import RandomlyNamed, Undeletable
from student_advice.policy import record_access as policy
from student_advice.service_settings import closure_days

# Only the portal's endpoint and this controller's own methods write these.
SERVICE_FIELDS = (
	"student",
	"email",
	"no_email",
	"status",
	"received_on",
	"extension_months",
	"extension_reason",
	"extended_on",
	"extended_by",
	"released_on",
	"released_by",
	"available_until",
	"released_copy",
)
ITEM_FIELDS = ("record_doctype", "record_name", "record_label")
DECISION_FIELDS = ("decision", "withhold_reason", "withhold_details", "redacted_text")


class RecordAccessRequest(Undeletable, RandomlyNamed):
	"""A student's request to see their records: the legal clock, the officer's review, the frozen copy."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from student_advice.student_advice.doctype.record_access_item.record_access_item import (
			RecordAccessItem,
		)

		available_until: DF.Date | None
		due_on: DF.Date | None
		email: DF.Data | None
		extended_by: DF.Link | None
		extended_on: DF.Date | None
		extension_months: DF.Int
		extension_reason: DF.SmallText | None
		items: DF.Table[RecordAccessItem]
		no_email: DF.Check
		received_on: DF.Date | None
		released_by: DF.Link | None
		released_copy: DF.Code | None
		released_on: DF.Date | None
		status: DF.Literal["Received", "Extended", "Released"]
		student: DF.Link | None
		student_name: DF.Data | None
	# end: auto-generated types

	def before_insert(self):
		if not self.flags.from_portal:
			messages.throw("access_request_set_by_the_service")
		self.status, self.received_on = policy.RECEIVED, getdate(nowdate())

	def validate(self):
		if self.status not in policy.STATUSES:
			messages.throw("access_request_status_unknown")
		before = None if self.is_new() else self.get_doc_before_save()
		if before and before.status == policy.RELEASED:
			messages.throw("access_request_already_released")
		if before and not self.flags.by_service and self._changed(before):
			messages.throw("access_request_set_by_the_service")
		codes = []
		for row in self.items:
			codes += policy.check_item(
				row.decision, row.redacted_text, row.withhold_reason, row.withhold_details
			)
		messages.throw(list(dict.fromkeys(codes)))
		self.due_on = policy.due_date(getdate(self.received_on), closure_days(), self.extension_months or 0)

	def _changed(self, before) -> bool:
		if any((self.get(f) or None) != (before.get(f) or None) for f in SERVICE_FIELDS):
			return True
		rows = lambda doc: sorted(tuple(r.get(f) or "" for f in ITEM_FIELDS) for r in doc.items)  # noqa: E731
		return rows(self) != rows(before)

	@frappe.whitelist()
	def gather_items(self) -> int:
		"""Add every record the student has that the review does not list yet; returns how many."""
		self.check_permission("write")
		self._refuse_if_released()
		if not self.student:
			self.student = record_access.student_of_email(self.email)
		listed = {(row.record_doctype, row.record_name) for row in self.items}
		added = 0
		for doctype, name, label in record_access.records_of(self.student):
			if (doctype, name) not in listed:
				self.append("items", {"record_doctype": doctype, "record_name": name, "record_label": label})
				added += 1
		self.flags.by_service = True
		self.save()
		return added

	@frappe.whitelist()
	def extend_deadline(self, months: int, reason: str) -> str:
		"""Once, by one or two months, with a reason, only before the first month ends; the student is told."""
		self.check_permission("write")
		self._refuse_if_released()
		months = frappe.utils.cint(months) if str(months or "").strip().isdigit() else None
		messages.throw(
			policy.check_extension(
				getdate(self.received_on),
				getdate(nowdate()),
				months,
				reason,
				bool(self.extension_months),
				closure_days(),
			)
		)
		self.extension_months, self.extension_reason = months, reason.strip()
		self.extended_on, self.extended_by = getdate(nowdate()), frappe.session.user
		self.status = policy.EXTENDED
		self.flags.by_service = True
		self.save()
		record_access.tell_student(self)
		return str(self.due_on)

	@frappe.whitelist()
	def release(self) -> str:
		"""Freeze the copy: the released items as they stand now; the student is told there is something to read."""
		self.check_permission("write")
		self._refuse_if_released()
		self._check_items_are_the_students()
		messages.throw(policy.check_release(self.status, [row.decision for row in self.items]))
		copy = record_access.build_copy(self)
		self.released_copy = json.dumps(copy, indent=1, default=str, ensure_ascii=False)
		self.released_on, self.released_by = getdate(nowdate()), frappe.session.user
		self.available_until = record_access.available_until(self.released_on)
		self.status = policy.RELEASED
		self.flags.by_service = True
		self.save()
		record_access.tell_student(self)
		frappe.msgprint(_("The copy was released to the student."), alert=True)
		return str(self.available_until)

	def _refuse_if_released(self):
		if frappe.db.get_value(self.doctype, self.name, "status") == policy.RELEASED:
			messages.throw("access_request_already_released")

	def _check_items_are_the_students(self):
		theirs = {(d, n) for d, n, _label in record_access.records_of(self.student)}
		listed = {(row.record_doctype, row.record_name) for row in self.items}
		if listed - theirs:
			messages.throw("access_item_not_the_students")
		if theirs - listed:
			messages.throw("access_request_records_not_gathered")
