"""Outsiders get one 403 with one body, for records that exist and records that do not."""

import json

import pytest

from student_advice.confidentiality.gate import DENIAL_BODY
from student_advice.policy.registry import STUDENT_RECORDS
from tests.over_http.conftest import OUTSIDERS, missing_name

BASIC_ROUTES = {
	"get_list": lambda dt, name: ("POST", "/api/method/frappe.client.get_list",
		{"doctype": dt, "filters": json.dumps({"name": name}), "fields": json.dumps(["name"])}),
	"get_count": lambda dt, name: ("POST", "/api/method/frappe.client.get_count",
		{"doctype": dt, "filters": json.dumps({"name": name})}),
	"get_doc": lambda dt, name: ("GET", "/api/method/frappe.client.get", {"doctype": dt, "name": name}),
	"resource": lambda dt, name: ("GET", f"/api/resource/{dt}/{name}", None),
	"link_search": lambda dt, name: ("POST", "/api/method/frappe.desk.search.search_link",
		{"doctype": dt, "txt": name}),
}  # fmt: skip


def call(client, method, path, data):
	if method == "GET":
		return client.get(path, params=data)
	return client.post(path, data=data)


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize("doctype", sorted(STUDENT_RECORDS))
@pytest.mark.parametrize("route", sorted(BASIC_ROUTES))
def test_outsiders_get_the_same_denial_for_existing_and_missing(clients, world, persona, doctype, route):
	client = clients[persona]
	answers = []
	for name in (world["records"][doctype], missing_name()):
		method, path, data = BASIC_ROUTES[route](doctype, name)
		response = call(client, method, path, data)
		answers.append((response.status_code, response.text))
		assert world["canary"] not in response.text
	assert answers[0] == answers[1] == (403, DENIAL_BODY)


@pytest.mark.parametrize("doctype", sorted(STUDENT_RECORDS))
def test_an_officer_reads_the_same_records(clients, world, doctype):
	"""Positive control: the routes above do return the records to an officer."""
	client = clients["officer"]
	name = world["records"][doctype]
	response = client.get(f"/api/resource/{doctype}/{name}")
	assert response.status_code == 200 and response.json()["data"]["name"] == name
	response = client.post(
		"/api/method/frappe.client.get_count", {"doctype": doctype, "filters": json.dumps({"name": name})}
	)
	assert response.json()["message"] == 1


BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize("doctype", ["Case", "Advice Student"])
def test_a_followed_link_gets_frappes_not_permitted_page_the_same_for_missing(
	clients, world, persona, doctype
):
	"""Decision 37: a browser navigation gets Frappe's own 403 page, byte for byte the same."""
	client = clients[persona]
	slug = doctype.lower().replace(" ", "-")
	answers = []
	for name in (world["records"][doctype], missing_name()):
		response = client.get(f"/app/{slug}/{name}", headers=BROWSER)
		assert world["canary"] not in response.text and name not in response.text
		answers.append((response.status_code, response.headers.get("Content-Type", ""), response.text))
	assert answers[0] == answers[1]
	status, content_type, body = answers[0]
	assert status == 403 and content_type.startswith("text/html")
	if persona != "guest":
		assert "Not Permitted" in body and "exc_type" not in body
