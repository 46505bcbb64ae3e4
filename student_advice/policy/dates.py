"""Dates as the person sees them (docs/decisions.md, decision 33).

The desk fills "today" from the user's time zone; the server knows the system's. A date is in the
future only when it is after both: after the latest of the system's today and the user's today.
"""

from datetime import date


def latest_today(system_today: date, user_today: date | None = None) -> date:
	"""The day no record may be dated after: the later of the system's and the user's today."""
	return max(system_today, user_today) if user_today else system_today


def is_future(day: date | None, system_today: date, user_today: date | None = None) -> bool:
	return bool(day) and day > latest_today(system_today, user_today)
