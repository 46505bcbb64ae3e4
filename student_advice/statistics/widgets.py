"""Statistics number cards (custom, method-backed) and dashboard charts (custom source).

Both show published figures of the suppressed family exactly as the report shows them; a
withheld figure is left out of a chart, never drawn as a number (docs/decisions.md, decision 10).
The role guard is on their endpoints (api/statistics.py).
"""

from datetime import timedelta

import frappe
from frappe import _

from student_advice import messages
from student_advice.policy import periods
from student_advice.statistics.access import rounds_for_reader
from student_advice.statistics.cache import year_family
from student_advice.statistics.contacts import ENQUIRY_ONLY
from student_advice.statistics.filters import (
	BY_PERIOD,
	REPORT_NAME,
	PeriodUnchosen,
	choice,
	dimension,
	resolve,
	value_label,
)
from student_advice.statistics.settings import statistics_settings, today

CARD_FIGURES = ("year_total", "term_total", "last_month_total", "year_enquiry_only")


def card_figure(figure: str):
	"""The value of a statistics number card: a family figure, shown as the reports show it."""
	figure = choice(figure, CARD_FIGURES, "year_total")
	settings = statistics_settings()
	rounding = rounds_for_reader(settings)
	now = today()
	if figure == "last_month_total":
		first_of_month = now.replace(day=1)
		now = first_of_month - timedelta(days=1)
	family, calendar = year_family(periods.academic_year_of(now, settings["start_month"]), settings)
	month = calendar.month_index(periods.month_key(now.year, now.month))
	key = ()
	if figure in ("year_total", "year_enquiry_only"):
		bucket = family.year_bucket
		if figure == "year_enquiry_only":
			key = family.named_key(outcome=ENQUIRY_ONLY)
	elif figure == "term_total":
		for i, (_label, months) in enumerate(calendar.periods):
			if month in months:
				bucket = family.period_buckets[i]
				break
		else:
			return _("No terms set (Student Advice Settings > Terms for statistics)")
	else:
		bucket = family.month_buckets[month]
	value = family.figure(bucket, key).shown(settings["threshold"], rounding)
	if isinstance(value, str):
		return value
	return {"value": value, "fieldtype": "Int", "route": ["query-report", REPORT_NAME]}


def chart_data(filters=None) -> dict:
	"""A Dashboard Chart (custom source) of published family figures of the current year."""
	filters = frappe._dict(frappe.parse_json(filters) or {})
	try:
		spec = resolve(
			{
				"academic_year": filters.get("academic_year"),
				"period_type": filters.get("period_type") or "academic_year",
				"rows": filters.get("rows") or "by_category",
			}
		)
	except PeriodUnchosen:  # a chart shows a whole year, or its terms or months as rows
		messages.throw("statistics_period_unchosen")
	settings, family = spec["settings"], spec["family"]
	rounding = rounds_for_reader(settings)
	table = family.table(spec["bucket"], dimension(spec["rows"]), None, spec["period_buckets"])
	labels, values = [], []
	limit = (
		len(spec["calendar"].open_months)
		if spec["rows"] == BY_PERIOD and spec["period_type"] == "month"
		else None
	)
	for i, (text, figure) in enumerate(zip(table.row_labels, table.row_totals, strict=True)):
		if limit is not None and i >= limit:
			break
		if not figure.published:  # a withheld figure is left out, never drawn as a number
			continue
		labels.append(text if spec["rows"] == BY_PERIOD else value_label(text))
		values.append(figure.shown(settings["threshold"], rounding))
	return {"labels": labels, "datasets": [{"name": _("Contacts"), "values": values}]}
