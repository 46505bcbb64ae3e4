# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.utils import get_datetime, now_datetime

from student_advice import messages
from student_advice.naming import AppendOnly, RandomlyNamed, StampsAuthor, Undeletable
from student_advice.policy import breach as breach_policy
from student_advice.policy import consent as policy
from student_advice.student_advice.doctype.consent.consent import (
	case_belongs_to,
	consent_facts,
	selected_categories,
	set_categories,
)


class Disclosure(StampsAuthor, AppendOnly, Undeletable, RandomlyNamed):
	"""Information about a student left the service. Recorded only with a basis that covers it;
	append-only (like Case Entry): a disclosure is a fact, so there is no draft to submit later,
	no cancel and no amendment to switch off."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		advice_case: DF.Link | None
		channel: DF.Literal["", "Email", "Phone", "Letter", "In person", "Online form", "Other"]
		confidentiality_breach: DF.Link | None
		consent: DF.Link | None
		description: DF.SmallText
		disclosed_on: DF.Datetime
		info_academic: DF.Check
		info_case_details: DF.Check
		info_contact_details: DF.Check
		info_existence: DF.Check
		info_health_welfare: DF.Check
		info_other: DF.Check
		officer: DF.Link | None
		student: DF.Link
		student_name: DF.Data | None
		third_party: DF.Link
		third_party_name: DF.Data | None
	# end: auto-generated types

	author_field = "officer"
	final_message = "disclosure_is_final"

	def validate(self):
		self.refuse_edits()
		if not self.disclosed_on:
			self.disclosed_on = now_datetime()
		set_categories(self, policy.with_implied(selected_categories(self)))
		errors = list(
			policy.check_disclosure(
				selected_categories(self),
				self.description,
				self.channel,
				get_datetime(self.disclosed_on),
				now_datetime(),
				has_consent=bool(self.consent),
				has_breach=bool(self.confidentiality_breach),
			)
		)
		errors += case_belongs_to(self.advice_case, self.student)
		if self.consent and not self.confidentiality_breach:
			errors += policy.consent_gaps(consent_facts(self.consent), self.facts())
		elif self.confidentiality_breach and not self.consent:
			errors += breach_policy.breach_gaps(
				breach_cover(self.confidentiality_breach), self.student, self.third_party
			)
		messages.throw(errors)
		basis = (
			("Consent", self.consent)
			if self.consent
			else ("Confidentiality Breach", self.confidentiality_breach)
		)
		frappe.get_doc(*basis).check_permission("read")
		self.third_party_name = frappe.db.get_value("Third Party", self.third_party, "display_name")

	def facts(self) -> policy.DisclosureFacts:
		return policy.DisclosureFacts(
			student=self.student,
			third_party=self.third_party,
			categories=selected_categories(self),
			disclosed_on=get_datetime(self.disclosed_on),
		)


def breach_cover(name: str) -> breach_policy.BreachCover | None:
	row = frappe.db.get_value(
		"Confidentiality Breach", name, ["student", "recipient", "workflow_state", "docstatus"], as_dict=True
	)
	if not row:
		return None
	return breach_policy.BreachCover(
		student=row.student, recipient=row.recipient, state=row.workflow_state, docstatus=row.docstatus
	)


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Disclosure", ["creation"])
