import json

from student_advice.policy.mentions import DoctypeMatcher

M = DoctypeMatcher(["Case", "Case Entry", "Advice Student", "Enquiry"])


def test_plain_and_case_insensitive_names():
	assert M.in_arguments({"doctype": "Case"})
	assert M.in_arguments({"doctype": "case"})
	assert M.in_arguments({"doctype": " CASE ENTRY "})
	assert M.in_arguments({"doctype": "advice_student"})
	assert not M.in_arguments({"doctype": "ToDo", "txt": "staircase"})


def test_nested_json_arguments():
	assert M.in_arguments({"doc": json.dumps({"doctype": "Enquiry", "summary": "x"})})
	assert M.in_arguments({"filters": json.dumps([["reference_doctype", "=", "Case"]])})
	assert M.in_arguments({"items": json.dumps({"x": [{"y": "Advice Student"}]})})
	assert not M.in_arguments({"filters": "[not json"})


def test_table_names_in_raw_fields():
	assert M.in_arguments({"fields": json.dumps(["`tabCase`.`name`"])})
	assert M.in_arguments({"fields": "`tabCase Entry`.details"})
	assert not M.in_arguments({"fields": "`tabCasework`.name"})


def test_paths():
	assert M.in_path("/api/resource/Case/abc")
	assert M.in_path("/api/resource/Case%20Entry")
	assert M.in_path("/api/v2/document/advice-student/x")
	assert M.in_path("/api/v2/doctype/Case/meta")
	assert M.in_path("/app/case-entry/new")
	assert not M.in_path("/api/resource/ToDo/x")
	assert not M.in_path("/api/method/frappe.client.get_list")
	assert not M.in_path("/staircase")
