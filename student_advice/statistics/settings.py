"""The statistics' settings (Student Advice Settings) and the academic years they cover."""

from datetime import date

import frappe
from frappe.utils import cint, getdate

from student_advice.policy import periods
from student_advice.policy.suppression import effective_threshold


def statistics_settings() -> dict:
	doc = frappe.get_cached_doc("Student Advice Settings")
	terms = tuple(
		periods.Term(
			(row.term_name or "").strip(),
			(row.academic_year or "").strip(),
			getdate(row.starts_on) if row.starts_on else None,
			getdate(row.ends_on) if row.ends_on else None,
		)
		for row in (doc.get("statistics_terms") or [])
	)
	start_month = periods.month_number(doc.get("academic_year_start") or periods.DEFAULT_START_MONTH)
	# settings saved before the terms existed may hold invalid rows: ignore them all then
	if periods.check_terms(terms, start_month):
		terms = ()
	return {
		"threshold": effective_threshold(doc.get("suppression_threshold")),
		"start_month": start_month,
		"terms": terms,
		"round_viewers": not cint(doc.get("unrounded_for_viewers")),
		"round_service": bool(cint(doc.get("round_for_service"))),
	}


def today() -> date:
	return getdate()


def current_year_label(settings: dict | None = None) -> str:
	settings = settings or statistics_settings()
	return periods.academic_year_of(today(), settings["start_month"])


def year_options(settings: dict | None = None) -> list[str]:
	"""Academic years that hold contacts, and the current one, newest first."""
	settings = settings or statistics_settings()
	start_month = settings["start_month"]
	found = frappe.db.sql(
		"""select min(d), max(d) from (
			select min(opened_on) d from `tabCase` union all select max(opened_on) from `tabCase`
			union all select date(min(received_on)) from `tabEnquiry`
			union all select date(max(received_on)) from `tabEnquiry`) x"""
	)[0]
	current = periods.start_year_of(today(), start_month)
	first = periods.start_year_of(getdate(found[0]), start_month) if found[0] else current
	last = max(current, periods.start_year_of(getdate(found[1]), start_month) if found[1] else current)
	return [periods.year_label(y, start_month) for y in range(last, first - 1, -1)]
