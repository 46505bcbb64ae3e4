# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils import today

from student_advice import messages
from student_advice.naming import RandomlyNamed, Undeletable

AWAITING, ERASED, DECLINED = "Awaiting Review", "Erased", "Declined"


class ErasureRequest(Undeletable, RandomlyNamed):
	"""A request to erase one student's records early, reviewed by an officer."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		decided_by: DF.Link | None
		decided_on: DF.Date | None
		kept: DF.SmallText | None
		notes: DF.SmallText | None
		requested_on: DF.Date | None
		retention_run: DF.Link | None
		source: DF.Literal["Officer", "Personal Data Deletion Request"]
		status: DF.Literal["Awaiting Review", "Erased", "Declined"]
		student: DF.Link
	# end: auto-generated types

	def before_insert(self):
		self.requested_on = today()
		self.status = AWAITING
		self.decided_by = self.decided_on = self.retention_run = self.kept = None
		if not self.flags.from_deletion_request:
			self.source = "Officer"

	def validate(self):
		if not self.is_new() and self.get_doc_before_save().status != AWAITING:
			messages.throw("erasure_already_decided")

	@frappe.whitelist()
	def erase(self) -> dict:
		"""Erase the student's records now, keeping only what must be kept; say what and why."""
		from student_advice.retention import engine, records

		self.check_permission("write")
		self._check_open()
		if self.student in records.held_students():
			messages.throw("erasure_on_hold")
		run_name, tally = engine.erase(self.student)
		kept = engine.kept_note(tally)
		if frappe.db.exists("Erasure Request", self.name):  # gone with the student when nothing was kept
			self.db_set(
				{
					"status": ERASED,
					"decided_by": frappe.session.user,
					"decided_on": today(),
					"retention_run": run_name,
					"kept": kept,
				}  # fmt: skip
			)
		return {
			"run": run_name,
			"kept": kept,
			"student_kept": bool(frappe.db.exists("Advice Student", self.student)),
		}

	@frappe.whitelist()
	def decline(self, notes: str) -> None:
		self.check_permission("write")
		self._check_open()
		if not (notes or "").strip():
			messages.throw("erasure_needs_notes")
		self.status = DECLINED
		self.notes = notes.strip()
		self.decided_by = frappe.session.user
		self.decided_on = today()
		self.save()

	def _check_open(self):
		if self.status != AWAITING:
			messages.throw("erasure_already_decided")


def review_deletion_request(doc, method=None):
	"""doc_events on Personal Data Deletion Request: once the user has confirmed it, officers review.

	Frappe's own deletion never touches casework (the app declares no user_data_fields), so the
	request cannot silently delete casework; this puts it before the officers instead of leaving
	the records behind. It runs the same for every request and tells the requester nothing.
	"""
	if doc.status != "Pending Approval" or not doc.has_value_changed("status"):
		return
	student = frappe.db.get_value("Advice Student", {"email": doc.email}, "name")
	if not student or frappe.db.exists("Erasure Request", {"student": student, "status": AWAITING}):
		return
	request = frappe.get_doc(
		{
			"doctype": "Erasure Request",
			"student": student,
			"source": "Personal Data Deletion Request",
			"notes": _("The student asked the site to delete their personal data."),
		}
	)
	request.flags.from_deletion_request = True
	request.insert(ignore_permissions=True)


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Erasure Request", ["creation"])
