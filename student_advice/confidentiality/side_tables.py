"""Frappe's own DocTypes that point at other records (comments, versions, files, ...).

A row that points at a Student Advice record is visible only to whoever may see that
record. On Frappe's DocTypes the hook answers False to deny and None otherwise, never
True: in v15 the first non-None answer wins and would override Frappe's own check.
"""

import frappe

from student_advice import messages
from student_advice.confidentiality.permissions import conflicted_students, is_member, may_access_record
from student_advice.policy import registry


def referenced(doc) -> tuple[str | None, str | None]:
	dt_field, name_field = registry.SIDE_TABLES[doc.doctype]
	return doc.get(dt_field), doc.get(name_field)


def has_permission(doc, ptype=None, user=None, debug=False) -> bool | None:
	return record_permission(doc, *registry.SIDE_TABLES[doc.doctype], user=user)


def record_permission(doc, dt_field: str, name_field: str | None, user=None) -> bool | None:
	"""A row pointing at doc[dt_field]/doc[name_field]: False when that is a service record the user
	may not read, None otherwise (side tables and the record carriers of policy/carriers.py)."""
	doctype, name = doc.get(dt_field), doc.get(name_field) if name_field else None
	if doctype == "File" and doc.doctype != "File" and name:
		# A row about a casework attachment (an Access Log of its download, say) is casework too.
		doctype, name = frappe.db.get_value("File", name, ["attached_to_doctype", "attached_to_name"]) or (
			None,
			None,
		)
	if not registry.is_service_doctype(doctype):
		return None
	return None if may_access_record(doctype, name, user) else False


def query_conditions(user=None, doctype=None) -> str:
	if not doctype or doctype not in registry.SIDE_TABLES:
		return ""
	return record_condition(doctype, *registry.SIDE_TABLES[doctype], user=user)


def record_condition(doctype: str, dt_field: str, name_field: str | None, user=None) -> str:
	"""The list rendering of record_permission over `tab{doctype}`."""
	if is_member(user):
		return _conflict_condition(doctype, dt_field, name_field, conflicted_students(user))
	service = ", ".join(frappe.db.escape(d) for d in sorted(registry.SERVICE_DOCTYPES))
	condition = f"(ifnull(`tab{doctype}`.`{dt_field}`, '') not in ({service}))"
	if doctype == "File" or not name_field:
		return condition
	# Rows about a casework attachment (an Access Log of its download, say) are casework too;
	# so, for outsiders, are rows about a file that no longer exists (it may have been one).
	ref_name = f"ifnull(`tab{doctype}`.`{name_field}`, '')"
	casework_files = f"select `name` from `tabFile` where `attached_to_doctype` in ({service})"
	return (
		f"({condition} and not (ifnull(`tab{doctype}`.`{dt_field}`, '') = 'File'"
		f" and ({ref_name} in ({casework_files}) or {ref_name} not in (select `name` from `tabFile`))))"
	)


def _conflict_condition(doctype: str, dt_field: str, name_field: str, conflicts) -> str:
	"""A member with declared conflicts: hide rows pointing at records of those students."""
	if not conflicts or not name_field:
		return ""
	students = ", ".join(frappe.db.escape(s) for s in sorted(conflicts))
	ref_doctype = f"ifnull(`tab{doctype}`.`{dt_field}`, '')"
	ref_name = f"ifnull(`tab{doctype}`.`{name_field}`, '')"
	hidden = []
	for student_doctype, field in sorted(registry.STUDENT_RECORDS.items()):
		if field == "name":
			names = students
		elif frappe.db.table_exists(student_doctype):
			names = f"select `name` from `tab{student_doctype}` where `{field}` in ({students})"
		else:
			continue
		hidden.append(f"({ref_doctype} = {frappe.db.escape(student_doctype)} and {ref_name} in ({names}))")
	return f"(not ({' or '.join(hidden)}))"


# --- document events on side tables ---------------------------------------------------


def refuse_share(doc, method=None):
	if registry.is_service_doctype(doc.share_doctype):
		messages.throw("no_sharing")


def refuse_share_key(doc, method=None):
	if registry.is_service_doctype(doc.reference_doctype):
		messages.throw("no_sharing")


def refuse_public_attachment(doc, method=None):
	"""On refusal Frappe's rollback hook removes the file it has just written."""
	if registry.is_service_doctype(doc.attached_to_doctype) and not doc.is_private:
		messages.throw("attachment_must_be_private")


def refuse_copies_of_casework_files(doc, method=None):
	"""A casework attachment's stored file stays with casework: no other record may point at it."""
	from student_advice.confidentiality.private_files import is_casework_file

	if registry.is_service_doctype(doc.attached_to_doctype):
		return
	before = doc.get_doc_before_save()
	if (before and registry.is_service_doctype(before.attached_to_doctype)) or is_casework_file(
		doc.file_url, except_name=doc.name
	):
		messages.throw("casework_file_copy")


def refuse_tags(doc, method=None):
	"""Tag names are readable by every user, so a tag on a casework record would publish its text."""
	if registry.is_service_doctype(doc.document_type):
		messages.throw("no_tags")


def limit_assignment_to_officers(doc, method=None):
	if not registry.is_service_doctype(doc.reference_type) or not doc.allocated_to:
		return
	from student_advice.officers import is_active_officer

	if not is_active_officer(doc.allocated_to):
		messages.throw("assignee_not_officer")


def refuse_links_into_casework(doc, method=None):
	"""A Custom Field on an ordinary DocType must not link to a Student Advice record."""
	if doc.fieldtype in ("Link", "Table", "Table MultiSelect") and registry.is_service_doctype(doc.options):
		if not registry.is_service_doctype(doc.dt):
			messages.throw("link_into_casework")
