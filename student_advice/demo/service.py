"""A working, entirely fictional advice service in one command (issue 15):

    bench --site SITE student-advice demo --scale small|large

At small scale every record is inserted through its controller as the officer who would write it,
so the demo obeys every rule the app enforces (dates, consent coverage, the breach procedure). At
large scale (20,000 students, 100,000 cases with about five entries each, 100,000 enquiries) the
volume records are inserted in bulk from rows the pure plan makes and the unit tests prove valid,
with what their controllers would have added (docs/decisions.md, D-SCALE-1); consents,
disclosures, breaches, meetings and the conflict still go through their controllers. The plan
(who, how many, which days) is pure: demo/plan.py.
"""

import random
import secrets
from datetime import datetime, time, timedelta

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, now_datetime, today, update_progress_bar

from student_advice import titles
from student_advice.demo import plan as demo_plan
from student_advice.policy import breach as breach_policy

SEED = 2026
CHUNK = 5_000


def has_casework() -> bool:
	return bool(frappe.db.count("Advice Student") or frappe.db.count("Case") or frappe.db.count("Enquiry"))


def build(scale: str = "small", force: bool = False, commit: bool = True, plan=None, progress=None) -> dict:
	"""Fill the site; returns the logins made and the count of each student record on the site."""
	if scale not in demo_plan.SCALES:
		frappe.throw(_("Unknown scale {0}: choose one of {1}.").format(scale, ", ".join(demo_plan.SCALES)))
	if has_casework() and not force:
		frappe.throw(
			_(
				"This site already holds casework: the demo adds fictional records only to an empty service. Use --force to add them anyway."
			)
		)
	plan = plan or demo_plan.plan_for(scale)
	rng = random.Random(SEED)
	logins = _logins(plan)
	officers = [user for user, _password, roles in logins if "Advice Officer" in roles]
	administrator = next(user for user, _password, roles in logins if "Advice Service Administrator" in roles)
	try:
		frappe.set_user(administrator)  # the service's configuration is the administrator's
		_terms()
		frappe.set_user(officers[0])
		if plan.bulk:
			students, cases = _bulk_casework(rng, plan, officers, commit, progress or _progress_bar)
		else:
			students = _students(rng, plan)
			cases = _cases(rng, plan, students, officers)
			_enquiries(rng, plan, students, cases)
		third_parties = _third_parties()
		_consents_and_disclosures(students, cases, third_parties, plan.consents)
		_breaches(students, third_parties, officers)
		_meetings(cases, officers, plan.meetings)
		frappe.set_user(officers[2])
		_insert("Conflict Declaration", student=students[-1], reason=_("A housemate of the officer."))
	finally:
		frappe.set_user("Administrator")
	if commit:
		frappe.db.commit()
	return {"logins": logins, "counts": counts()}


def counts() -> dict:
	from student_advice.policy import registry

	return {doctype: frappe.db.count(doctype) for doctype in sorted(registry.STUDENT_RECORDS)}


def _insert(doctype: str, **values):
	return frappe.get_doc({"doctype": doctype, **values}).insert()


def _logins(plan) -> list[tuple[str, str, tuple[str, ...]]]:
	"""Desk users for each role, with a password printed once (and officers on the officers' list)."""
	made = []
	for job_title, roles in demo_plan.OFFICERS[: plan.officers] + demo_plan.OTHERS:
		local = job_title.lower().replace(" ", ".").replace("'", "")
		email = f"{local}.{secrets.token_hex(3)}@example.org"
		password = f"Demo-{secrets.token_urlsafe(9)}"
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": job_title,
				"send_welcome_email": 0,
				"new_password": password,
				"roles": [{"role": role} for role in roles],
			}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
		if "Advice Officer" in roles:
			frappe.get_doc(
				{"doctype": "Advice Officer", "user": email, "job_title": job_title, "active": 1}
			).insert(ignore_permissions=True)
		made.append((email, password, roles))
	frappe.clear_cache()
	return made


def _terms():
	"""The University's terms for the statistics, in the settings where the manager keeps them."""
	settings = frappe.get_doc("Student Advice Settings")
	known = {(row.term_name, row.academic_year) for row in settings.statistics_terms}
	for term, year, starts, ends in demo_plan.terms(getdate(today())):
		if (term, year) not in known:
			settings.append(
				"statistics_terms",
				{"term_name": term, "academic_year": year, "starts_on": starts, "ends_on": ends},
			)
	settings.save()


