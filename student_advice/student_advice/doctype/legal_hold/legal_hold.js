// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Legal Hold", {
	refresh(frm) {
		if (frm.is_new() || !frm.doc.active) return;
		frm.add_custom_button(__("Lift Hold"), () => {
			frappe.prompt(
				{ fieldname: "reason", fieldtype: "Small Text", label: __("Why is the hold lifted?"), reqd: 1 },
				({ reason }) => frm.call("lift", { reason }).then(() => frm.reload_doc()),
				__("Lift the legal hold"),
				__("Lift Hold")
			);
		});
	},
});
