"""Records on request, as real students (website users with no role) and officers.

Two students, each with a case: each asks for their records, an officer reviews and releases, and each
reads only their own frozen copy; withheld items and their audit rows are left out; the PDF holds
exactly the released items; the extension rule; messages that hold nothing; "download my data".
"""

import io
import json

import frappe
import pytest
from frappe.utils import add_days, add_months, getdate, nowdate
from werkzeug.exceptions import Forbidden
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from student_advice import record_access
from student_advice.api.portal import RECEIVED, my_copy_pdf, request_my_records
from student_advice.confidentiality import audit, gate
from student_advice.confidentiality.audit import PORTAL_DOWNLOAD, PORTAL_VIEW
from student_advice.policy import record_access as policy
from student_advice.policy.registry import SERVICE_DOCTYPES
from student_advice.policy.roles import OFFICER
from student_advice.service_settings import closure_days
from tests.factories import make_case, make_student, make_user, unique
from tests.integration.consent_builders import disclosure_values, make_consent, make_third_party, make_wording

DOCTYPE = "Record Access Request"


def as_user(user, fn, *args, **kwargs):
	frappe.set_user(user)
	try:
		return fn(*args, **kwargs)
	finally:
		frappe.set_user("Administrator")


def ask(user, **kwargs):
	assert as_user(user, request_my_records, **kwargs) == RECEIVED
	return frappe.get_doc(DOCTYPE, {"email": user})


def entry(case, details):
	return frappe.get_doc(
		{"doctype": "Case Entry", "advice_case": case, "entry_type": "Event", "details": details}
	).insert()


@pytest.fixture(autouse=True)
def outbox():
	"""An outgoing email account, so that Frappe queues what it means to send (rolled back with the test)."""
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": unique("Outbox"),
			"email_id": f"{unique('outbox')}@example.test",
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"no_smtp_authentication": 1,
			"smtp_server": "smtp.invalid",
			"smtp_port": 25,
		}
	).insert(ignore_permissions=True)


@pytest.fixture
def officer_user():
	return make_user([OFFICER], officer_title="Student Advisor")


@pytest.fixture
def students(officer_user):
	"""Two students, each with a case and entries; the first also consented to a disclosure."""
	frappe.set_user(officer_user)
	made = {}
	for key in ("a", "b"):
		user = make_user(desk=False)
		canary = unique(f"CANARY{key.upper()}")
		record = make_student(email=user, full_name=f"{canary} Student")
		case = make_case(record.name, summary=f"{canary} case summary")
		made[key] = {
			"user": user,
			"canary": canary,
			"student": record.name,
			"case": case.name,
			"released_entry": entry(case.name, f"{canary} released entry").name,
			"withheld_entry": entry(case.name, f"{canary} WITHHELD third party said").name,
			"redacted_entry": entry(case.name, f"{canary} REDACTED Bob Smith said").name,
		}
	third_party = make_third_party(person_name=unique("RECIPIENT Dr Tutor"))
	consent = make_consent(made["a"]["student"], third_party.name, make_wording().name)
	disclosure = frappe.get_doc(
		disclosure_values(made["a"]["student"], third_party.name, consent=consent.name)
	).insert()
	made["a"].update(disclosure=disclosure.name, recipient=third_party.person_name)
	frappe.set_user("Administrator")
	return made


def review(request, who, officer_user, release=True):
	"""The officer gathers every record and decides: one withheld, one redacted, the rest released."""
	frappe.set_user(officer_user)
	doc = frappe.get_doc(DOCTYPE, request.name)
	doc.gather_items()
	doc.reload()
	for row in doc.items:
		if row.record_name == who["withheld_entry"]:
			row.decision, row.withhold_reason = policy.WITHHOLD, policy.THIRD_PARTY
		elif row.record_name == who["redacted_entry"]:
			row.decision, row.redacted_text = policy.REDACT, f"{who['canary']} [a third party] said"
		else:
			row.decision = policy.RELEASE
	doc.save()
	if release:
		doc.release()
	frappe.set_user("Administrator")
	return frappe.get_doc(DOCTYPE, request.name)


