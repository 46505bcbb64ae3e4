"""Assignments, mentions, follows and notifications never take a case outside the service.

Frappe makes Notification Logs in a background job. These tests run that job in-process, as
the worker would (Frappe's own `now=True` path), by wrapping frappe.enqueue: the data here
is never committed, so a real worker could not see it. Emails are only queued (Email Queue
rows), never sent. Each observed channel first passes a positive control.
"""

import email
from email import policy as email_policy

import frappe
import pytest
from frappe.desk.form import assign_to

from student_advice.policy.roles import OFFICER
from tests.factories import make_case, make_student, make_user

NOTIFICATION_JOB = "frappe.desk.doctype.notification_log.notification_log.make_notification_logs"


@pytest.fixture
def notification_jobs(monkeypatch):
	"""Run the notification job in-process when Frappe enqueues it; record every enqueue."""
	original = frappe.enqueue
	calls = []

	def enqueue(method, *args, **kwargs):
		calls.append(method)
		if method == NOTIFICATION_JOB:
			kwargs["now"] = True
		return original(method, *args, **kwargs)

	monkeypatch.setattr(frappe, "enqueue", enqueue)
	return calls


@pytest.fixture
def outgoing_email():
	"""An outgoing account so that Frappe queues its emails (none is ever sent: no worker, no commit)."""
	account = "Notifications"
	values = {
		"enable_outgoing": 1,
		"default_outgoing": 1,
		"smtp_server": "localhost",
		"email_id": "notifications@example.test",
	}
	if frappe.db.exists("Email Account", account):
		frappe.db.set_value("Email Account", account, values, update_modified=False)
	else:
		frappe.get_doc({"doctype": "Email Account", "email_account_name": account, **values}).db_insert()
	frappe.clear_document_cache("Email Account", account)
	frappe.local.outgoing_email_account = {}
	yield
	frappe.local.outgoing_email_account = {}
	frappe.clear_document_cache("Email Account", account)


@pytest.fixture
def canary_case(officer):
	student = make_student(full_name=frappe.generate_hash(length=12) + " Canary")
	case = make_case(
		student.name,
		summary="summary-" + frappe.generate_hash(length=12),
		paper_file_location="drawer-" + frappe.generate_hash(length=12),
	)
	return student, case


def rows(doctype, **filters):
	return set(frappe.get_all(doctype, filters=filters, pluck="name"))


def snapshot():
	return {dt: rows(dt) for dt in ("ToDo", "DocShare", "Notification Log", "Email Queue", "Comment")}


def new_rows(before):
	return {dt: rows(dt) - names for dt, names in before.items()}


def email_text(name) -> str:
	"""Subject and every decoded part of a queued email."""
	raw = frappe.db.get_value("Email Queue", name, "message") or ""
	message = email.message_from_string(raw, policy=email_policy.default)
	parts = [str(message.get("Subject", ""))]
	for part in message.walk():
		if not part.is_multipart():
			try:
				parts.append(part.get_content())
			except Exception:
				parts.append(str(part.get_payload(decode=True) or ""))
	return "\n".join(parts)


def recipients(name):
	return set(frappe.get_all("Email Queue Recipient", filters={"parent": name}, pluck="recipient"))


def mention(user: str) -> str:
	return f'<p>Please look <span class="mention" data-id="{user}" data-value="{user}" data-denotation-char="@">@{user}</span></p>'


def test_assigning_to_a_desk_user_outside_the_service_is_refused_and_leaves_nothing(
	canary_case, officer, notification_jobs, outgoing_email
):
	_, case = canary_case
	for outsider in (make_user(["System Manager"]), make_user(["Desk User"])):
		frappe.set_user("Administrator")
		before = snapshot()
		frappe.set_user(officer)
		with pytest.raises(frappe.ValidationError, match="only be assigned to active advice officers"):
			assign_to.add({"assign_to": [outsider], "doctype": "Case", "name": case.name})
		frappe.set_user("Administrator")
		assert not any(new_rows(before).values()), new_rows(before)
		assert not frappe.get_all("Notification Log", filters={"for_user": outsider})
		assert not frappe.db.get_value("Case", case.name, "_assign")


def ordinary_note(title: str) -> str:
	"""A public Note (frappe's own DocType, not casework): every desk user may read it."""
	frappe.set_user("Administrator")
	return frappe.get_doc({"doctype": "Note", "title": title, "public": 1}).insert().name


def emails_naming(names, needles):
	return [name for name in names if any(n in email_text(name) for n in needles)]


