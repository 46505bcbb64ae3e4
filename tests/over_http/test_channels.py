"""Channels beyond request and response, observed around a scripted officer workflow.

An officer works a fresh case of their own over HTTP (student and case created, the case edited,
a comment mentioning a colleague, an assignment, an attachment, a print) and assigns an ordinary
record (a public Note, the email channel's positive control) to that colleague, the manager exports it,
a second case is deleted in-process by Administrator, and the RQ worker runs what was queued.
Meanwhile every realtime message the site publishes is recorded from Redis. Afterwards:

- realtime: the case reaches the officer's rooms (positive control) and never a room that anyone
  outside the advice roles can join;
- email and notifications: only officers hear about the case, inside the desk (Alerts): no email is
  queued that names it (the Email Queue is readable by System Managers), while the ordinary
  assignment's email is (positive control);
- database: the canaries sit only in the service's own tables and in side tables whose rows point at
  service records (which the confidentiality layer guards); the deleted case's copies likewise;
- files: outsiders cannot tell a casework attachment from a missing file, with or without `fid`.

Nothing is mocked: the redis channel, the Email Queue and the tables are read as they are.
"""

import email
import email.header
import json
import re
import time
import uuid
from urllib.parse import quote

import pytest

frappe = pytest.importorskip("frappe", reason="the HTTP tier runs inside a Frappe bench")

from student_advice.confidentiality.gate import DENIAL_BODY  # noqa: E402
from student_advice.policy.registry import SERVICE_DOCTYPES, SIDE_TABLES  # noqa: E402
from student_advice.policy.roles import SERVICE_ROLES  # noqa: E402
from tests.over_http.conftest import OUTSIDERS, SITE, missing_name  # noqa: E402

