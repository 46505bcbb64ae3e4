"""Install lifecycle checks run by tests/run.py with the bench's Python from sites/.

    python tests/lifecycle.py snapshot SITE    # print a JSON fingerprint of everything the app owns
    python tests/lifecycle.py leftovers SITE   # after uninstall-app: list anything of the app still there

The runner migrates the test site twice and compares fingerprints (the second migrate must
change nothing), and uninstalls the app from the HTTP site at the end and expects no leftovers.
"""

import hashlib
import json
import os
import sys

import frappe

APP_ROLES = (
	"Advice Officer",
	"Advice Service Manager",
	"Advice Service Administrator",
	"Advice Statistics Viewer",
)
MODULE = "Student Advice"
SERVICE_DOCTYPES = (
	"Advice Student",
	"Case",
	"Case Entry",
	"Enquiry",
	"Consent",
	"Disclosure",
	"Confidentiality Breach",
)


def _digest(rows) -> str:
	return hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode()).hexdigest()


def snapshot() -> dict:
	doctypes = frappe.get_all(
		"DocType", filters={"module": MODULE}, fields=["name", "modified"], order_by="name"
	)
	fingerprint = {"doctypes": doctypes}
	for doctype in [d.name for d in doctypes]:
		if frappe.get_meta(doctype).issingle or frappe.get_meta(doctype).istable:
			continue
		table = f"tab{doctype}"
		fingerprint[f"columns:{doctype}"] = frappe.db.sql(
			"select column_name, column_type, is_nullable, column_default from information_schema.columns"
			" where table_schema = database() and table_name = %s order by column_name",
			table,
		)
		fingerprint[f"indexes:{doctype}"] = frappe.db.sql(f"show index from `{table}`")
		fingerprint[f"rows:{doctype}"] = _digest(frappe.db.sql(f"select * from `{table}` order by name"))
	for doctype, filters in (
		("Role", {"name": ("in", APP_ROLES)}),
		("Workspace", {"module": MODULE}),
		("Report", {"module": MODULE}),
		("Number Card", {"module": MODULE}),
		("Dashboard Chart", {"module": MODULE}),
		("Custom Field", {"module": MODULE}),
		("Property Setter", {"module": MODULE}),
		("Workflow", {"document_type": ("in", [d.name for d in doctypes])}),
		("Custom DocPerm", {"role": ("in", APP_ROLES)}),
	):
		rows = frappe.get_all(doctype, filters=filters, fields=["*"], order_by="name")
		if doctype == "Role":
			# Frappe re-imports fixtures on every migrate (delete, insert): same role, new `creation`.
			rows = [{k: v for k, v in row.items() if k != "creation"} for row in rows]
		fingerprint[doctype] = _digest(rows)
	return fingerprint


def leftovers() -> list[str]:
	found = []
	if frappe.get_all("DocType", filters={"module": MODULE}):
		found.append("DocType rows of the module")
	if frappe.db.exists("Module Def", MODULE):
		found.append("Module Def")
	tables = frappe.db.sql_list(
		"select table_name from information_schema.tables where table_schema = database()"
	)
	for name in (
		"tabAdvice Student",
		"tabCase",
		"tabCase Entry",
		"tabEnquiry",
		"tabAdvice Officer",
		"tabCollege",
	):
		if name in tables:
			found.append(f"table {name}")
	for doctype, filters in (
		("Role", {"name": ("in", APP_ROLES)}),
		("Has Role", {"role": ("in", APP_ROLES)}),
		("Workspace", {"module": MODULE}),
		("Report", {"module": MODULE}),
		("Number Card", {"module": MODULE}),
		("Dashboard Chart", {"module": MODULE}),
		("Custom Field", {"module": MODULE}),
		("Custom DocPerm", {"role": ("in", APP_ROLES)}),
		("Workflow", {"document_type": ("in", SERVICE_DOCTYPES)}),
	):
		if frappe.get_all(doctype, filters=filters, limit=1):
			found.append(doctype)
	if "student_advice" in frappe.get_installed_apps():
		found.append("still in Installed Applications")
	return found


def main():
	command, site = sys.argv[1], sys.argv[2]
	frappe.init(site=site, sites_path=os.getcwd())
	frappe.connect()
	try:
		if command == "snapshot":
			print(json.dumps(snapshot(), sort_keys=True, default=str))
		elif command == "leftovers":
			print(json.dumps(leftovers()))
	finally:
		frappe.destroy()


if __name__ == "__main__":
	main()
