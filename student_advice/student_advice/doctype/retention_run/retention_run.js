// Copyright (c) 2026, Students' Union Student Advice Service
// License: MIT. See LICENSE

frappe.ui.form.on("Retention Run", {
	refresh(frm) {
		frm.disable_save();
		if (["Queued", "Running"].includes(frm.doc.status)) {
			frm.dashboard.show_progress(__("Retention run"), frm.doc.progress || 0);
			frappe.realtime.off("student_advice_retention_progress");
			frappe.realtime.on("student_advice_retention_progress", (data) => {
				if (data.run !== frm.doc.name) return;
				frm.dashboard.show_progress(__("Retention run"), data.progress);
				if (data.progress >= 100) setTimeout(() => frm.reload_doc(), 1000);
			});
		}
	},
});