def _students(rng, plan) -> list[str]:
	colleges = frappe.get_all("College", pluck="name", order_by="name")
	faculties = frappe.get_all("Faculty", pluck="name", order_by="name")
	names = []
	for index, full_name in enumerate(demo_plan.people(rng, plan.students)):
		names.append(
			_insert(
				"Advice Student",
				full_name=full_name,
				email=f"student{index + 1}.{secrets.token_hex(3)}@example.org",
				college=rng.choice(colleges),
				faculty=rng.choice(faculties),
				year_of_study=str(rng.randint(1, 4)),
				email_only=int(rng.random() < 0.3),
				no_voicemail=int(rng.random() < 0.3),
			).name
		)
	return names


def _cases(rng, plan, students, officers) -> list[str]:
	categories = frappe.get_all("Case Category", pluck="name", order_by="name")
	outcomes = frappe.get_all("Case Outcome", pluck="name", order_by="name")
	now = getdate(today())
	cases = []
	for index in range(plan.cases):
		frappe.set_user(officers[index % len(officers)])
		opened = demo_plan.days_back(rng, now)
		closed = rng.random() < 0.6 and (now - opened).days > 14
		case = _insert(
			"Case",
			student=students[index % len(students)],
			category=rng.choice(categories),
			opened_on=opened,
			summary=_("Fictional demo case {0}.").format(index + 1),
			needs_confidential_space=int(rng.random() < 0.2),
		)
		day = opened
		for number in range(rng.randint(1, plan.max_entries)):
			kind, texts = (
				("Event", demo_plan.EVENTS),
				("Advice Offered", demo_plan.ADVICE),
				("Action Taken", demo_plan.ACTIONS),
			)[number % 3]
			day = min(day + timedelta(days=rng.randint(0, 10)), now)
			_insert(
				"Case Entry",
				advice_case=case.name,
				entry_type=kind,
				entry_date=day,
				details=rng.choice(texts),
			)
		if closed:
			case.reload()
			case.status, case.outcome, case.closed_on = (
				"Closed",
				rng.choice(outcomes),
				min(day + timedelta(days=3), now),
			)
			case.save()
		cases.append(case.name)
	frappe.set_user(officers[0])
	return cases


def _enquiries(rng, plan, students, cases):
	categories = frappe.get_all("Case Category", pluck="name", order_by="name")
	now = getdate(today())
	for index in range(plan.enquiries):
		anonymous = index % 4 == 0
		received = datetime.combine(demo_plan.days_back(rng, now), time(10 + index % 7, 15))
		enquiry = _insert(
			"Enquiry",
			received_on=min(received, now_datetime() - timedelta(minutes=5)),
			channel=("Drop-in", "Email", "Phone", "Online")[index % 4],
			category=rng.choice(categories),
			anonymous=int(anonymous),
			student=None if anonymous else students[(index * 7) % len(students)],
			summary=_("Fictional demo enquiry {0}.").format(index + 1),
		)
		if index % 5 == 1 and not anonymous:
			enquiry.convert_to_case()


def _third_parties() -> list[str]:
	rows = (
		("Dr Morgan", "Clare College", "College tutor"),
		("Ms Iqbal", "Student Support", "Disability Resource Centre"),
		("Duty sergeant", "Cambridgeshire Police", "Police"),
		("Dr Hale", "City Surgery", "GP"),
	)
	return [
		_insert("Third Party", person_name=person, organisation=organisation, relationship=relationship).name
		for person, organisation, relationship in rows
	]


def _consents_and_disclosures(students, cases, third_parties, count=8):
	"""In every eight consents: four with a disclosure under them, two withdrawn, one run out."""
	wording = frappe.get_all("Consent Wording", filters={"active": 1}, pluck="name", limit=1)[0]
	tutor = third_parties[0]
	ago = lambda days: now_datetime() - timedelta(days=days)  # noqa: E731
	for number, student in enumerate(students[:count]):
		index = number % 8
		consent = _insert(
			"Consent",
			student=student,
			third_party=tutor,
			info_existence=1,
			info_academic=1,
			information_description=_("that an extension is being requested"),
			purpose=_("to support an extension request"),
			method="Signed in writing",
			consent_wording=wording,
			given_on=ago(40 + index),
			expires_on=ago(2) if index == 7 else None,  # one has run out
		)
		consent.submit()
		if index < 4:
			_insert(
				"Disclosure",
				student=student,
				third_party=tutor,
				consent=consent.name,
				info_academic=1,
				disclosed_on=ago(30),
				channel="Email",
				description=_("Confirmed that an extension request is being prepared."),
			)
		if index in (5, 6):
			_insert("Consent Withdrawal", consent=consent.name, method="In writing", withdrawn_on=ago(10))


