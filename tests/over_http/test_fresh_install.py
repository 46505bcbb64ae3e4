"""A freshly installed site (this tier's site is made by `bench new-site --install-app` on every run)."""

import frappe


def test_the_settings_hold_their_declared_defaults_after_install(site):
	"""Decision 34: Frappe's install stores every Time as the install moment; the app's install puts
	the declared default back (the Meeting Time reads 10:00, not the minute the site was made)."""
	rows = dict(
		frappe.db.sql(
			"select field, value from `tabSingles` where doctype = 'Student Advice Settings'"  # raw: as stored
		)
	)
	assert rows.get("meeting_time") == "10:00:00"
	assert rows.get("meeting_weekday") == "Thursday"
