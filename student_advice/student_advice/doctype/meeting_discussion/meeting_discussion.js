// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Meeting Discussion", {
	setup(frm) {
		frm.set_query("meeting", () => ({ filters: { status: "Scheduled" } }));
	},
	refresh(frm) {
		if (frm.is_new()) return;
		frappe.db.get_value("Reflective Practice Meeting", frm.doc.meeting, "status").then((r) => {
			if (r.message && r.message.status === "Held") frm.disable_form(); // locked on the server too
		});
		frm.add_custom_button(__("Actions"), () =>
			frappe.set_route("List", "Meeting Action", { discussion: frm.doc.name })
		);
		if (!frm.doc.not_discussed) {
			frm.add_custom_button(__("Add an Action"), () =>
				frappe.new_doc("Meeting Action", { discussion: frm.doc.name })
			);
		}
	},
});
