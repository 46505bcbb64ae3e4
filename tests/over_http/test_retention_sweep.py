"""Retention on the served site: the manager starts a run, the worker removes what is due with every copy.

Officers work a student's records through the usual routes (forms over HTTP: a view, an edit, a
comment, an assignment, an attachment, a print; in process: a consent and its withdrawal, a
disclosure, a meeting discussion and action, an email to a colleague), each field carrying the
student's canary. The records are then dated years back, as if time had passed. The manager asks
for a run over HTTP and the RQ worker does it, each record in its own committed transaction.
Afterwards no text column of any table, and no file under the site, holds that canary; a held
student's and a recent student's canaries are all still there (the positive control); the
statistics give the same cells; a second run changes nothing.
"""

import os
import time
import uuid

import pytest

frappe = pytest.importorskip("frappe", reason="the HTTP tier runs inside a Frappe bench")

from tests.over_http.test_channels import outbox, sweep  # noqa: E402, F401

LONG_AGO = "2022-11-10"  # past every default period of 24 months (disclosures: see DISCLOSED)
DISCLOSED = "2019-11-10"  # past the 72 months of disclosures and breaches
RUN_TIMEOUT = 120


def _ok(response, step):
	assert response.status_code == 200, f"{step}: {response.status_code} {response.text[:300]}"
	return response.json().get("message") or response.json().get("data")


def work_a_student(clients, users, canary, back=True, college="Trinity College"):
	"""A student's records written as officers write them, each field holding the canary."""
	officer = clients["officer"]

	def insert(doc):
		return _ok(
			officer.post("/api/method/frappe.client.insert", {"doc": frappe.as_json(doc)}), doc["doctype"]
		)

	student = insert(
		{"doctype": "Advice Student", "full_name": f"{canary} Student", "email": f"{canary.lower()}@cam.example",
		 "college": college, "faculty": "History", "contact_notes": f"{canary} contact notes"}
	)["name"]  # fmt: skip
	case = insert(
		{"doctype": "Case", "student": student, "category": "Housing", "summary": f"{canary} summary",
		 "paper_file_location": f"{canary} cabinet"}
	)["name"]  # fmt: skip
	insert(
		{
			"doctype": "Case Entry",
			"advice_case": case,
			"entry_type": "Advice Offered",
			"details": f"{canary} advice",
		}
	)
	enquiry = insert(
		{"doctype": "Enquiry", "channel": "Email", "category": "Housing", "summary": f"{canary} enquiry",
		 "student": student}
	)["name"]  # fmt: skip
	_ok(
		officer.get("/api/method/frappe.desk.form.load.getdoc", params={"doctype": "Case", "name": case}),
		"view",
	)
	_ok(
		officer.post(
			"/api/method/frappe.client.set_value",
			{"doctype": "Case", "name": case, "fieldname": "summary", "value": f"{canary} summary edited"},
		),
		"edit",
	)
	_ok(
		officer.post(
			"/api/method/frappe.desk.form.utils.add_comment",
			{"reference_doctype": "Case", "reference_name": case, "content": f"<p>{canary} comment</p>",
			 "comment_email": users["officer"], "comment_by": "Officer"},
		),
		"comment",
	)  # fmt: skip
	_ok(
		officer.post(
			"/api/method/frappe.desk.form.assign_to.add",
			{"doctype": "Case", "name": case, "assign_to": frappe.as_json([users["officer_two"]]),
			 "description": f"{canary} please call back"},
		),
		"assign",
	)  # fmt: skip
	_ok(
		officer.post(
			"/api/method/upload_file",
			{"doctype": "Case", "docname": case, "is_private": 1},
			files={"file": (f"{canary}-letter.txt", f"{canary} letter".encode(), "text/plain")},
		),
		"attach",
	)
	printed = officer.get("/printview", params={"doctype": "Case", "name": case})
	assert printed.status_code == 200 and canary in printed.text
	in_process_records(users, student, case, canary, back)
	return {"student": student, "case": case, "enquiry": enquiry}


