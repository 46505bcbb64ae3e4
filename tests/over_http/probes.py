"""The leak matrix's probes: every route, as a real client would call it.

A probe builds one request for a record that exists and, with the same builder, for a name
that does not. Probes that name a service DocType must meet outsiders with the uniform
denial; probes that only carry a record name, a file or a search text must give outsiders
identical answers for both and never a canary.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass

from student_advice.policy.registry import SIDE_TABLES


@dataclass(frozen=True)
class Probe:
	id: str  # the whitelisted method or route it exercises
	build: Callable  # (doctype, name, ctx) -> (http method, path, data or None)
	writes: bool = False  # changes data when allowed: never sent as an officer, checked for side effects
	control: bool = True  # an officer's answer for the existing record carries the record


def _j(value) -> str:
	return json.dumps(value)


def _m(path: str) -> str:
	return f"/api/method/{path}"


# Probes that name the service DocType in the request (parametrized over every student record DocType).
NAMING = [
	# Issue 11: Frappe mounts its v1 API a second time under /api/v1.
	Probe("api/v1/resource", lambda dt, n, c: ("GET", f"/api/v1/resource/{dt}/{n}", None)),
	Probe(
		"api/v1/method/frappe.client.get",
		lambda dt, n, c: ("GET", "/api/v1/method/frappe.client.get", {"doctype": dt, "name": n}),
	),
	# Issue 11: v1 create reads a text/plain body itself; the form the gate saw used to be empty.
	Probe(
		"api/resource/Reminder (text/plain)",
		lambda dt, n, c: (
			"TEXT",
			"/api/resource/Reminder",
			{
				"reminder_doctype": dt,
				"reminder_docname": n,
				"remind_at": "2030-01-01 00:00:00",
				"description": "x",
			},
		),
		writes=True,
	),
	Probe("frappe.client.get", lambda dt, n, c: ("GET", _m("frappe.client.get"), {"doctype": dt, "name": n})),
	Probe(
		"frappe.client.get_list",
		lambda dt, n, c: (
			"POST",
			_m("frappe.client.get_list"),
			{"doctype": dt, "filters": _j({"name": n}), "fields": _j(["*"])},
		),
	),
	Probe(
		"frappe.client.get_count",
		lambda dt, n, c: ("POST", _m("frappe.client.get_count"), {"doctype": dt, "filters": _j({"name": n})}),
		control=False,
	),
	Probe(
		"frappe.client.get_value",
		lambda dt, n, c: (
			"POST",
			_m("frappe.client.get_value"),
			{"doctype": dt, "filters": _j({"name": n}), "fieldname": _j(["name", "modified"])},
		),
	),
	Probe(
		"frappe.client.has_permission",
		lambda dt, n, c: ("POST", _m("frappe.client.has_permission"), {"doctype": dt, "docname": n}),
		control=False,
	),
	Probe(
		"frappe.client.get_doc_permissions",
		lambda dt, n, c: ("POST", _m("frappe.client.get_doc_permissions"), {"doctype": dt, "docname": n}),
		control=False,
	),
	Probe(
		"frappe.client.validate_link",
		lambda dt, n, c: ("POST", _m("frappe.client.validate_link"), {"doctype": dt, "docname": n}),
	),
	Probe(
		"frappe.client.set_value",
		lambda dt, n, c: (
			"POST",
			_m("frappe.client.set_value"),
			{"doctype": dt, "name": n, "fieldname": "modified_by", "value": "Administrator"},
		),
		writes=True,
	),
	Probe(
		"frappe.client.insert",
		lambda dt, n, c: ("POST", _m("frappe.client.insert"), {"doc": _j({"doctype": dt, "name": n})}),
		writes=True,
	),
	Probe(
		"frappe.client.bulk_update",
		lambda dt, n, c: (
			"POST",
			_m("frappe.client.bulk_update"),
			{"docs": _j([{"doctype": dt, "docname": n, "modified_by": "Administrator"}])},
		),
		writes=True,
	),
	Probe(
		"frappe.client.attach_file",
		lambda dt, n, c: (
			"POST",
			_m("frappe.client.attach_file"),
			{"filename": "x.txt", "filedata": "eA==", "doctype": dt, "docname": n, "decode_base64": 1},
		),
		writes=True,
	),
	Probe("/api/resource/<doctype>/<name>", lambda dt, n, c: ("GET", f"/api/resource/{dt}/{n}", None)),
	Probe(
		"/api/resource/<doctype>",
		lambda dt, n, c: (
			"GET",
			f"/api/resource/{dt}",
			{"filters": _j([["name", "=", n]]), "fields": _j(["*"])},
		),
	),
	Probe("/api/v2/document/<doctype>/<name>", lambda dt, n, c: ("GET", f"/api/v2/document/{dt}/{n}", None)),
	Probe(
		"/api/v2/doctype/<doctype>/count",
		lambda dt, n, c: ("GET", f"/api/v2/doctype/{dt}/count", {"filters": _j({"name": n})}),
		control=False,
	),
	Probe(
		"frappe.desk.reportview.get",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.reportview.get"),
			{"doctype": dt, "fields": _j(["name"]), "filters": _j({"name": n})},
		),
	),
	Probe(
		"frappe.desk.reportview.get_count",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.reportview.get_count"),
			{"doctype": dt, "filters": _j({"name": n})},
		),
		control=False,
	),
	Probe(
		"frappe.desk.reportview.get_sidebar_stats",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.reportview.get_sidebar_stats"),
			{"doctype": dt, "stats": _j(["_assign", "owner"]), "filters": _j({"name": n})},
		),
		control=False,
	),
	Probe(
		"frappe.desk.listview.get_group_by_count",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.listview.get_group_by_count"),
			{"doctype": dt, "current_filters": _j({"name": n}), "field": "owner"},
		),
		control=False,
	),
	Probe(
		"frappe.desk.search.search_link",
		lambda dt, n, c: ("POST", _m("frappe.desk.search.search_link"), {"doctype": dt, "txt": n}),
	),
	Probe(
		"frappe.desk.search.search_widget",
		lambda dt, n, c: ("POST", _m("frappe.desk.search.search_widget"), {"doctype": dt, "txt": n}),
	),
	Probe(
		"frappe.desk.search.get_link_title",
		lambda dt, n, c: ("POST", _m("frappe.desk.search.get_link_title"), {"doctype": dt, "docname": n}),
	),
	Probe(
		"frappe.desk.form.load.getdoc",
		lambda dt, n, c: ("GET", _m("frappe.desk.form.load.getdoc"), {"doctype": dt, "name": n}),
	),
	Probe(
		"frappe.desk.form.load.get_docinfo",
		lambda dt, n, c: ("POST", _m("frappe.desk.form.load.get_docinfo"), {"doctype": dt, "name": n}),
		control=False,
	),
	Probe(
		"frappe.desk.form.linked_with.get",
		lambda dt, n, c: ("POST", _m("frappe.desk.form.linked_with.get"), {"doctype": dt, "docname": n}),
		control=False,
	),
	Probe(
		"frappe.desk.form.linked_with.get_submitted_linked_docs",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.form.linked_with.get_submitted_linked_docs"),
			{"doctype": dt, "name": n},
		),
		control=False,
	),
	Probe(
		"frappe.desk.form.utils.get_next",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.form.utils.get_next"),
			{"doctype": dt, "value": n, "prev": 0},
		),
		control=False,
	),
	Probe(
		"frappe.desk.form.utils.add_comment",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.form.utils.add_comment"),
			{
				"reference_doctype": dt,
				"reference_name": n,
				"content": "probe",
				"comment_email": c["user"] or "guest@example.test",
				"comment_by": "probe",
			},
		),
		writes=True,
	),
	Probe(
		"frappe.desk.form.assign_to.add",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.form.assign_to.add"),
			{"doctype": dt, "name": n, "assign_to": _j([c["user"] or "Guest"])},
		),
		writes=True,
	),
	Probe(
		"frappe.desk.like.toggle_like",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.like.toggle_like"),
			{"doctype": dt, "name": n, "add": "Yes"},
		),
		writes=True,
	),
	Probe(
		"frappe.desk.doctype.tag.tag.add_tag",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.doctype.tag.tag.add_tag"),
			{"tag": "probe", "dt": dt, "dn": n},
		),
		writes=True,
	),
	Probe(
		"frappe.desk.doctype.tag.tag.get_tagged_docs",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.doctype.tag.tag.get_tagged_docs"),
			{"doctype": dt, "tag": c["tag"] if n == c["existing"] else "no-such-tag"},
		),
		control=False,
	),
	Probe(
		"frappe.desk.notifications.get_open_count",
		lambda dt, n, c: ("POST", _m("frappe.desk.notifications.get_open_count"), {"doctype": dt, "name": n}),
		control=False,
	),
	Probe(
		"frappe.realtime.can_subscribe_doc",
		lambda dt, n, c: ("POST", _m("frappe.realtime.can_subscribe_doc"), {"doctype": dt, "docname": n}),
		control=False,
	),
	Probe(
		"frappe.realtime.can_subscribe_doctype",
		lambda dt, n, c: ("POST", _m("frappe.realtime.can_subscribe_doctype"), {"doctype": dt}),
		control=False,
	),
	Probe("/printview", lambda dt, n, c: ("GET", "/printview", {"doctype": dt, "name": n})),
	Probe(
		"frappe.www.printview.get_html_and_style",
		lambda dt, n, c: ("POST", _m("frappe.www.printview.get_html_and_style"), {"doc": dt, "name": n}),
	),
	Probe(
		"frappe.utils.print_format.download_pdf",
		lambda dt, n, c: ("GET", _m("frappe.utils.print_format.download_pdf"), {"doctype": dt, "name": n}),
		control=False,
	),
	Probe(
		"frappe.desk.link_preview.get_preview_data",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.link_preview.get_preview_data"),
			{"doctype": dt, "docname": n},
		),
		control=False,
	),
	Probe(
		"frappe.desk.form.document_follow.follow_document",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.form.document_follow.follow_document"),
			{"doctype": dt, "doc_name": n, "user": c["user"] or "Guest"},
		),
		writes=True,
	),
	Probe(
		"frappe.share.add",
		lambda dt, n, c: (
			"POST",
			_m("frappe.share.add"),
			{"doctype": dt, "name": n, "user": c["user"] or "Guest", "read": 1},
		),
		writes=True,
	),
	Probe(
		"frappe.handler.upload_file",
		lambda dt, n, c: (
			"FILE",
			_m("upload_file"),
			{"doctype": dt, "docname": n, "is_private": 0, "file_name": "probe.txt"},
		),
		writes=True,
	),
	Probe(
		"/app/<doctype>/<name>",
		lambda dt, n, c: ("GET", f"/app/{dt.lower().replace(' ', '-')}/{n}", None),
		control=False,  # the desk shell is one page for every record
	),
]


def _side_table_probe(side: str) -> Probe:
	name_field = SIDE_TABLES[side][1]
	return Probe(
		f"frappe.client.get_list[{side}]",
		lambda dt, n, c: (
			"POST",
			_m("frappe.client.get_list"),
			{"doctype": side, "filters": _j({name_field: n}), "fields": _j(["*"]), "limit_page_length": 0},
		),
		control=False,
	)


# Probes that carry only a record's name (or a file, or a text): outsiders must not tell existing from missing.
BY_NAME = [_side_table_probe(side) for side in sorted(SIDE_TABLES)] + [
	Probe(
		"frappe.utils.global_search.search",
		lambda dt, n, c: (
			"POST",
			_m("frappe.utils.global_search.search"),
			{"text": c["canary"] if n == c["existing"] else "Q" + n},
		),
		control=False,
	),
	Probe(
		"frappe.utils.global_search.web_search",
		lambda dt, n, c: (
			"POST",
			_m("frappe.utils.global_search.web_search"),
			{"text": c["canary"] if n == c["existing"] else "Q" + n},
		),
		control=False,
	),
	Probe(
		"frappe.core.api.file.get_files_by_search_text",
		lambda dt, n, c: (
			"POST",
			_m("frappe.core.api.file.get_files_by_search_text"),
			{"text": c["canary"] if n == c["existing"] else "Q" + n},
		),
		control=False,
	),
	Probe(
		"frappe.core.api.file.get_files_in_folder",
		lambda dt, n, c: (
			"POST",
			_m("frappe.core.api.file.get_files_in_folder"),
			{"folder": "Home/Attachments", "start": 0, "page_length": 500},  # no casework file, ever
		),
		control=False,
	),
	Probe(
		"frappe.desk.reportview.get[Version]",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.reportview.get"),
			{"doctype": "Version", "fields": _j(["name", "data"]), "filters": _j({"docname": n})},
		),
		control=False,
	),
	Probe(
		"frappe.desk.form.load.getdoc[File]",
		lambda dt, n, c: (
			"GET",
			_m("frappe.desk.form.load.getdoc"),
			{"doctype": "File", "name": c["file_name"] if n == c["existing"] else n},
		),
		control=False,
	),
	Probe(
		"/private/files/<attachment>",
		lambda dt, n, c: ("GET", c["file_url"] if n == c["existing"] else f"/private/files/{n}.txt", None),
		control=False,
	),
	Probe(
		"/files/<attachment>",
		lambda dt, n, c: (
			"GET",
			c["file_url"].replace("/private", "") if n == c["existing"] else f"/files/{n}.txt",
			None,
		),
		control=False,
	),
	Probe(
		"frappe.desk.form.linked_with.get[User]",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.form.linked_with.get"),
			{"doctype": "User", "docname": c["officer"] if n == c["existing"] else c["bystander"]},
		),
		control=False,
	),
	Probe(
		"frappe.desk.notifications.get_open_count[User]",
		lambda dt, n, c: (
			"POST",
			_m("frappe.desk.notifications.get_open_count"),
			{"doctype": "User", "name": c["officer"] if n == c["existing"] else c["bystander"]},
		),
		control=False,
	),
]
