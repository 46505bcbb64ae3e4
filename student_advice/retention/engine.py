"""The retention run: each due record anonymised or removed in its own transaction, logged by counts.

A failure while one record is handled rolls back that record alone (it stays whole) and the
run goes on; the next run finds it again. In a worker each record commits on its own; called
inside a caller's transaction (tests, a console) each record is a savepoint instead.
"""

import time
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

import frappe
from frappe.utils import getdate, now_datetime, today

from student_advice.policy import retention
from student_advice.policy.retention import Candidate
from student_advice.retention import copies, records

SCHEDULED = "Scheduled"
BY_MANAGER = "Started by the manager"
ERASURE = "Erasure on request"
PROGRESS_EVENT = "student_advice_retention_progress"


@dataclass
class Tally:
	anonymised: Counter = field(default_factory=Counter)
	removed: Counter = field(default_factory=Counter)
	held: Counter = field(default_factory=Counter)
	errors: Counter = field(default_factory=Counter)
	kept: Counter = field(default_factory=Counter)  # erasure: reason code -> records kept


def periods() -> dict[str, int]:
	settings = frappe.get_cached_doc("Student Advice Settings")
	return retention.periods_with_defaults(settings.as_dict())


def due(as_of: date, horizon_days: int = 0) -> list[Candidate]:
	"""Every record due by `as_of` (+ horizon), in the order a run handles them."""
	from datetime import timedelta

	months = periods()
	found = []
	for kind in retention.KINDS:
		until = retention.cutoff(as_of + timedelta(days=horizon_days), months[kind.key])
		found += records.candidates(kind, until)
	return found


# --- one record -----------------------------------------------------------------------------


def handle(candidate: Candidate, as_of: date, pending_files: list) -> str:
	"""Anonymise or remove one due record and what leaves with it. Returns the action taken."""
	kind = retention.BY_KEY[candidate.kind]
	for doctype, name in records.dependents(kind, candidate.name):
		remove_record(doctype, name, pending_files)
	if retention.action(kind.key) == retention.ANONYMISE:
		anonymise(candidate.doctype, candidate.name, as_of, pending_files)
		return retention.ANONYMISE
	remove_record(candidate.doctype, candidate.name, pending_files)
	return retention.REMOVE


def remove_record(doctype: str, name: str, pending_files: list) -> None:
	"""One row and all its copies (a step of its own, so a test can make one record fail here)."""
	copies.remove_row(doctype, name, pending_files)


ANONYMISED_CASE = {
	"title": "Anonymised case",
	"student": None,
	"student_name": None,
	"summary": None,
	"paper_file_location": None,
	"needs_confidential_space": 0,
}
ANONYMISED_ENQUIRY = {"student": None, "student_name": None, "summary": None, "anonymous": 1}


def anonymise(doctype: str, name: str, as_of: date, pending_files: list) -> None:
	"""Keep what the statistics count (dates, category, college, faculty, outcome, channel)."""
	row = frappe.db.get_value(doctype, name, ["student", "name"], as_dict=True)
	values = dict(ANONYMISED_CASE if doctype == "Case" else ANONYMISED_ENQUIRY)
	student = frappe.db.get_value("Advice Student", row.student, ["college", "faculty"], as_dict=True)
	if doctype == "Case":
		values.update(
			college=student.college if student else None, faculty=student.faculty if student else None
		)
	elif student:
		current = frappe.db.get_value("Enquiry", name, ["college", "faculty"], as_dict=True)
		values.update(college=current.college or student.college, faculty=current.faculty or student.faculty)
	values["anonymised_on"] = as_of
	frappe.db.set_value(doctype, name, values, update_modified=True)
	copies.remove_copies(doctype, name, pending_files)
	copies.clear_social_columns(doctype, name)


MINIMISED_STUDENT = {
	"preferred_name": None,
	"pronouns": None,
	"email": None,
	"phone": None,
	"course": None,
	"year_of_study": None,
	"contact_notes": None,
}


def minimise_student(candidate: Candidate, as_of: date, pending_files: list) -> str:
	"""Erasure kept records that name the student (a breach): keep the name, college and faculty only."""
	frappe.db.set_value("Advice Student", candidate.name, MINIMISED_STUDENT, update_modified=True)
	copies.remove_copies("Advice Student", candidate.name, pending_files)
	copies.clear_social_columns("Advice Student", candidate.name)
	return retention.ANONYMISE


def erasure_candidates(student: str, tally: Tally) -> list[Candidate]:
	"""Every record of one student, less what an erasure must keep (counted in tally.kept)."""
	found = []
	for kind in retention.KINDS:
		for candidate in records.candidates(kind, None, students={student}):
			under_breach = candidate.doctype == "Disclosure" and bool(
				frappe.db.get_value("Disclosure", candidate.name, "confidentiality_breach")
			)
			reason = retention.kept_on_erasure(kind.key, under_breach)
			if reason:
				tally.kept[reason] += 1
			else:
				found.append(candidate)
	return found


def erase(student: str) -> tuple[str, Tally]:
	"""Erase one student's records now, through the same steps as the daily run."""
	run_name = start_run(ERASURE)
	kept = Tally()
	candidates = erasure_candidates(student, kept)
	tally = execute(run_name, candidates=candidates, erasure=True)
	tally.kept = kept.kept
	note = kept_note(tally)
	frappe.db.set_value("Retention Run", run_name, "kept_note", note, update_modified=False)
	return run_name, tally


