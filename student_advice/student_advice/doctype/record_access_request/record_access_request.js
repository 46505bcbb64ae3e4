// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

// The review: gather the student's records, decide each, extend once, release the frozen copy.
frappe.ui.form.on("Record Access Request", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status === "Released" || !frm.has_perm("write")) return;
		const run = (method, args) => frm.call(method, args || {}).then(() => frm.reload_doc());
		frm.add_custom_button(__("Gather records"), () => run("gather_items"));
		if (!frm.doc.extension_months) {
			frm.add_custom_button(__("Extend"), () =>
				frappe.prompt(
					[
						{
							fieldname: "months",
							fieldtype: "Select",
							options: "1\n2",
							label: __("Extend by (months)"),
							reqd: 1,
						},
						{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason"), reqd: 1 },
					],
					(values) => run("extend_deadline", values),
					__("Extend the deadline"),
					__("Extend")
				)
			);
		}
		frm.add_custom_button(__("Release"), () =>
			frappe.confirm(
				__("Freeze the copy and tell the student there is something to read?"),
				() => frm.save().then(() => run("release"))
			)
		).addClass("btn-primary");
	},
});
