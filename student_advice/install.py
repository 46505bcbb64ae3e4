"""Install and uninstall: seed the masters once, and leave nothing behind on removal."""

import csv
from pathlib import Path

import frappe

from student_advice.policy.roles import ALL_APP_ROLES

SETUP_DATA = Path(__file__).parent / "setup_data"

CASE_CATEGORIES = (
	"Academic",
	"Welfare",
	"Housing",
	"Finance",
	"Discrimination and Harassment",
	"Disciplinary",
	"Complaints",
	"Other",
)
CASE_OUTCOMES = (
	"Advice given",
	"Referred to another service",
	"Resolved in the student's favour",
	"Resolved, not in the student's favour",
	"Student withdrew",
	"No further contact",
	"Other",
)


def after_install():
	"""Seed the masters. Runs on install only, so migrate never overwrites an edit."""
	with open(SETUP_DATA / "colleges.csv", newline="") as f:
		for row in csv.DictReader(f):
			_insert_once("College", "college_name", row["college"], admits=row["admits"])
	with open(SETUP_DATA / "faculties.csv", newline="") as f:
		for row in csv.DictReader(f):
			_insert_once("Faculty", "faculty_name", row["faculty"], school=row["school"])
	for category in CASE_CATEGORIES:
		_insert_once("Case Category", "category_name", category)
	for outcome in CASE_OUTCOMES:
		_insert_once("Case Outcome", "outcome_name", outcome)
	store_settings_defaults()


def store_settings_defaults():
	"""Store each declared default of the settings that has no value yet (docs/decisions.md, decision 34).

	Frappe stores none for a Single until it is first saved, and its first save on install
	(installer.init_singles, through frappe.new_doc) fills every Time field with the current time,
	microseconds included, whatever the field's default: such a value was never typed by anyone."""
	settings = "Student Advice Settings"
	stored = dict(
		frappe.db.sql("select field, value from `tabSingles` where doctype = %s", settings)  # raw: no casting
	)
	for field in frappe.get_meta(settings).fields:
		if field.default is None:
			continue
		value = stored.get(field.fieldname)
		if value in (None, "") or (field.fieldtype == "Time" and _stamped_by_frappe(value)):
			frappe.db.set_single_value(settings, field.fieldname, field.default)


def _stamped_by_frappe(value) -> bool:
	"""A time with microseconds: Frappe's nowtime(), not a time picked in the desk (HH:MM:SS)."""
	return "." in str(value)


def _insert_once(doctype: str, fieldname: str, value: str, **fields):
	if not frappe.db.exists(doctype, value):
		frappe.get_doc({"doctype": doctype, fieldname: value, **fields}).insert(ignore_permissions=True)


def after_uninstall():
	"""Frappe drops the module's DocTypes, reports and workspaces; roles are not module-bound."""
	for role in ALL_APP_ROLES:
		frappe.db.delete("Has Role", {"role": role})
		frappe.db.delete("Custom DocPerm", {"role": role})
		if frappe.db.exists("Role", role):
			frappe.delete_doc("Role", role, force=True, ignore_permissions=True)
	frappe.db.commit()