def in_process_records(users, student, case, canary, back):
	"""Consent, withdrawal, disclosure, meeting discussion and action, and an email, as the officer."""
	from frappe.utils import add_days, now_datetime, today

	from tests.integration.consent_builders import (
		disclosure_values,
		make_consent,
		make_third_party,
		make_wording,
	)

	frappe.db.rollback()
	frappe.set_user(users["officer"])
	try:
		third_party = make_third_party()  # the tutor is the service's contact, not a record about the student
		consent = make_consent(student, third_party.name, make_wording().name, purpose=f"{canary} purpose")
		frappe.get_doc(
			disclosure_values(
				student, third_party.name, consent=consent.name, description=f"{canary} disclosed"
			)
		).insert()
		frappe.get_doc(
			{"doctype": "Consent Withdrawal", "consent": consent.name, "withdrawn_on": now_datetime(),
			 "method": "By email", "notes": f"{canary} withdrawn"}
		).insert()  # fmt: skip
		meeting = frappe.get_doc(
			{"doctype": "Reflective Practice Meeting", "meeting_date": add_days(today(), 7), "meeting_time": "10:00:00"}
		).insert()  # fmt: skip
		discussion = frappe.get_doc(
			{"doctype": "Meeting Discussion", "meeting": meeting.name, "advice_case": case, "notes": f"{canary} discussed"}
		).insert()  # fmt: skip
		owner = frappe.db.get_value("Advice Officer", {"user": users["officer"]}, "name")
		frappe.get_doc(
			{"doctype": "Meeting Action", "discussion": discussion.name, "action_owner": owner,
			 "due_date": add_days(today(), 14), "what": f"{canary} action"}
		).insert()  # fmt: skip
		frappe.sendmail(
			recipients=[users["officer_two"]],
			subject=f"{canary} about the case",
			message=f"{canary} message",
			reference_doctype="Case",
			reference_name=case,
			now=False,
		)
		frappe.db.commit()
		if back:
			date_back(student, case, meeting.name)
	finally:
		frappe.set_user("Administrator")


def date_back(student, case, meeting):
	"""As if years had passed since the events (the rows' own dates; nothing else is touched)."""
	sql = frappe.db.sql
	sql("update `tabCase` set status='Closed', outcome='Advice given', opened_on=%s, closed_on=%s where name=%s",
	    (LONG_AGO, LONG_AGO, case))  # fmt: skip
	sql("update `tabEnquiry` set received_on=%s where student=%s", (LONG_AGO, student))
	sql(
		"update `tabConsent` set withdrawn_on=%s, expires_on=%s where student=%s",
		(LONG_AGO, LONG_AGO, student),
	)
	sql("update `tabDisclosure` set disclosed_on=%s where student=%s", (DISCLOSED, student))
	sql("update `tabReflective Practice Meeting` set meeting_date=%s where name=%s", (LONG_AGO, meeting))
	sql("update `tabAdvice Student` set modified=%s where name=%s", (LONG_AGO, student))
	frappe.db.commit()


def statistics(clients):
	response = clients["statistics_viewer"].post(
		"/api/method/frappe.desk.query_report.run",
		{"report_name": "Advice Statistics",
		 "filters": frappe.as_json({"academic_year": "2022-23", "period_type": "academic_year", "rows": "by_college"})},
	)  # fmt: skip
	assert response.status_code == 200, response.text[:300]
	return response.json()["message"]["result"]


def run_retention(clients) -> dict:
	name = _ok(clients["manager"].post("/api/method/student_advice.api.retention.run_now"), "run now")
	deadline = time.monotonic() + RUN_TIMEOUT
	while time.monotonic() < deadline:
		frappe.db.rollback()
		run = frappe.db.get_value("Retention Run", name, ["*"], as_dict=True)
		if run.status.startswith("Finished"):
			return run
		time.sleep(1)
	raise AssertionError(f"the worker did not finish the retention run in {RUN_TIMEOUT} s")


def files_holding(canary: str) -> list[str]:
	site_path = frappe.get_site_path()
	found = []
	for folder, _dirs, names in os.walk(site_path):
		for name in names:
			path = os.path.join(folder, name)
			if canary in name:
				found.append(path)
				continue
			if os.path.getsize(path) < 5_000_000:
				with open(path, "rb") as handle:
					if canary.encode() in handle.read():
						found.append(path)
	return found


