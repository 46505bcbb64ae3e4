"""Retention endpoints: the manager starts a run now; officers see what falls due."""

import frappe
from frappe.utils import getdate, today

from student_advice.confidentiality.guards import managers_only


@frappe.whitelist(methods=["POST"])
@managers_only
def run_now() -> str:
	"""Queue a retention run on the long queue and return its log record (progress shows there)."""
	from student_advice.retention import engine

	run_name = engine.start_run(engine.BY_MANAGER)
	frappe.enqueue(
		"student_advice.retention.engine.execute",
		queue="long",
		timeout=6 * 3600,
		run_name=run_name,
		enqueue_after_commit=True,
	)
	return run_name


def due_rows(horizon_days: int = 30, as_of=None) -> list[dict]:
	"""What falls due within the horizon, for the user's eyes (their conflicts left out)."""
	from student_advice.confidentiality.permissions import may_access_record
	from student_advice.policy import retention
	from student_advice.retention import engine, records

	as_of = getdate(as_of or today())
	months = engine.periods()
	held = records.held_students()
	rows = []
	for candidate in engine.due(as_of, horizon_days):
		if not may_access_record(candidate.doctype, candidate.name):
			continue
		kind = retention.BY_KEY[candidate.kind]
		rows.append(
			{
				"kind": kind.label,
				"doctype": candidate.doctype,
				"record": candidate.name,
				"student": candidate.student,
				"due_on": retention.due_on(candidate.event_day, months[kind.key])
				if candidate.event_day
				else as_of,
				"action": retention.action(kind.key),
				"on_hold": bool(candidate.student and candidate.student in held),
			}
		)
	return rows
