"""Student Advice Settings store their declared defaults (decision 34), not the install moment."""

import frappe

from student_advice.install import store_settings_defaults

SETTINGS = "Student Advice Settings"


def stored(field):
	rows = frappe.db.sql(
		"select value from `tabSingles` where doctype = %s and field = %s", (SETTINGS, field)
	)
	return rows[0][0] if rows else None


def test_this_sites_settings_hold_the_declared_defaults():
	# installed, then migrated by the test command: whatever Frappe's install stored was put right
	assert stored("meeting_time") in ("10:00:00", "10:00")
	assert stored("meeting_weekday") == "Thursday"
	assert stored("suppression_threshold") == "5"


def test_a_time_frappe_stamped_on_install_becomes_the_default_and_a_chosen_one_stays():
	frappe.db.set_single_value(SETTINGS, "meeting_time", "18:23:39.600880")  # what init_singles stores
	store_settings_defaults()
	assert stored("meeting_time") == "10:00:00"
	assert str(frappe.db.get_single_value(SETTINGS, "meeting_time")) in ("10:00:00", "10:00")
	frappe.db.set_single_value(SETTINGS, "meeting_time", "09:30:00")  # chosen in the desk
	frappe.db.set_single_value(SETTINGS, "suppression_threshold", 7)
	store_settings_defaults()
	assert stored("meeting_time") == "09:30:00"
	assert stored("suppression_threshold") == "7"
