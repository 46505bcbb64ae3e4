// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Meeting Action", {
	setup(frm) {
		frm.set_query("action_owner", () => ({ filters: { active: 1 } }));
		frm.set_query("discussion", () => ({ filters: { not_discussed: 0 } }));
	},
	refresh(frm) {
		if (!frm.doc.meeting) return;
		// Convenience only: the server keeps what was agreed once the meeting is held.
		frappe.db.get_value("Reflective Practice Meeting", frm.doc.meeting, "status").then((r) => {
			const held = r.message && r.message.status === "Held";
			["what", "action_owner", "due_date"].forEach((f) => frm.set_df_property(f, "read_only", held));
		});
	},
});
