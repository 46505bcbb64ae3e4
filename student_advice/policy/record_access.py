"""When a student's request to see their records is due (UK GDPR Art. 12(3), as the ICO applies it).

Pure: no Frappe. Received on the day it arrives; due on the corresponding calendar date of the next
month, or that month's last day when it has no such date; a due day that is not a working day
(decision 12: weekends and the service's closure days) moves to the next working day. An officer may
extend once, by one or two further months counted from the day received, with a reason, and only
until the first deadline has passed (the student must be told within the first month).
"""

import calendar
import re
from collections.abc import Iterable
from datetime import date, timedelta
from html.parser import HTMLParser

from student_advice.policy.working_days import is_working_day

MAX_EXTENSION_MONTHS = 2


def add_months(day: date, months: int) -> date:
	"""The same calendar date `months` later, or that month's last day when it has none (31 Jan -> 28/29 Feb)."""
	index = day.month - 1 + months
	year, month = day.year + index // 12, index % 12 + 1
	return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_working_day(day: date, closures: Iterable[date] = ()) -> date:
	"""`day` itself when it is a working day, else the first working day after it."""
	closed = set(closures or ())
	while not is_working_day(day, closed):
		day += timedelta(days=1)
	return day


def due_date(received: date, closures: Iterable[date] = (), extension_months: int = 0) -> date:
	"""When the response is due: one calendar month after receipt, plus any extension, on a working day."""
	closed = set(closures or ())
	return next_working_day(add_months(received, 1 + (extension_months or 0)), closed)


def check_extension(
	received: date,
	today: date,
	months: int | None,
	reason: str | None,
	already_extended: bool,
	closures: Iterable[date] = (),
) -> list[str]:
	"""Codes for each rule an extension breaks (empty: the extension may be recorded)."""
	if already_extended:
		return ["access_request_already_extended"]
	codes = []
	if today > due_date(received, closures):
		codes.append("access_request_extension_too_late")
	if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= MAX_EXTENSION_MONTHS:
		codes.append("access_request_extension_months")
	if not (reason or "").strip():
		codes.append("access_request_extension_needs_reason")
	return codes


def days_left(today: date, due: date) -> int:
	"""Calendar days until the due date (negative once overdue), for the workspace's lists."""
	return (due - today).days


# --- the officer's review, the frozen copy, who looked --------------------------------------------

RECEIVED, EXTENDED, RELEASED = "Received", "Extended", "Released"
STATUSES = (RECEIVED, EXTENDED, RELEASED)

RELEASE, REDACT, WITHHOLD = "Release", "Release with redactions", "Withhold"
DECISIONS = (RELEASE, REDACT, WITHHOLD)

THIRD_PARTY = "Third party information without their consent"
TERRORISM = "Terrorism ground breach: telling could prejudice an investigation (Terrorism Act 2000 s.39)"
PRIVILEGE = "Legal privilege"
OTHER = "Other"
WITHHOLD_REASONS = (THIRD_PARTY, TERRORISM, PRIVILEGE, OTHER)

# Every record a student has, in the order the copy shows them (the list).
REVIEWED_DOCTYPES = (
	"Advice Student",
	"Case",
	"Case Entry",
	"Enquiry",
	"Casework Form",
	"Consent",
	"Consent Withdrawal",
	"Disclosure",
	"Meeting Discussion",
	"Meeting Action",
	"Confidentiality Breach",
	"Breach Consultation",
	"Breach Correction",
)

DEFAULT_COPY_DAYS = 30


def check_item(
	decision: str | None, redacted_text: str | None, reason: str | None, details: str | None
) -> list[str]:
	"""Codes for what one reviewed item still lacks (empty: it may be released as decided)."""
	if not decision:
		return []  # not yet decided: release() refuses it, saving a half-done review is fine
	if decision not in DECISIONS:
		return ["access_item_decision_unknown"]
	if decision == REDACT and not (redacted_text or "").strip():
		return ["access_item_needs_redacted_text"]
	if decision == WITHHOLD:
		if reason not in WITHHOLD_REASONS:
			return ["access_item_needs_reason"]
		if reason == OTHER and not (details or "").strip():
			return ["access_item_other_needs_details"]
	return []


def check_release(status: str | None, decisions: list[str | None]) -> list[str]:
	"""Codes for why the copy cannot be frozen yet (empty: release)."""
	if status == RELEASED:
		return ["access_request_already_released"]
	if any(d not in DECISIONS for d in decisions):
		return ["access_request_items_undecided"]
	return []


