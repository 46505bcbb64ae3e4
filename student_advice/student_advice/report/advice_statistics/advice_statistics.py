# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE
"""Advice Statistics: contacts (cases, and enquiries that did not become cases) by fixed period
and one or two dimensions, with small numbers suppressed jointly across every table and period.

The figures come from student_advice.statistics, which reads casework without record permissions
because it only ever returns suppressed aggregates, the same for every reader (docs/decisions.md,
decisions 10 and 20).
"""

import frappe
from frappe import _

from student_advice import messages
from student_advice.confidentiality.guards import statistics_readers_only
from student_advice.policy.suppression import SECONDARY_MARK, primary_mark
from student_advice.statistics.access import rounds_for_reader
from student_advice.statistics.filters import (
	BY_PERIOD,
	PeriodUnchosen,
	dimension,
	dimension_label,
	resolve,
	value_label,
)


@statistics_readers_only
def execute(filters=None):
	try:
		spec = resolve(filters)
	except PeriodUnchosen:
		# the desk runs the report as soon as "Term" or "Month" is picked, before the term or
		# month: say what to choose instead of an error dialog
		columns = [{"fieldname": "label", "label": _("Contacts"), "fieldtype": "Data", "width": 240}]
		return columns, [], messages.message("statistics_period_unchosen"), None, None
	rounding = rounds_for_reader(spec["settings"])
	table = spec["family"].table(
		spec["bucket"], dimension(spec["rows"]), dimension(spec["columns"]), spec["period_buckets"]
	)
	threshold = spec["settings"]["threshold"]
	return (
		get_columns(spec, table),
		get_data(spec, table, rounding),
		get_message(threshold, rounding),
		get_chart_data(spec, table, rounding),
		get_summary(spec, table, rounding),
	)


def _shown(spec, rounding):
	threshold = spec["settings"]["threshold"]
	return lambda figure: figure.shown(threshold, rounding)


def _labeller(choice):
	return (lambda text: text) if choice == BY_PERIOD else value_label


def get_columns(spec: dict, table) -> list[dict]:
	columns = [
		{
			"fieldname": "label",
			"label": dimension_label(spec["rows"], spec["period_type"]),
			"fieldtype": "Data",
			"width": 240,
		}
	]
	if not spec["columns"]:
		columns.append({"fieldname": "total", "label": _("Contacts"), "fieldtype": "Data", "width": 120})
		return columns
	column_label = _labeller(spec["columns"])
	for j, text in enumerate(table.column_labels):
		columns.append({"fieldname": f"c{j}", "label": column_label(text), "fieldtype": "Data", "width": 110})
	columns.append({"fieldname": "total", "label": _("Total"), "fieldtype": "Data", "width": 100})
	return columns


def get_data(spec: dict, table, rounding: bool) -> list[dict]:
	shown, label = _shown(spec, rounding), _labeller(spec["rows"])
	data = []
	for i, text in enumerate(table.row_labels):
		row = {"label": label(text), "total": shown(table.row_totals[i])}
		if spec["columns"]:
			row.update({f"c{j}": shown(f) for j, f in enumerate(table.cells[i])})
		data.append(row)
	total = {"label": _("Total"), "total": shown(table.grand_total), "bold": 1}
	if spec["columns"]:
		total.update({f"c{j}": shown(f) for j, f in enumerate(table.column_totals)})
	data.append(total)
	return data


def get_chart_data(spec: dict, table, rounding: bool) -> dict | None:
	"""A bar per published row total; a withheld figure is left out, never drawn as a number."""
	shown, label = _shown(spec, rounding), _labeller(spec["rows"])
	published = [
		(label(text), shown(f))
		for text, f in zip(table.row_labels, table.row_totals, strict=True)
		if f.published
	]
	if not published:
		return None
	return {
		"data": {
			"labels": [t for t, _v in published],
			"datasets": [{"name": _("Contacts"), "values": [v for _t, v in published]}],
		},
		"type": "bar",
	}


def get_summary(spec: dict, table, rounding: bool) -> list[dict]:
	return [
		{"value": spec["bucket_label"], "label": _("Period"), "datatype": "Data"},
		{"value": _shown(spec, rounding)(table.grand_total), "label": _("Contacts"), "datatype": "Data"},
	]


def get_message(threshold: int, rounding: bool) -> str:
	"""The legend under the report: what the marks mean, and whether figures are rounded."""
	parts = [
		_("Contacts are cases, and enquiries that did not become cases."),
		_("{0}: fewer than {1} contacts.").format(primary_mark(threshold), threshold),
		_("{0}: {1} or more, withheld so that a small number elsewhere cannot be worked out.").format(
			SECONDARY_MARK, threshold
		),
	]
	if rounding:
		parts.append(_("Figures, totals included, are rounded to the nearest 5, so they need not add up."))
	parts.append(
		_("After a change the figures are recomputed in the background: they may take a moment to show it.")
	)
	return "<br>".join(frappe.utils.escape_html(p) for p in parts)
