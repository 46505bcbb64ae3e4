"""What the request gate costs the rest of the union's desk (issue 11, "Speed"): a request that
names nothing of the service is parsed once and reaches the database not at all. The gate is run
exactly as Frappe's auth hook runs it, on a request built as werkzeug builds it; frappe.db.sql is
wrapped only to count its calls (observed, never replaced). A positive control proves the count
sees the queries the gate does make when a request names a record."""

import json

import frappe
import pytest
from frappe.app import make_form_dict
from werkzeug.exceptions import Forbidden
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from student_advice.confidentiality import gate
from tests.factories import make_user

ORDINARY = [
	("GET", "/api/resource/Note", {"fields": '["name","title"]', "limit_page_length": "20"}, None),
	("GET", "/api/v1/resource/Note", {"filters": '[["title","like","%Case%"]]'}, None),
	(
		"POST",
		"/api/method/frappe.desk.reportview.get",
		None,
		{"doctype": "Note", "fields": ["`tabNote`.`title`"]},
	),
	("POST", "/api/method/frappe.desk.search.search_link", None, {"doctype": "User", "txt": "Case"}),
	("POST", "/api/method/frappe.client.insert", None, {"doc": {"doctype": "Note", "title": "College ball"}}),
	("GET", "/app/note", None, None),
]


def guarded(method, path, query=None, body=None):
	builder = EnvironBuilder(
		method=method,
		path=path,
		query_string=query,
		data=json.dumps(body) if body is not None else None,
		content_type="application/json" if body is not None else None,
	)
	request = Request(builder.get_environ())
	previous = getattr(frappe.local, "request", None)
	frappe.local.request = request
	make_form_dict(request)
	calls = []
	sql = frappe.db.sql

	def counted(*args, **kwargs):
		calls.append(str(args[0])[:120] if args else "")
		return sql(*args, **kwargs)

	frappe.db.sql = counted
	try:
		gate.guard_request()
	except Forbidden:
		calls.append("denied")
	finally:
		frappe.db.sql = sql
		frappe.local.request = previous
	return calls


@pytest.fixture
def desk_user():
	user = make_user(["System Manager"])
	frappe.set_user(user)
	return user


@pytest.mark.parametrize(("method", "path", "query", "body"), ORDINARY, ids=[p for _, p, _, _ in ORDINARY])
def test_an_ordinary_request_costs_the_gate_no_query(desk_user, method, path, query, body):
	guarded(method, path, query, body)  # warm Frappe's own caches (meta, hooks, roles)
	assert guarded(method, path, query, body) == []


def test_the_count_sees_the_queries_of_a_request_naming_a_record(desk_user):
	# positive control: a Kanban Board named in a request is looked up (which DocType it shows)
	path = "/api/method/frappe.desk.doctype.kanban_board.kanban_board.update_order"
	body = {"board_name": "Office moves", "order": "{}"}
	guarded("POST", path, None, body)
	calls = guarded("POST", path, None, body)
	assert any("Kanban Board" in query for query in calls), calls