def _breaches(students, third_parties, officers):
	"""One breach in each state of the procedure, each moved on as its deciding officer would."""
	decider, adviser = officers[1], officers[2]
	police = third_parties[2]
	ago = lambda **kw: now_datetime() - timedelta(**kw)  # noqa: E731
	for index, state in enumerate(breach_policy.STATES):
		frappe.set_user(decider)
		emergency = state in (breach_policy.DECIDED, breach_policy.DISCLOSED)
		breach = _insert(
			"Confidentiality Breach",
			student=students[10 + index],
			ground=breach_policy.RISK,
			situation=_("Fictional: the student described a plan that put someone at risk."),
			aim=_("Keep the people at risk safe."),
			recipient=police,
			emergency=int(emergency),
		)
		if state == breach_policy.AWAITING:
			breach.ask_for_advice(adviser)
		elif state == breach_policy.CLOSED:
			breach.reload()
			breach.closure_reason = _("The risk passed once the student's family arrived.")
			breach.save()
			apply_workflow(breach.as_dict(), breach_policy.CLOSE)
		elif emergency:
			breach.reload()
			breach.decided_on = ago(hours=3)
			breach.save()
			apply_workflow(breach.as_dict(), breach_policy.DECIDE)
			if state == breach_policy.DISCLOSED:
				breach.reload()
				breach.disclosed_on = ago(hours=2)
				breach.information_disclosed = _("Name, address and what the student said about tonight.")
				breach.student_told = "Yes"
				breach.save()
				apply_workflow(breach.as_dict(), breach_policy.DISCLOSE)


def _meetings(cases, officers, count=1):
	"""The last `count` weekly meetings, held, each discussing cases with an agreed action (five cases
	a meeting at large scale); next week's, scheduled."""
	per_meeting = 1 if count == 1 else 5
	for week in range(count):
		held = _insert(
			"Reflective Practice Meeting",
			meeting_date=add_days(today(), -7 * (week + 1)),
			meeting_time="10:00:00",
		)
		for number in range(per_meeting):
			discussion = _insert(
				"Meeting Discussion",
				meeting=held.name,
				advice_case=cases[(week * per_meeting + number) % len(cases)],
				notes=_("Talked through the options."),
			)
			_insert(
				"Meeting Action",
				discussion=discussion.name,
				action_owner=officers[1],
				due_date=add_days(today(), 7),
				status="Open",
				what=_("Ask the college about emergency accommodation."),
			)
		held.reload()
		for user in officers[:2]:
			held.append("officers_present", {"officer": user})
		held.save()
		held.mark_held()
	upcoming = _insert(
		"Reflective Practice Meeting", meeting_date=add_days(today(), 7), meeting_time="10:00:00"
	)
	_insert("Meeting Discussion", meeting=upcoming.name, advice_case=cases[1], notes="")


# ---------------------------------------------------------------------------- bulk (large scale)
def _progress_bar(label: str, done: int, total: int) -> None:
	update_progress_bar(label, max(done - 1, 0), total)
	if done >= total:
		print(flush=True)


