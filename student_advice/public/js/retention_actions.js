// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
// Retention on the student's and the case's forms: place a legal hold; erase a student's records early.

for (const doctype of ["Advice Student", "Case"]) {
	frappe.ui.form.on(doctype, {
		refresh(frm) {
			if (frm.is_new() || frm.doc.anonymised_on) return;
			const student = doctype === "Case" ? frm.doc.student : frm.doc.name;
			frm.add_custom_button(
				__("Place Legal Hold"),
				() =>
					frappe.new_doc("Legal Hold", {
						student,
						advice_case: doctype === "Case" ? frm.doc.name : undefined,
					}),
				__("Retention")
			);
			if (doctype !== "Advice Student") return;
			frm.add_custom_button(
				__("Erase Records"),
				() =>
					frappe.prompt(
						{
							fieldname: "notes",
							fieldtype: "Small Text",
							label: __("Why are this student's records erased before their periods end?"),
							reqd: 1,
						},
						({ notes }) =>
							frappe.db
								.insert({ doctype: "Erasure Request", student, notes })
								.then((doc) => frappe.set_route("Form", "Erasure Request", doc.name)),
						__("Erase this student's records"),
						__("Continue")
					),
				__("Retention")
			);
		},
	});
}
