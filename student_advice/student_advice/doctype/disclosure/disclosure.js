// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
// Convenience only: every rule is enforced on the server.

frappe.ui.form.on("Disclosure", {
	setup(frm) {
		frm.set_query("consent", () => ({
			filters: {
				docstatus: 1,
				status: "Active",
				student: frm.doc.student || "",
				third_party: frm.doc.third_party || "",
			},
		}));
		frm.set_query("confidentiality_breach", () => ({
			filters: { docstatus: 1, student: frm.doc.student || "", recipient: frm.doc.third_party || "" },
		}));
		frm.set_query("advice_case", () => ({ filters: { student: frm.doc.student || "" } }));
	},
});
