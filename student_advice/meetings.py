"""Reflective practice meetings as the rest of the app asks about them (Frappe layer).

Controllers, the weekly job (tasks.py) and the officers' API use these; the rules
themselves are in policy/meetings.py.
"""

import datetime

import frappe
from frappe import _
from frappe.model import no_value_fields, table_fields
from frappe.utils import cint, cstr, flt, get_datetime, get_time, getdate, now_datetime

from student_advice.confidentiality.permissions import conflicted_students, user_roles
from student_advice.officers import is_active_officer
from student_advice.policy import access
from student_advice.policy import meetings as policy

MEETING = "Reflective Practice Meeting"
DISCUSSION = "Meeting Discussion"
ACTION = "Meeting Action"


# --- what changed in a save ---------------------------------------------------------


def changed_fields(doc, ignore=()) -> list[str]:
	"""Fields whose value this save changes (empty for a new document)."""
	before = doc.get_doc_before_save()
	if not before:
		return []
	changed = []
	for df in doc.meta.fields:
		if df.fieldname in ignore:
			continue
		if df.fieldtype in table_fields:
			if _rows(doc, df.fieldname) != _rows(before, df.fieldname):
				changed.append(df.fieldname)
		elif df.fieldtype not in no_value_fields:
			if not _same(df.fieldtype, before.get(df.fieldname), doc.get(df.fieldname)):
				changed.append(df.fieldname)
	return changed


def _rows(doc, fieldname) -> list[tuple]:
	rows = []
	for row in doc.get(fieldname) or []:
		values = row.as_dict(no_default_fields=True)
		rows.append(tuple(sorted((k, cstr(v)) for k, v in values.items() if not k.startswith("__"))))
	return rows


def _same(fieldtype: str, a, b) -> bool:
	if a in (None, "") and b in (None, ""):
		return True
	if a in (None, "") or b in (None, ""):
		return fieldtype in ("Check", "Int") and cint(a) == cint(b)
	if fieldtype == "Date":
		return getdate(a) == getdate(b)
	if fieldtype == "Datetime":
		return get_datetime(a) == get_datetime(b)
	if fieldtype == "Time":
		return get_time(a) == get_time(b)
	if fieldtype in ("Check", "Int"):
		return cint(a) == cint(b)
	if fieldtype in ("Float", "Currency", "Percent"):
		return flt(a) == flt(b)
	return cstr(a) == cstr(b)


# --- who may work on what -----------------------------------------------------------


def may_work_on(user: str | None, student: str | None) -> bool:
	"""May this user see the records of this student (service role, no declared conflict)?"""
	if not user:
		return False
	return access.may_access(user_roles(user), conflicted_students(user), student)


def ensure_session_may_access(doc) -> None:
	"""Re-check a record once its controller has set its student.

	Frappe checks "create" before the controller runs, while the student is still empty;
	without this an officer could add a discussion or action about a student they
	declared a conflict with.
	"""
	doc.check_permission("create" if doc.is_new() else "write")


def active_officer_may_work_on(user: str | None, student: str | None) -> bool:
	return bool(user) and is_active_officer(user) and may_work_on(user, student)


# --- values other records need -------------------------------------------------------


def case_student_and_title(case: str | None) -> tuple[str | None, str | None]:
	if not case:
		return None, None
	values = frappe.db.get_value("Case", case, ["student", "title"], as_dict=True)
	return (values.student, values.title) if values else (None, None)


def meeting_title(meeting_date) -> str:
	return _("Reflective practice meeting, {0}").format(frappe.format(getdate(meeting_date), "Date"))


def meeting_at(meeting_date, meeting_time) -> datetime.datetime:
	return datetime.datetime.combine(getdate(meeting_date), get_time(meeting_time or "00:00:00"))


def reason_text(reasons) -> str:
	labels = {
		policy.CHANGED_SINCE_LAST_MEETING: _("The case changed since the last meeting."),
		policy.HAS_OVERDUE_ACTIONS: _("The case has overdue actions."),
	}
	return "\n".join(labels[r] for r in reasons)


# --- the weekly schedule (system queries: the job runs as the scheduler) ------------------


def settings() -> frappe._dict:
	def value(fieldname):
		try:
			return frappe.db.get_single_value("Student Advice Settings", fieldname)
		except Exception:
			return None

	weekday = value("meeting_weekday")
	return frappe._dict(
		paused=cint(value("pause_meeting_schedule")),
		weekday=weekday if weekday in policy.WEEKDAYS else policy.DEFAULT_WEEKDAY,
		time=value("meeting_time") or policy.DEFAULT_TIME,
	)


def last_held_meeting_at(before_date) -> datetime.datetime | None:
	rows = frappe.get_all(
		MEETING,
		filters={"status": policy.HELD, "meeting_date": ("<", getdate(before_date))},
		fields=["meeting_date", "meeting_time"],
		order_by="meeting_date desc",
		limit=1,
	)
	return meeting_at(rows[0].meeting_date, rows[0].meeting_time) if rows else None


def cases_changed_since(cutoff: datetime.datetime) -> list[str]:
	changed = set(frappe.get_all("Case", filters={"modified": (">", cutoff)}, pluck="name"))
	changed.update(
		frappe.get_all("Case Entry", filters={"creation": (">", cutoff)}, pluck="advice_case", distinct=True)
	)
	return sorted(c for c in changed if c)


def cases_with_overdue_actions(today: datetime.date) -> list[str]:
	return frappe.get_all(
		ACTION,
		filters={"status": ("in", policy.OPEN_ACTION_STATUSES), "due_date": ("<", today)},
		pluck="advice_case",
		distinct=True,
	)


def propose_cases(meeting, today: datetime.date) -> list[str]:
	"""Add draft discussions for the cases the meeting should look at; returns the new ones."""
	cutoff = policy.proposal_cutoff(last_held_meeting_at(meeting.meeting_date), now_datetime())
	on_agenda = frappe.get_all(DISCUSSION, filters={"meeting": meeting.name}, pluck="advice_case")
	proposals = policy.select_proposals(
		cases_changed_since(cutoff), cases_with_overdue_actions(today), on_agenda
	)
	added = []
	for case, reasons in proposals.items():
		discussion = frappe.get_doc(
			{
				"doctype": DISCUSSION,
				"meeting": meeting.name,
				"advice_case": case,
				"proposed": 1,
				"proposal_reason": reason_text(reasons),
			}
		)
		discussion.flags.proposed_by_schedule = True
		discussion.insert(ignore_permissions=True)
		added.append(case)
	return added