def test_asking_answers_the_same_with_or_without_records_and_never_twice(students):
	stranger = make_user(desk=False)
	known = ask(students["a"]["user"])
	unknown = ask(stranger)
	assert known.student == students["a"]["student"] and not unknown.student
	assert known.status == unknown.status == policy.RECEIVED
	ask(students["a"]["user"])
	assert frappe.db.count(DOCTYPE, {"email": students["a"]["user"]}) == 1


def test_received_today_and_due_by_the_pure_rule(students):
	request = ask(students["a"]["user"])
	assert getdate(request.received_on) == getdate(nowdate())
	assert getdate(request.due_on) == policy.due_date(getdate(nowdate()), closure_days())


def test_a_closure_day_in_settings_moves_the_due_date(students):
	plain_due = policy.due_date(getdate(nowdate()))
	settings = frappe.get_single("Student Advice Settings")
	settings.closure_days = f"{plain_due.isoformat()} closed"
	settings.save()
	request = ask(students["a"]["user"])
	assert getdate(request.due_on) > plain_due
	assert getdate(request.due_on) == policy.due_date(getdate(nowdate()), [plain_due])


def test_nothing_the_service_sets_can_be_set_by_the_student_or_typed_in_by_an_officer(students, officer_user):
	with pytest.raises(frappe.ValidationError):
		as_user(students["a"]["user"], request_my_records, student=students["b"]["student"])
	with pytest.raises(frappe.ValidationError):
		as_user(students["a"]["user"], request_my_records, no_email="<b>x</b>")
	assert not frappe.db.exists(DOCTYPE, {"email": students["a"]["user"]})
	frappe.set_user(officer_user)
	with pytest.raises(frappe.exceptions.PermissionError):  # officers do not create requests
		frappe.get_doc({"doctype": DOCTYPE, "student": students["a"]["student"]}).insert()
	request = ask(students["a"]["user"])
	frappe.set_user(officer_user)
	doc = frappe.get_doc(DOCTYPE, request.name)
	doc.received_on = add_months(getdate(nowdate()), 1)
	with pytest.raises(frappe.ValidationError, match="set by the service"):
		doc.save()
	doc.reload()
	doc.append("items", {"record_doctype": "Case", "record_name": students["b"]["case"], "record_label": "x"})
	with pytest.raises(frappe.ValidationError, match="set by the service"):
		doc.save()


def test_one_extension_with_a_reason_and_the_student_is_told(students, officer_user):
	request = ask(students["a"]["user"])
	frappe.set_user(officer_user)
	doc = frappe.get_doc(DOCTYPE, request.name)
	with pytest.raises(frappe.ValidationError, match="reason"):
		doc.extend_deadline(2, "  ")
	with pytest.raises(frappe.ValidationError, match="one or two"):
		frappe.get_doc(DOCTYPE, request.name).extend_deadline(3, "complex")
	doc = frappe.get_doc(DOCTYPE, request.name)
	doc.extend_deadline(2, "Many records to review")
	doc.reload()
	assert doc.status == policy.EXTENDED and doc.extension_months == 2
	assert getdate(doc.due_on) == policy.due_date(getdate(doc.received_on), closure_days(), 2)
	with pytest.raises(frappe.ValidationError, match="already been extended"):
		frappe.get_doc(DOCTYPE, request.name).extend_deadline(1, "again")
	queued = frappe.get_all(
		"Email Queue Recipient", filters={"recipient": students["a"]["user"]}, pluck="parent"
	)
	assert queued, "the student is told of the extension"


def test_an_extension_after_the_first_month_is_refused(students, officer_user):
	request = ask(students["a"]["user"])
	received = add_months(getdate(nowdate()), -2)
	frappe.db.set_value(DOCTYPE, request.name, "received_on", received)  # as if it arrived two months ago
	frappe.set_user(officer_user)
	doc = frappe.get_doc(DOCTYPE, request.name)
	with pytest.raises(frappe.ValidationError, match="first month has ended"):
		doc.extend_deadline(1, "Too late")
	assert not frappe.db.get_value(DOCTYPE, request.name, "extension_months")


