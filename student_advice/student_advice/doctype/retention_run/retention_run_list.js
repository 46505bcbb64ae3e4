// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.listview_settings["Retention Run"] = {
	onload(list) {
		if (!frappe.user.has_role("Advice Service Manager")) return;
		list.page.add_inner_button(__("Run Retention Now"), () => {
			frappe.confirm(
				__("Anonymise or remove every record whose retention period has ended, now?"),
				() =>
					frappe
						.call("student_advice.api.retention.run_now")
						.then(({ message }) => frappe.set_route("Form", "Retention Run", message))
			);
		});
	},
};
