"""Consent: prior, explicit and informed; and when a consent covers a disclosure.

Pure rules, no Frappe. Each check returns a tuple of error codes (empty when valid); the
codes become translated messages in student_advice/messages.py.

Categories of information are a fixed list. Consent and Disclosure hold one Check field per
category (`info_<code>`): a form shows them as they are, list filters and the report builder
can use them, and the server validates them against this list (tests/unit check the DocType
JSON against it). Any category implies the first one: sharing anything about a student also
tells the recipient that the student uses the service.
"""

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

EXISTENCE = "existence"
CATEGORIES = (
	(EXISTENCE, "Existence of contact with the service"),
	("case_details", "Case details"),
	("academic", "Academic information"),
	("health_welfare", "Health and welfare information"),
	("contact_details", "Contact details"),
	("other", "Other"),
)
CATEGORY_CODES = tuple(code for code, _label in CATEGORIES)
CATEGORY_LABELS = dict(CATEGORIES)


def category_field(code: str) -> str:
	return f"info_{code}"


CATEGORY_FIELDS = {code: category_field(code) for code in CATEGORY_CODES}

# How consent was given
WRITTEN = "Signed in writing"
EMAIL = "By email from the student's own address"
VERBAL = "Verbally, witnessed by an officer"
ONLINE = "Online by the student"
METHODS = (WRITTEN, EMAIL, VERBAL, ONLINE)

# How consent was withdrawn (any way the student chooses is accepted)
WITHDRAWAL_METHODS = ("In writing", "By email", "Verbally", "Online by the student", "Other")

DRAFT = "Draft"
ACTIVE = "Active"
EXPIRED = "Expired"
WITHDRAWN = "Withdrawn"
STATUSES = (DRAFT, ACTIVE, EXPIRED, WITHDRAWN)

DEFAULT_EXPIRY_MONTHS = 6
EXPIRING_SOON_DAYS = 14

# Placeholders a consent wording may use; anything else in braces is refused.
PLACEHOLDERS = ("third_party", "information", "description", "purpose", "expires_on")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


# --- categories -----------------------------------------------------------------------


def with_implied(codes: Iterable[str]) -> frozenset[str]:
	"""Any category implies that the student's contact with the service is disclosed."""
	codes = frozenset(codes or ())
	return codes | {EXISTENCE} if codes else codes


def check_categories(codes: Iterable[str], empty_code: str) -> tuple[str, ...]:
	codes = set(codes or ())
	if codes - set(CATEGORY_CODES):
		return ("category_unknown",)
	if not codes:
		return (empty_code,)
	return ()


def category_labels(codes: Iterable[str]) -> list[str]:
	codes = set(codes or ())
	return [label for code, label in CATEGORIES if code in codes]


# --- recording a consent ----------------------------------------------------------------


def add_months(moment: datetime, months: int) -> datetime:
	"""Same day and time `months` later; the last day of the month when that day does not exist."""
	month_index = moment.month - 1 + months
	year, month = moment.year + month_index // 12, month_index % 12 + 1
	day = min(moment.day, calendar.monthrange(year, month)[1])
	return moment.replace(year=year, month=month, day=day)


def default_expiry(given_on: datetime, months: int | None) -> datetime:
	return add_months(given_on, months if months and months > 0 else DEFAULT_EXPIRY_MONTHS)


@dataclass(frozen=True)
class ConsentTerms:
	categories: frozenset
	description: str | None
	purpose: str | None
	method: str | None
	witness: str | None
	witness_is_active_officer: bool
	sender_email: str | None
	student_email: str | None
	given_on: datetime | None
	expires_on: datetime | None
	wording: str | None
	wording_active: bool


def _normalise_email(email: str | None) -> str:
	return (email or "").strip().lower()


def check_consent(terms: ConsentTerms, now: datetime) -> tuple[str, ...]:
	errors = list(check_categories(terms.categories, "consent_needs_category"))
	if not (terms.description or "").strip():
		errors.append("consent_needs_description")
	if not (terms.purpose or "").strip():
		errors.append("consent_needs_purpose")
	if terms.method not in METHODS:
		errors.append("consent_method_unknown")
	elif terms.method == VERBAL:
		if not terms.witness:
			errors.append("consent_needs_witness")
		elif not terms.witness_is_active_officer:
			errors.append("consent_witness_not_officer")
	elif terms.method == EMAIL:
		if not _normalise_email(terms.sender_email):
			errors.append("consent_needs_sender_email")
		elif _normalise_email(terms.sender_email) != _normalise_email(terms.student_email):
			errors.append("consent_email_not_students")
	if not terms.given_on:
		errors.append("consent_needs_given_on")
	elif terms.given_on > now:
		errors.append("consent_given_in_future")
	if terms.given_on and terms.expires_on and terms.expires_on <= terms.given_on:
		errors.append("consent_expiry_before_given")
	if not terms.wording:
		errors.append("consent_needs_wording")
	elif not terms.wording_active:
		errors.append("consent_wording_inactive")
	return tuple(errors)


