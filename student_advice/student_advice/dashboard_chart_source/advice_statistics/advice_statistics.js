// Charts of anonymised statistics: the same suppressed figures as the Advice Statistics report.
// Withheld figures are left out of a chart, never drawn as numbers.
frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Advice Statistics"] = {
	method: "student_advice.api.statistics.chart",
	filters: [
		{
			fieldname: "rows",
			label: __("Contacts by"),
			fieldtype: "Select",
			// the same choices as the report (student_advice.statistics.filters.dimension_choices)
			options: [].concat(
				(frappe.boot.student_advice_statistics || {}).by_period || [],
				(frappe.boot.student_advice_statistics || {}).dimensions || []
			),
			default: "by_category",
		},
		{
			fieldname: "period_type",
			label: __("Period"),
			fieldtype: "Select",
			options: [
				{ value: "academic_year", label: __("Whole academic year") },
				{ value: "term", label: __("Terms") },
				{ value: "month", label: __("Months") },
			],
			default: "academic_year",
		},
	],
};
