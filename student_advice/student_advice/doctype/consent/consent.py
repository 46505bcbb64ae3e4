# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE

import frappe
from frappe.utils import get_datetime, now_datetime

from student_advice import messages
from student_advice.naming import RandomlyNamed, StampsAuthor, Undeletable
from student_advice.officers import is_active_officer
from student_advice.policy import consent as policy
from student_advice.service_settings import consent_expiry_months


class Consent(StampsAuthor, Undeletable, RandomlyNamed):
	"""Prior, explicit, informed consent. Submitted once; its terms never change; never cancelled."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		advice_case: DF.Link | None
		amended_from: DF.Link | None
		consent_wording: DF.Link
		expires_on: DF.Datetime | None
		given_on: DF.Datetime
		info_academic: DF.Check
		info_case_details: DF.Check
		info_contact_details: DF.Check
		info_existence: DF.Check
		info_health_welfare: DF.Check
		info_other: DF.Check
		information_description: DF.SmallText
		method: DF.Literal[
			"",
			"Signed in writing",
			"By email from the student's own address",
			"Verbally, witnessed by an officer",
			"Online by the student",
		]
		purpose: DF.SmallText
		recorded_by: DF.Link | None
		sender_email: DF.Data | None
		signed_form: DF.Attach | None
		status: DF.Literal["Draft", "Active", "Expired", "Withdrawn"]
		student: DF.Link
		student_name: DF.Data | None
		third_party: DF.Link
		third_party_name: DF.Data | None
		withdrawal: DF.Link | None
		withdrawn_on: DF.Datetime | None
		witnessing_officer: DF.Link | None
		wording_text: DF.Text | None
		wording_version: DF.Int
	# end: auto-generated types

	author_field = "recorded_by"

	def validate(self):
		now = now_datetime()
		self.keep_terms_fixed()
		self.fill_in_dates_and_categories(now)
		wording = self.chosen_wording()
		student = frappe.db.get_value("Advice Student", self.student, ["full_name", "email"], as_dict=True)
		self.check_terms(wording, student, now)
		self.copy_names_and_wording(wording, student)
		self.status = policy.status(self.docstatus == 1, get_datetime(self.expires_on), None, now)

	def keep_terms_fixed(self):
		"""A submitted consent's terms never change and it is never amended (docs/decisions.md, decision 7)."""
		previous = self.get_doc_before_save()
		if previous and previous.docstatus != 0:
			messages.throw("consent_terms_fixed")
		if self.amended_from:
			messages.throw("consent_never_cancelled")
		if previous:
			self.recorded_by = previous.recorded_by
		# Only a Consent Withdrawal sets these.
		self.withdrawn_on = None
		self.withdrawal = None

	def fill_in_dates_and_categories(self, now):
		if not self.given_on:
			self.given_on = now
		if not self.expires_on:
			self.expires_on = policy.default_expiry(get_datetime(self.given_on), consent_expiry_months())
		set_categories(self, policy.with_implied(selected_categories(self)))

	def chosen_wording(self):
		if not self.consent_wording:
			return None
		return frappe.db.get_value(
			"Consent Wording", self.consent_wording, ["wording", "version", "active"], as_dict=True
		)

	def check_terms(self, wording, student, now):
		terms = policy.ConsentTerms(
			categories=selected_categories(self),
			description=self.information_description,
			purpose=self.purpose,
			method=self.method,
			witness=self.witnessing_officer,
			witness_is_active_officer=bool(self.witnessing_officer)
			and is_active_officer(self.witnessing_officer),
			sender_email=self.sender_email,
			student_email=student.email if student else None,
			given_on=get_datetime(self.given_on),
			expires_on=get_datetime(self.expires_on),
			wording=self.consent_wording if wording else None,
			wording_active=bool(wording and wording.active),
		)
		messages.throw(policy.check_consent(terms, now) + case_belongs_to(self.advice_case, self.student))

	def copy_names_and_wording(self, wording, student):
		"""After the checks: the names for the desk, the wording as the student was shown it."""
		self.third_party_name = frappe.db.get_value("Third Party", self.third_party, "display_name")
		self.wording_version = wording.version
		self.wording_text = policy.render_wording(wording.wording, self.wording_values())

	def wording_values(self) -> dict[str, str]:
		expires = get_datetime(self.expires_on)
		return {
			"third_party": self.third_party_name or "",
			"information": ", ".join(policy.category_labels(selected_categories(self))),
			"description": (self.information_description or "").strip(),
			"purpose": (self.purpose or "").strip(),
			"expires_on": f"{expires.day} {expires.strftime('%B %Y')}",
		}

	def onload(self):
		# What the daily job will store, shown now (the stored status lags by up to a day).
		if self.docstatus == 1:
			self.status = current_status(self)

	def before_update_after_submit(self):
		messages.throw("consent_terms_fixed")

	def before_cancel(self):
		messages.throw("consent_never_cancelled")


def selected_categories(doc) -> frozenset[str]:
	return frozenset(code for code, field in policy.CATEGORY_FIELDS.items() if doc.get(field))


def set_categories(doc, codes) -> None:
	for code, field in policy.CATEGORY_FIELDS.items():
		doc.set(field, 1 if code in codes else 0)


def case_belongs_to(case: str | None, student: str | None) -> tuple[str, ...]:
	if case and frappe.db.get_value("Case", case, "student") != student:
		return ("case_other_student",)
	return ()


def _first_withdrawal(consent: str):
	rows = frappe.get_all(
		"Consent Withdrawal",
		filters={"consent": consent},
		fields=["withdrawn_on"],
		order_by="withdrawn_on asc",
		limit=1,
	)
	return get_datetime(rows[0].withdrawn_on) if rows else None


def current_status(doc, now=None) -> str:
	withdrawn_on = _first_withdrawal(doc.name) if doc.docstatus == 1 else None
	return policy.status(
		doc.docstatus == 1, get_datetime(doc.expires_on), withdrawn_on, now or now_datetime()
	)


def sync_status(name: str, now=None) -> str:
	"""Store the computed status (lists and filters read it; coverage never does)."""
	row = frappe.db.get_value("Consent", name, ["name", "docstatus", "expires_on", "status"], as_dict=True)
	status = current_status(row, now)
	if status != row.status:
		frappe.db.set_value("Consent", name, "status", status, update_modified=False)
	return status


def consent_facts(name: str | None) -> policy.ConsentFacts | None:
	"""What coverage is decided on: the record as submitted and its withdrawal, never the stored status."""
	row = name and frappe.db.get_value(
		"Consent",
		name,
		["student", "third_party", "given_on", "expires_on", "docstatus", *policy.CATEGORY_FIELDS.values()],
		as_dict=True,
	)
	if not row:
		return None
	return policy.ConsentFacts(
		student=row.student,
		third_party=row.third_party,
		categories=selected_categories(row),
		given_on=get_datetime(row.given_on),
		expires_on=get_datetime(row.expires_on),
		submitted=row.docstatus == 1,
		withdrawn_on=_first_withdrawal(name),
	)


def on_doctype_update():
	# The access audit reads records by the month they were created in (docs/decisions.md, D-SCALE-2).
	frappe.db.add_index("Consent", ["creation"])
