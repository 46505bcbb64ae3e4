// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Enquiry", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.advice_case) return;
		frm.add_custom_button(__("Convert to Case"), () => {
			const convert = (student) =>
				frm.call("convert_to_case", { student }).then((r) => {
					if (r.message) frappe.set_route("Form", "Case", r.message);
				});
			if (frm.doc.student) return convert(frm.doc.student);
			frappe.prompt(
				{ fieldname: "student", fieldtype: "Link", options: "Advice Student", reqd: 1, label: __("Student") },
				(values) => convert(values.student),
				__("Convert to Case")
			);
		});
	},
});
