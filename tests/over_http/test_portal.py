"""The casework form over HTTP: the page answers a signed-in student, the method's answer reveals nothing.

Its own students (not the shared world's), so the world's canaries stay where the other tests expect them.
"""

import re

import pytest

from student_advice.confidentiality.gate import DENIAL_BODY
from tests.factories import make_student, make_user, unique
from tests.over_http.conftest import PASSWORD, Client, frappe

METHOD = "/api/method/student_advice.api.portal.submit_casework_form"


@pytest.fixture(scope="module")
def students(site, users):
	"""One student the service already knows (with a canary in their record), one it does not."""
	known, unknown = make_user(desk=False, password=PASSWORD), make_user(desk=False, password=PASSWORD)
	canary = "CANARY" + unique("portal")
	frappe.set_user(users["officer"])
	record = make_student(email=known, full_name=f"{canary} Known", contact_notes=f"{canary} notes")
	frappe.set_user("Administrator")
	frappe.db.commit()
	return {"known": Client("known", known), "unknown": Client("unknown", unknown), "canary": canary,
	        "record": record.name}  # fmt: skip


def page(client):
	response = client.get("/casework-form", allow_redirects=False, headers={"Accept": "text/html"})
	token = re.search(r'frappe\.csrf_token = "([^"]+)"', response.text)
	return response, token.group(1) if token else None


def submit(client, token, **fields):
	data = {
		"full_name": "Sam Student",
		"help_needed": "My deposit was kept.",
		"college_name": "Clare College",
	}
	data.update(fields)
	return client.post(METHOD, data=data, headers={"X-Frappe-CSRF-Token": token or ""})


def test_the_page_answers_a_signed_in_student_the_same_with_or_without_records(students):
	bodies = []
	for who in ("known", "unknown"):
		response, token = page(students[who])
		assert response.status_code == 200 and token
		assert 'id="casework-form"' in response.text and "Clare College" in response.text
		assert students["canary"] not in response.text
		body = response.text.replace(token, "").replace(students[who].user, "")
		bodies.append(re.sub(r"\s+", " ", body))
	assert len(bodies[0]) == len(bodies[1])


def test_guests_are_sent_to_log_in_and_the_method_refuses_them(clients):
	response = clients["guest"].get("/casework-form", allow_redirects=False, headers={"Accept": "text/html"})
	assert response.status_code in (301, 302, 303) and "/login" in response.headers["Location"]
	# Not a guest method: Frappe itself refuses before the app's guard (signed_in_only) is reached.
	response = clients["guest"].post(METHOD, data={"full_name": "x", "help_needed": "y"})
	assert response.status_code == 403 and response.json()["exc_type"] == "PermissionError"


def test_the_answer_is_the_same_whether_a_record_existed(students):
	answers = []
	for who in ("known", "unknown", "known"):
		_, token = page(students[who])
		response = submit(students[who], token)
		assert students["canary"] not in response.text
		answers.append((response.status_code, response.json()))
	assert answers[0] == answers[1] == answers[2] == (200, {"message": {"received": 1}})
	assert frappe.db.get_value("Advice Student", students["record"], "full_name") == "Sam Student"
	assert frappe.db.count("Casework Form", {"student": students["record"]}) == 1


def test_a_refused_submission_reveals_nothing_either(students):
	answers = []
	for who in ("known", "unknown"):
		_, token = page(students[who])
		response = submit(students[who], token, status="Triaged")
		assert students["canary"] not in response.text and students["record"] not in response.text
		answers.append((response.status_code, response.json().get("exc_type")))
	assert answers[0] == answers[1] == (417, "ValidationError")


def test_the_student_still_gets_the_uniform_denial_on_the_doctype(students):
	name = frappe.db.get_value("Casework Form", {"student": students["record"]}, "name")
	for path in (f"/api/resource/Casework Form/{name}", "/api/resource/Casework Form"):
		response = students["known"].get(path)
		assert (response.status_code, response.text) == (403, DENIAL_BODY)


def test_first_submissions_at_the_same_moment_all_succeed_once_each(site):
	"""Students submitting their first form at once: every one is acknowledged (no deadlock reaches
	a student) and each gets exactly one record and one open form, however the writes interleave."""
	from concurrent.futures import ThreadPoolExecutor

	emails = [make_user(desk=False, password=PASSWORD) for _ in range(12)]
	frappe.db.commit()
	clients = [Client(f"concurrent-{i}", email) for i, email in enumerate(emails)]
	tokens = [page(client)[1] for client in clients]
	with ThreadPoolExecutor(max_workers=len(clients)) as pool:
		answers = list(pool.map(submit, clients, tokens))
	assert [a.status_code for a in answers] == [200] * len(clients), [a.text[:200] for a in answers]
	frappe.db.rollback()  # a fresh snapshot of what the server committed
	for email in emails:
		students = frappe.get_all("Advice Student", filters={"email": email}, pluck="name")
		assert len(students) == 1, email
		assert frappe.db.count("Casework Form", {"student": students[0], "status": "New"}) == 1, email


def test_attachments_travel_with_the_form_private_to_the_service(site, users, clients):
	user = make_user(desk=False, password=PASSWORD)
	frappe.db.commit()
	student = Client("attaching", user)
	_, token = page(student)
	letter = b"%PDF-1.4\n" + unique("CANARYletter").encode()
	files = [("attachments", ("letter.pdf", letter, "application/pdf"))]
	response = student.session.post(
		student.base_url + METHOD,
		data={"full_name": "Sam Student", "help_needed": "My deposit was kept."},
		files=files,
		headers={"X-Frappe-CSRF-Token": token},
		timeout=60,
	)
	assert (response.status_code, response.json()) == (200, {"message": {"received": 1}})
	frappe.db.commit()
	record = frappe.db.get_value("Advice Student", {"email": user}, "name")
	form = frappe.db.get_value("Casework Form", {"student": record}, "name")
	url = frappe.db.get_value(
		"File", {"attached_to_doctype": "Casework Form", "attached_to_name": form}, "file_url"
	)
	assert url and url.startswith("/private/files/")
	officer = clients["officer"].get(url)
	assert officer.status_code == 200 and officer.content == letter  # positive control
	for persona in ("system_manager", "desk_user", "other_student", "guest"):
		response = clients[persona].get(url, allow_redirects=False)
		assert response.status_code in (403, 404) and letter not in response.content, persona
	own = student.get(url, allow_redirects=False)  # their own file is the service's now (decision 57)
	assert own.status_code in (403, 404) and letter not in own.content

	# a refused file refuses the whole submission over HTTP too, and what was saved before stays
	_, token = page(student)
	response = student.session.post(
		student.base_url + METHOD,
		data={"full_name": "Changed Name", "help_needed": "Changed words."},
		files=[("attachments", ("tool.exe", b"MZ\x90\x00", "application/octet-stream"))],
		headers={"X-Frappe-CSRF-Token": token},
		timeout=60,
	)
	assert response.status_code == 417 and "only these kinds of file" in response.text
	frappe.db.commit()
	assert frappe.db.get_value("Casework Form", form, "help_needed") == "My deposit was kept."
	assert frappe.db.count("File", {"attached_to_name": form}) == 1
