// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
// Convenience only: every rule is enforced on the server.

frappe.ui.form.on("Consent", {
	setup(frm) {
		frm.set_query("consent_wording", () => ({ filters: { active: 1 } }));
		frm.set_query("third_party", () => ({ filters: { active: 1 } }));
		frm.set_query("advice_case", () => ({ filters: { student: frm.doc.student || "" } }));
	},
	refresh(frm) {
		if (frm.doc.docstatus === 1 && frm.doc.status === "Active") {
			frm.add_custom_button(__("Withdraw"), () =>
				frappe.new_doc("Consent Withdrawal", { consent: frm.doc.name })
			);
			frm.add_custom_button(__("Record disclosure"), () =>
				frappe.new_doc("Disclosure", {
					student: frm.doc.student,
					advice_case: frm.doc.advice_case,
					third_party: frm.doc.third_party,
					consent: frm.doc.name,
				})
			);
		}
		if (!frm.is_new()) {
			frm.add_custom_button(__("Disclosures"), () =>
				frappe.set_route("List", "Disclosure", { consent: frm.doc.name })
			);
		}
	},
});
