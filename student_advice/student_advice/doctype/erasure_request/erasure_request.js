// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Erasure Request", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status !== "Awaiting Review") return;
		frm.add_custom_button(__("Erase Now"), () => {
			frappe.confirm(
				__(
					"Erase this student's records now? Cases and enquiries keep only what the statistics count; everything else is removed with every copy. Breach records, and disclosures made under them, are kept."
				),
				() =>
					frm.call("erase").then(({ message }) => {
						const kept = message.kept
							? __("Kept:") + "<br>" + frappe.utils.escape_html(message.kept).replace(/\n/g, "<br>")
							: __("Nothing was kept.");
						frappe.msgprint({ title: __("Records erased"), message: kept, indicator: "green" });
						if (message.student_kept) frm.reload_doc();
						else frappe.set_route("List", "Erasure Request");
					})
			);
		});
		frm.add_custom_button(__("Decline"), () => {
			frappe.prompt(
				{ fieldname: "notes", fieldtype: "Small Text", label: __("Why is the request declined?"), reqd: 1 },
				({ notes }) => frm.call("decline", { notes }).then(() => frm.reload_doc()),
				__("Decline the erasure request"),
				__("Decline")
			);
		});
	},
});
