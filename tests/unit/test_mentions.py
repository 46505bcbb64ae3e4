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


def test_collation_tricks_are_folded():
	"""MariaDB's accent- and case-insensitive collation would load "Cäse" as Case."""
	assert M.in_arguments({"doctype": "Cäse"})
	assert M.in_arguments({"doctype": "ＣＡＳＥ"})  # full-width letters
	assert M.in_arguments({"doctype": "Énquiry"})
	assert M.in_path("/api/resource/C%C3%A4se/x")


def test_names_quoted_inside_templates_and_code():
	assert M.in_arguments({"message": "{{ frappe.get_all('Case', fields=['*']) }}"})
	assert M.in_arguments({"message": '{{ frappe.db.get_value("Advice Student", x, "email") }}'})
	assert M.in_arguments({"query": "select * from `tabEnquiry`"})
	assert not M.in_arguments({"message": "In any case, thanks"})
	assert not M.in_arguments({"message": "a 'Casebook' of notes"})
