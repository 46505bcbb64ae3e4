"""The rest of the desk: the union's other work is not the service's business (issue 11).

Ordinary desk users and System Managers outside the service write, list, search and delete
records whose titles use the service's words (Enquiry, College, Faculty, Consent,
Disclosure, Third Party, Case). The gate reads structure, not words: none of these requests
names a service DocType, so none meets the uniform denial.
"""

import json

import pytest

from student_advice.confidentiality.gate import DENIAL_BODY
from tests.over_http.conftest import BASE_URL

TITLES = (
	"Enquiry from a parent about ball tickets",
	"College ball",
	"Faculty reps meeting",
	"Consent forms for the photo shoot",
	"Disclosure of sponsorship",
	"Third Party caterers",
	"Case study: advice fair",
)
PERSONAS = ("desk_user", "system_manager")


def _ok(response):
	assert response.status_code in (200, 202), response.text[:300]  # v1 delete answers 202
	assert response.text != DENIAL_BODY
	return response.json()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("title", TITLES)
def test_notes_with_the_services_words_are_written_listed_and_deleted(clients, persona, title):
	client = clients[persona]
	doc = {"doctype": "Note", "title": f"{title} {persona}", "content": f"<p>{title}: Case, Enquiry</p>"}
	name = _ok(client.post("/api/method/frappe.client.insert", {"doc": json.dumps(doc)}))["message"]["name"]
	listed = _ok(
		client.get(
			"/api/method/frappe.client.get_list",
			{
				"doctype": "Note",
				"filters": json.dumps([["title", "like", f"%{title}%"]]),
				"fields": '["name"]',
			},
		)
	)
	assert name in {row["name"] for row in listed["message"]}
	_ok(client.get("/api/method/frappe.desk.reportview.get", {"doctype": "Note", "fields": '["title"]'}))
	_ok(
		client.post(
			"/api/method/frappe.client.set_value",
			{"doctype": "Note", "name": name, "fieldname": "title", "value": f"{title} (Disclosure)"},
		)
	)
	response = client.session.delete(BASE_URL + f"/api/resource/Note/{name}", timeout=60)
	_ok(response)


@pytest.mark.parametrize("persona", PERSONAS)
def test_v1_resource_create_with_a_json_body(clients, persona):
	client = clients[persona]
	body = json.dumps({"title": f"College ball {persona} v1", "content": "Third Party caterers"})
	response = client.post("/api/resource/Note", data=body, headers={"Content-Type": "application/json"})
	name = _ok(response)["data"]["name"]
	_ok(client.get(f"/api/v1/resource/Note/{name}"))
	_ok(client.session.delete(BASE_URL + f"/api/v1/resource/Note/{name}", timeout=60))


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("txt", ("Case", "Case works", "Enquiry", "College"))
def test_search_text_is_never_a_doctype(clients, persona, txt):
	client = clients[persona]
	_ok(client.get("/api/method/frappe.desk.search.search_link", {"doctype": "User", "txt": txt}))
	_ok(client.get("/api/method/frappe.desk.search.search_link", {"doctype": "Note", "txt": txt}))
