"""The gate reads structure, not words (issue 11): policy/request_shape.py."""

import json

import pytest

from student_advice.policy.request_shape import Unreadable, read


def names(arguments, signature=None):
	return read(arguments, signature).doctypes


def test_doctype_parameters_are_read():
	assert "Case" in names({"doctype": "Case"})
	assert "Case" in names({"dt": "Case", "dn": "x"})
	assert "Enquiry" in names({"reference_doctype": "Enquiry"})
	assert "Case" in names({"parent": "Case", "doctype": "Case Entry"})
	assert "Case" in names({"doc": "Case", "name": "x"})  # printview.get_html_and_style(doc, name)


def test_signature_adds_doctype_parameters():
	assert "Case" in names({"reference_dt": "Case"}, ["reference_dt", "name"])
	assert "Case" not in names({"reference_dt": "Case"})
	assert "Case" in names({"board_doctype": "Case"})  # `*_doctype` keys, in documents too


def test_free_text_is_never_a_name():
	for title in (
		"Enquiry from a parent about ball tickets",
		"College ball",
		"Faculty reps meeting",
		"Consent forms for the photo shoot",
		"Disclosure of sponsorship",
		"Third Party caterers",
		"Case",
	):
		doc = {"doctype": "Note", "title": title, "content": f"<p>{title}</p>"}
		assert names({"doc": json.dumps(doc)}) == {"Note"}
		assert names({"doctype": "Note", "data": doc}) == {"Note"}
	assert names({"doctype": "User", "txt": "Case", "query": ""}) == {"User"}


def test_documents_and_child_rows():
	doc = {
		"doctype": "Kanban Board",
		"reference_doctype": "Case",
		"columns": [{"doctype": "Kanban Board Column"}],
	}
	assert {"Kanban Board", "Case", "Kanban Board Column"} <= names({"doc": json.dumps(doc)})
	assert "Case" in names({"docs": json.dumps([{"doctype": "Case"}])})
	shortcut = {"doctype": "Workspace Shortcut", "type": "DocType", "link_to": "Advice Student"}
	assert "Advice Student" in names({"doc": {"doctype": "Workspace", "shortcuts": [shortcut]}})


def test_filters():
	assert "Case" in names({"doctype": "ToDo", "filters": json.dumps([["Case", "status", "=", "Open"]])})
	assert "Case" in names({"doctype": "ToDo", "filters": json.dumps({"reference_type": "Case"})})
	assert "Case" in names({"doctype": "ToDo", "filters": json.dumps([["reference_type", "in", ["Case"]]])})
	assert "Case" in names({"doctype": "ToDo", "filters": json.dumps({"`tabCase`.status": "Open"})})
	assert names({"doctype": "ToDo", "filters": json.dumps({"description": "Case"})}) == {"ToDo"}
	stats = {"doctype": "Workspace Shortcut", "stats_filter": json.dumps([["Case", "student", "=", "S1"]])}
	assert "Case" in names({"doc": stats})


def test_report_json():
	settings = {"filters": [["Case", "student", "=", "S1"]], "columns": [["name", "Case"]], "order_by": "x"}
	assert "Case" in names({"doc": {"doctype": "Report", "json": json.dumps(settings)}})


def test_paths_in_fields_order_and_group_by():
	assert "Case" in names({"doctype": "ToDo", "fields": json.dumps(["`tabCase`.`name`"])})
	assert "Case Entry" in names({"doctype": "ToDo", "order_by": "`tabCase Entry`.creation desc"})
	assert "Case" in names({"doctype": "ToDo", "group_by": "tabCase.status"})
	shape = read({"doctype": "Conflict Declaration", "fields": json.dumps(["student.contact_notes", "name"])})
	assert ("student", "contact_notes") in shape.link_paths
	shape = read({"doctype": "ToDo", "fields": '["count(distinct `owner`.name) as n"]'})
	assert ("owner", "name") in shape.link_paths


def test_code_is_the_residual():
	shape = read({"doc": {"doctype": "Notification", "message": "{{ frappe.get_all('Case') }}"}})
	assert shape.code == ["{{ frappe.get_all('Case') }}"]
	assert read({"doctype": "Note", "content": "{{ frappe.get_all('Case') }}"}).code == []


def test_malformed_structure_is_unreadable():
	with pytest.raises(Unreadable):
		read({"doctype": "ToDo", "filters": "[not json"})
	with pytest.raises(Unreadable):
		read({"doc": "{broken"})
	read({"doctype": "Note", "title": "[not json"})  # free text is never parsed
