"""When a student's request to see their records is due (UK GDPR Art. 12(3), as the ICO applies it).

Pure: no Frappe. Received on the day it arrives; due on the corresponding calendar date of the next
month, or that month's last day when it has no such date; a due day that is not a working day
(decision 12: weekends and the service's closure days) moves to the next working day. An officer may
extend once, by one or two further months counted from the day received, with a reason, and only
until the first deadline has passed (the student must be told within the first month).
"""

import calendar
from collections.abc import Iterable
from datetime import date, timedelta

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
