"""A working, entirely fictional advice service in one command (issue 15):

    bench --site SITE student-advice demo --scale small

Every record is inserted through its controller as the officer who would write it, so the demo
obeys every rule the app enforces (dates, consent coverage, the breach procedure); nothing is
written with raw SQL. The plan (who, how many, which days) is pure: demo/plan.py.
"""

import random
import secrets
from datetime import datetime, time, timedelta

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, now_datetime, today

from student_advice.demo import plan as demo_plan
from student_advice.policy import breach as breach_policy

SEED = 2026


def has_casework() -> bool:
	return bool(frappe.db.count("Advice Student") or frappe.db.count("Case") or frappe.db.count("Enquiry"))


def build(scale: str = "small", force: bool = False, commit: bool = True) -> dict:
	"""Fill the site; returns the logins made and the count of each student record on the site."""
	if scale not in demo_plan.SCALES:
		frappe.throw(_("Unknown scale {0}: choose one of {1}.").format(scale, ", ".join(demo_plan.SCALES)))
	if has_casework() and not force:
		frappe.throw(
			_(
				"This site already holds casework: the demo adds fictional records only to an empty service. Use --force to add them anyway."
			)
		)
	plan = demo_plan.plan_for(scale)
	rng = random.Random(SEED)
	logins = _logins()
	officers = [user for user, _password, roles in logins if "Advice Officer" in roles]
	administrator = next(user for user, _password, roles in logins if "Advice Service Administrator" in roles)
	try:
		frappe.set_user(administrator)  # the service's configuration is the administrator's
		_terms()
		frappe.set_user(officers[0])
		students = _students(rng, plan)
		cases = _cases(rng, plan, students, officers)
		_enquiries(rng, plan, students, cases)
		third_parties = _third_parties()
		_consents_and_disclosures(students, cases, third_parties)
		_breaches(students, third_parties, officers)
		_meetings(cases, officers)
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


def _logins() -> list[tuple[str, str, tuple[str, ...]]]:
	"""Desk users for each role, with a password printed once (and officers on the officers' list)."""
	made = []
	for job_title, roles in demo_plan.OFFICERS + demo_plan.OTHERS:
		email = f"{job_title.lower().replace(' ', '.')}.{secrets.token_hex(3)}@example.org"
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


def _consents_and_disclosures(students, cases, third_parties):
	wording = frappe.get_all("Consent Wording", filters={"active": 1}, pluck="name", limit=1)[0]
	tutor = third_parties[0]
	ago = lambda days: now_datetime() - timedelta(days=days)  # noqa: E731
	for index, student in enumerate(students[:8]):
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


def _meetings(cases, officers):
	"""Last week's meeting, held, with a discussion and an agreed action; next week's, scheduled."""
	held = _insert("Reflective Practice Meeting", meeting_date=add_days(today(), -7), meeting_time="10:00:00")
	discussion = _insert(
		"Meeting Discussion", meeting=held.name, advice_case=cases[0], notes=_("Talked through the options.")
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
