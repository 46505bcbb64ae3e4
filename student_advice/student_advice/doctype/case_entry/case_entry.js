// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Case Entry", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.disable_form();
			frm.add_custom_button(__("Correct this entry"), () =>
				frappe.new_doc("Case Entry", {
					advice_case: frm.doc.advice_case,
					corrects: frm.doc.name,
					entry_type: frm.doc.entry_type,
				})
			);
		}
	},
});