JOB_TIMEOUT = 30  # seconds the RQ worker gets for the workflow's background jobs
TEXT_TYPES = ("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "json")
SERVICE_TABLES = {f"tab{doctype}" for doctype in SERVICE_DOCTYPES}
GUARDED_TABLES = {f"tab{doctype}": doctype for doctype in SIDE_TABLES}
# Tables outside both sets that may hold a canary, each with the reason. Kept empty on purpose:
# every copy Frappe makes of casework so far lands in a table the layer guards.
EXPLAINED_TABLES: dict[str, str] = {}
OUTBOX = "Student Advice channel test outbox"


def _j(value) -> str:
	return json.dumps(value)


def is_member(user: str | None) -> bool:
	return bool(user) and bool(SERVICE_ROLES.intersection(frappe.get_roles(user)))


# --- observation helpers ------------------------------------------------------------------


class RealtimeRecorder:
	"""Every message Frappe publishes for this site on the realtime channel.

	frappe.realtime.emit_via_redis PUBLISHes {"event", "message", "room", "namespace"} on channel
	"events" of the connection get_redis_connection_without_auth() returns (the redis_queue URL in
	v15), which the socket.io server subscribes to.
	"""

	def __init__(self):
		from frappe.utils.background_jobs import get_redis_connection_without_auth

		self.pubsub = get_redis_connection_without_auth().pubsub()
		self.pubsub.subscribe("events")
		self.messages = []
		deadline = time.monotonic() + 5
		while time.monotonic() < deadline:  # wait for the subscription to be confirmed
			message = self.pubsub.get_message(timeout=0.5)
			if message and message["type"] == "subscribe":
				return
		raise AssertionError("could not subscribe to the realtime channel")

	def poll(self, quiet: float = 0.0):
		"""Read what has arrived; with `quiet`, keep reading until nothing arrives for that long."""
		last = time.monotonic()
		while True:
			message = self.pubsub.get_message(timeout=0.2 if quiet else 0)
			if message and message["type"] == "message":
				data = json.loads(message["data"])
				if data.get("namespace") == SITE:
					self.messages.append(data)
				last = time.monotonic()
			elif not quiet or time.monotonic() - last >= quiet:
				return

	def close(self):
		self.pubsub.close()


def pending_jobs() -> int:
	"""Queued or running RQ jobs of this site."""
	from frappe.utils.background_jobs import get_queues
	from rq.registry import StartedJobRegistry

	count = 0
	for queue in get_queues():
		jobs = list(queue.get_jobs())
		jobs += [queue.fetch_job(i) for i in StartedJobRegistry(queue=queue).get_job_ids()]
		count += sum(1 for job in jobs if job and (job.kwargs or {}).get("site") == SITE)
	return count


def wait_for(predicate, timeout: float = JOB_TIMEOUT):
	"""Poll what the served site committed until predicate() is truthy (or time runs out)."""
	deadline = time.monotonic() + timeout
	while True:
		frappe.db.rollback()
		value = predicate()
		if value or time.monotonic() > deadline:
			return value
		time.sleep(0.5)


def wait_for_worker():
	calm = []

	def settled():
		calm.append(pending_jobs() == 0)
		return calm[-2:] == [True, True]

	return wait_for(settled)


def email_text(raw: str | None) -> str:
	"""A queued email as a reader sees it: raw MIME plus every decoded part and header."""
	if not raw:
		return ""
	parts = [raw]
	message = email.message_from_string(raw)
	for header in ("Subject", "To", "Cc"):
		for value, charset in email.header.decode_header(message.get(header) or ""):
			parts.append(value.decode(charset or "utf-8", "replace") if isinstance(value, bytes) else value)
	for part in message.walk():
		payload = part.get_payload(decode=True)
		if payload:
			parts.append(payload.decode(part.get_content_charset() or "utf-8", "replace"))
	return "\n".join(parts)


def queued_emails():
	rows = frappe.db.sql(
		"select name, message, show_as_cc, reference_doctype from `tabEmail Queue`",
		as_dict=True,
	)
	for row in rows:
		row.text = email_text(row.message)
		row.recipients = set(
			frappe.get_all("Email Queue Recipient", filters={"parent": row.name}, pluck="recipient")
		)
		# (bcc addresses are Email Queue Recipient rows too; cc is also shown in the header)
		row.recipients.update(r.strip() for r in (row.show_as_cc or "").split(",") if r.strip())
	return rows


def user_of_address(address: str) -> str | None:
	from frappe.utils import parse_addr

	return frappe.db.get_value("User", {"email": parse_addr(address)[1]}, "name")


def text_columns() -> dict[str, list[str]]:
	rows = frappe.db.sql(
		"""select table_name, column_name from information_schema.columns
		where table_schema = database() and data_type in %(types)s
		order by table_name, ordinal_position""",
		{"types": TEXT_TYPES},
	)
	tables: dict[str, list[str]] = {}
	for table, column in rows:
		tables.setdefault(table, []).append(column)
	return tables


def sweep(canaries) -> dict[str, dict[tuple[str, str], int]]:
	"""canary -> {(table, column): rows holding it}, over every text column of the site's schema."""
	frappe.db.rollback()
	hits: dict[str, dict[tuple[str, str], int]] = {c: {} for c in canaries}
	patterns = {c: f"%{c}%" for c in canaries}
	for table, columns in text_columns().items():
		probes = [(c, col) for col in columns for c in canaries]
		select = ", ".join(f"sum(`{col}` like %({c})s)" for c, col in probes)
		found = frappe.db.sql(f"select {select} from `{table}`", patterns)[0]  # nosec: names from schema
		for (canary, column), count in zip(probes, found, strict=True):
			if count:
				hits[canary][(table, column)] = int(count)
	return hits


def unguarded_rows(table: str, column: str, canary: str) -> list:
	"""Rows of a side table holding the canary that do not point at a service record."""
	doctype_field = SIDE_TABLES[GUARDED_TABLES[table]][0]
	rows = frappe.db.sql(
		f"select name, `{doctype_field}` from `{table}` where `{column}` like %s",  # nosec
		(f"%{canary}%",),
	)
	return [row for row in rows if row[1] not in SERVICE_DOCTYPES]


def misplaced(hits) -> list[str]:
	"""Hits outside the service's tables and the guarded rows of side tables."""
	wrong = []
	for canary, places in hits.items():
		for (table, column), count in sorted(places.items()):
			if table in SERVICE_TABLES or table in EXPLAINED_TABLES:
				continue
			if table in GUARDED_TABLES:
				loose = unguarded_rows(table, column, canary)
				if loose:
					wrong.append(
						f"{table}.{column}: {canary} in rows not pointing at a service record {loose}"
					)
				continue
			wrong.append(f"{table}.{column}: {canary} in {count} row(s)")
	return wrong


# --- the scripted workflow ------------------------------------------------------------------


@pytest.fixture(scope="module")
def outbox(site):
	"""An outgoing email account, so that Frappe queues the emails it means to send (none is sent:
	its SMTP server does not exist and no scheduler flushes the queue)."""
	frappe.db.rollback()
	if not frappe.db.exists("Email Account", OUTBOX):
		frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": OUTBOX,
				"email_id": "advice-outbox@example.test",
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"no_smtp_authentication": 1,
				"smtp_server": "smtp.invalid",
				"smtp_port": 25,
			}
		).insert(ignore_permissions=True)
		frappe.db.commit()
	return OUTBOX


