"""Records on request over HTTP: real students ask, an officer releases, each reads only their own copy.

Its own students (not the shared world's), so the world's canaries stay where the other tests expect them.
"""

import re

import pytest

from student_advice.confidentiality.gate import DENIAL_BODY
from student_advice.policy import record_access as policy
from tests.factories import make_case, make_student, make_user, unique
from tests.over_http.conftest import PASSWORD, Client, frappe

ASK = "/api/method/student_advice.api.portal.request_my_records"
PDF = "/api/method/student_advice.api.portal.my_copy_pdf"
DOCTYPE = "Record Access Request"


def page(client, **params):
	response = client.get(
		"/my-records", params=params, allow_redirects=False, headers={"Accept": "text/html"}
	)
	token = re.search(r'frappe\.csrf_token = "([^"]+)"', response.text)
	return response, token.group(1) if token else None


def ask(client):
	_, token = page(client)
	return client.post(ASK, data={"no_email": 0}, headers={"X-Frappe-CSRF-Token": token or ""})


def fresh():
	"""End this connection's transaction, so that it sees what the server committed since."""
	frappe.db.commit()


def release(name, officer):
	"""The officer's review, in process on the served site's database (committed for the server to see)."""
	frappe.set_user(officer)
	doc = frappe.get_doc(DOCTYPE, name)
	doc.gather_items()
	doc.reload()
	for row in doc.items:
		row.decision = policy.RELEASE
	doc.save()
	doc.release()
	frappe.set_user("Administrator")
	frappe.db.commit()


@pytest.fixture(scope="module")
def portal(site, users):
	"""Two students known to the service, each with a case; and one it does not know."""
	made = {}
	frappe.set_user(users["officer"])
	for key in ("a", "b"):
		user = make_user(desk=False, password=PASSWORD)
		canary = "CANARY" + unique(f"access{key}")
		record = make_student(email=user, full_name=f"{canary} Student")
		make_case(record.name, summary=f"{canary} summary")
		made[key] = {"user": user, "canary": canary}
	made["none"] = {"user": make_user(desk=False, password=PASSWORD), "canary": None}
	frappe.set_user("Administrator")
	frappe.db.commit()
	for who in made.values():
		who["client"] = Client("student", who["user"])
	return made


def _uniform(text, client):
	return re.sub(r"\s+", " ", text.replace(client.user, ""))


def test_the_page_and_the_answer_are_the_same_with_or_without_records(portal):
	bodies, answers = [], []
	for who in ("a", "none"):
		client = portal[who]["client"]
		response, token = page(client)
		assert response.status_code == 200 and token and 'id="my-records-ask"' in response.text
		bodies.append(_uniform(response.text.replace(token, ""), client))
		response = ask(client)
		assert portal["a"]["canary"] not in response.text
		answers.append((response.status_code, response.json()))
	assert len(bodies[0]) == len(bodies[1])
	assert answers[0] == answers[1] == (200, {"message": {"received": 1}})
	fresh()
	asked = frappe.get_all(DOCTYPE, filters={"email": ("in", [portal[w]["user"] for w in ("a", "none")])},
	                       fields=["email", "student"])  # fmt: skip
	assert {r.email: bool(r.student) for r in asked} == {
		portal["a"]["user"]: True,
		portal["none"]["user"]: False,
	}


def test_each_student_reads_only_their_own_released_copy(portal, users):
	a, b = portal["a"], portal["b"]
	for who in (a, b):
		fresh()
		if not frappe.db.exists(DOCTYPE, {"email": who["user"]}):
			assert ask(who["client"]).status_code == 200
			fresh()
		who["request"] = frappe.db.get_value(DOCTYPE, {"email": who["user"]}, "name")
		release(who["request"], users["officer"])
	response, _ = page(a["client"], copy=a["request"])
	assert response.status_code == 200 and a["canary"] in response.text and b["canary"] not in response.text
	pdf = a["client"].get(PDF, params={"copy": a["request"]})
	assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"
	# b asking for a's copy: the page b gets for a copy that does not exist, and no PDF
	theirs, _ = page(b["client"], copy=a["request"])
	missing, _ = page(b["client"], copy=unique("missing"))
	assert theirs.status_code == missing.status_code == 200 and a["canary"] not in theirs.text
	strip = lambda r: re.sub(r'frappe\.csrf_token = "[^"]+"', "", r.text)  # noqa: E731
	assert strip(theirs) == strip(missing)
	for copy in (a["request"], unique("missing")):
		response = b["client"].get(PDF, params={"copy": copy})
		assert (response.status_code, response.text) == (403, DENIAL_BODY)
	views = frappe.get_all(
		"Access Log",
		filters={"reference_document": a["request"]},
		fields=["user", "method"],
		order_by="creation",
	)
	assert [(v.user, v.method) for v in views] == [(a["user"], "Portal View"), (a["user"], "Portal Download")]


def test_an_extension_shows_the_student_its_reason_and_the_new_date(users):
	user = make_user(desk=False, password=PASSWORD)
	frappe.db.commit()  # for the server to see
	client = Client("student", user)
	assert ask(client).status_code == 200
	fresh()
	name = frappe.db.get_value(DOCTYPE, {"email": client.user}, "name")
	before, _ = page(client)
	reason = "We hold records in two colleges <b>&"
	assert "We need more time" not in before.text
	frappe.set_user(users["officer"])
	frappe.get_doc(DOCTYPE, name).extend_deadline(2, reason)
	frappe.set_user("Administrator")
	frappe.db.commit()
	after, _ = page(client)
	assert "We need more time: we extended this by 2 month(s), because:" in after.text
	assert "We hold records in two colleges &lt;b&gt;&amp;" in after.text  # the officer's words, escaped
	shown = re.search(r"<td>([^<]*)<div class=\"my-records-extension\">", after.text).group(1).strip()
	due = frappe.utils.getdate(frappe.db.get_value(DOCTYPE, name, "due_on"))
	assert shown == frappe.utils.global_date_format(due)  # what the page's frappe.format_date shows
	assert shown not in before.text  # the new date, not the first month's


@pytest.mark.parametrize("doctype", [DOCTYPE, "Record Access Item"])
def test_students_and_guests_get_the_uniform_denial_on_the_new_doctypes(portal, clients, doctype):
	fresh()
	name = frappe.db.get_value(DOCTYPE, {"email": portal["a"]["user"]}, "name") or unique("x")
	for client in (portal["a"]["client"], portal["b"]["client"], clients["guest"], clients["system_manager"]):
		for path in (f"/api/resource/{doctype}/{name}", f"/api/resource/{doctype}"):
			response = client.get(path, allow_redirects=False)
			assert (response.status_code, response.text) == (403, DENIAL_BODY), (client.persona, path)


def test_guests_are_sent_to_log_in_and_the_methods_refuse_them(clients):
	response = clients["guest"].get("/my-records", allow_redirects=False, headers={"Accept": "text/html"})
	assert response.status_code in (301, 302, 303) and "/login" in response.headers["Location"]
	assert clients["guest"].post(ASK).status_code == 403
	assert clients["guest"].get(PDF, params={"copy": unique("x")}).status_code == 403
