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
			options: [
				{ value: "by_period", label: __("Each month or term of the year") },
				{ value: "by_category", label: __("Category") },
				{ value: "by_college", label: __("College") },
				{ value: "by_faculty", label: __("Faculty") },
				{ value: "by_outcome", label: __("Outcome") },
				{ value: "by_channel", label: __("Channel") },
			],
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
