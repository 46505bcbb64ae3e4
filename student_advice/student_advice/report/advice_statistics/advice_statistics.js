// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
// Fixed choices only: filter values never equal a DocType name ("by_college", not "College").
// The dimensions come from the server (student_advice.statistics.filters.dimension_choices, in the boot).

const ADVICE_CHOICES = frappe.boot.student_advice_statistics || { dimensions: [], by_period: [] };
const ADVICE_DIMENSIONS = ADVICE_CHOICES.dimensions.concat(ADVICE_CHOICES.by_period);

frappe.query_reports["Advice Statistics"] = {
	filters: [
		{
			fieldname: "academic_year",
			label: __("Academic year"),
			fieldtype: "Select",
			options: [],
			// Not reqd: its options arrive in onload, after Frappe's first refresh; the server
			// reads an empty year as the current academic year.
			on_change: () => advice_statistics_set_periods(frappe.query_report),
		},
		{
			fieldname: "period_type",
			label: __("Period"),
			fieldtype: "Select",
			options: [
				{ value: "academic_year", label: __("Whole academic year") },
				{ value: "term", label: __("Term") },
				{ value: "month", label: __("Month") },
			],
			default: "academic_year",
			reqd: 1,
			on_change: () => advice_statistics_set_periods(frappe.query_report),
		},
		{
			fieldname: "period",
			label: __("Term or month"),
			fieldtype: "Select",
			options: [],
			depends_on: "eval: doc.period_type != 'academic_year'",
		},
		{
			fieldname: "rows",
			label: __("Rows"),
			fieldtype: "Select",
			options: ADVICE_DIMENSIONS,
			default: "by_category",
			reqd: 1,
		},
		{
			fieldname: "columns",
			label: __("Columns"),
			fieldtype: "Select",
			options: [{ value: "", label: __("(none)") }].concat(ADVICE_DIMENSIONS),
		},
	],
	onload(report) {
		// A link may name a year and a term or month (?academic_year=2024-25&period=2024-11): their
		// choices arrive only now, so the values asked for are applied once they exist.
		report.advice_requested = frappe.utils.get_query_params();
		frappe
			.xcall("student_advice.api.statistics.period_options")
			.then((options) => {
				report.advice_periods = options;
				const year = report.get_filter("academic_year");
				year.df.options = options.years;
				year.refresh();
				const asked = report.advice_requested.academic_year;
				report.set_filter_value(
					"academic_year",
					options.years.includes(asked) ? asked : options.default_year
				);
			});
	},
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		return data && data.bold ? `<b>${value}</b>` : value;
	},
};

function advice_statistics_set_periods(report) {
	if (!report || !report.advice_periods) return;
	const year = report.get_filter_value("academic_year");
	const type = report.get_filter_value("period_type");
	const options =
		type === "term"
			? (report.advice_periods.terms[year] || []).map((t) => ({ value: t, label: t }))
			: type === "month"
			? (report.advice_periods.months[year] || []).map(([value, label]) => ({ value, label }))
			: [];
	const period = report.get_filter("period");
	period.df.options = [{ value: "", label: "" }].concat(options);
	period.refresh();
	const asked = (report.advice_requested || {}).period;
	if (asked && options.some((o) => o.value === asked)) {
		report.advice_requested.period = null;
		report.set_filter_value("period", asked);
	} else if (!options.some((o) => o.value === report.get_filter_value("period"))) {
		period.set_input("");
	}
}
