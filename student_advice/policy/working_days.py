"""Working days (docs/decisions.md, decision 12): Monday to Friday, minus the service's closure days from settings."""

from collections.abc import Iterable
from datetime import date, timedelta


def is_working_day(day: date, closures: Iterable[date] = ()) -> bool:
	return day.weekday() < 5 and day not in set(closures or ())


def add_working_days(start: date, days: int, closures: Iterable[date] = ()) -> date:
	"""The `days`-th working day after `start` (start itself never counts)."""
	if days < 1:
		raise ValueError("days must be at least 1")
	closed = set(closures or ())
	day, counted = start, 0
	while counted < days:
		day += timedelta(days=1)
		if is_working_day(day, closed):
			counted += 1
	return day


def parse_closure_days(text: str | None) -> tuple[tuple[date, ...], tuple[str, ...]]:
	"""Closure days as written in settings: one per line, YYYY-MM-DD, optionally followed by a note.

	Blank lines and lines starting with # are ignored. Returns (days, lines that are not a date).
	"""
	days, bad = [], []
	for raw in (text or "").splitlines():
		line = raw.strip()
		if not line or line.startswith("#"):
			continue
		token = line.split(maxsplit=1)[0]
		try:
			days.append(date.fromisoformat(token))
		except ValueError:
			bad.append(line)
	return tuple(sorted(set(days))), tuple(bad)