def test_release_needs_every_record_decided_and_gathered(students, officer_user):
	request = ask(students["a"]["user"])
	frappe.set_user(officer_user)
	doc = frappe.get_doc(DOCTYPE, request.name)
	doc.gather_items()
	with pytest.raises(frappe.ValidationError, match="Decide every record"):
		frappe.get_doc(DOCTYPE, request.name).release()
	doc = frappe.get_doc(DOCTYPE, request.name)
	for row in doc.items:
		row.decision = policy.WITHHOLD
	with pytest.raises(frappe.ValidationError, match="reason"):
		doc.save()
	doc = frappe.get_doc(DOCTYPE, request.name)
	for row in doc.items:
		row.decision = policy.RELEASE
	doc.save()
	entry(students["a"]["case"], "a newer entry")  # not yet reviewed
	with pytest.raises(frappe.ValidationError, match="gather"):
		frappe.get_doc(DOCTYPE, request.name).release()


def test_the_review_lists_every_record_the_student_has(students, officer_user):
	a = students["a"]
	request = review(ask(a["user"]), a, officer_user, release=False)
	listed = {(row.record_doctype, row.record_name) for row in request.items}
	assert ("Advice Student", a["student"]) in listed and ("Case", a["case"]) in listed
	assert {("Case Entry", a[k]) for k in ("released_entry", "withheld_entry", "redacted_entry")} <= listed
	assert ("Disclosure", a["disclosure"]) in listed
	assert {d for d, _ in listed} >= {"Advice Student", "Case", "Case Entry", "Consent", "Disclosure"}
	assert not any(name in (students["b"]["case"], students["b"]["student"]) for _, name in listed)


def test_the_copy_is_frozen_and_holds_only_what_was_released(students, officer_user):
	a = students["a"]
	frappe.set_user(officer_user)
	for name in (a["withheld_entry"],) * 3:  # the withheld entry's own accesses: never in the copy
		frappe.get_doc("Case Entry", name).add_viewed()
	frappe.get_doc("Case", a["case"]).add_viewed()
	frappe.set_user("Administrator")
	request = review(ask(a["user"]), a, officer_user)
	assert request.status == policy.RELEASED
	stored = request.released_copy
	copy = record_access.record_access_copy(request)
	text = json.dumps(copy)
	assert f"{a['canary']} case summary" in text and f"{a['canary']} released entry" in text
	assert "WITHHELD" not in stored and a["withheld_entry"] not in stored
	assert "Bob Smith" not in stored and f"{a['canary']} [a third party] said" in text
	assert policy.THIRD_PARTY not in stored  # a reason would name what was withheld
	assert len(copy["recipients"]) == 1 and a["recipient"] in copy["recipients"][0]["to"]
	assert copy["purposes"] and copy["rights"] and copy["retention"]
	released = {tuple(k) for k in json.loads(stored)["_keys"]}
	assert ("Case Entry", a["withheld_entry"]) not in released and len(copy["items"]) == len(released)
	# who looked: the roles of the released records' accesses, no one named, the withheld one's left out
	views = frappe.db.count(
		"View Log", {"reference_doctype": "Case", "reference_name": a["case"], "viewed_by": officer_user}
	)
	assert views == 1
	viewed = [r for r in copy["who_looked"] if r["action"] == "viewed"]
	assert len(viewed) == 1 and viewed[0]["role"] == "Advice Officer"
	assert officer_user not in text and "Student Advisor" not in text
	# later edits do not change what the student was given, and the request itself is closed
	frappe.set_user(officer_user)
	case = frappe.get_doc("Case", a["case"])
	case.summary = "changed after release"
	case.save()
	frappe.set_user("Administrator")
	assert frappe.db.get_value(DOCTYPE, request.name, "released_copy") == stored
	frappe.set_user(officer_user)
	doc = frappe.get_doc(DOCTYPE, request.name)
	doc.items[0].decision = policy.WITHHOLD
	doc.items[0].withhold_reason = policy.PRIVILEGE
	with pytest.raises(frappe.ValidationError, match="already been released"):
		doc.save()


