"""Records made before the student's name became their title: copy it once (decision 5)."""

import frappe

from student_advice.policy import registry


def execute():
	for doctype in registry.NAMED_BY_STUDENT:
		frappe.db.sql(
			f"""update `tab{doctype}` record join `tabAdvice Student` student on student.name = record.student
			set record.student_name = student.full_name"""
		)
	frappe.db.sql("update `tabCase` set title = concat_ws(' · ', student_name, category)")
