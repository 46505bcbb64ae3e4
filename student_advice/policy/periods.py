"""Fixed reporting periods for statistics: academic years, terms and months (docs/decisions.md, decision 10).

Statistics are published for fixed buckets only, never for arbitrary date ranges. The
buckets nest: every month lies in exactly one academic year, and in at most one term of
that year. Terms are set in Student Advice Settings and run in WHOLE MONTHS (first day of a
month to last day of a month): if a term ended mid-December, "the term minus its October and
November" would publish the first weeks of December on their own, a bucket finer than any
on offer. Months of a year that no term covers form the bucket "Out of term", so the terms of
a year partition it exactly like its months do.

Pure: no Frappe. Dates are datetime.date.
"""

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

OUT_OF_TERM = "Out of term"
MONTHS = tuple(calendar.month_name[1:])  # "January" ... "December"
DEFAULT_START_MONTH = 10  # the University's academic year starts on 1 October


def month_number(name_or_number) -> int:
	"""The settings store the start month by name; accept a number too."""
	if isinstance(name_or_number, int):
		number = name_or_number
	elif str(name_or_number or "").strip().isdigit():
		number = int(str(name_or_number).strip())
	else:
		try:
			number = MONTHS.index(str(name_or_number or "").strip().title()) + 1
		except ValueError:
			return DEFAULT_START_MONTH
	return number if 1 <= number <= 12 else DEFAULT_START_MONTH


def start_year_of(day: date, start_month: int) -> int:
	return day.year if day.month >= start_month else day.year - 1


def year_label(start_year: int, start_month: int) -> str:
	"""'2025-26' for a year starting in October 2025; '2025' for calendar years."""
	if start_month == 1:
		return str(start_year)
	return f"{start_year}-{(start_year + 1) % 100:02d}"


def academic_year_of(day: date, start_month: int) -> str:
	return year_label(start_year_of(day, start_month), start_month)


def parse_year_label(label: str, start_month: int) -> int | None:
	"""The start year of a label, or None when the label is not a year of this calendar."""
	label = (label or "").strip()
	if start_month == 1:
		return int(label) if re.fullmatch(r"\d{4}", label) else None
	match = re.fullmatch(r"(\d{4})-(\d{2})", label)
	if not match:
		return None
	start = int(match.group(1))
	return start if (start + 1) % 100 == int(match.group(2)) else None


def year_months(start_year: int, start_month: int) -> list[tuple[int, int]]:
	"""The twelve (year, month) pairs of an academic year, in order."""
	months = []
	for i in range(12):
		month = (start_month - 1 + i) % 12 + 1
		year = start_year + (start_month - 1 + i) // 12
		months.append((year, month))
	return months


def month_key(year: int, month: int) -> str:
	return f"{year:04d}-{month:02d}"


def month_label(year: int, month: int) -> str:
	return f"{MONTHS[month - 1]} {year}"


def year_bounds(start_year: int, start_month: int) -> tuple[date, date]:
	"""First and last day of the academic year."""
	months = year_months(start_year, start_month)
	first_year, first_month = months[0]
	last_year, last_month = months[-1]
	return date(first_year, first_month, 1), date(
		last_year, last_month, calendar.monthrange(last_year, last_month)[1]
	)


@dataclass(frozen=True)
class Term:
	name: str
	academic_year: str
	starts_on: date
	ends_on: date

	@property
	def label(self) -> str:
		return f"{self.name} {self.academic_year}"


def _is_month_start(day: date) -> bool:
	return day.day == 1


def _is_month_end(day: date) -> bool:
	return day.day == calendar.monthrange(day.year, day.month)[1]


def check_terms(terms: Iterable[Term], start_month: int) -> tuple[str, ...]:
	"""Validate the terms table of the settings. Returns message codes (empty when valid)."""
	errors: list[str] = []
	seen_names: set[tuple[str, str]] = set()
	by_year: dict[str, list[Term]] = {}
	for term in terms:
		name = (term.name or "").strip()
		if not name or name.casefold() == OUT_OF_TERM.casefold():
			errors.append("term_name_invalid")
		key = (term.academic_year, name.casefold())
		if key in seen_names:
			errors.append("term_name_duplicate")
		seen_names.add(key)
		start_year = parse_year_label(term.academic_year, start_month)
		if start_year is None:
			errors.append("term_year_invalid")
			continue
		if not term.starts_on or not term.ends_on:
			errors.append("term_dates_missing")
			continue
		if term.ends_on < term.starts_on:
			errors.append("term_ends_before_start")
			continue
		if not (_is_month_start(term.starts_on) and _is_month_end(term.ends_on)):
			errors.append("term_not_whole_months")
		first, last = year_bounds(start_year, start_month)
		if term.starts_on < first or term.ends_on > last:
			errors.append("term_outside_year")
		by_year.setdefault(term.academic_year, []).append(term)
	for year_terms in by_year.values():
		ordered = sorted(year_terms, key=lambda t: t.starts_on)
		for earlier, later in zip(ordered, ordered[1:], strict=False):
			if later.starts_on <= earlier.ends_on:
				errors.append("terms_overlap")
	return tuple(dict.fromkeys(errors))  # each code once, in order


@dataclass(frozen=True)
class YearCalendar:
	"""The buckets of one academic year: its months, its periods (terms and out of term)."""

	label: str
	months: tuple[tuple[int, int], ...]  # twelve (year, month)
	periods: tuple[tuple[str, tuple[int, ...]], ...]  # (label, indexes into months); () when no terms
	open_months: frozenset[int]  # months that have begun on `today`: only they can hold records

	@property
	def month_keys(self) -> tuple[str, ...]:
		return tuple(month_key(y, m) for y, m in self.months)

	@property
	def month_labels(self) -> tuple[str, ...]:
		return tuple(month_label(y, m) for y, m in self.months)

	def month_index(self, key: str) -> int | None:
		try:
			return self.month_keys.index(key)
		except ValueError:
			return None


def year_calendar(label: str, start_month: int, terms: Iterable[Term], today: date) -> YearCalendar | None:
	"""The calendar of one academic year, or None when the label is not a year."""
	start_year = parse_year_label(label, start_month)
	if start_year is None:
		return None
	months = tuple(year_months(start_year, start_month))
	periods: list[tuple[str, tuple[int, ...]]] = []
	covered: set[int] = set()
	for term in sorted((t for t in terms if t.academic_year == label), key=lambda t: t.starts_on):
		indexes = tuple(
			i
			for i, (y, m) in enumerate(months)
			if term.starts_on <= date(y, m, 1) <= term.ends_on and i not in covered
		)
		if indexes:
			periods.append((term.label, indexes))
			covered.update(indexes)
	if periods:
		rest = tuple(i for i in range(12) if i not in covered)
		if rest:
			periods.append((f"{OUT_OF_TERM} {label}", rest))
	open_months = frozenset(i for i, (y, m) in enumerate(months) if date(y, m, 1) <= today)
	return YearCalendar(label=label, months=months, periods=tuple(periods), open_months=open_months)
