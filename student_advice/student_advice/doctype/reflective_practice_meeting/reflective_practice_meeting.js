// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Reflective Practice Meeting", {
	setup(frm) {
		frm.set_query("officers_present", () => ({ filters: { active: 1 } }));
	},
	refresh(frm) {
		render_agenda(frm);
		if (frm.doc.status === "Held") {
			frm.disable_form(); // the server refuses any change to a held meeting anyway
			return;
		}
		if (frm.is_new()) return;
		frm.add_custom_button(__("Add a Case"), () =>
			frappe.new_doc("Meeting Discussion", { meeting: frm.doc.name })
		);
		frm.add_custom_button(__("Mark as Held"), () =>
			frappe.confirm(
				__("Once held, the meeting and its discussions are locked; actions keep their progress. Continue?"),
				() => frm.call("mark_held").then(() => frm.reload_doc())
			)
		).addClass("btn-primary");
	},
});

function render_agenda(frm) {
	const wrapper = frm.get_field("agenda").$wrapper;
	if (frm.is_new()) {
		wrapper.html(`<p class="text-muted small">${__("Save the meeting to add cases.")}</p>`);
		return;
	}
	const esc = frappe.utils.escape_html;
	frappe.db
		.get_list("Meeting Discussion", {
			filters: { meeting: frm.doc.name },
			fields: ["name", "title", "not_discussed", "proposed", "proposal_reason", "notes"],
			limit: 0,
			order_by: "creation asc",
		})
		.then((rows) => {
			if (!rows.length) {
				wrapper.html(`<p class="text-muted small">${__("No cases on the agenda.")}</p>`);
				return;
			}
			wrapper.html(
				rows
					.map(
						(d) => `<div class="mb-2 ${d.not_discussed ? "text-muted" : ""}">
					<a href="${frappe.utils.get_form_link("Meeting Discussion", d.name)}">${esc(d.title || d.name)}</a>
					${d.not_discussed ? `<span class="indicator-pill gray">${__("Taken off the agenda")}</span>` : ""}
					${d.proposed ? `<span class="indicator-pill blue">${__("Proposed")}</span>` : ""}
					<div class="small text-muted" style="white-space: pre-wrap">${esc(d.proposal_reason || "")}</div>
					<div class="small" style="white-space: pre-wrap">${esc(d.notes || "")}</div>
				</div>`
					)
					.join("")
			);
		});
}
