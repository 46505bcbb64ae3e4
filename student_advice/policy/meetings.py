"""Rules of the weekly reflective practice meeting, its discussions and its agreed actions.

A meeting is scheduled, then held. Once held, the meeting and its discussions are locked;
an agreed action keeps only its progress open (status, progress notes, completion date),
while what was agreed, who owns it and by when stay as agreed. Each check returns a tuple
of error codes (student_advice/messages.py turns them into messages).
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta

SCHEDULED = "Scheduled"
HELD = "Held"
MEETING_STATUSES = (SCHEDULED, HELD)

# Working days only (docs/decisions.md, decision 12): the meeting is on one of them.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
DEFAULT_WEEKDAY = "Thursday"
DEFAULT_TIME = "10:00:00"

ACTION_OPEN = "Open"
ACTION_IN_PROGRESS = "In Progress"
ACTION_DONE = "Done"
ACTION_DROPPED = "Dropped"
ACTION_STATUSES = (ACTION_OPEN, ACTION_IN_PROGRESS, ACTION_DONE, ACTION_DROPPED)
OPEN_ACTION_STATUSES = (ACTION_OPEN, ACTION_IN_PROGRESS)

# What stays editable on an action once its meeting has been held.
ACTION_PROGRESS_FIELDS = frozenset({"status", "progress", "completed_on"})

# Why the weekly schedule proposes a case for discussion.
CHANGED_SINCE_LAST_MEETING = "changed_since_last_meeting"
HAS_OVERDUE_ACTIONS = "has_overdue_actions"

# With no earlier meeting, "changed since the last meeting" looks back one week.
FIRST_LOOKBACK = timedelta(days=7)


def next_meeting_date(today: date, weekday: str) -> date:
	"""The next meeting day strictly after today: one to seven days ahead."""
	if weekday not in WEEKDAYS:
		weekday = DEFAULT_WEEKDAY
	days = (WEEKDAYS.index(weekday) - today.weekday()) % 7 or 7
	return today + timedelta(days=days)


def is_locked(meeting_status: str | None) -> bool:
	return meeting_status == HELD


def check_meeting(
	previous_status: str | None,
	status: str,
	changed: Iterable[str],
	meeting_date: date | None,
	officers_present: int,
	today: date,
) -> tuple[str, ...]:
	"""A held meeting never changes; a meeting is held on or after its day, with officers present."""
	if is_locked(previous_status):
		return ("meeting_is_held",) if set(changed) else ()
	errors = []
	if status not in MEETING_STATUSES:
		errors.append("meeting_status_unknown")
	if not meeting_date:
		errors.append("meeting_date_missing")
	if status == HELD:
		if officers_present < 1:
			errors.append("meeting_held_needs_officers")
		if meeting_date and meeting_date > today:
			errors.append("meeting_held_in_future")
	return tuple(errors)


def check_discussion(meeting_status: str | None, is_new: bool, changed: Iterable[str]) -> tuple[str, ...]:
	"""Cases are added to, taken off or noted in a meeting only until it is held."""
	if is_locked(meeting_status) and (is_new or set(changed)):
		return ("meeting_is_held",)
	return ()


def check_action(
	meeting_status: str | None,
	is_new: bool,
	changed: Iterable[str],
	status: str,
	discussion_removed: bool,
) -> tuple[str, ...]:
	"""Actions are agreed before the meeting is held; afterwards only their progress moves."""
	errors = []
	if status not in ACTION_STATUSES:
		errors.append("action_status_unknown")
	if is_new and discussion_removed:
		errors.append("action_on_removed_discussion")
	if is_locked(meeting_status):
		if is_new:
			errors.append("meeting_is_held")
		elif set(changed) - ACTION_PROGRESS_FIELDS:
			errors.append("action_terms_locked")
	return tuple(errors)


def is_overdue(due_date: date | None, status: str | None, today: date) -> bool:
	return bool(due_date) and status in OPEN_ACTION_STATUSES and due_date < today


def proposal_cutoff(previous_meeting_at: datetime | None, now: datetime) -> datetime:
	"""Cases changed after this moment are proposed: the previous meeting, or a week ago."""
	return previous_meeting_at or now - FIRST_LOOKBACK


def select_proposals(
	changed_cases: Iterable[str],
	cases_with_overdue_actions: Iterable[str],
	already_on_agenda: Iterable[str],
) -> dict[str, tuple[str, ...]]:
	"""Which cases to propose, each once, with its reasons; never one already on the agenda.

	`already_on_agenda` includes cases officers took off the agenda: the schedule does not
	put back what an officer removed.
	"""
	reasons: dict[str, list[str]] = {}
	for case in changed_cases:
		reasons.setdefault(case, [])
		if CHANGED_SINCE_LAST_MEETING not in reasons[case]:
			reasons[case].append(CHANGED_SINCE_LAST_MEETING)
	for case in cases_with_overdue_actions:
		reasons.setdefault(case, [])
		if HAS_OVERDUE_ACTIONS not in reasons[case]:
			reasons[case].append(HAS_OVERDUE_ACTIONS)
	skip = set(already_on_agenda)
	return {case: tuple(r) for case, r in sorted(reasons.items()) if case and case not in skip}