def test_an_officers_assignment_is_told_inside_the_desk_and_queues_no_email_about_the_case(
	canary_case, officer, notification_jobs, outgoing_email
):
	student, case = canary_case
	colleague = make_user([OFFICER], officer_title="Welfare and Rights Officer")
	case_needles = (case.name, case.title)
	student_detail = (
		student.name,
		student.full_name,
		student.email,
		case.summary,
		case.paper_file_location,
		"Canary",
	)

	# Positive control for the email channel: assigning an ordinary record queues an email
	# to the colleague that names it, read back by the same helpers as below.
	note = ordinary_note("note-" + frappe.generate_hash(length=12))
	note_title = frappe.db.get_value("Note", note, "title")
	before = snapshot()
	frappe.set_user(officer)
	assign_to.add({"assign_to": [colleague], "doctype": "Note", "name": note, "description": "control"})
	frappe.set_user("Administrator")
	added = new_rows(before)
	control = frappe.get_all(
		"Notification Log",
		filters={"name": ("in", list(added["Notification Log"]) or [""])},
		fields=["for_user", "document_type", "type"],
	)
	assert [(n.for_user, n.document_type, n.type) for n in control] == [(colleague, "Note", "Assignment")]
	control_mails = emails_naming(added["Email Queue"], [note_title])
	assert control_mails, f"the control assignment queued no email naming the note: {added['Email Queue']}"
	assert all(recipients(name) == {colleague} for name in control_mails)

	# The case: the colleague is told in the desk (an Alert naming the case), and no email is queued.
	frappe.set_user("Administrator")
	before = snapshot()
	notification_jobs.clear()
	frappe.set_user(officer)
	assign_to.add(
		{
			"assign_to": [colleague],
			"doctype": "Case",
			"name": case.name,
			"description": f"Please see {student.full_name}: {case.summary}",
		}
	)
	frappe.set_user("Administrator")
	added = new_rows(before)
	assert NOTIFICATION_JOB in notification_jobs

	logs = frappe.get_all(
		"Notification Log",
		filters={"name": ("in", list(added["Notification Log"]) or [""])},
		fields=["for_user", "document_type", "document_name", "subject", "email_content", "type"],
	)
	assert [(n.for_user, n.document_type, n.document_name, n.type) for n in logs] == [
		(colleague, "Case", case.name, "Alert")
	]
	# a fixed sentence replaces Frappe's text, which names the title: the student's name (decision 5)
	assert logs[0].subject == "A Case has been assigned to you, or its assignment has changed."
	assert not logs[0].email_content
	assert not any(secret in logs[0].subject for secret in student_detail)
	assert not added["DocShare"]
	assert added["ToDo"], "the assignment itself happened"

	assert not added["Email Queue"], [email_text(name) for name in added["Email Queue"]]
	assert not emails_naming(rows("Email Queue"), case_needles + student_detail)


def test_mentioning_someone_outside_the_service_is_refused(
	canary_case, officer, notification_jobs, outgoing_email
):
	from frappe.desk.form.utils import add_comment

	_, case = canary_case
	for outsider in (make_user(["System Manager"]), make_user([], desk=False)):
		frappe.set_user("Administrator")
		before = snapshot()
		frappe.set_user(officer)
		with pytest.raises(frappe.ValidationError, match="Only advice officers who may see this record"):
			add_comment("Case", case.name, mention(outsider), officer, "Officer")
		frappe.set_user("Administrator")
		assert not any(new_rows(before).values())

	# Positive control: mentioning a colleague tells them in the desk, without the comment's
	# text, and queues no email (the email channel is proven live by the Note mention first).
	colleague = make_user([OFFICER], officer_title="Education Officer")
	note = ordinary_note("note-" + frappe.generate_hash(length=12))
	note_title = frappe.db.get_value("Note", note, "title")
	before = snapshot()
	frappe.set_user(officer)
	add_comment("Note", note, mention(colleague) + "<p>control-note</p>", officer, "Officer")
	frappe.set_user("Administrator")
	added = new_rows(before)
	control = frappe.get_all(
		"Notification Log",
		filters={"name": ("in", list(added["Notification Log"]) or [""])},
		fields=["for_user", "type"],
	)
	assert [(n.for_user, n.type) for n in control] == [(colleague, "Mention")]
	assert emails_naming(added["Email Queue"], [note_title]), "the control mention queued no email"

	frappe.set_user("Administrator")
	before = snapshot()
	frappe.set_user(officer)
	add_comment("Case", case.name, mention(colleague) + "<p>secret-note</p>", officer, "Officer")
	frappe.set_user("Administrator")
	added = new_rows(before)
	logs = frappe.get_all(
		"Notification Log",
		filters={"name": ("in", list(added["Notification Log"]) or [""])},
		fields=["for_user", "type", "document_name", "subject", "email_content"],
	)
	assert [(n.for_user, n.type, n.document_name) for n in logs] == [(colleague, "Alert", case.name)]
	assert not logs[0].email_content and "secret-note" not in logs[0].subject
	assert not added["Email Queue"], [email_text(name) for name in added["Email Queue"]]


def test_an_outsider_cannot_follow_a_case(canary_case, officer):
	from frappe.desk.form.document_follow import follow_document

	_, case = canary_case
	outsider = make_user(["System Manager"])
	frappe.set_user("Administrator")
	frappe.db.set_value("User", outsider, "document_follow_notify", 1)
	frappe.db.set_value("User", officer, "document_follow_notify", 1)
	frappe.clear_cache(user=outsider)
	with pytest.raises(
		frappe.ValidationError, match="Only advice officers who may see this record can follow"
	):
		follow_document("Case", case.name, outsider)
	assert not frappe.get_all("Document Follow", filters={"ref_docname": case.name, "user": outsider})
	frappe.set_user(officer)
	assert follow_document("Case", case.name, officer)  # positive control: an officer may


def test_a_notification_about_a_case_never_reaches_an_outsider(canary_case, officer):
	"""Defence in depth: whatever makes a Notification Log (an alert, energy points, another app)."""
	from frappe.desk.doctype.notification_log.notification_log import make_notification_logs

	_, case = canary_case
	outsider = make_user(["System Manager"])
	frappe.set_user("Administrator")
	before = snapshot()
	doc = frappe._dict(
		type="Alert", document_type="Case", document_name=case.name, subject=case.summary, from_user=officer
	)
	with pytest.raises(frappe.ValidationError, match="only go to advice officers"):
		make_notification_logs(doc, [outsider])
	assert not any(new_rows(before).values())
	colleague = make_user([OFFICER], officer_title="Women's Officer")
	make_notification_logs(doc, [colleague])
	log = frappe.get_all("Notification Log", filters={"for_user": colleague}, fields=["subject"])[0]
	assert case.summary not in log.subject
