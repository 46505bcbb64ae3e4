// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
// Convenience only: every rule is enforced on the server.

// Nothing here suggests whether to tell the student: for the terrorism ground telling the
// student can itself be an offence, so the form stays neutral.

frappe.ui.form.on("Confidentiality Breach", {
	setup(frm) {
		frm.set_query("advice_case", () => ({ filters: { student: frm.doc.student || "" } }));
		frm.set_query("recipient", () => ({ filters: { active: 1 } }));
	},
	refresh(frm) {
		if (frm.is_new()) return;
		const state = frm.doc.workflow_state;
		const mine = frm.doc.deciding_officer === frappe.session.user;
		// One way to ask (the workflow's own action is offered only once a consultation exists);
		// after disclosure only while the consultation the procedure requires is still outstanding.
		const open = ["Draft", "Awaiting Consultation", "Decided"].includes(state);
		if (mine && (open || (state === "Disclosed" && frm.doc.consultation_outstanding))) {
			frm.add_custom_button(__("Ask for advice"), () => ask_for_advice(frm));
		}
		if (state === "Disclosed") {
			frm.add_custom_button(__("Record disclosure"), () =>
				frappe.new_doc("Disclosure", {
					student: frm.doc.student,
					advice_case: frm.doc.advice_case,
					third_party: frm.doc.recipient,
					confidentiality_breach: frm.doc.name,
				})
			);
		}
		if (state === "Disclosed" || state === "Closed without disclosure") {
			frm.add_custom_button(__("Add correction"), () =>
				frappe.new_doc("Breach Correction", { confidentiality_breach: frm.doc.name })
			);
		}
		show_consultations(frm);
	},
});

function ask_for_advice(frm) {
	frappe.prompt(
		[
			{
				fieldname: "officer",
				fieldtype: "Link",
				options: "Advice Officer",
				label: __("Officer to ask"),
				get_query: () => ({ filters: { active: 1 } }),
				reqd: 1,
				description: __("Another active advice officer. They are told inside the desk only."),
			},
		],
		(values) =>
			frm.call("ask_for_advice", { officer: values.officer }).then(() => frm.reload_doc()),
		__("Ask for advice")
	);
}

function show_consultations(frm) {
	const field = frm.get_field("consultations_html");
	if (!field) return;
	frappe.db
		.get_list("Breach Consultation", {
			filters: { confidentiality_breach: frm.doc.name },
			fields: ["name", "officer", "asked_on", "confirmed", "confirmed_on"],
			order_by: "creation asc",
		})
		.then((rows) => {
			const esc = frappe.utils.escape_html;
			const items = rows.map(
				(r) =>
					`<li><a href="${frappe.utils.get_form_link("Breach Consultation", r.name)}">${esc(
						r.officer
					)}</a>: ${
						r.confirmed
							? esc(__("confirmed on {0}", [frappe.datetime.str_to_user(r.confirmed_on)]))
							: esc(__("asked on {0}, not confirmed yet", [frappe.datetime.str_to_user(r.asked_on)]))
					}</li>`
			);
			field.$wrapper.html(
				items.length ? `<ul>${items.join("")}</ul>` : `<p class="text-muted">${esc(__("No officer asked yet."))}</p>`
			);
		});
}
