"""The statistics' fixed choices (docs/decisions.md, decision 21), checked and resolved to a bucket.

Only fixed periods (an academic year, a term, a month) and at most two dimensions are ever
offered or accepted (decision 10).
"""

import frappe
from frappe import _

from student_advice import messages
from student_advice.policy import periods
from student_advice.policy.roles import reads_statistics
from student_advice.policy.suppression import PERIOD
from student_advice.statistics.cache import year_family
from student_advice.statistics.contacts import DIMENSIONS, SPECIAL_LABELS
from student_advice.statistics.settings import current_year_label, statistics_settings, today, year_options

BY_PERIOD = "by_period"
PERIOD_TYPES = ("academic_year", "term", "month")
REPORT_NAME = "Advice Statistics"


def dimension_choices() -> dict:
	"""The one list of the statistics' dimension choices: the report's rows and columns and the
	charts' "Contacts by" read it from the desk's boot (extend_bootinfo), in their own order."""
	return {
		"dimensions": [{"value": key, "label": _(label)} for key, (_name, label) in DIMENSIONS.items()],
		"by_period": {"value": BY_PERIOD, "label": _("Each term or month of the year")},
	}


def extend_bootinfo(bootinfo):
	"""hooks.extend_bootinfo: the choices, for those who read the statistics."""
	if reads_statistics(frappe.get_roles()):
		bootinfo.student_advice_statistics = dimension_choices()


def value_label(value: str) -> str:
	return _(SPECIAL_LABELS[value]) if value in SPECIAL_LABELS else _(value)


def keep_report_live():
	"""Frappe turns a report into a prepared (background) report after one run over 15 s
	(query_report auto-enable; v15 has no switch to forbid it). The statistics are computed once
	per data change and cached, so a slow first run must not change how they are served."""
	if frappe.db.get_value("Report", REPORT_NAME, "prepared_report"):
		frappe.db.set_value("Report", REPORT_NAME, "prepared_report", 0, update_modified=False)
		frappe.db.commit()


def period_options(year: str | None = None) -> dict:
	keep_report_live()
	settings = statistics_settings()
	years = year_options(settings)
	out = {"years": years, "default_year": current_year_label(settings), "terms": {}, "months": {}}
	for label in [year] if year else years:
		calendar = periods.year_calendar(label, settings["start_month"], settings["terms"], today())
		if calendar is None:
			continue
		out["terms"][label] = [name for name, _months in calendar.periods]
		out["months"][label] = [
			[key, text] for key, text in zip(calendar.month_keys, month_labels(calendar), strict=True)
		]
	return out


def choice(value, allowed, default=None):
	value = (value or "").strip() if isinstance(value, str) else value
	if not value:
		return default
	if value not in allowed:
		messages.throw("statistics_filter_invalid")
	return value


class PeriodUnchosen(Exception):
	"""A term or a month is to be shown but none is chosen yet (not an error: the report says so)."""


def resolve(filters) -> dict:
	"""Validate report/chart filters (fixed choices only) and find the bucket they name."""
	filters = frappe._dict(frappe.parse_json(filters) or {})
	settings = statistics_settings()
	year = (filters.get("academic_year") or "").strip() or current_year_label(settings)
	period_type = choice(filters.get("period_type"), PERIOD_TYPES, "academic_year")
	choices = [*DIMENSIONS, BY_PERIOD]
	rows = choice(filters.get("rows"), choices, "by_category")
	columns = choice(filters.get("columns"), choices, None)
	if rows == columns:
		messages.throw("statistics_filter_invalid")
	family, calendar = year_family(year, settings)
	by_period = BY_PERIOD in (rows, columns)
	spec = {
		"settings": settings,
		"family": family,
		"calendar": calendar,
		"year": year,
		"period_type": period_type,
		"rows": rows,
		"columns": columns,
		"bucket": family.year_bucket,
		"bucket_label": year,
		"period_buckets": None,
	}
	if by_period:
		if period_type == "term":
			if not calendar.periods:
				messages.throw("statistics_period_unknown")
			spec["period_buckets"] = [
				(family.period_buckets[i], label) for i, (label, _months) in enumerate(calendar.periods)
			]
		elif period_type == "month":
			spec["period_buckets"] = [
				(family.month_buckets[i], label) for i, label in enumerate(month_labels(calendar))
			]
		else:
			messages.throw("statistics_filter_invalid")
		return spec
	period = (filters.get("period") or "").strip()
	if period_type != "academic_year" and not period:
		raise PeriodUnchosen
	if period_type == "term":
		labels = [label for label, _months in calendar.periods]
		if period not in labels:
			messages.throw("statistics_period_unknown")
		spec["bucket"] = family.period_buckets[labels.index(period)]
		spec["bucket_label"] = period
	elif period_type == "month":
		index = calendar.month_index(period)
		if index is None:
			messages.throw("statistics_period_unknown")
		spec["bucket"] = family.month_buckets[index]
		spec["bucket_label"] = month_labels(calendar)[index]
	return spec


def month_labels(calendar) -> list[str]:
	return [_(periods.MONTHS[m - 1]) + f" {y}" for y, m in calendar.months]


def dimension(choice: str | None):
	if choice is None:
		return None
	return PERIOD if choice == BY_PERIOD else DIMENSIONS[choice][0]


def dimension_label(choice: str, period_type: str) -> str:
	if choice == BY_PERIOD:
		return _("Term") if period_type == "term" else _("Month")
	return _(DIMENSIONS[choice][1])
