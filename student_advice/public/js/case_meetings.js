// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
//
// Added to the Case form (hooks.py doctype_js): the reflective practice meetings that
// discussed this case and the actions agreed there. Read through a role-guarded method that
// uses frappe.get_list, so declared conflicts of interest apply as everywhere else.

frappe.ui.form.on("Case", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(
			__("Add to a Meeting"),
			() => frappe.new_doc("Meeting Discussion", { advice_case: frm.doc.name }),
			__("Meetings")
		);
		frm.add_custom_button(
			__("Meeting Discussions"),
			() => frappe.set_route("List", "Meeting Discussion", { advice_case: frm.doc.name }),
			__("Meetings")
		);
		frm.add_custom_button(
			__("Meeting Actions"),
			() => frappe.set_route("List", "Meeting Action", { advice_case: frm.doc.name }),
			__("Meetings")
		);
		frappe
			.xcall("student_advice.api.meetings.case_meetings", { case: frm.doc.name })
			.then((meetings) => render_case_meetings(frm, meetings || []));
	},
});

function render_case_meetings(frm, meetings) {
	const esc = frappe.utils.escape_html;
	if (!meetings.length) {
		frm.dashboard.add_section(
			`<p class="text-muted small">${__("No reflective practice meeting has discussed this case yet.")}</p>`,
			__("Reflective practice meetings")
		);
		frm.dashboard.show();
		return;
	}
	const rows = meetings.map((m) => {
		const actions = m.actions
			.map(
				(a) => `<li>
					<a href="${frappe.utils.get_form_link("Meeting Action", a.name)}">${esc(a.what || "")}</a>
					<span class="text-muted">· ${esc(a.owner_name || "")} · ${__("due")} ${frappe.datetime.str_to_user(a.due_date)}</span>
					<span class="indicator-pill ${a.overdue ? "red" : a.status === "Done" ? "green" : "gray"}">
						${a.overdue ? __("Overdue") : __(a.status)}</span>
				</li>`
			)
			.join("");
		return `<div class="mb-3">
			<div><a href="${frappe.utils.get_form_link("Meeting Discussion", m.discussion)}"><b>${esc(m.title || "")}</b></a>
				<span class="indicator-pill ${m.status === "Held" ? "green" : "blue"}">${__(m.status)}</span></div>
			<div class="small" style="white-space: pre-wrap">${esc(m.notes || "")}</div>
			${actions ? `<ul class="small mb-0">${actions}</ul>` : ""}
		</div>`;
	});
	frm.dashboard.add_section(rows.join(""), __("Reflective practice meetings"));
	frm.dashboard.show();
}
