"""The rest of the desk: the union's other work is not the service's business (issue 11).

Ordinary desk users and System Managers outside the service write, list, search and delete
records whose titles use the service's words (Enquiry, College, Faculty, Consent,
Disclosure, Third Party, Case). The gate reads structure, not words: none of these requests
names a service DocType, so none meets the uniform denial.

And each request is made both ways in the same session: on the site with the app and on
student-advice-plain.localhost, the same bench without it (tests/run.py), by the same
personas (same emails, names and roles; a website user too, who is refused both ways). Status
codes are equal, and so are the bodies once record names, timestamps and tracebacks are put aside.
"""

import json
import re

import pytest

from student_advice.confidentiality.gate import DENIAL_BODY
from tests.over_http.conftest import PASSWORD, PLAIN_SITE, PLAIN_URL, Client, missing_name

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
BOTH_WAYS = (*PERSONAS, "website_user")  # the website user is refused Notes, on both sites alike
# What differs between two sites by construction, never by the app: put aside before comparing.
VOLATILE_KEYS = {"name", "creation", "modified", "csrf_token", "exc", "_debug_messages", "__last_sync_on",
                 "__frappe_exc_id"}  # fmt: skip
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?$")


def _ok(response):
	assert response.status_code in (200, 202), response.text[:300]  # v1 delete answers 202
	assert response.text != DENIAL_BODY
	return response.json()


def _body(response):
	try:
		return response.json()
	except ValueError:
		return response.text


def normalised(value, names=frozenset()):
	"""A response body with what must differ between two sites (record names, timestamps, csrf tokens,
	tracebacks) replaced by placeholders; keys, titles, contents and messages kept."""
	if isinstance(value, dict):
		return {
			k: ("<volatile>" if k in VOLATILE_KEYS and v is not None else normalised(v, names))
			for k, v in value.items()
		}
	if isinstance(value, list):
		return [normalised(v, names) for v in value]
	if isinstance(value, str):
		if value in names:
			return "<name>"
		if TIMESTAMP.match(value):
			return "<timestamp>"
		for name in names:
			value = value.replace(name, "<name>")
		if value[:1] in "[{" and value[-1:] in "]}":  # _server_messages: JSON of JSON messages
			try:
				return normalised(json.loads(value), names)
			except ValueError:
				pass
	return value


def assert_same_both_ways(steps_with_app, steps_without_app):
	"""Each step's status and normalised body are equal on the two sites."""
	assert [s for s, _, _ in steps_with_app] == [s for s, _, _ in steps_without_app]
	for (step, with_app, names_with), (_, without_app, names_without) in zip(
		steps_with_app, steps_without_app, strict=True
	):
		assert with_app.status_code == without_app.status_code, (
			f"{step}: {with_app.status_code} with the app, {without_app.status_code} without it:"
			f" {with_app.text[:300]} / {without_app.text[:300]}"
		)
		assert normalised(_body(with_app), names_with) == normalised(_body(without_app), names_without), step


@pytest.fixture(scope="module")
def pair(site, users):
	"""persona -> (client on the site with the app, client on the plain site), the same users on both."""
	import frappe

	from tests.factories import make_user

	if not PLAIN_SITE or not PLAIN_URL:
		pytest.skip("STUDENT_ADVICE_PLAIN_SITE is not set: the HTTP tier runs from tests/run.py")
	made = {p: users[p] for p in PERSONAS}
	made["website_user"] = make_user((), desk=False, password=PASSWORD)
	frappe.db.commit()
	admin = Client("administrator", "Administrator", site=PLAIN_SITE, base_url=PLAIN_URL, password="admin")
	for email in made.values():
		user = frappe.get_doc("User", email)
		roles = sorted({r.role for r in user.roles} - {"Desk User"})  # Frappe adds Desk User itself
		response = admin.post(
			"/api/resource/User",
			data=json.dumps(
				{
					"email": email,
					"first_name": user.first_name,
					"user_type": user.user_type,
					"send_welcome_email": 0,
					"roles": [{"role": r} for r in roles],
					"new_password": PASSWORD,
				}
			),
			headers={"Content-Type": "application/json"},
		)
		assert response.status_code == 200, f"could not make {email} on {PLAIN_SITE}: {response.text[:300]}"
	clients = {
		p: (Client(p, email), Client(p, email, site=PLAIN_SITE, base_url=PLAIN_URL))
		for p, email in made.items()
	}
	# The plain site is kept between runs: remove the personas of earlier runs and, at the end, this run's.
	# Frappe keeps the last System Manager besides Administrator, so one is always left to the next run.
	earlier = admin.get(
		"/api/resource/User",
		{"filters": json.dumps([["name", "like", "%@example.test"]]), "limit_page_length": 0},
	)
	stale = [row["name"] for row in earlier.json().get("data", []) if row["name"] not in made.values()]
	yield clients
	for email in [*stale, *made.values()]:
		admin.delete(f"/api/resource/User/{email}")


