// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
// Convenience only: every rule is enforced on the server.

const INFORMATION = [
	"info_existence",
	"info_case_details",
	"info_academic",
	"info_health_welfare",
	"info_contact_details",
	"info_other",
];

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
				open_new("Disclosure", {
					student: frm.doc.student,
					advice_case: frm.doc.advice_case,
					third_party: frm.doc.third_party,
					consent: frm.doc.name,
					// what the consent covers, as a start: the officer unticks what was not disclosed
					...Object.fromEntries(INFORMATION.map((field) => [field, frm.doc[field]])),
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

// frappe.new_doc passes only Link, Data and Select values on to the new form; this passes all.
function open_new(doctype, values) {
	frappe.model.with_doctype(doctype, () => {
		const doc = frappe.model.get_new_doc(doctype);
		Object.assign(doc, values);
		frappe.set_route("Form", doctype, doc.name);
	});
}
