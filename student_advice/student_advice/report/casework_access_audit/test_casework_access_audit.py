"""The audit report's columns and details (collected by tests/integration/test_reports.py)."""

import json

from student_advice.confidentiality.audit import DOWNLOAD_PDF, EXPORT, FRAPPE_PRINT, PRINT_PREVIEW
from student_advice.student_advice.report.casework_access_audit import casework_access_audit as report


def test_users_and_doctypes_are_data_columns_so_no_row_is_filtered_away():
	columns = {c["fieldname"]: c for c in report.get_columns()}
	assert columns["user"]["fieldtype"] == "Data" and columns["reference_doctype"]["fieldtype"] == "Data"
	assert columns["reference_name"]["fieldtype"] == "Dynamic Link"


def test_access_log_methods_become_actions():
	assert report._access_action(FRAPPE_PRINT) == ("Printed", "print page")
	assert report._access_action(PRINT_PREVIEW) == ("Printed", "print preview")
	assert report._access_action(DOWNLOAD_PDF) == ("Downloaded PDF", "")
	assert report._access_action(EXPORT) == ("Exported", "record")
	assert report._access_action(None) == ("Exported", "whole export")


def test_change_details_name_fields_never_values_and_say_who_impersonated():
	diff = {"changed": [["summary", "old secret", "new secret"]], "added": [["entries", {}]]}
	details = report._change_details(json.dumps(diff))
	assert details == "fields: summary, entries (rows)"
	assert "secret" not in details
	diff["impersonated_by"] = "admin@example.test"
	assert report._change_details(json.dumps(diff)).endswith("impersonated by admin@example.test")
	assert report._change_details("not json") == "" and report._change_details(None) == ""