def _ok(response, step):
	assert response.status_code == 200, f"{step}: {response.status_code} {response.text[:300]}"
	return response


@pytest.fixture(scope="module")
def workflow(site, users, clients, world, outbox):
	officer, manager = clients["officer"], clients["manager"]
	run = uuid.uuid4().hex[:12]
	canary = {
		"student": f"STUCANARY{run}",  # student detail: never in any email
		"case": f"CASECANARY{run}",  # casework text
		"deleted": f"DELCANARY{run}",  # the case that gets deleted
	}
	wait_for_worker()  # the world fixture's jobs must not be mistaken for ours
	since = frappe.utils.add_to_date(frappe.utils.now_datetime(), seconds=-5)
	# An ordinary record every desk user may read (not casework): its assignment is emailed.
	frappe.set_user("Administrator")
	note_title = f"NOTECONTROL{run}"
	note = frappe.get_doc({"doctype": "Note", "title": note_title, "public": 1}).insert().name
	frappe.db.commit()
	recorder = RealtimeRecorder()
	step = {}

	def call(name, response):
		step[name] = _ok(response, name)
		recorder.poll()
		return response

	def insert(name, doc):
		return call(name, officer.post("/api/method/frappe.client.insert", {"doc": _j(doc)})).json()[
			"message"
		]

	try:
		student = insert(
			"insert student",
			{
				"doctype": "Advice Student",
				"full_name": f"{canary['student']} Student",
				"email": f"s-{run}@cam.example",
				"contact_notes": f"{canary['student']} contact notes",
			},
		)["name"]
		case = insert(
			"insert case",
			{
				"doctype": "Case",
				"student": student,
				"category": "Welfare",
				"summary": f"{canary['case']} summary",
				"paper_file_location": f"{canary['case']} cabinet",
			},
		)["name"]
		call(
			"open the form",
			officer.get("/api/method/frappe.desk.form.load.getdoc", params={"doctype": "Case", "name": case}),
		)
		call(
			"edit the case",
			officer.post(
				"/api/method/frappe.client.set_value",
				{
					"doctype": "Case",
					"name": case,
					"fieldname": "summary",
					"value": f"{canary['case']} edited",
				},
			),
		)
		mention = (
			f'<span class="mention" data-id="{users["officer_two"]}" data-value="officer two">@two</span>'
		)
		call(
			"comment",
			officer.post(
				"/api/method/frappe.desk.form.utils.add_comment",
				{
					"reference_doctype": "Case",
					"reference_name": case,
					"content": f"<p>{canary['case']} comment {mention}</p>",
					"comment_email": users["officer"],
					"comment_by": "Officer",
				},
			),
		)
		call(
			"assign",
			officer.post(
				"/api/method/frappe.desk.form.assign_to.add",
				{"doctype": "Case", "name": case, "assign_to": _j([users["officer_two"]])},
			),
		)
		call(
			"assign an ordinary record",
			officer.post(
				"/api/method/frappe.desk.form.assign_to.add",
				{"doctype": "Note", "name": note, "assign_to": _j([users["officer_two"]])},
			),
		)
		call(
			"attach",
			officer.post(
				"/api/method/upload_file",
				{"doctype": "Case", "docname": case, "is_private": 1},
				files={
					"file": (f"{canary['case']}-note.txt", f"{canary['case']} note".encode(), "text/plain")
				},
			),
		)
		call("print", officer.get("/printview", params={"doctype": "Case", "name": case}))
		call(
			"export",
			manager.post(
				"/api/method/frappe.desk.reportview.export_query",
				{
					"doctype": "Case",
					"file_format_type": "CSV",
					"fields": _j(["`tabCase`.`name`", "`tabCase`.`summary`"]),
					"filters": _j([["Case", "name", "=", case]]),
				},
			),
		)
		doomed = insert(
			"insert the case to delete",
			{
				"doctype": "Case",
				"student": student,
				"category": "Welfare",
				"summary": f"{canary['deleted']} summary",
			},
		)["name"]
		call(
			"edit the case to delete",
			officer.post(
				"/api/method/frappe.client.set_value",
				{
					"doctype": "Case",
					"name": doomed,
					"fieldname": "summary",
					"value": f"{canary['deleted']} edited",
				},
			),
		)
		call(
			"comment on the case to delete",
			officer.post(
				"/api/method/frappe.desk.form.utils.add_comment",
				{
					"reference_doctype": "Case",
					"reference_name": doomed,
					"content": f"<p>{canary['deleted']} comment</p>",
					"comment_email": users["officer"],
					"comment_by": "Officer",
				},
			),
		)

		# Deletion, in-process as Administrator. The app refuses it (nothing is deleted by hand);
		# the retention schedule (and anyone at the console) deletes past on_trash, as below.
		frappe.db.rollback()
		frappe.set_user("Administrator")
		refusal = None
		try:
			frappe.delete_doc("Case", doomed)
		except frappe.ValidationError as error:
			refusal = str(error)
		frappe.db.rollback()
		frappe.delete_doc("Case", doomed, ignore_on_trash=True)
		frappe.db.commit()

		wait_for_worker()
		wait_for(lambda: not frappe.db.exists("Version", {"ref_doctype": "Case", "docname": doomed}))
		recorder.poll(quiet=2.0)
	finally:
		recorder.close()
		frappe.set_user("Administrator")
	frappe.db.rollback()
	return {
		"canary": canary,
		"student": student,
		"case": case,
		"title": frappe.db.get_value("Case", case, "title"),
		"deleted": doomed,
		"note": note,
		"note_title": note_title,
		"refusal": refusal,
		"since": str(since),
		"steps": step,
		"realtime": recorder.messages,
	}