def _bulk_casework(rng, plan, officers, commit, progress) -> tuple[list[str], list[str]]:
	"""Students, cases with their logs, and enquiries, in bulk (docs/decisions.md, D-SCALE-1): the rows
	come from demo/plan.py, valid by construction (its unit tests run each through the controllers'
	pure checks); what the controllers add is added here the same way (the student's name, the case's
	title, the author); nothing else reacts to an insert of these DocTypes but the statistics, which
	are told once at the end. Returns the students' and the cases' names."""
	masters = demo_plan.Masters(
		colleges=tuple(frappe.get_all("College", pluck="name", order_by="name")),
		faculties=tuple(frappe.get_all("Faculty", pluck="name", order_by="name")),
		categories=tuple(frappe.get_all("Case Category", pluck="name", order_by="name")),
		outcomes=tuple(frappe.get_all("Case Outcome", pluck="name", order_by="name")),
	)
	now = now_datetime()
	students = demo_plan.student_rows(rng, plan, masters, now.date())
	full_name = {row["name"]: row["full_name"] for row in students}
	inserter = _BulkInserter(commit, progress, now)
	inserter.insert("Advice Student", students, total=plan.students)
	inserter.totals["Case Entry"] = plan.cases * (1 + plan.max_entries) // 2  # about, for the bar
	category_label = {category: titles.case_title(None, category) for category in masters.categories}
	summary = _("Fictional demo case {0}.")
	cases, entries, converted = [], [], []
	names = []
	for case, logged, enquiry in demo_plan.case_rows(rng, plan, students, masters, officers, now):
		student_name = full_name[case["student"]]
		case["student_name"] = student_name
		case["title"] = " · ".join((student_name, category_label[case["category"]]))
		case["summary"] = summary.format(case.pop("summary_number"))
		for entry in logged:
			entry["student_name"] = student_name
		if enquiry:
			enquiry["student_name"] = student_name
			enquiry["summary"] = case["summary"]
			converted.append(enquiry)
		cases.append(case)
		entries += logged
		names.append(case["name"])
		if len(cases) >= CHUNK:
			inserter.insert("Case", cases, total=plan.cases)
			inserter.insert("Case Entry", entries)
			cases, entries = [], []
	inserter.insert("Case", cases, total=plan.cases)
	inserter.insert("Case Entry", entries)
	enquiry_summary = _("Fictional demo enquiry {0}.")
	rows = converted
	total = plan.enquiries
	inserter.insert("Enquiry", [], total=total)
	for enquiry in demo_plan.enquiry_rows(
		rng, max(total - len(converted), 0), students, masters, officers, now
	):
		enquiry["student_name"] = full_name.get(enquiry["student"])
		enquiry["summary"] = enquiry_summary.format(enquiry.pop("summary_number"))
		rows.append(enquiry)
		if len(rows) >= CHUNK:
			inserter.insert("Enquiry", rows)
			rows = []
	inserter.insert("Enquiry", rows)
	# The statistics read these DocTypes: recompute them once, as one committed change would.
	from student_advice.statistics import cache

	cache.note_change(frappe._dict(doctype="Case"))
	return [row["name"] for row in students], names


def _bulk_insert(doctype: str, fields: list[str], values: list[list]) -> None:
	"""frappe.db.bulk_insert's statement, sent through the connection's executemany: pymysql escapes
	each row and sends them as multi-row INSERTs, where the query builder takes ten times as long to
	render a value (the demo's 720,000 rows took six minutes that way on two cores)."""
	columns = ", ".join(f"`{field}`" for field in fields)
	placeholders = ", ".join(["%s"] * len(fields))
	frappe.db.sql("select 1")  # connected, in the request's transaction
	frappe.db._cursor.executemany(f"insert into `tab{doctype}` ({columns}) values ({placeholders})", values)


class _BulkInserter:
	"""Bulk inserts of planned rows, stamped as Frappe stamps an insert (owner, modified_by,
	creation, modified), committed chunk by chunk when the demo commits."""

	def __init__(self, commit: bool, progress, now):
		self.commit, self.progress, self.now = commit, progress, now
		self.done: dict[str, int] = {}
		self.totals: dict[str, int] = {}

	def insert(self, doctype: str, rows: list[dict], total: int | None = None) -> None:
		if total is not None:
			self.totals[doctype] = total
		if not rows:
			return
		fields = sorted(
			{field for row in rows for field in row} | {"owner", "modified_by", "creation", "modified"}
		)
		values = []
		for row in rows:
			row.setdefault("owner", frappe.session.user)
			row.setdefault("creation", self.now)
			row.setdefault("modified", row["creation"])
			row.setdefault("modified_by", row["owner"])
			values.append([row.get(field) for field in fields])
		_bulk_insert(doctype, fields, values)
		if self.commit:
			frappe.db.commit()
		self.done[doctype] = self.done.get(doctype, 0) + len(rows)
		total = max(self.totals.get(doctype, 0), self.done[doctype])
		self.progress(_("Inserting {0}").format(_(doctype)), self.done[doctype], total)