@pytest.fixture(scope="module")
def retained(site, users, clients, outbox):  # noqa: F811
	run = uuid.uuid4().hex[:10].upper()
	gone, held, recent = f"GONE{run}", f"HELD{run}", f"KEPT{run}"
	worked = {c: work_a_student(clients, users, c) for c in (gone, held)}
	for index in range(5):  # enough cases in one college for a figure above the threshold
		work_a_student(clients, users, f"MORE{index}{run}")
	frappe.db.rollback()
	frappe.set_user(users["officer"])
	frappe.get_doc(
		{"doctype": "Legal Hold", "student": worked[held]["student"], "reason": "a claim"}
	).insert()
	frappe.db.commit()
	frappe.set_user("Administrator")
	worked[recent] = work_a_student(clients, users, recent, back=False)
	before_files = {c: files_holding(c) for c in (gone, held, recent)}
	before_rows = sweep([gone, held, recent])
	before_figures = statistics(clients)
	first = run_retention(clients)
	second = run_retention(clients)
	return {
		"canaries": (gone, held, recent),
		"worked": worked,
		"before_files": before_files,
		"before_rows": before_rows,
		"after_rows": sweep([gone, held, recent]),
		"after_files": {c: files_holding(c) for c in (gone, held, recent)},
		"before_figures": before_figures,
		"after_figures": statistics(clients),
		"first": first,
		"second": second,
	}


def test_positive_control_every_channel_held_the_canaries(retained):
	gone = retained["canaries"][0]
	tables = {table for table, _column in retained["before_rows"][gone]}
	for table in ("tabVersion", "tabComment", "tabToDo", "tabFile", "tabEmail Queue", "tabCase Entry",
	              "tabConsent", "tabDisclosure", "tabMeeting Discussion", "tabConsent Withdrawal"):  # fmt: skip
		assert table in tables, f"{table} never held the canary: the sweep would prove nothing there"
	assert retained["before_files"][gone], "the attachment was never on disk"


def test_no_table_and_no_file_keeps_a_removed_students_canary(retained):
	gone = retained["canaries"][0]
	assert retained["after_rows"][gone] == {}, f"left behind: {sorted(retained['after_rows'][gone])}"
	assert retained["after_files"][gone] == []


def test_held_and_recent_students_keep_everything(retained):
	_gone, held, recent = retained["canaries"]
	for canary in (held, recent):
		assert retained["after_rows"][canary] == retained["before_rows"][canary], canary
		assert retained["after_files"][canary] == retained["before_files"][canary], canary


def test_the_statistics_give_the_same_cells(retained):
	assert retained["before_figures"] == retained["after_figures"]
	assert "Trinity College" in str(retained["before_figures"]), "positive control: the year has the cases"


def test_the_run_log_counts_and_never_names(retained):
	first = retained["first"]
	assert first.status == "Finished" and first.errors == 0
	assert first.anonymised >= 6 and first.removed > 0 and first.kept_on_hold > 0
	text = frappe.as_json(first)
	for canary in retained["canaries"]:
		assert canary not in text
	for worked in retained["worked"].values():
		assert worked["student"] not in text and worked["case"] not in text


def test_a_second_run_changes_nothing(retained):
	second = retained["second"]
	assert second.status == "Finished"
	assert (second.anonymised, second.removed, second.errors) == (0, 0, 0)


def test_outsiders_cannot_start_a_run_nor_read_one(clients, retained):
	from student_advice.confidentiality.gate import DENIAL_BODY

	for persona in ("system_manager", "statistics_viewer", "desk_user", "student_with_case"):
		response = clients[persona].post("/api/method/student_advice.api.retention.run_now")
		assert (response.status_code, response.text) == (403, DENIAL_BODY), persona
		response = clients[persona].get(f"/api/resource/Retention Run/{retained['first'].name}")
		assert (response.status_code, response.text) == (403, DENIAL_BODY), persona
