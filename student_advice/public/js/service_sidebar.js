// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
//
// Tags and Share are refused on the server for every record of the service (docs/decisions.md,
// decision 18): the form's sidebar offers neither, and the breadcrumb shows the record's title. Loaded as a form script of each of the app's
// DocTypes (hooks.py doctype_js); it binds once and acts on the app's module only.
if (!window.student_advice_sidebar_bound) {
	window.student_advice_sidebar_bound = true;
	$(document).on("form-refresh", (_event, frm) => {
		if (!frm || !frm.meta || frm.meta.module !== "Student Advice" || !frm.sidebar) {
			return;
		}
		const sidebar = frm.sidebar.sidebar;
		sidebar.find(".form-tags, .form-shared").toggle(false);
		// The last breadcrumb is the record's random name: members read the title (decision 5).
		const title = !frm.is_new() && frm.get_title();
		const crumb = frappe.breadcrumbs.$breadcrumbs && frappe.breadcrumbs.$breadcrumbs.find("li").last();
		if (title && crumb && crumb.text().trim() === frm.doc.name) {
			crumb.find("a").text(title);
		}
	});
}
