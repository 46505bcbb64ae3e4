// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Conflict Declaration", {
	onload(frm) {
		if (frm.is_new() && !frm.doc.officer) {
			frm.set_value("officer", frappe.session.user);
		}
	},
	refresh(frm) {
		const manager = frappe.user.has_role("Advice Service Manager");
		frm.set_df_property("officer", "read_only", frm.is_new() && manager ? 0 : 1);
		frm.set_df_property("active", "read_only", !manager || frm.doc.officer === frappe.session.user);
	},
});
