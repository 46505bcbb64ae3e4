// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
// Convenience only: every rule is enforced on the server.

frappe.ui.form.on("Consent Withdrawal", {
	setup(frm) {
		frm.set_query("consent", () => ({ filters: { docstatus: 1, status: "Active" } }));
	},
});
