// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.query_reports["Casework Access Audit"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("From Date"),
			fieldtype: "Date",
			default: frappe.datetime.add_days(frappe.datetime.get_today(), -30),
			reqd: 1,
		},
		{
			fieldname: "to_date",
			label: __("To Date"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		{
			fieldname: "user",
			label: __("User"),
			fieldtype: "Link",
			options: "User",
		},
		{
			fieldname: "reference_doctype",
			label: __("DocType"),
			fieldtype: "Link",
			options: "DocType",
			get_query: () => ({ filters: { module: "Student Advice", istable: 0, issingle: 0 } }),
		},
		{
			fieldname: "reference_name",
			label: __("Record"),
			fieldtype: "Data",
		},
	],
};
