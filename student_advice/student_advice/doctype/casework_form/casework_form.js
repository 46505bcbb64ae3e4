// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

// Triage in one click: a new case, an existing case of this student, or an enquiry.
frappe.ui.form.on("Casework Form", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status !== "New" || !frm.has_perm("write")) return;
		const triage = (outcome, args) =>
			frm.call("triage", { outcome, ...args }).then(() => frm.reload_doc());
		const ask = (outcome, field) =>
			frappe.prompt([field], (values) => triage(outcome, values), __(outcome), __("Triage"));
		const category = {
			fieldname: "category",
			fieldtype: "Link",
			options: "Case Category",
			label: __("Category"),
			reqd: 1,
		};
		frm.add_custom_button(__("New Case"), () => ask("New Case", category), __("Triage"));
		frm.add_custom_button(
			__("Existing Case"),
			() =>
				ask("Existing Case", {
					fieldname: "advice_case",
					fieldtype: "Link",
					options: "Case",
					label: __("Case"),
					reqd: 1,
					get_query: () => ({ filters: { student: frm.doc.student } }),
				}),
			__("Triage")
		);
		frm.add_custom_button(__("Enquiry"), () => ask("Enquiry", category), __("Triage"));
	},
});
