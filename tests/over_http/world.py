"""One canary-laden record per service DocType, for the leak matrix.

Case Entry and Enquiry go through their controllers as an officer would write them. Every
other DocType in STUDENT_RECORDS gets a planted row (`plant`): its student set, every text
field holding the canary and its links pointing at the world's records. So a new DocType
joins the matrix from its first commit, before anyone writes a builder for it.
"""

import uuid

import frappe

from student_advice.policy.registry import STUDENT_RECORDS

TEXT_TYPES = ("Data", "Small Text", "Text", "Long Text", "Text Editor", "Code")


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


def plant(doctype: str, world: dict, canary: str):
	"""Write a row directly (controllers bypassed): the matrix tests who can see it, not how it was made."""
	meta = frappe.get_meta(doctype)
	values = {"doctype": doctype, "name": uuid.uuid4().hex, STUDENT_RECORDS[doctype]: world["Advice Student"]}
	for field in meta.fields:
		if field.fieldname in values or field.fieldtype not in TEXT_TYPES + ("Link",):
			continue
		if field.fieldtype == "Link":
			if field.options in world:
				values[field.fieldname] = world[field.options]
		elif not field.options or field.fieldtype != "Data":
			values[field.fieldname] = f"{canary} {field.fieldname}"
	doc = frappe.get_doc(values)
	doc.db_insert()
	return doc


def build_all(world: dict, canary: str) -> dict:
	for doctype in sorted(STUDENT_RECORDS):
		if doctype in world:
			continue
		build = BUILDERS.get(doctype, lambda w, c, dt=doctype: plant(dt, w, c))
		world[doctype] = build(world, canary).name
	return world
