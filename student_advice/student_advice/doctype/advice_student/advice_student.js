// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Advice Student", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("New Case"), () =>
				frappe.new_doc("Case", { student: frm.doc.name })
			);
		}
	},
});
