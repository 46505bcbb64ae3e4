// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Case", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("Add Entry"), () =>
				frappe.new_doc("Case Entry", { advice_case: frm.doc.name })
			);
			frm.add_custom_button(__("Entries"), () =>
				frappe.set_route("List", "Case Entry", { advice_case: frm.doc.name })
			);
		}
	},
	status(frm) {
		if (frm.doc.status === "Closed" && !frm.doc.closed_on) {
			frm.set_value("closed_on", frappe.datetime.get_today());
		}
	},
});
