"""Builders of one canary-laden record per service DocType, for the leak matrix.

Every DocType in STUDENT_RECORDS needs a builder here: the matrix fails for a DocType it
cannot plant a record of, so a new DocType joins the matrix from its first commit.
Each builder runs as an officer and gets the records built so far.
"""

import frappe


def _insert(values):
	return frappe.get_doc(values).insert()


BUILDERS = {
	"Case Entry": lambda w, c: _insert(
		{"doctype": "Case Entry", "advice_case": w["Case"], "entry_type": "Event", "details": f"{c} entry"}
	),
	"Enquiry": lambda w, c: _insert(
		{
			"doctype": "Enquiry",
			"channel": "Email",
			"category": "Welfare",
			"summary": f"{c} enquiry",
			"student": w["Advice Student"],
		}
	),
}
