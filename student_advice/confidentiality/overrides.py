"""Frappe's whitelisted methods that skip the row rule for the service's DocTypes.

Outsiders never reach these for a service DocType (the request gate answers first); the
overrides keep an officer with a declared conflict from counting or finding the records of
that student, and the dashboard counts on any record (a user's, say) from counting rows that
point at casework. Other DocTypes get Frappe's own behaviour unchanged.
"""

import frappe
from frappe.client import get_count as frappe_get_count
from frappe.desk import notifications as frappe_notifications
from frappe.desk import search as frappe_search
from frappe.desk.form import load as frappe_load

from student_advice.compat import permitted_count
from student_advice.confidentiality.permissions import conflict_message, is_member
from student_advice.policy import registry


def _is_service(doctype) -> bool:
	"""Does `doctype` name a service DocType as the database resolves it? A name that cannot (User,
	Note) is answered without a query: the rest of the desk pays nothing here (issue 15)."""
	if not registry.may_name_service_doctype(doctype):
		return False
	if doctype in registry.SERVICE_DOCTYPES:
		return True
	canonical = frappe.db.get_value("DocType", doctype, "name") or doctype
	return registry.is_service_doctype(canonical)


@frappe.whitelist()
def get_count(doctype, filters=None, debug=False, cache=False):
	"""v15's frappe.client.get_count is a bare frappe.db.count: no permission at all."""
	if not _is_service(doctype):
		return frappe_get_count(doctype, filters=filters, debug=debug, cache=cache)
	return permitted_count(frappe.db.get_value("DocType", doctype, "name"), frappe.parse_json(filters))


@frappe.whitelist()
def search_link(doctype, txt, query=None, filters=None, page_length=10, searchfield=None,
                reference_doctype=None, ignore_user_permissions=False):  # fmt: skip
	"""ignore_user_permissions would make the search skip the row rule."""
	if _is_service(doctype) or _is_service(reference_doctype):
		ignore_user_permissions = False
	return frappe_search.search_link(
		doctype, txt, query=query, filters=filters, page_length=page_length, searchfield=searchfield,
		reference_doctype=reference_doctype, ignore_user_permissions=ignore_user_permissions,
	)  # fmt: skip


@frappe.whitelist()
def search_widget(doctype, txt, query=None, searchfield=None, start=0, page_length=10, filters=None,
                  filter_fields=None, as_dict=False, reference_doctype=None,
                  ignore_user_permissions=False):  # fmt: skip
	if _is_service(doctype) or _is_service(reference_doctype):
		ignore_user_permissions = False
	return frappe_search.search_widget(
		doctype, txt, query=query, searchfield=searchfield, start=start, page_length=page_length,
		filters=filters, filter_fields=filter_fields, as_dict=as_dict, reference_doctype=reference_doctype,
		ignore_user_permissions=ignore_user_permissions,
	)  # fmt: skip


@frappe.whitelist()
def get_open_count(doctype: str, name: str, items=None):
	"""The form dashboard's counts use frappe.get_all: outsiders would count rows about casework
	(an officer's prints, assignments, follows). Recount those side tables through the row rule."""
	result = frappe_notifications.get_open_count(doctype, name, items)
	if is_member():
		return result
	links = frappe.get_meta(doctype).get_dashboard_data()
	for row in result.get("count", {}).get("external_links_found", []):
		if row["doctype"] not in registry.SIDE_TABLES:
			continue
		fieldname = links.get("non_standard_fieldnames", {}).get(row["doctype"], links.get("fieldname"))
		filters = {fieldname: name}
		filters.update(frappe_notifications.get_dynamic_link_filters(row["doctype"], links, fieldname) or {})
		row["count"] = _capped_count(row["doctype"], filters)
		if open_filters := frappe_notifications.get_filters_for(row["doctype"]):
			filters.update(open_filters)
			row["open_count"] = _capped_count(row["doctype"], filters)
	return result


def _capped_count(doctype: str, filters: dict) -> int:
	"""One counted query through the row rule, capped at 100 as Frappe's dashboard counts are."""
	return min(permitted_count(doctype, filters), 100)


@frappe.whitelist()
def get_link_title(doctype, docname):
	"""v15's get_link_title reads the title without any permission check: a student's name is
	given only to someone who may read that student's record (a declared conflict withholds it)."""
	from student_advice.confidentiality.permissions import may_access_record

	if _is_service(doctype) and not may_access_record(
		frappe.db.get_value("DocType", doctype, "name"), docname
	):
		return docname
	return frappe_search.get_link_title(doctype, docname)


@frappe.whitelist()
def getdoc(doctype, name, user=None):
	"""Frappe's form load; a member refused a service record (only a declared conflict refuses a member)
	is told so plainly instead of "Not allowed via controller permission check" (decision 36)."""
	try:
		return frappe_load.getdoc(doctype, name, user=user)
	except frappe.PermissionError:
		if not (_is_service(doctype) and is_member()):
			raise
		frappe.clear_messages()
		frappe.flags.error_message = None
		frappe.throw(
			conflict_message(), frappe.PermissionError, title=frappe._("Declared conflict of interest")
		)


@frappe.whitelist()
def global_search(text, start=0, limit=20, doctype=""):
	"""Frappe's global search, and for members of the service also the students they may read,
	found by name or email through the row rule (declared conflicts included). Students never
	enter __global_search, a table every user's search reads (decision 5)."""
	from frappe.utils import cint
	from frappe.utils import global_search as frappe_global_search

	results = frappe_global_search.search(text, start=start, limit=limit, doctype=doctype)
	if not is_member() or doctype not in (None, "", "Advice Student") or cint(start) > 0:
		return results
	return _students_matching(text, cint(limit) or 20) + results


def _students_matching(text, limit: int) -> list[dict]:
	words = [word.strip() for word in str(text or "").split("&") if word.strip()]
	if not words:
		return []
	found, titles = {}, {}
	for word in words:
		pattern = "%{}%".format(word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
		for row in frappe.get_list(
			"Advice Student",
			or_filters={field: ["like", pattern] for field in ("full_name", "preferred_name", "email")},
			fields=["name", "full_name", "preferred_name", "email"],
			limit_page_length=limit,
			order_by="full_name asc",
		):
			content = [
				("Full Name", row.full_name),
				("Preferred Name", row.preferred_name),
				("Email", row.email),
			]
			found[row.name] = {
				"doctype": "Advice Student",
				"name": row.name,
				"content": "|||".join(f"{frappe._(label)} : {value}" for label, value in content if value),
				"rank": 1.0,
			}
			titles[f"Advice Student::{row.name}"] = row.full_name
	# the desk's search dialog labels a result by its record name; desk_search.js shows this title
	frappe.response.setdefault("_link_titles", {}).update(titles)
	return list(found.values())[:limit]