def _portal(user, copy=None):
	from student_advice.www import my_records

	frappe.set_user(user)
	frappe.local.form_dict = frappe._dict(copy=copy) if copy else frappe._dict()
	try:
		return my_records.get_context(frappe._dict())
	finally:
		frappe.local.form_dict = frappe._dict()
		frappe.set_user("Administrator")


def test_each_student_reads_only_their_own_copy_and_every_read_is_audited(students, officer_user):
	a, b = students["a"], students["b"]
	copy_a = review(ask(a["user"]), a, officer_user)
	copy_b = review(ask(b["user"], no_email=1), b, officer_user)
	own = _portal(a["user"], copy_a.name)
	assert a["canary"] in own.copy_html and b["canary"] not in own.copy_html
	assert "WITHHELD" not in own.copy_html
	others = _portal(b["user"], copy_a.name)
	assert others.copy_html is None
	assert [r.name for r in others.requests] == [copy_b.name]
	assert _portal(b["user"], "no-such-copy").copy_html is None
	with pytest.raises(Forbidden):
		as_user(b["user"], my_copy_pdf, copy=copy_a.name)
	rows = frappe.get_all(
		"Access Log",
		filters={"export_from": DOCTYPE, "reference_document": copy_a.name},
		fields=["user", "owner", "method"],
	)
	assert {(r.user, r.method) for r in rows} == {(a["user"], PORTAL_VIEW)}
	assert all(r.owner == "Administrator" for r in rows)
	report = frappe.get_attr(
		"student_advice.student_advice.report.casework_access_audit.casework_access_audit.get_data"
	)
	audit = report(frappe._dict(reference_doctype=DOCTYPE, reference_name=copy_a.name))
	assert any(r["user"] == a["user"] and r["action"] == "Viewed" for r in audit)


def test_the_pdf_holds_exactly_the_released_items(students, officer_user):
	pypdf = pytest.importorskip("pypdf")
	a = students["a"]
	request = review(ask(a["user"]), a, officer_user)
	frappe.set_user(a["user"])
	try:
		my_copy_pdf(copy=request.name)
		content = frappe.local.response.filecontent
	finally:
		frappe.set_user("Administrator")
	assert frappe.local.response.type == "pdf" and content[:4] == b"%PDF"
	pages = pypdf.PdfReader(io.BytesIO(content)).pages
	text = " ".join(" ".join(page.extract_text().split()) for page in pages)
	assert f"{a['canary']} case summary" in text and f"{a['canary']} released entry" in text
	assert "[a third party] said" in text and a["recipient"] in text
	assert "WITHHELD" not in text and "Bob Smith" not in text
	methods = frappe.get_all(
		"Access Log", filters={"reference_document": request.name, "user": a["user"]}, pluck="method"
	)
	assert methods == [PORTAL_DOWNLOAD]


def test_the_copy_closes_after_the_days_set_in_settings(students, officer_user):
	a = students["a"]
	request = review(ask(a["user"]), a, officer_user)
	assert record_access.own_open_copy(a["user"], request.name) is not None
	frappe.db.set_single_value("Student Advice Settings", "access_copy_days", 3)
	frappe.db.set_value(DOCTYPE, request.name, "released_on", add_days(nowdate(), -3))
	assert record_access.own_open_copy(a["user"], request.name) is None
	assert _portal(a["user"], request.name).copy_html is None
	with pytest.raises(Forbidden):
		as_user(a["user"], my_copy_pdf, copy=request.name)
	frappe.db.set_value(DOCTYPE, request.name, "released_on", add_days(nowdate(), -2))
	assert record_access.own_open_copy(a["user"], request.name) is not None


def _queued_to(email):
	"""(subject, text of every part) of each email queued to `email`, decoded as a mail client would."""
	from email import message_from_string
	from email.header import decode_header, make_header

	parents = frappe.get_all("Email Queue Recipient", filters={"recipient": email}, pluck="parent")
	found = []
	for raw in frappe.get_all("Email Queue", filters={"name": ("in", parents or [""])}, pluck="message"):
		mail = message_from_string(raw)
		parts = [p.get_payload(decode=True) for p in mail.walk() if not p.is_multipart()]
		body = " ".join(part.decode("utf-8", "replace") for part in parts if part)
		found.append((str(make_header(decode_header(mail["Subject"]))), body))
	return found


