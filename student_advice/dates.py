"""Today as the person sees it (student_advice.policy.dates, docs/decisions.md, decision 33)."""

from datetime import date

import frappe
from frappe.utils import get_datetime_in_timezone, getdate, nowdate

from student_advice.policy.dates import latest_today


def user_today(user: str | None = None) -> date | None:
	"""Today in the user's own time zone (None when the user has none set)."""
	time_zone = frappe.get_cached_value("User", user or frappe.session.user, "time_zone")
	if not time_zone:
		return None
	try:
		return get_datetime_in_timezone(time_zone).date()
	except Exception:  # an unknown zone name: the system's today decides
		return None


def today_for_user(user: str | None = None) -> date:
	"""The latest of the system's today and the user's: no record dated up to it is "in the future"."""
	return latest_today(getdate(nowdate()), user_today(user))
