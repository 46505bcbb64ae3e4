// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE
//
// Frappe's global search (the awesome bar's "Search for ...") labels every result by its record
// name. A student's record is named randomly (docs/decisions.md, decision 5); for members of the
// service the server sends the student's name as the link title, and the result shows it. Nobody
// else is sent a title, so for them nothing changes.
frappe.provide("frappe.search.utils");
$(() => {
	const utils = frappe.search && frappe.search.utils;
	if (!utils || !utils.get_global_results || utils.student_advice_titled) {
		return;
	}
	utils.student_advice_titled = true;
	const get_global_results = utils.get_global_results;
	utils.get_global_results = function (...args) {
		return get_global_results.apply(this, args).then((sets) => {
			(sets || []).forEach((set) =>
				(set.results || []).forEach((result) => {
					const title =
						set.title === "Advice Student" && frappe.utils.get_link_title(set.title, result.value);
					if (title) {
						result.label = frappe.utils.escape_html(title);
					}
				})
			);
			return sets;
		});
	};
});
