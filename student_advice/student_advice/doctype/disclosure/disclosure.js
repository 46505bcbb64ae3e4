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

frappe.ui.form.on("Disclosure", {
	onload(frm) {
		// Opened from its basis ("Record disclosure" on a consent or a breach): start from what the
		// consent covers or what the breach disclosed; the officer corrects what differs.
		if (!frm.is_new()) return;
		if (frm.doc.consent && !INFORMATION.some((field) => frm.doc[field])) {
			frappe.db.get_value("Consent", frm.doc.consent, INFORMATION).then(({ message }) => {
				INFORMATION.forEach((field) => message && frm.set_value(field, message[field]));
			});
		}
		if (frm.doc.confidentiality_breach && !frm.doc.description) {
			frappe.db
				.get_value("Confidentiality Breach", frm.doc.confidentiality_breach, "information_disclosed")
				.then(({ message }) => message && frm.set_value("description", message.information_disclosed));
		}
	},
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