def test_the_workflow_really_happened(workflow):
	"""Positive control for everything below: each step did what an officer expects."""
	steps, canary = workflow["steps"], workflow["canary"]
	assert canary["case"] in steps["print"].text, "the print shows the case"
	assert canary["case"] in steps["export"].text, "the export holds the case"
	frappe.db.rollback()
	case = workflow["case"]
	assert frappe.db.count("ToDo", {"reference_type": "Note", "reference_name": workflow["note"]})
	assert frappe.db.count("Version", {"ref_doctype": "Case", "docname": case})
	assert frappe.db.count("Comment", {"reference_name": case, "content": ("like", f"%{canary['case']}%")})
	assert frappe.db.count("ToDo", {"reference_type": "Case", "reference_name": case, "status": "Open"})
	assert frappe.db.count("File", {"attached_to_name": case, "is_private": 1})
	assert not frappe.db.exists("Case", workflow["deleted"])
	assert frappe.db.exists(
		"Deleted Document", {"deleted_doctype": "Case", "deleted_name": workflow["deleted"]}
	)


def test_deleting_casework_by_hand_is_refused(workflow):
	assert workflow["refusal"] and "never deleted by hand" in workflow["refusal"]


# --- realtime -------------------------------------------------------------------------------------


def _carries(message, needles) -> bool:
	text = json.dumps(message)
	return any(n in text for n in needles)


