// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
// Convenience only: every rule is enforced on the server.

frappe.ui.form.on("Breach Consultation", {
	refresh(frm) {
		if (!frm.is_new() && !frm.doc.confirmed && frm.doc.officer === frappe.session.user) {
			frm.add_custom_button(__("Confirm consultation"), () =>
				frappe.prompt(
					[{ fieldname: "advice", fieldtype: "Text", label: __("Your advice"), reqd: 1 }],
					(values) => frm.call("confirm", { advice: values.advice }).then(() => frm.reload_doc()),
					__("Confirm consultation")
				)
			);
		}
		if (frm.doc.confidentiality_breach) {
			frm.add_custom_button(__("Open the breach"), () =>
				frappe.set_route("Form", "Confidentiality Breach", frm.doc.confidentiality_breach)
			);
		}
	},
});
