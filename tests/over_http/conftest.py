"""HTTP tier: a served site (gunicorn on 127.0.0.1 with an RQ worker), real clients, committed data.

tests/run.py creates the site afresh, serves it and passes its address in STUDENT_ADVICE_URL.
"""

import os
import uuid

import pytest

frappe = pytest.importorskip("frappe", reason="the HTTP tier runs inside a Frappe bench")
requests = pytest.importorskip("requests")

from student_advice.policy.roles import ADMINISTRATOR, MANAGER, OFFICER, STATISTICS_VIEWER  # noqa: E402
from tests.factories import connected, make_case, make_student, make_user  # noqa: E402
from tests.over_http.world import build_all  # noqa: E402

SITE = os.environ.get("STUDENT_ADVICE_SITE", "student-advice-http.localhost")
BASE_URL = os.environ.get("STUDENT_ADVICE_URL", "")
# The same bench without the app, served by the same gunicorn (tests/run.py): the control of issue 11's comparisons.
PLAIN_SITE = os.environ.get("STUDENT_ADVICE_PLAIN_SITE", "")
PLAIN_URL = os.environ.get("STUDENT_ADVICE_PLAIN_URL", "")
PASSWORD = "Canary-" + uuid.uuid4().hex

# Persona -> (roles, desk user?, on the officers' list?)
PERSONAS = {
	"student_with_case": ((), False, None),
	"other_student": ((), False, None),
	"desk_user": (("Blogger",), True, None),
	"bystander": (("Blogger",), True, None),  # a second ordinary user that probes compare the officer with
	"system_manager": (("System Manager",), True, None),
	"website_manager": (("Website Manager",), True, None),
	"report_manager": (("Report Manager",), True, None),
	"statistics_viewer": ((STATISTICS_VIEWER,), True, None),
	"officer": ((OFFICER,), True, "Student Advisor"),
	"officer_two": ((OFFICER,), True, "Welfare and Rights Officer"),
	"manager": ((OFFICER, MANAGER), True, "Advice Service Manager"),
	"administrator": ((ADMINISTRATOR, "System Manager"), True, None),
}
OUTSIDERS = ("guest", "student_with_case", "other_student", "desk_user", "system_manager", "website_manager",
             "report_manager", "statistics_viewer")  # fmt: skip


class Client:
	"""One logged-in persona talking HTTP to the served site."""

	def __init__(
		self, persona: str, user: str | None, site: str = SITE, base_url: str = BASE_URL, password=None
	):
		self.persona, self.user, self.base_url = persona, user, base_url
		self.session = requests.Session()
		self.session.headers.update({"Host": site, "Accept": "application/json"})
		if user:
			response = self.post("/api/method/login", {"usr": user, "pwd": password or PASSWORD})
			assert response.status_code == 200, f"{persona} could not log in: {response.text[:200]}"

	def get(self, path, params=None, **kw):
		return self.session.get(self.base_url + path, params=params, timeout=60, **kw)

	def post(self, path, data=None, **kw):
		return self.session.post(self.base_url + path, data=data, timeout=60, **kw)

	def delete(self, path, **kw):
		return self.session.delete(self.base_url + path, timeout=60, **kw)


@pytest.fixture(scope="session")
def site():
	if not BASE_URL:
		pytest.skip("STUDENT_ADVICE_URL is not set: the HTTP tier runs from tests/run.py")
	with connected(SITE, keep=True) as name:
		yield name


@pytest.fixture(scope="session")
def users(site):
	made = {p: make_user(r, desk=d, password=PASSWORD, officer_title=t) for p, (r, d, t) in PERSONAS.items()}
	frappe.db.commit()
	return made


@pytest.fixture(scope="session")
def world(site, users):
	"""Committed casework with a unique canary in every field, written by officers through the usual paths."""
	from frappe.desk.form import assign_to

	canary = "CANARY" + uuid.uuid4().hex[:12]
	frappe.set_user(users["officer"])
	student = make_student(
		full_name=f"{canary} Student", email=users["student_with_case"], pronouns=f"{canary}-pronouns"
	)
	case = make_case(student.name, summary=f"{canary} summary", paper_file_location=f"{canary} cabinet")
	records = build_all({"Advice Student": student.name, "Case": case.name}, canary)
	case.summary = f"{canary} summary, edited"  # a Version
	case.save()
	case.add_comment("Comment", f"{canary} comment")
	tag = f"{canary}-tag"  # never stored: casework records cannot be tagged
	assign_to.add({"assign_to": [users["officer_two"]], "doctype": "Case", "name": case.name})
	attachment = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{canary}-letter.txt",
			"content": f"{canary} letter".encode(),
			"attached_to_doctype": "Case",
			"attached_to_name": case.name,
			"is_private": 1,
		}
	).insert()
	frappe.set_user("Administrator")
	frappe.db.commit()
	return {
		"canary": canary,
		"tag": tag,
		"file_name": attachment.name,
		"file_url": attachment.file_url,
		"records": records,
	}


@pytest.fixture(scope="session")
def clients(users):
	made = {"guest": Client("guest", None)}
	made.update({p: Client(p, u) for p, u in users.items()})
	return made


def missing_name() -> str:
	return uuid.uuid4().hex


def pytest_collection_modifyitems(session, config, items):
	"""The browser flows run last: the first of them finishes the site's setup wizard."""
	items.sort(key=lambda item: "/browser/" in str(item.path))