def kept_note(tally: Tally) -> str:
	from student_advice import messages

	return "\n".join(f"{n} x {messages.message(code)}" for code, n in sorted(tally.kept.items()))


# --- transactions ---------------------------------------------------------------------------


class UnitOfWork:
	"""One record's transaction: a commit in a worker, a savepoint inside someone else's transaction."""

	def __init__(self, own_transactions: bool):
		self.own = own_transactions
		self.pending_files: list = []

	def __enter__(self):
		if not self.own:
			frappe.db.savepoint("student_advice_retention")
		return self

	def __exit__(self, exc_type, exc, tb):
		if exc_type is None:
			if self.own:
				frappe.db.commit()
			copies.finish_files(self.pending_files, committed=True)
			return False
		if self.own:
			frappe.db.rollback()
		else:
			frappe.db.rollback(save_point="student_advice_retention")
		copies.finish_files(self.pending_files, committed=False)
		return issubclass(exc_type, Exception)  # the run goes on; the record stays whole


def owns_transactions() -> bool:
	return getattr(frappe.local, "job", None) is not None and not frappe.db.transaction_writes


# --- the run --------------------------------------------------------------------------------


def start_run(run_type: str, as_of: date | None = None) -> str:
	run = frappe.get_doc(
		{
			"doctype": "Retention Run",
			"run_type": run_type,
			"status": "Queued",
			"as_of": as_of or today(),
		}
	)
	run.flags.ignore_permissions = True
	run.insert()
	return run.name


def scheduled_run():
	"""Daily (scheduler, long queue)."""
	execute(start_run(SCHEDULED))


def execute(run_name: str, as_of: date | None = None, candidates: list[Candidate] | None = None,
            erasure: bool = False) -> Tally:  # fmt: skip
	"""Handle every due record (or the given ones) and log the run by counts, never by whom."""
	own = owns_transactions()
	as_of = getdate(as_of or frappe.db.get_value("Retention Run", run_name, "as_of") or today())
	started = time.monotonic()
	_update_run(run_name, own, status="Running", started_on=now_datetime())
	copies.recover_quarantine()
	tally = Tally()
	work = due(as_of) if candidates is None else candidates
	held = set() if erasure else records.held_students()
	for index, candidate in enumerate(work, 1):
		# What rests on a record is read when its turn comes: earlier records of the run may have gone.
		candidate = replace(candidate, kept_by=records.kept_by(candidate.doctype, candidate.name))
		reason = retention.blocked(candidate, held)
		if reason == "legal_hold":
			tally.held[candidate.kind] += 1
		elif reason is None:
			_handle_one(candidate, as_of, own, tally)
		elif erasure and candidate.kind == "student":
			_handle_one(candidate, as_of, own, tally, step=minimise_student)
		if index % 50 == 0 or index == len(work):
			progress = round(100 * index / len(work), 1)
			_update_run(run_name, own, progress=progress)
			frappe.publish_realtime(
				PROGRESS_EVENT, {"run": run_name, "progress": progress}, user=frappe.session.user
			)
	with UnitOfWork(own) as unit:
		unit.pending_files += copies.remove_prepared_reports()
	if tally.anonymised or tally.removed:
		forget_statistics_snapshots()
	_finish_run(run_name, own, tally, time.monotonic() - started)
	return tally


def _handle_one(candidate: Candidate, as_of: date, own: bool, tally: Tally, step=None) -> None:
	failed = True
	with UnitOfWork(own) as unit:
		action = (step or handle)(candidate, as_of, unit.pending_files)
		failed = False
	if failed:
		tally.errors[candidate.kind] += 1
	elif action == retention.ANONYMISE:
		tally.anonymised[candidate.kind] += 1
	else:
		tally.removed[candidate.kind] += 1


def forget_statistics_snapshots() -> None:
	"""The app's own cached figures were computed from records that have now changed or gone."""
	from student_advice.statistics import cache

	frappe.cache.delete_keys(cache.SNAPSHOTS + "*")
	frappe.cache.delete_keys(cache.LATEST + "*")
	frappe.cache.set_value(cache.CHANGED, time.time())
	cache.enqueue_refresh()


def _update_run(run_name: str, own: bool, **values) -> None:
	frappe.db.set_value("Retention Run", run_name, values, update_modified=False)
	if own:
		frappe.db.commit()


def summary_lines(tally: Tally) -> str:
	lines = []
	for kind in retention.KINDS:
		parts = []
		if tally.anonymised[kind.key]:
			parts.append(f"{tally.anonymised[kind.key]} anonymised")
		if tally.removed[kind.key]:
			parts.append(f"{tally.removed[kind.key]} removed")
		if tally.held[kind.key]:
			parts.append(f"{tally.held[kind.key]} on legal hold")
		if parts:
			lines.append(f"{kind.label}: {', '.join(parts)}")
	return "\n".join(lines)


def _finish_run(run_name: str, own: bool, tally: Tally, seconds: float) -> None:
	errors = sum(tally.errors.values())
	_update_run(
		run_name,
		own,
		status="Finished with errors" if errors else "Finished",
		finished_on=now_datetime(),
		duration=round(seconds, 3),
		progress=100,
		anonymised=sum(tally.anonymised.values()),
		removed=sum(tally.removed.values()),
		kept_on_hold=sum(tally.held.values()),
		errors=errors,
		summary=summary_lines(tally),
		error_note="\n".join(
			f"{retention.BY_KEY[k].label}: {n} not handled (kept whole; the next run tries again)"
			for k, n in tally.errors.items()
		),
	)