def test_realtime_positive_control(workflow, users):
	case = workflow["case"]
	rooms = {f"user:{users['officer']}", f"doc:Case/{case}", "doctype:Case"}
	reached = [m for m in workflow["realtime"] if case in json.dumps(m) and m["room"] in rooms]
	assert reached, f"no realtime message about the case reached its rooms: {workflow['realtime'][:5]}"


def test_realtime_keeps_casework_in_the_service(workflow):
	needles = [*workflow["canary"].values(), workflow["case"], workflow["deleted"], workflow["student"]]
	leaks = []
	for message in workflow["realtime"]:
		if not _carries(message, needles):
			continue
		room = message["room"] or ""
		kind, _, target = room.partition(":")
		if room in ("all", "website"):
			leaks.append(message)
		elif kind == "user" and not is_member(target):
			leaks.append(message)
		elif kind == "doctype" and target not in SERVICE_DOCTYPES:
			leaks.append(message)  # every reader of that DocType may join
		elif kind == "doc" and target.split("/")[0] not in SERVICE_DOCTYPES | set(SIDE_TABLES):
			leaks.append(message)
		elif kind not in ("user", "doctype", "doc"):
			leaks.append(message)  # task rooms and anything new: not expected for casework
	assert not leaks, f"casework reached realtime rooms outside the service: {leaks}"


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_cannot_subscribe_to_service_doctypes(clients, workflow, persona):
	answers = {}
	for doctype in sorted(SERVICE_DOCTYPES):
		response = clients[persona].post(
			"/api/method/frappe.realtime.can_subscribe_doctype", {"doctype": doctype}
		)
		denied = (response.status_code, response.text) == (403, DENIAL_BODY)
		refused = response.status_code == 200 and response.json().get("message") is False
		if not (denied or refused):
			answers[doctype] = (response.status_code, response.text[:200])
	assert not answers, f"{persona} may subscribe to: {answers}"


def test_officer_may_subscribe_to_cases(clients, workflow):
	response = clients["officer"].post(
		"/api/method/frappe.realtime.can_subscribe_doctype", {"doctype": "Case"}
	)
	assert response.status_code == 200 and response.json()["message"] is True


# --- email and notifications ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def notified(workflow, users):
	"""What the assignment and the mention of the case, and the ordinary assignment, produced for
	officer_two once the worker has run."""
	case, officer_two = workflow["case"], users["officer_two"]

	def case_logs():
		found = frappe.get_all(
			"Notification Log",
			filters={"for_user": officer_two, "document_type": "Case", "document_name": case},
			fields=["type", "subject", "email_content"],
		)
		return found if len(found) >= 2 else None  # the assignment's and the mention's

	logs = wait_for(case_logs)
	control_logs = wait_for(
		lambda: frappe.get_all(
			"Notification Log",
			filters={"for_user": officer_two, "document_type": "Note", "document_name": workflow["note"]},
			fields=["type"],
		)
	)
	control_mails = wait_for(
		lambda: [
			row
			for row in queued_emails()
			if workflow["note_title"] in row.text
			and officer_two in {user_of_address(r) for r in row.recipients}
		]
	)
	return {"logs": logs or [], "control_logs": control_logs, "control_mails": control_mails}


def test_officer_two_is_told_about_the_case_inside_the_desk(workflow, notified):
	"""Positive control for the notification channel: the assignment and the mention each left
	officer_two an Alert (the type Frappe never emails) about the case, without free text, and with
	a fixed sentence for subject: the case's title is the student's name (decision 5)."""
	from student_advice.confidentiality.conversation import notification_subject

	logs = notified["logs"]
	assert len(logs) >= 2 and {log.type for log in logs} == {"Alert"}, logs
	fixed = {notification_subject(kind, "Case") for kind in ("Assignment", "Mention")}
	assert {log.subject for log in logs} == fixed and workflow["title"] not in str(logs), logs
	assert not any(log.email_content for log in logs), logs


def test_the_email_channel_works(notified):
	"""Positive control for the email checks below: the ordinary assignment is emailed to officer_two."""
	assert [log.type for log in notified["control_logs"]] == ["Assignment"], notified["control_logs"]
	assert notified["control_mails"], "the assignment of the Note produced no email to officer_two"


