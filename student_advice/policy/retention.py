"""Retention: how long each kind of record is kept, counted from which event, and what leaves.

Pure rules, no Frappe. The engine (student_advice/retention/) finds each record's event date,
asks this module whether it is due, and removes or anonymises it. Every DocType that holds
records about a student belongs to exactly one kind (a unit test checks it against the
registry), so a new casework DocType cannot be forgotten by the engine.
"""

from calendar import monthrange
from dataclasses import dataclass
from datetime import date

ANONYMISE = "anonymise"  # the row stays with what the statistics count; everything personal goes
REMOVE = "remove"  # the row and every copy of it go


@dataclass(frozen=True)
class Kind:
	key: str
	label: str
	setting: str  # the Student Advice Settings field holding the period in months
	default_months: int
	minimum_months: int
	event: str  # what the period is counted from, as officers read it
	doctypes: tuple[str, ...]  # the main DocType first, then those that leave with it


KINDS: tuple[Kind, ...] = (
	Kind("meeting", "Meeting discussions and actions", "retain_meeting_months", 24, 6,
	     "the meeting's date", ("Meeting Discussion", "Meeting Action")),
	Kind("disclosure", "Disclosures", "retain_disclosure_months", 72, 24,
	     "the day of the disclosure", ("Disclosure",)),
	Kind("casework_form", "Casework forms", "retain_casework_form_months", 24, 6,
	     "the day the form was received", ("Casework Form",)),
	Kind("access_request", "Record access requests and released copies", "retain_access_request_months",
	     24, 12, "the day the request was answered", ("Record Access Request",)),
	Kind("consent", "Consents and withdrawals", "retain_consent_months", 24, 12,
	     "the day the consent ended (withdrawn or expired)", ("Consent", "Consent Withdrawal")),
	Kind("breach", "Breach records, consultations and corrections", "retain_breach_months", 72, 72,
	     "the day confidentiality was breached (or the record was closed)",
	     ("Confidentiality Breach", "Breach Consultation", "Breach Correction")),
	Kind("enquiry", "Enquiries", "retain_enquiry_months", 24, 6, "the day the enquiry was received",
	     ("Enquiry",)),
	Kind("case", "Closed cases and their log", "retain_case_months", 24, 12, "the day the case was closed",
	     ("Case", "Case Entry")),
	Kind("student", "Students with no record left", "retain_student_months", 24, 12,
	     "the student's last activity, once no open case or other record of theirs is kept",
	     ("Advice Student", "Conflict Declaration", "Legal Hold", "Erasure Request")),
)  # fmt: skip
# The order above is the order of a run: what another record rests on (a disclosure's consent
# or breach, a case's entries and enquiry, a student's records) is handled after it.

BY_KEY = {kind.key: kind for kind in KINDS}
ACTIONS = {"enquiry": ANONYMISE, "case": ANONYMISE}  # what the statistics count; the rest is removed

# The record a retention period needs to outlive: a breach record may have to outlive its case,
# and a disclosure the consent it rested on.
OUTLIVES = (("breach", "case"), ("disclosure", "consent"))

# Reasons kept on erasure, by kind (what must be kept, and why, shown to the officer and in the run).
ERASURE_KEEPS = {
	"breach": "breach_kept_on_erasure",
	"legal_duty_disclosure": "legal_duty_disclosure_kept_on_erasure",
}


def kind_of(doctype: str) -> Kind | None:
	for kind in KINDS:
		if doctype in kind.doctypes:
			return kind
	return None


def action(kind_key: str) -> str:
	return ACTIONS.get(kind_key, REMOVE)


def add_months(day: date, months: int) -> date:
	"""The same day `months` later (earlier when negative), or that month's last day."""
	index = day.year * 12 + day.month - 1 + months
	year, month = divmod(index, 12)
	month += 1
	return date(year, month, min(day.day, monthrange(year, month)[1]))


def due_on(event_day: date, months: int) -> date:
	return add_months(event_day, months)


def cutoff(today: date, months: int) -> date:
	"""Records whose event fell on or before this day are due today."""
	return add_months(today, -months)


def is_due(event_day: date | None, months: int, today: date) -> bool:
	return event_day is not None and due_on(event_day, months) <= today


def periods_with_defaults(values: dict) -> dict[str, int]:
	"""Kind key -> months, the default where a setting is empty."""
	return {kind.key: int(values.get(kind.setting) or kind.default_months) for kind in KINDS}


def check_periods(values: dict) -> list[str]:
	"""Codes of the rules the settings break (empty when they may be saved)."""
	periods = periods_with_defaults(values)
	errors = []
	for kind in KINDS:
		raw = values.get(kind.setting)
		if raw not in (None, "", 0) and int(raw) < kind.minimum_months:
			errors.append(f"retention_below_minimum:{kind.key}")
	for longer, shorter in OUTLIVES:
		if periods[longer] < periods[shorter]:
			errors.append(f"retention_must_outlive:{longer}:{shorter}")
	return errors


@dataclass(frozen=True)
class Candidate:
	"""A record the engine found, with what the rules need to know about it."""

	kind: str
	doctype: str
	name: str
	student: str | None
	event_day: date | None
	kept_by: tuple[str, ...] = ()  # names of records still kept that rest on this one


def blocked(candidate: Candidate, held_students: set[str]) -> str | None:
	"""Why a due record must stay for now (None when it may go)."""
	if candidate.student and candidate.student in held_students:
		return "legal_hold"
	if candidate.kept_by:
		return "still_needed"
	return None


def kept_on_erasure(kind_key: str, disclosure_under_breach: bool = False) -> str | None:
	"""What an early erasure must keep: breach records, and disclosures made under a legal duty."""
	if kind_key == "breach":
		return ERASURE_KEEPS["breach"]
	if kind_key == "disclosure" and disclosure_under_breach:
		return ERASURE_KEEPS["legal_duty_disclosure"]
	return None
