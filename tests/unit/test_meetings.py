from datetime import date, datetime, timedelta

import pytest

from student_advice.policy import meetings as m

TODAY = date(2026, 12, 2)  # a Wednesday


@pytest.mark.parametrize(
	"today, weekday, expected",
	[
		(date(2026, 12, 2), "Thursday", date(2026, 12, 3)),  # tomorrow
		(date(2026, 12, 3), "Thursday", date(2026, 12, 10)),  # on the day: next week's
		(date(2026, 12, 4), "Thursday", date(2026, 12, 10)),
		(date(2026, 12, 6), "Monday", date(2026, 12, 7)),  # from a Sunday
		(date(2026, 12, 2), "Saturday", date(2026, 12, 3)),  # not a working day: the default
	],
)
def test_next_meeting_date_is_one_to_seven_days_ahead(today, weekday, expected):
	assert m.next_meeting_date(today, weekday) == expected
	assert 1 <= (m.next_meeting_date(today, weekday) - today).days <= 7


def test_a_scheduled_meeting_may_change_and_be_held_with_officers_on_or_after_its_day():
	assert m.check_meeting(None, m.SCHEDULED, ["meeting_date"], TODAY + timedelta(days=7), 0, TODAY) == ()
	assert m.check_meeting(m.SCHEDULED, m.HELD, ["status"], TODAY, 2, TODAY) == ()
	assert m.check_meeting(m.SCHEDULED, m.HELD, ["status"], TODAY, 0, TODAY) == (
		"meeting_held_needs_officers",
	)
	assert m.check_meeting(m.SCHEDULED, m.HELD, ["status"], TODAY + timedelta(days=1), 1, TODAY) == (
		"meeting_held_in_future",
	)
	assert m.check_meeting(None, "Cancelled", [], None, 0, TODAY) == (
		"meeting_status_unknown",
		"meeting_date_missing",
	)


def test_a_held_meeting_is_locked():
	assert m.check_meeting(m.HELD, m.HELD, ["notes"], TODAY, 2, TODAY) == ("meeting_is_held",)
	assert m.check_meeting(m.HELD, m.SCHEDULED, ["status"], TODAY, 2, TODAY) == ("meeting_is_held",)
	assert m.check_meeting(m.HELD, m.HELD, [], TODAY, 2, TODAY) == ()  # an unchanged save is harmless
	assert m.is_locked(m.HELD) and not m.is_locked(m.SCHEDULED) and not m.is_locked(None)


def test_discussions_are_locked_with_their_meeting():
	assert m.check_discussion(m.SCHEDULED, True, []) == ()
	assert m.check_discussion(m.SCHEDULED, False, ["not_discussed", "notes"]) == ()
	assert m.check_discussion(m.HELD, True, []) == ("meeting_is_held",)
	assert m.check_discussion(m.HELD, False, ["notes"]) == ("meeting_is_held",)
	assert m.check_discussion(m.HELD, False, []) == ()


def test_actions_keep_their_progress_after_the_meeting():
	assert m.check_action(m.SCHEDULED, True, [], m.ACTION_OPEN, False) == ()
	assert m.check_action(m.SCHEDULED, False, ["what", "due_date"], m.ACTION_OPEN, False) == ()
	assert m.check_action(m.HELD, False, ["status", "progress", "completed_on"], m.ACTION_DONE, False) == ()
	for locked in ("what", "action_owner", "due_date", "discussion", "advice_case"):
		assert m.check_action(m.HELD, False, ["progress", locked], m.ACTION_OPEN, False) == (
			"action_terms_locked",
		)
	assert m.check_action(m.HELD, True, [], m.ACTION_OPEN, False) == ("meeting_is_held",)
	assert m.check_action(m.SCHEDULED, True, [], m.ACTION_OPEN, True) == ("action_on_removed_discussion",)
	assert m.check_action(m.SCHEDULED, True, [], "Forgotten", False) == ("action_status_unknown",)


@pytest.mark.parametrize(
	"due, status, overdue",
	[
		(TODAY - timedelta(days=1), m.ACTION_OPEN, True),
		(TODAY - timedelta(days=1), m.ACTION_IN_PROGRESS, True),
		(TODAY - timedelta(days=1), m.ACTION_DONE, False),
		(TODAY - timedelta(days=1), m.ACTION_DROPPED, False),
		(TODAY, m.ACTION_OPEN, False),  # due today is not yet overdue
		(None, m.ACTION_OPEN, False),
	],
)
def test_overdue(due, status, overdue):
	assert m.is_overdue(due, status, TODAY) is overdue


def test_proposal_cutoff_is_the_previous_meeting_or_a_week_back():
	now = datetime(2026, 12, 2, 9, 0)
	previous = datetime(2026, 11, 26, 10, 0)
	assert m.proposal_cutoff(previous, now) == previous
	assert m.proposal_cutoff(None, now) == now - timedelta(days=7)


def test_proposals_are_each_case_once_with_reasons_and_never_what_is_on_the_agenda():
	proposals = m.select_proposals(["c2", "c1", "c2", ""], ["c3", "c1"], ["c4"])
	assert proposals == {
		"c1": (m.CHANGED_SINCE_LAST_MEETING, m.HAS_OVERDUE_ACTIONS),
		"c2": (m.CHANGED_SINCE_LAST_MEETING,),
		"c3": (m.HAS_OVERDUE_ACTIONS,),
	}
	assert m.select_proposals(["c1"], ["c1"], ["c1"]) == {}  # removed by an officer: not put back
	assert m.select_proposals([], [], []) == {}
