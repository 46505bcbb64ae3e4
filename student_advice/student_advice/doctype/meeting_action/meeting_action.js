// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Meeting Action", {
	setup(frm) {
		frm.set_query("action_owner", () => ({ filters: { active: 1 } }));
		frm.set_query("discussion", () => ({ filters: { not_discussed: 0 } }));
	},
});