def test_emails_hold_nothing_but_the_students_union_and_respect_no_email(students, officer_user):
	a, b = students["a"], students["b"]
	review(ask(a["user"]), a, officer_user)
	review(ask(b["user"], no_email=1), b, officer_user)
	emails = _queued_to(a["user"])
	assert len(emails) == 1, "positive control: the student who allows email is told"
	subject, body = emails[0]
	assert subject == "A message from the Students' Union"
	assert "There is something for you to read" in body
	secrets = (a["canary"], a["student"], a["case"], a["recipient"], "Record Access", "Case", "record")
	for secret in (*secrets, officer_user, "Student Advisor"):
		assert secret not in body and secret not in subject, secret
	assert _queued_to(b["user"]) == []


def test_download_my_data_holds_nothing_of_the_app(students, officer_user):
	from frappe.website.doctype.personal_data_download_request.personal_data_download_request import (
		get_user_data,
	)

	a = students["a"]
	request = review(ask(a["user"]), a, officer_user)
	_portal(a["user"], request.name)  # a portal view, audited
	frappe.set_user(a["user"])
	try:
		my_copy_pdf(copy=request.name)
	finally:
		frappe.set_user("Administrator")
	_refused_attempt(a["user"], f"/api/resource/Case/{a['case']}")  # audited too, by the student's name
	logged = frappe.get_all("Access Log", filters={"user": a["user"]}, pluck="method")
	assert {PORTAL_VIEW, PORTAL_DOWNLOAD, audit.REFUSED} <= set(logged), "positive control: all audited"
	data = json.loads(get_user_data(a["user"]))
	assert "User" in data, "positive control: the export holds the student's own user"
	assert not set(data) & SERVICE_DOCTYPES
	text = json.dumps(data)
	names = [doctype for doctype in SERVICE_DOCTYPES if " " in doctype]  # "Case" alone is an ordinary word
	for secret in (a["canary"], a["student"], a["case"], request.name, *names):
		assert secret not in text, secret
	assert not [h for h in frappe.get_hooks("user_data_fields") if h.get("doctype") in SERVICE_DOCTYPES]


def _refused_attempt(user, path):
	"""The gate's uniform denial of `user` asking for `path`, as in a web request, and its audit row."""
	previous_request, previous_form = getattr(frappe.local, "request", None), frappe.local.form_dict
	frappe.local.request = Request(EnvironBuilder(path=path).get_environ())
	frappe.set_user(user)
	frappe.local.form_dict = frappe._dict()
	try:
		with pytest.raises(Forbidden):
			gate.guard_request()
		assert audit.write_refusals() == 1
	finally:
		frappe.local.request, frappe.local.form_dict = previous_request, previous_form
		frappe.set_user("Administrator")


def test_the_workspace_counts_requests_overdue_or_due_within_a_week(students, officer_user):
	from student_advice.api import workspace

	request = ask(students["a"]["user"])
	frappe.set_user(officer_user)
	before = workspace.record_requests_due()["value"]
	frappe.db.set_value(DOCTYPE, request.name, "due_on", add_days(nowdate(), -1))  # overdue
	assert workspace.record_requests_due()["value"] == before + 1
	frappe.set_user(students["b"]["user"])
	with pytest.raises(Forbidden):
		workspace.record_requests_due()


def test_the_copy_writes_dates_as_the_site_does_and_times_to_the_minute(students, officer_user):
	from tests.integration.test_casework_form import submit_as

	submit_as(students["a"]["user"])
	form = frappe.get_all("Casework Form", filters={"student": students["a"]["student"]}, pluck="name")[0]
	frappe.set_user(officer_user)
	case = frappe.get_doc("Case", students["a"]["case"])
	assert dict(record_access.snapshot("Case", case.name))["Opened On"] == frappe.utils.formatdate(
		case.opened_on
	)
	submitted = frappe.utils.get_datetime(frappe.db.get_value("Casework Form", form, "submitted_on"))
	shown = dict(record_access.snapshot("Casework Form", form))["Submitted On"]
	assert shown == f"{frappe.utils.formatdate(submitted)} {submitted:%H:%M}"