def released_items(items: list[dict]) -> list[dict]:
	"""What goes into the copy: released items as they are, redacted ones as the officer's text only.
	Withheld items leave no trace (neither named nor counted)."""
	copy = []
	for item in items:
		if item.get("decision") == RELEASE:
			copy.append({k: item[k] for k in ("doctype", "name", "label", "fields") if k in item})
		elif item.get("decision") == REDACT:
			copy.append(
				{
					"doctype": item.get("doctype"),
					"name": item.get("name"),
					"label": item.get("label"),
					"redacted": True,
					"fields": [["", item.get("redacted_text") or ""]],
				}
			)
	return copy


def copy_open(released_on: date | None, today: date, days: int | None) -> bool:
	"""The student may read and download the copy for `days` days from its release (release day included)."""
	if released_on is None:
		return False
	return released_on <= today < released_on + timedelta(days=int(days or DEFAULT_COPY_DAYS))


# Audit rows as the student sees them: what happened, never who.
VIEWED, CHANGED, PRINTED, EXPORTED = "viewed", "changed", "printed", "exported"
_ACCESS_METHODS = {
	"Print": PRINTED,
	"Print Preview": PRINTED,
	"Raw Print": PRINTED,
	"Download PDF": PRINTED,
	"Export": EXPORTED,
}
ROLE_ORDER = ("Advice Service Administrator", "Advice Service Manager", "Advice Officer")


def audit_action(source: str, method: str | None = None) -> str | None:
	"""What an audit row says happened: View Log -> viewed, Version -> changed, Access Log by its method.
	Refusals, portal rows and anything else are not accesses to tell the student about."""
	if source == "View Log":
		return VIEWED
	if source == "Version":
		return CHANGED
	if source == "Access Log":
		return _ACCESS_METHODS.get(method or "")
	return None


def role_label(roles) -> str | None:
	"""The one service role a person is shown as (the highest they hold); None outside the service."""
	held = set(roles or ())
	return next((role for role in ROLE_ORDER if role in held), None)


def who_looked(rows: list[dict], released: set[tuple[str, str]], roles_by_user: dict) -> list[dict]:
	"""The student's view of the audit: when, what, which role, for released records only.

	rows: {"when", "source", "method", "doctype", "name", "user"}; withheld records' rows, the
	student's own, refusals and rows of people outside the service are left out; no user is named.
	"""
	seen = []
	for row in rows:
		if (row.get("doctype"), row.get("name")) not in released:
			continue
		action = audit_action(row.get("source"), row.get("method"))
		role = role_label(roles_by_user.get(row.get("user"), ()))
		if action and role:
			seen.append({"when": row["when"], "action": action, "role": role})
	seen.sort(key=lambda r: (str(r["when"]), r["action"], r["role"]))
	return seen


# --- what a copy shows of a rich-text value ---------------------------------------------------------

# Rich-text fieldtypes store HTML; the copy shows their text, never markup (it escapes what it shows).
RICH_TEXT_TYPES = frozenset({"Text Editor", "HTML Editor", "Markdown Editor"})
_PARAGRAPHS = frozenset(
	{"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
)
_LINES = frozenset({"br", "li", "tr"})
_SKIPPED = frozenset({"script", "style"})


class _Text(HTMLParser):
	def __init__(self):
		super().__init__(convert_charrefs=True)
		self.parts: list[str] = []
		self.skipping = 0

	def handle_starttag(self, tag, attrs):
		if tag in _SKIPPED:
			self.skipping += 1
		elif tag in _PARAGRAPHS:
			self.parts.append("\n\n")
		elif tag in _LINES:
			self.parts.append("\n- " if tag == "li" else "\n")

	def handle_endtag(self, tag):
		if tag in _SKIPPED:
			self.skipping = max(0, self.skipping - 1)
		elif tag in _PARAGRAPHS:
			self.parts.append("\n\n")

	def handle_data(self, data):
		if not self.skipping:
			self.parts.append(data)


def plain_text(html: str | None) -> str:
	"""The text of a rich-text value as a reader sees it: paragraphs and list items on their own lines,
	entities decoded, tags, scripts and styles gone."""
	parser = _Text()
	parser.feed(html or "")
	parser.close()
	lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
	return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
