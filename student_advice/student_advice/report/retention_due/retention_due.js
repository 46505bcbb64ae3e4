// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.query_reports["Retention Due"] = {
	filters: [
		{ fieldname: "days", label: __("Due Within (days)"), fieldtype: "Int", default: 30, reqd: 1 },
	],
	onload(report) {
		report.page.add_inner_button(__("Place Legal Hold"), () => frappe.new_doc("Legal Hold"));
	},
};
