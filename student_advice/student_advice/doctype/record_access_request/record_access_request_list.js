// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

// Overdue and nearly due requests stand out (the legal clock: one month, extendable once).
frappe.listview_settings["Record Access Request"] = {
	add_fields: ["status", "due_on"],
	get_indicator(doc) {
		if (doc.status === "Released") return [__("Released"), "green", "status,=,Released"];
		const days = frappe.datetime.get_day_diff(doc.due_on, frappe.datetime.get_today());
		if (days < 0) return [__("Overdue"), "red", "status,!=,Released"];
		if (days <= 7) return [__("Due within a week"), "orange", "status,!=,Released"];
		return [__(doc.status), "blue", `status,=,${doc.status}`];
	},
};
