// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
//
// The case file in one place: the log as a dated timeline (newest first) and the student's
// consents, disclosures, breaches and the meetings that discussed the case, read through
// student_advice.api.case_file (frappe.get_list, so declared conflicts apply as everywhere).
// Convenience only: every rule is enforced on the server.

frappe.ui.form.on("Case", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Add Entry"), () => add_entry_dialog(frm));
		const record = __("Record");
		frm.add_custom_button(__("Consent"), () => new_for_case(frm, "Consent"), record);
		frm.add_custom_button(__("Disclosure"), () => new_for_case(frm, "Disclosure"), record);
		frm.add_custom_button(
			__("Breach of Confidentiality"),
			() => new_for_case(frm, "Confidentiality Breach"),
			record
		);
		frm.add_custom_button(
			__("Add to a Meeting"),
			() => frappe.new_doc("Meeting Discussion", { advice_case: frm.doc.name }),
			record
		);
		load_case_file(frm);
	},
	status(frm) {
		if (frm.doc.status === "Closed" && !frm.doc.closed_on) {
			frm.set_value("closed_on", frappe.datetime.get_today());
		}
	},
});

function new_for_case(frm, doctype) {
	frappe.new_doc(doctype, { student: frm.doc.student, advice_case: frm.doc.name });
}

function add_entry_dialog(frm, corrects) {
	const dialog = new frappe.ui.Dialog({
		title: corrects ? __("Correct an Entry") : __("Add Entry"),
		fields: [
			{
				fieldname: "entry_type",
				label: __("Type"),
				fieldtype: "Select",
				options: ["Event", "Advice Offered", "Action Taken"],
				default: (corrects && corrects.entry_type) || "Event",
				reqd: 1,
			},
			{
				fieldname: "entry_date",
				label: __("Date"),
				fieldtype: "Date",
				default: frappe.datetime.get_today(),
				reqd: 1,
			},
			{ fieldname: "details", label: __("Details"), fieldtype: "Text", reqd: 1 },
		],
		primary_action_label: __("Save"),
		primary_action(values) {
			const doc = Object.assign({ doctype: "Case Entry", advice_case: frm.doc.name }, values);
			if (corrects) doc.corrects = corrects.name;
			frappe.xcall("frappe.client.insert", { doc }).then(() => {
				dialog.hide();
				frappe.show_alert({ message: __("Entry added"), indicator: "green" });
				load_case_file(frm);
			});
		},
	});
	dialog.show();
}

function load_case_file(frm) {
	frappe
		.xcall("student_advice.api.case_file.case_file", { case: frm.doc.name })
		.then((file) => render_case_file(frm, file));
}

const esc = (value) => frappe.utils.escape_html(value == null ? "" : String(value));
const link = (doctype, name, text) =>
	`<a href="${frappe.utils.get_form_link(doctype, name)}">${esc(text)}</a>`;
const date = (value) => (value ? frappe.datetime.str_to_user(value) : "");

function render_case_file(frm, file) {
	const wrapper = frm.get_field("case_file").$wrapper;
	wrapper.html(
		[
			section(__("Log"), file.entries, entry_row, __("No entries yet.")),
			section(__("Consents"), file.consents, (c) =>
				row(
					link("Consent", c.name, c.third_party_name || __("Consent")),
					`${__(c.status || "Draft")} · ${__("given")} ${date(c.given_on)}${
						c.expires_on ? ` · ${__("ends")} ${date(c.expires_on)}` : ""
					}`,
					c.purpose
				)
			),
			section(__("Disclosures"), file.disclosures, (d) =>
				row(
					link("Disclosure", d.name, d.third_party_name || __("Disclosure")),
					`${date(d.disclosed_on)} · ${__(d.channel || "")}`,
					d.description
				)
			),
			section(__("Breaches of Confidentiality"), file.breaches, (b) =>
				row(
					link("Confidentiality Breach", b.name, b.recipient_name || __("Breach")),
					`${__(b.workflow_state || "")} · ${date(b.creation)}`,
					b.ground
				)
			),
			section(__("Casework Forms"), file.casework_forms, (f) =>
				row(
					link("Casework Form", f.name, __("Casework form of {0}", [date(f.submitted_on)])),
					[__(f.status || ""), __(f.triaged_as || ""), __(f.meeting_preference || "")]
						.filter(Boolean)
						.join(" · "),
					f.help_needed
				)
			),
			section(__("Reflective Practice Meetings"), file.meetings, (m) =>
				row(
					link("Meeting Discussion", m.discussion, m.title),
					__(m.status || ""),
					[m.notes]
						.concat((m.actions || []).map((a) => `${__("Action")}: ${a.what} (${a.owner_name})`))
						.join("\n")
				)
			),
		].join("")
	);
	wrapper.find("[data-correct]").on("click", (event) => {
		const name = $(event.currentTarget).attr("data-correct");
		add_entry_dialog(
			frm,
			file.entries.find((e) => e.name === name)
		);
	});
}

function section(title, items, render, empty) {
	const body = items && items.length
		? items.map(render).join("")
		: `<p class="text-muted small">${esc(empty || __("None."))}</p>`;
	return `<div class="case-file-section mb-4"><h5 class="mb-2">${esc(title)}</h5>${body}</div>`;
}

function row(title, meta, text) {
	return `<div class="case-file-row mb-3">
		<div>${title} <span class="text-muted small">${esc(meta)}</span></div>
		${text ? `<div class="small" style="white-space: pre-wrap">${esc(text)}</div>` : ""}
	</div>`;
}

function entry_row(e) {
	const notes = [];
	if (e.corrects) notes.push(`${__("corrects")} ${e.corrects.slice(0, 8)}`);
	if (e.corrected_by) notes.push(__("corrected by a later entry"));
	return `<div class="case-file-entry mb-3" data-entry="${esc(e.name)}">
		<div>
			<b>${date(e.entry_date)}</b>
			<span class="indicator-pill ${e.corrects ? "orange" : "blue"}">${esc(e.entry_type_label)}</span>
			<span class="text-muted small">${esc(e.officer_name)}${notes.length ? " · " + esc(notes.join(" · ")) : ""}</span>
			<a class="small ml-2" href="${frappe.utils.get_form_link("Case Entry", e.name)}">${__("Open")}</a>
			<a class="small ml-2" role="button" data-correct="${esc(e.name)}">${__("Correct")}</a>
		</div>
		<div style="white-space: pre-wrap">${esc(e.details)}</div>
	</div>`;
}