def unknown_placeholders(template: str | None) -> tuple[str, ...]:
	return tuple(sorted({p for p in _PLACEHOLDER.findall(template or "") if p not in PLACEHOLDERS}))


def render_wording(template: str, values: dict[str, str]) -> str:
	"""The exact text shown to the student: known placeholders replaced, nothing evaluated."""

	def replace(match):
		key = match.group(1)
		return str(values.get(key, "")) if key in PLACEHOLDERS else match.group(0)

	return _PLACEHOLDER.sub(replace, template or "")


# --- status and coverage ----------------------------------------------------------------


def status(submitted: bool, expires_on: datetime | None, withdrawn_on: datetime | None, now: datetime) -> str:
	if not submitted:
		return DRAFT
	if withdrawn_on and withdrawn_on <= now:
		return WITHDRAWN
	if expires_on and expires_on <= now:
		return EXPIRED
	return ACTIVE


def expires_within(expires_on: datetime | None, now: datetime, days: int = EXPIRING_SOON_DAYS) -> bool:
	return bool(expires_on) and now < expires_on <= now + timedelta(days=days)


@dataclass(frozen=True)
class ConsentFacts:
	student: str
	third_party: str
	categories: frozenset
	given_on: datetime
	expires_on: datetime
	submitted: bool
	withdrawn_on: datetime | None = None


@dataclass(frozen=True)
class DisclosureFacts:
	student: str
	third_party: str
	categories: frozenset
	disclosed_on: datetime


def consent_gaps(consent: ConsentFacts | None, disclosure: DisclosureFacts) -> tuple[str, ...]:
	"""Every condition the consent fails for this disclosure (empty: the consent covers it)."""
	if consent is None:
		return ("consent_unknown",)
	gaps = []
	if not consent.submitted:
		gaps.append("consent_not_submitted")
	if consent.student != disclosure.student:
		gaps.append("consent_other_student")
	if consent.third_party != disclosure.third_party:
		gaps.append("consent_other_third_party")
	gaps.extend(
		f"consent_lacks_{code}"
		for code in CATEGORY_CODES
		if code in disclosure.categories and code not in consent.categories
	)
	if consent.given_on > disclosure.disclosed_on:
		gaps.append("consent_given_after")
	if consent.expires_on <= disclosure.disclosed_on:
		gaps.append("consent_expired_at_time")
	if consent.withdrawn_on and consent.withdrawn_on <= disclosure.disclosed_on:
		gaps.append("consent_withdrawn_at_time")
	return tuple(gaps)


def covers(consent: ConsentFacts | None, disclosure: DisclosureFacts) -> bool:
	return not consent_gaps(consent, disclosure)


# --- withdrawal and disclosure ------------------------------------------------------------


def check_withdrawal(
	consent_submitted: bool,
	already_withdrawn: bool,
	method: str | None,
	withdrawn_on: datetime | None,
	given_on: datetime | None,
	now: datetime,
) -> tuple[str, ...]:
	errors = []
	if not consent_submitted:
		errors.append("withdrawal_needs_submitted_consent")
	if already_withdrawn:
		errors.append("consent_already_withdrawn")
	if method not in WITHDRAWAL_METHODS:
		errors.append("withdrawal_method_unknown")
	if not withdrawn_on:
		errors.append("withdrawal_needs_date")
	elif withdrawn_on > now:
		errors.append("withdrawal_in_future")
	elif given_on and withdrawn_on < given_on:
		errors.append("withdrawal_before_given")
	return tuple(errors)


CHANNELS = ("Email", "Phone", "Letter", "In person", "Online form", "Other")


def check_disclosure(
	categories: Iterable[str],
	description: str | None,
	channel: str | None,
	disclosed_on: datetime | None,
	now: datetime,
	has_consent: bool,
	has_breach: bool,
) -> tuple[str, ...]:
	errors = list(check_categories(categories, "disclosure_needs_category"))
	if not (description or "").strip():
		errors.append("disclosure_needs_description")
	if channel not in CHANNELS:
		errors.append("disclosure_channel_unknown")
	if not disclosed_on:
		errors.append("disclosure_needs_date")
	elif disclosed_on > now:
		errors.append("disclosure_in_future")
	if has_consent and has_breach:
		errors.append("disclosure_two_bases")
	elif not (has_consent or has_breach):
		errors.append("disclosure_needs_basis")
	return tuple(errors)