def test_no_email_names_the_case(workflow, notified):
	"""An email sits in the Email Queue, which System Managers read: none may name the case,
	its title or the deleted case, whoever it is addressed to."""
	needles = [
		*workflow["canary"].values(),
		workflow["case"],
		workflow["title"],
		workflow["deleted"],
		workflow["student"],
	]
	naming = {
		row.name: sorted(row.recipients) for row in queued_emails() if any(n in row.text for n in needles)
	}
	assert not naming, f"emails naming the casework (name: recipients): {naming}"


def test_emails_about_casework_go_only_to_the_service(workflow, notified):
	needles = [*workflow["canary"].values(), workflow["case"], workflow["deleted"], workflow["student"]]
	wrong = {}
	for row in queued_emails():
		if not any(n in row.text for n in needles):
			continue
		outside = [r for r in row.recipients if not is_member(user_of_address(r))]
		if outside or not row.recipients:
			wrong[row.name] = sorted(row.recipients)
	assert not wrong, f"emails about casework addressed outside the service: {wrong}"


def _visible_side_rows(client, since) -> dict[str, str]:
	"""What a persona can list of every side table's rows written since the workflow began (emails decoded)."""
	seen = {}
	for side in sorted(SIDE_TABLES):
		response = client.post(
			"/api/method/frappe.client.get_list",
			{
				"doctype": side,
				"fields": _j(["*"]),
				"filters": _j([["modified", ">=", since]]),
				"limit_page_length": 0,
			},
		)
		text = response.text
		if response.status_code == 200 and side == "Email Queue":
			text += "".join(email_text(row.get("message")) for row in response.json().get("message") or [])
		seen[side] = text
	return seen


def _traces(workflow) -> list[str]:
	return [
		*workflow["canary"].values(),
		workflow["case"],
		workflow["deleted"],
		workflow["student"],
		workflow["title"],
	]


def test_positive_control_side_rows_hold_traces_of_the_workflow(clients, workflow, notified):
	"""The listing below would find the case where it is: the administrator (also a System Manager)
	sees the comments, versions, assignments; officer_two their notifications. No email names the
	case, so the Email Queue listing is proven on the ordinary assignment's email."""
	for persona, expected in (
		("administrator", {"Comment", "Version", "ToDo", "Deleted Document"}),
		("officer_two", {"Notification Log"}),
	):
		seen = _visible_side_rows(clients[persona], workflow["since"])
		holding = {side for side, text in seen.items() if any(t in text for t in _traces(workflow))}
		assert expected <= holding, f"{persona} does not find the case in {sorted(expected - holding)}"
		if persona == "administrator":
			assert workflow["note_title"] in seen["Email Queue"], "the Email Queue listing shows no email"


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_find_no_trace_of_the_workflow_in_side_tables(clients, workflow, notified, persona):
	"""Listing Comment, Version, ToDo, Email Queue, Notification Log, ... shows an outsider nothing of the case."""
	seen = _visible_side_rows(clients[persona], workflow["since"])
	found = {side: [t for t in _traces(workflow) if t in text] for side, text in seen.items()}
	found = {side: traces for side, traces in found.items() if traces}
	assert not found, f"{persona} lists side rows naming the case (side table: traces): {found}"


def test_no_email_carries_student_detail(workflow, notified):
	student_detail = [workflow["canary"]["student"], workflow["student"]]
	carrying = [row.name for row in queued_emails() if any(d in row.text for d in student_detail)]
	assert not carrying, f"emails carrying student detail: {carrying}"


def test_no_notification_for_outsiders_about_service_records(workflow, notified):
	frappe.db.rollback()
	logs = frappe.get_all(
		"Notification Log",
		filters={"document_type": ("in", sorted(SERVICE_DOCTYPES))},
		fields=["name", "for_user", "document_type", "document_name"],
	)
	outsiders = [log for log in logs if not is_member(log.for_user)]
	assert not outsiders, f"notifications about service records for outsiders: {outsiders}"
	needles = [*workflow["canary"].values(), workflow["case"], workflow["student"]]
	for log in frappe.get_all("Notification Log", fields=["name", "for_user", "subject", "email_content"]):
		if any(n in f"{log.subject} {log.email_content}" for n in needles):
			assert is_member(log.for_user), f"notification {log.name} for {log.for_user} names the case"


