"""The student's name as the title of their records, for members only (decision 5).

Copied after the controller's own checks (a validate doc_event, so the record's student is
settled and the row rule has run: decision 31), never fetched; renamed everywhere when the
student's record is; and never handed to an officer with a declared conflict through a link's
title (overrides.get_link_title).
"""

import frappe

from student_advice.policy import registry


def student_name(student: str | None) -> str | None:
	return frappe.db.get_value("Advice Student", student, "full_name") if student else None


def copy_student_name(doc, method=None):
	"""validate of every DocType in registry.TITLED_BY_STUDENT."""
	doc.student_name = student_name(doc.get("student"))


def rename_everywhere(student: str, full_name: str) -> None:
	"""The student's name changed: their records' titles follow (no new versions, no modified)."""
	for doctype in registry.NAMED_BY_STUDENT:
		frappe.db.set_value(doctype, {"student": student}, "student_name", full_name, update_modified=False)
	for name, category in frappe.get_all(
		"Case", filters={"student": student}, fields=["name", "category"], as_list=True
	):
		frappe.db.set_value("Case", name, "title", case_title(full_name, category), update_modified=False)


def case_title(full_name: str | None, category: str | None) -> str:
	return " · ".join(part for part in (full_name, frappe._(category) if category else None) if part)
