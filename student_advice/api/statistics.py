"""Whitelisted entry points of the statistics (cards, charts, the report's period choices).

Each is guarded by role first (confidentiality/guards.py: the statistics viewer, the manager and
officers) and returns only figures of the suppressed family (student_advice/statistics/): never
a record or a count the browser could re-add. Method names and argument values name no DocType
of the app, so the request gate lets the statistics viewer through; the role guard decides.
"""

import frappe

from student_advice.confidentiality.guards import statistics_readers_only
from student_advice.statistics import widgets
from student_advice.statistics.filters import period_options as offered_periods


@frappe.whitelist()
@statistics_readers_only
def period_options(academic_year: str | None = None) -> dict:
	"""Academic years, terms and months the statistics offer (the report's filter choices)."""
	return offered_periods(academic_year or None)


@frappe.whitelist()
@statistics_readers_only
def number_card(filters: str | dict | None = None):
	"""A Number Card of type Custom: its filters_json names the figure, e.g. {"figure": "year_total"}."""
	filters = frappe.parse_json(filters) or {}
	return widgets.card_figure(filters.get("figure") if isinstance(filters, dict) else None)


@frappe.whitelist()
@statistics_readers_only
def chart(chart_name: str | None = None, filters: str | dict | None = None, **_ignored) -> dict:
	"""Data of a Dashboard Chart from the custom source "Advice Statistics".

	The chart widget sends the chart's own filters_json; chart_name is not read (another
	chart's saved filters are none of this method's business)."""
	return widgets.chart_data(filters)
