// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
// Renders student_advice.confidentiality.health.get_report; every value is escaped.

frappe.pages["confidentiality-health"].on_page_load = function (wrapper) {
	const page = frappe.ui.make_app_page({
		parent: wrapper,
		title: __("Confidentiality Health"),
		single_column: true,
	});
	const body = $('<div class="confidentiality-health"></div>').appendTo(page.main);
	page.set_primary_action(__("Check again"), () => confidentiality_health_load(body), "refresh");
	confidentiality_health_load(body);
};

const CONFIDENTIALITY_HEALTH_COLOURS = { danger: "red", warning: "orange", ok: "green" };
const CONFIDENTIALITY_HEALTH_LABELS = {
	danger: __("Danger"),
	warning: __("Warning"),
	ok: __("OK"),
};

function confidentiality_health_load(body) {
	body.html(`<p class="text-muted">${__("Checking this site...")}</p>`);
	frappe.call({
		method: "student_advice.confidentiality.health.get_report",
		callback: (r) => body.html(confidentiality_health_render(r.message)),
		error: () => body.html(`<p class="text-muted">${__("The check could not be run.")}</p>`),
	});
}

function confidentiality_health_render(report) {
	const esc = frappe.utils.escape_html;
	const pill = (severity) =>
		`<span class="indicator-pill ${CONFIDENTIALITY_HEALTH_COLOURS[severity] || "gray"}">` +
		`${esc(CONFIDENTIALITY_HEALTH_LABELS[severity] || severity)}</span>`;
	const items = (list) =>
		list && list.length
			? `<ul class="small text-muted mb-0">${list.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`
			: "";

	let html = "";
	if (report.separate_site_recommended) {
		html += `
		<div class="alert alert-warning" role="alert">
			<h5>${esc(__("Recommendation: run the service on a separate site on the same bench"))}</h5>
			<p>${esc(
				__(
					"Users outside the service use this site. The app closes every route it can, but the residual risks below stay open to them. A separate site (bench new-site, then install this app there) has its own database, its own System Manager (the service's administrator) and its own origin; give every student an account there through single sign-on."
				)
			)}</p>
		</div>`;
	}

	const counts = report.counts || {};
	html += `<p>${pill("danger")} ${esc(String(counts.danger || 0))} &nbsp; ${pill("warning")} ${esc(
		String(counts.warning || 0)
	)} &nbsp; ${pill("ok")} ${esc(String(counts.ok || 0))}</p>`;

	html += `<h4 class="mt-4">${esc(__("This site now"))}</h4>
	<table class="table table-bordered">
		<thead><tr>
			<th style="width: 8em">${esc(__("Status"))}</th>
			<th>${esc(__("Finding"))}</th>
			<th>${esc(__("Why it matters"))}</th>
			<th>${esc(__("What to do"))}</th>
		</tr></thead>
		<tbody>
		${(report.findings || [])
			.map(
				(f) => `<tr>
				<td>${pill(f.severity)}</td>
				<td><b>${esc(f.title)}</b>${items(f.items)}</td>
				<td>${esc(f.explanation || "")}</td>
				<td>${esc(f.fix || "")}</td>
			</tr>`
			)
			.join("")}
		</tbody>
	</table>`;

	html += `<h4 class="mt-4">${esc(__("Residual risks the app cannot close by itself"))}</h4>
	<table class="table table-bordered">
		<thead><tr>
			<th style="width: 8em">${esc(__("Status"))}</th>
			<th>${esc(__("Risk"))}</th>
			<th>${esc(__("Why it matters"))}</th>
			<th>${esc(__("What reduces it"))}</th>
		</tr></thead>
		<tbody>
		${(report.residuals || [])
			.map(
				(r) => `<tr>
				<td>${pill("warning")}</td>
				<td><b>${esc(r.title)}</b></td>
				<td>${esc(r.explanation)}</td>
				<td>${esc(r.fix)}</td>
			</tr>`
			)
			.join("")}
		</tbody>
	</table>`;
	return html;
}