# --- database residue -------------------------------------------------------------------------------


def test_canaries_rest_only_in_guarded_tables(workflow):
	hits = sweep(list(workflow["canary"].values()))
	assert hits[workflow["canary"]["case"]], "positive control: the sweep finds the live case's canary"
	assert hits[workflow["canary"]["student"]], "positive control: the sweep finds the student's canary"
	wrong = misplaced(hits)
	assert not wrong, "canaries outside the guarded tables:\n" + "\n".join(wrong)


def test_record_names_rest_only_in_guarded_rows(workflow):
	"""A row naming a case outside the guarded tables tells its readers that the case exists (and,
	with the title, its category), so the records' names and the case's title obey the same rule."""
	names = [workflow["case"], workflow["deleted"], workflow["student"], workflow["title"]]
	hits = sweep(names)
	assert hits[workflow["case"]], "positive control: the sweep finds the case's name"
	wrong = misplaced(hits)
	assert not wrong, "record names outside the guarded tables:\n" + "\n".join(wrong)


def test_the_deleted_case_survives_only_in_guarded_side_tables(workflow):
	hits = sweep([workflow["canary"]["deleted"]])[workflow["canary"]["deleted"]]
	tables = sorted({table for table, _ in hits})
	assert "tabDeleted Document" in tables, f"positive control: the deleted copy is found ({tables})"
	assert "tabCase" not in tables
	outside = [t for t in tables if t not in GUARDED_TABLES]
	assert not outside, f"the deleted case's canary survives outside the guarded side tables: {tables}"
	assert not misplaced({workflow["canary"]["deleted"]: hits}), hits


def test_global_search_holds_no_canary(workflow):
	frappe.db.rollback()
	for canary in workflow["canary"].values():
		assert not frappe.db.sql("select 1 from `__global_search` where content like %s", (f"%{canary}%",))


# --- files --------------------------------------------------------------------------------------------


def _seen(response, tokens) -> tuple[int, str]:
	"""Status and body with the names asked for (echoed by some errors) and random ids blanked."""
	text = response.text
	for token in sorted(tokens, key=len, reverse=True):
		text = text.replace(token, "<x>")
	return response.status_code, re.sub(r"[0-9a-f]{16,}", "<id>", text)


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_outsiders_cannot_tell_a_casework_file_from_a_missing_one(clients, world, workflow, persona):
	client, url, fid = clients[persona], world["file_url"], world["file_name"]
	made_up, made_up_fid = f"/private/files/{missing_name()}.txt", missing_name()[:10]
	public, made_up_public = (u.replace("/private/files/", "/files/") for u in (url, made_up))
	tokens = {url, made_up, public, made_up_public, fid, made_up_fid, quote(url), quote(public)}
	variants = {
		"private": ((url, None), (made_up, None)),
		"private, fid": ((url, fid), (url, made_up_fid)),
		"private, fid of a made-up file": ((made_up, fid), (made_up, made_up_fid)),
		"public": ((public, None), (made_up_public, None)),
		"public, fid": ((public, fid), (made_up_public, made_up_fid)),
	}
	content = f"{world['canary']} letter"
	for variant, requests_ in variants.items():
		existing, missing = (client.get(path, params={"fid": f} if f else None) for path, f in requests_)
		assert content not in existing.text, f"{persona} read the attachment ({variant})"
		assert existing.status_code != 200, f"{persona} got 200 for the attachment ({variant})"
		assert _seen(existing, tokens) == _seen(missing, tokens), (
			f"{persona} tells the attachment from a missing file ({variant}): "
			f"{existing.status_code} {existing.text[:200]!r} vs {missing.status_code} {missing.text[:200]!r}"
		)


def test_the_officer_reads_the_attachment(clients, world):
	officer, url = clients["officer"], world["file_url"]
	content = f"{world['canary']} letter"
	assert officer.get(url).text == content
	assert officer.get(url, params={"fid": world["file_name"]}).text == content