def note_flow(client, persona, title, check):
	"""Write, list, report, edit and delete one Note; every response as (step, response, record names)."""
	steps, names = [], set()

	def step(label, response):
		steps.append((label, response, frozenset(names)))
		if check:
			return _ok(response)

	doc = {"doctype": "Note", "title": f"{title} {persona}", "content": f"<p>{title}: Case, Enquiry</p>"}
	response = client.post("/api/method/frappe.client.insert", {"doc": json.dumps(doc)})
	name = response.json().get("message", {}).get("name") if response.status_code == 200 else None
	names.add(name or missing_name())
	name = name or next(iter(names))
	step("insert", response)
	listed = step(
		"get_list",
		client.get(
			"/api/method/frappe.client.get_list",
			{
				"doctype": "Note",
				"filters": json.dumps([["title", "like", f"%{title}%"]]),
				"fields": '["name"]',
			},
		),
	)
	if check:
		assert name in {row["name"] for row in listed["message"]}
	step(
		"reportview.get",
		client.get(
			"/api/method/frappe.desk.reportview.get",
			{"doctype": "Note", "fields": '["title"]', "filters": json.dumps([["name", "=", name]])},
		),
	)
	step(
		"set_value",
		client.post(
			"/api/method/frappe.client.set_value",
			{"doctype": "Note", "name": name, "fieldname": "title", "value": f"{title} (Disclosure)"},
		),
	)
	step("delete", client.delete(f"/api/resource/Note/{name}"))
	return steps


@pytest.mark.parametrize("persona", BOTH_WAYS)
@pytest.mark.parametrize("title", TITLES)
def test_notes_with_the_services_words_are_written_listed_and_deleted(pair, persona, title):
	with_app, without_app = pair[persona]
	check = persona in PERSONAS
	assert_same_both_ways(
		note_flow(with_app, persona, title, check), note_flow(without_app, persona, title, check)
	)


def v1_flow(client, persona, check):
	steps = []
	body = json.dumps({"title": f"College ball {persona} v1", "content": "Third Party caterers"})
	response = client.post("/api/resource/Note", data=body, headers={"Content-Type": "application/json"})
	name = (response.json().get("data") or {}).get("name") if response.status_code == 200 else None
	names = frozenset({name or missing_name()})
	name = name or next(iter(names))
	steps.append(("v1 create", response, names))
	steps.append(("v1 read", client.get(f"/api/v1/resource/Note/{name}"), names))
	steps.append(("v1 delete", client.delete(f"/api/v1/resource/Note/{name}"), names))
	if check:
		for _, response, _ in steps:
			_ok(response)
	return steps


@pytest.mark.parametrize("persona", BOTH_WAYS)
def test_v1_resource_create_with_a_json_body(pair, persona):
	with_app, without_app = pair[persona]
	check = persona in PERSONAS
	assert_same_both_ways(v1_flow(with_app, persona, check), v1_flow(without_app, persona, check))


def search_flow(client, txt, check):
	steps = []
	for doctype in ("User", "Note"):
		response = client.get("/api/method/frappe.desk.search.search_link", {"doctype": doctype, "txt": txt})
		if check:
			_ok(response)
		steps.append((f"search_link {doctype}", response))
	return steps


def _search_shape(response, ours):
	"""The two sites hold different users and notes: compare the rows' keys, and our personas' rows."""
	body = _body(response)
	if not isinstance(body, dict) or not isinstance(body.get("message"), list):
		return {"body": normalised(body)}
	rows = [row if isinstance(row, dict) else {"value": row} for row in body["message"]]
	return {
		"keys": sorted(set().union(*(row.keys() for row in rows))) if rows else None,
		"ours": sorted(json.dumps(row, sort_keys=True) for row in rows if row.get("value") in ours),
		"other keys": sorted(k for k in body if k != "message"),
	}


@pytest.mark.parametrize("persona", BOTH_WAYS)
@pytest.mark.parametrize("txt", ("Case", "Case works", "Enquiry", "College"))
def test_search_text_is_never_a_doctype(pair, persona, txt):
	with_app, without_app = pair[persona]
	check = persona in PERSONAS
	ours = {client.user for client, _ in pair.values()}
	for (step, a), (_, b) in zip(
		search_flow(with_app, txt, check), search_flow(without_app, txt, check), strict=True
	):
		assert a.status_code == b.status_code, f"{step}: {a.text[:300]} / {b.text[:300]}"
		shape_a, shape_b = _search_shape(a, ours), _search_shape(b, ours)
		if shape_a.get("keys") is None or shape_b.get("keys") is None:  # no rows on one site: nothing to key
			shape_a.pop("keys", None), shape_b.pop("keys", None)
		assert shape_a == shape_b, step
