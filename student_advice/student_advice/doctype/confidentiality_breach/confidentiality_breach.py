# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate, now_datetime

from student_advice import desk_alerts, messages
from student_advice.naming import RandomlyNamed, StampsAuthor, Undeletable
from student_advice.policy import breach as policy
from student_advice.policy.roles import MANAGER, OFFICER
from student_advice.service_settings import closure_days
from student_advice.student_advice.doctype.consent.consent import case_belongs_to

COMPUTED = ("consultation_outstanding", "consultation_deadline")


class ConfidentialityBreach(StampsAuthor, Undeletable, RandomlyNamed):
	"""The breach procedure. The workflow (fixtures) offers the steps; this controller decides
	who may take each one and what each state requires, whatever route the request took."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		advice_case: DF.Link | None
		aim: DF.SmallText | None
		amended_from: DF.Link | None
		closure_reason: DF.SmallText | None
		consultation_deadline: DF.Date | None
		consultation_outstanding: DF.Check
		decided_on: DF.Datetime | None
		deciding_officer: DF.Link | None
		disclosed_on: DF.Datetime | None
		emergency: DF.Check
		ground: DF.Literal[
			"",
			"Serious and imminent risk to the student's own or others' safety",
			"The law requires disclosure for the prevention or detection of terrorism",
		]
		information_disclosed: DF.Text | None
		not_told_reason: DF.SmallText | None
		recipient: DF.Link | None
		recipient_name: DF.Data | None
		situation: DF.Text
		student: DF.Link
		student_name: DF.Data | None
		student_told: DF.Literal["", "Yes", "No"]
		workflow_state: DF.Link | None
	# end: auto-generated types

	author_field = "deciding_officer"

	def validate(self):
		previous = self.get_doc_before_save()
		self.keep_computed_fields(previous)
		self.check_the_step(previous)
		now = now_datetime()
		self.date_the_decision_and_disclosure(previous, now)
		requested, confirmed = consultation_counts(self.name) if previous else (0, 0)
		self.check_what_the_state_requires(requested, confirmed, now)
		self.copy_names()
		self.flag_outstanding_consultation(confirmed)

	def keep_computed_fields(self, previous):
		"""The deciding officer and the consultation flags are the controller's, never the form's."""
		if previous:
			self.deciding_officer = previous.deciding_officer
		for field in COMPUTED:
			self.set(field, previous.get(field) if previous else None)
		self.workflow_state = self.workflow_state or policy.DRAFT

	def check_the_step(self, previous):
		"""Who may move the breach from its previous state to this one (policy.check_change)."""
		user = frappe.session.user
		roles = frappe.get_roles(user)
		actor = policy.Actor(
			is_officer=OFFICER in roles,
			is_manager=MANAGER in roles,
			is_deciding_officer=user == self.deciding_officer,
		)
		state = self.workflow_state
		messages.throw(policy.check_change(previous.workflow_state if previous else None, state, actor))
		if policy.STATES[state] != self.docstatus:
			messages.throw("breach_docstatus_mismatch")

	def date_the_decision_and_disclosure(self, previous, now):
		state = self.workflow_state
		entering = not previous or previous.workflow_state != state
		if entering and state in (policy.DECIDED, policy.DISCLOSED) and not self.decided_on:
			self.decided_on = now
		if entering and state == policy.DISCLOSED and not self.disclosed_on:
			self.disclosed_on = now

	def check_what_the_state_requires(self, requested: int, confirmed: int, now):
		messages.throw(
			policy.missing_for_state(self.workflow_state, self.facts(requested, confirmed), now)
			+ case_belongs_to(self.advice_case, self.student)
		)

	def copy_names(self):
		self.recipient_name = (
			frappe.db.get_value("Third Party", self.recipient, "display_name") if self.recipient else None
		)

	def flag_outstanding_consultation(self, confirmed: int):
		"""Disclosed in an emergency before another officer confirmed: flagged with a deadline the
		manager sees (docs/decisions.md, decision 8)."""
		if self.workflow_state != policy.DISCLOSED:
			return
		outstanding = policy.consultation_outstanding(self.workflow_state, confirmed)
		self.consultation_outstanding = int(outstanding)
		self.consultation_deadline = (
			policy.consultation_deadline(getdate(self.disclosed_on), closure_days()) if outstanding else None
		)

	def facts(self, requested: int, confirmed: int) -> policy.BreachFacts:
		return policy.BreachFacts(
			student=self.student,
			situation=self.situation,
			ground=self.ground,
			aim=self.aim,
			recipient=self.recipient,
			emergency=bool(self.emergency),
			decided_on=get_datetime(self.decided_on) if self.decided_on else None,
			disclosed_on=get_datetime(self.disclosed_on) if self.disclosed_on else None,
			information_disclosed=self.information_disclosed,
			student_told=self.student_told,
			not_told_reason=self.not_told_reason,
			closure_reason=self.closure_reason,
			consultations_requested=requested,
			consultations_confirmed=confirmed,
		)

	def on_update(self):
		previous = self.get_doc_before_save()
		if self.workflow_state == policy.CLOSED and previous and previous.workflow_state != policy.CLOSED:
			close_pending_consultation_todos(self.name)

	def on_submit(self):
		desk_alerts.alert(
			desk_alerts.managers_who_may_see(self.doctype, self.name),
			_("A confidentiality breach was recorded; open the desk to read it."),
			self.doctype,
			self.name,
		)

	def before_update_after_submit(self):
		messages.throw("breach_disclosed_is_final")

	def before_cancel(self):
		messages.throw("breach_disclosed_is_final")

	@frappe.whitelist()
	def ask_for_advice(self, officer: str) -> str:
		"""Consult another officer (a Breach Consultation); a draft moves to Awaiting Consultation."""
		self.check_permission("read")
		consultation = frappe.get_doc(
			{"doctype": "Breach Consultation", "confidentiality_breach": self.name, "officer": officer}
		).insert()
		if self.workflow_state == policy.DRAFT:
			from frappe.model.workflow import apply_workflow

			apply_workflow({"doctype": self.doctype, "name": self.name}, policy.ASK)
		return consultation.name


def consultation_counts(breach: str) -> tuple[int, int]:
	"""(asked, confirmed) consultations of a breach."""
	rows = frappe.get_all(
		"Breach Consultation", filters={"confidentiality_breach": breach}, pluck="confirmed", order_by=None
	)
	return len(rows), sum(1 for confirmed in rows if confirmed)


def refresh_consultation_flag(breach: str) -> None:
	"""The one value that changes on a disclosed breach: computed, never typed."""
	state = frappe.db.get_value("Confidentiality Breach", breach, "workflow_state")
	outstanding = policy.consultation_outstanding(state, consultation_counts(breach)[1])
	frappe.db.set_value(
		"Confidentiality Breach", breach, "consultation_outstanding", int(outstanding), update_modified=False
	)


def close_pending_consultation_todos(breach: str) -> None:
	pending = frappe.get_all(
		"Breach Consultation", filters={"confidentiality_breach": breach, "confirmed": 0}, pluck="name"
	)
	for name in pending:
		close_consultation_todos(name, "Cancelled")


def close_consultation_todos(consultation: str, status: str = "Closed") -> None:
	for todo in frappe.get_all(
		"ToDo",
		filters={"reference_type": "Breach Consultation", "reference_name": consultation, "status": "Open"},
		pluck="name",
	):
		doc = frappe.get_doc("ToDo", todo)
		doc.status = status
		doc.save(ignore_permissions=True)


def remove_workflow():
	"""before_uninstall: the workflow has no module, so Frappe would leave it (and its states) behind."""
	frappe.db.delete("Workflow Action", {"reference_doctype": "Confidentiality Breach"})
	if frappe.db.exists("Workflow", "Confidentiality Breach"):
		frappe.delete_doc("Workflow", "Confidentiality Breach", ignore_permissions=True, force=True)
	used = set(frappe.get_all("Workflow Document State", pluck="state"))
	for state in policy.STATES:
		if state not in used and frappe.db.exists("Workflow State", state):
			frappe.delete_doc("Workflow State", state, ignore_permissions=True, force=True)
	used = set(frappe.get_all("Workflow Transition", pluck="action"))
	for action in policy.ACTIONS:
		if action not in used and frappe.db.exists("Workflow Action Master", action):
			frappe.delete_doc("Workflow Action Master", action, ignore_permissions=True, force=True)
