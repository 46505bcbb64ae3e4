"""Whitelisted entry points of the statistics (cards, charts, the report's period choices).

Each is guarded by role first (the statistics viewer, the manager and officers) and returns
only figures of the suppressed family (student_advice/stats.py): never a record or a count
the browser could re-add. Method names and argument values name no DocType of the app, so
the request gate lets the statistics viewer through; the role guard here decides.
"""

import frappe

from student_advice import stats


@frappe.whitelist()
def period_options(academic_year: str | None = None) -> dict:
	"""Academic years, terms and months the statistics offer (the report's filter choices)."""
	stats.require_reader()
	return stats.period_options(academic_year or None)


@frappe.whitelist()
def number_card(filters: str | dict | None = None):
	"""A Number Card of type Custom: its filters_json names the figure, e.g. {"figure": "year_total"}."""
	stats.require_reader()
	filters = frappe.parse_json(filters) or {}
	return stats.card_figure(filters.get("figure") if isinstance(filters, dict) else None)


@frappe.whitelist()
def chart(chart_name: str | None = None, filters: str | dict | None = None, **_ignored) -> dict:
	"""Data of a Dashboard Chart from the custom source "Advice Statistics".

	The chart widget sends the chart's own filters_json; chart_name is not read (another
	chart's saved filters are none of this method's business)."""
	stats.require_reader()
	return stats.chart_data(filters)
