"""Reflective practice meetings, their discussions and actions, the weekly job and the workspace."""

from datetime import timedelta

import frappe
import pytest
from frappe.utils import add_days, getdate, now_datetime, today
from werkzeug.exceptions import Forbidden

from student_advice.api import meetings as meetings_api
from student_advice.api import workspace
from student_advice.policy.roles import MANAGER, OFFICER
from student_advice.tasks import prepare_next_meeting
from tests.factories import (
	make_action,
	make_case,
	make_discussion,
	make_meeting,
	make_student,
	make_user,
)

MEETING = "Reflective Practice Meeting"


@pytest.fixture
def colleague():
	return make_user([OFFICER], officer_title="Welfare and Rights Officer")


def hold(meeting, *officers):
	meeting.reload()
	for user in officers:
		meeting.append("officers_present", {"officer": user})
	meeting.save()
	meeting.mark_held()
	meeting.reload()
	return meeting


def set_modified(doctype, name, when):
	frappe.db.set_value(doctype, name, "modified", when, update_modified=False)


# --- meetings, discussions, actions ----------------------------------------------------


def test_officer_schedules_discusses_agrees_actions_and_holds_the_meeting(officer, colleague):
	meeting = make_meeting(today())
	assert meeting.status == "Scheduled" and len(meeting.name) == 32
	assert meeting.title and not meeting.scheduled_by_system
	case = make_case(make_student().name)
	other = make_case(make_student().name)
	discussion = make_discussion(meeting.name, case.name, notes="Talked it through")
	assert discussion.student == case.student and not discussion.proposed
	assert case.title in discussion.title and case.student_name in discussion.title
	taken_off = make_discussion(meeting.name, other.name)
	taken_off.not_discussed = 1
	taken_off.save()
	action = make_action(discussion.name, colleague, what="Chase the college tutor")
	assert (action.meeting, action.advice_case, action.student) == (meeting.name, case.name, case.student)
	assert case.title in action.title

	with pytest.raises(frappe.ValidationError, match="at least one officer present"):
		meeting.mark_held()
	assert frappe.db.get_value(MEETING, meeting.name, "status") == "Scheduled"

	hold(meeting, officer, colleague)
	assert meeting.status == "Held" and len(meeting.officers_present) == 2


def test_a_meeting_is_not_held_before_its_day_and_only_with_active_officers(officer):
	meeting = make_meeting(add_days(today(), 2))
	meeting.append("officers_present", {"officer": officer})
	meeting.status = "Held"
	with pytest.raises(frappe.ValidationError, match="before its date"):
		meeting.save()
	assert frappe.db.get_value(MEETING, meeting.name, "status") == "Scheduled"
	meeting.reload()
	frappe.set_user("Administrator")
	frappe.db.set_value("Advice Officer", officer, "active", 0)
	frappe.set_user(officer)
	meeting.append("officers_present", {"officer": officer})
	with pytest.raises(frappe.ValidationError, match="Only active advice officers"):
		meeting.save()


def test_one_meeting_per_day(officer):
	day = add_days(today(), 3)
	make_meeting(day)
	with pytest.raises(frappe.ValidationError, match="already a reflective practice meeting on this date"):
		make_meeting(day)
	assert frappe.db.count(MEETING, {"meeting_date": day}) == 1


def test_a_held_meeting_and_its_discussions_refuse_every_change(officer, colleague):
	meeting = make_meeting(today())
	case = make_case(make_student().name)
	discussion = make_discussion(meeting.name, case.name, notes="original notes")
	hold(meeting, officer)
	meeting.save()  # saving it unchanged is harmless

	meeting.notes = "rewritten"
	with pytest.raises(frappe.ValidationError, match="has been held"):
		meeting.save()
	meeting.reload()
	meeting.status = "Scheduled"
	with pytest.raises(frappe.ValidationError, match="has been held"):
		meeting.save()
	assert frappe.db.get_value(MEETING, meeting.name, ["status", "notes"]) == ("Held", None)

	discussion.reload()
	discussion.notes = "rewritten"
	with pytest.raises(frappe.ValidationError, match="has been held"):
		discussion.save()
	discussion.reload()
	discussion.not_discussed = 1
	with pytest.raises(frappe.ValidationError, match="has been held"):
		discussion.save()
	assert frappe.db.get_value("Meeting Discussion", discussion.name, ["notes", "not_discussed"]) == (
		"original notes",
		0,
	)

	before = frappe.db.count("Meeting Discussion", {"meeting": meeting.name})
	with pytest.raises(frappe.ValidationError, match="has been held"):
		make_discussion(meeting.name, make_case(make_student().name).name)
	assert frappe.db.count("Meeting Discussion", {"meeting": meeting.name}) == before
	with pytest.raises(frappe.ValidationError, match="has been held"):
		make_action(discussion.name, colleague)
	assert not frappe.db.count("Meeting Action", {"meeting": meeting.name})


def test_actions_keep_their_progress_after_the_meeting_is_held(officer, colleague):
	meeting = make_meeting(today())
	case = make_case(make_student().name)
	discussion = make_discussion(meeting.name, case.name)
	action = make_action(discussion.name, colleague, due_date=add_days(today(), 5), what="Write to the tutor")
	hold(meeting, officer, colleague)

	action.reload()
	action.update({"status": "In Progress", "progress": "Letter drafted"})
	action.save()
	action.update({"status": "Done"})
	action.save()
	assert str(action.completed_on) == today()

	for field, value in (
		("what", "Something else"),
		("due_date", add_days(today(), 30)),
		("action_owner", officer),
	):
		action.reload()
		action.set(field, value)
		with pytest.raises(frappe.ValidationError, match="stay as agreed"):
			action.save()
	saved = frappe.db.get_value(
		"Meeting Action",
		action.name,
		["what", "due_date", "action_owner", "status", "progress"],
		as_dict=True,
	)
	assert saved == {
		"what": "Write to the tutor",
		"due_date": getdate(add_days(today(), 5)),
		"action_owner": colleague,
		"status": "Done",
		"progress": "Letter drafted",
	}


def test_action_owner_is_an_active_officer(officer):
	meeting = make_meeting(today())
	discussion = make_discussion(meeting.name, make_case(make_student().name).name)
	not_on_list = make_user([OFFICER])
	outsider = make_user(["System Manager"])
	frappe.set_user("Administrator")
	frappe.get_doc({"doctype": "Advice Officer", "user": outsider, "job_title": "Ex", "active": 0}).insert()
	frappe.set_user(officer)
	with pytest.raises(frappe.ValidationError, match="Could not find Owner"):  # not on the officers' list
		make_action(discussion.name, not_on_list)
	with pytest.raises(frappe.ValidationError, match="must be an active advice officer"):  # on it, inactive
		make_action(discussion.name, outsider)
	assert not frappe.db.count("Meeting Action", {"discussion": discussion.name})
	assert make_action(discussion.name, officer).action_owner == officer


def test_cases_come_off_the_agenda_by_a_flag_never_deleted_and_appear_once(officer, colleague):
	meeting = make_meeting(today())
	case = make_case(make_student().name)
	discussion = make_discussion(meeting.name, case.name)
	with pytest.raises(frappe.ValidationError, match="already on the meeting's agenda"):
		make_discussion(meeting.name, case.name)
	discussion.not_discussed = 1
	discussion.save()
	with pytest.raises(frappe.ValidationError, match="not one taken off it"):
		make_action(discussion.name, colleague)
	again = make_discussion(meeting.name, case.name)  # back on the agenda as a new record
	for user in (officer, make_user([MANAGER], officer_title="Advice Service Manager")):
		frappe.set_user(user)
		for name in (discussion.name, again.name):
			with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
				frappe.delete_doc("Meeting Discussion", name)
	assert frappe.db.count("Meeting Discussion", {"meeting": meeting.name}) == 2


def test_proposed_flag_cannot_be_set_by_hand(officer):
	meeting = make_meeting(today())
	discussion = make_discussion(
		meeting.name, make_case(make_student().name).name, proposed=1, proposal_reason="forged"
	)
	assert not discussion.proposed and not discussion.proposal_reason


# --- the weekly job -----------------------------------------------------------------------


@pytest.fixture
def weekday_tomorrow():
	"""Meetings on tomorrow's weekday (moved to a working day when tomorrow is a weekend)."""
	tomorrow = getdate(add_days(today(), 1))
	day = tomorrow.strftime("%A")
	if day in ("Saturday", "Sunday"):
		day = "Monday"
	frappe.db.set_single_value("Student Advice Settings", "meeting_weekday", day)
	frappe.db.set_single_value("Student Advice Settings", "meeting_time", "09:30:00")
	frappe.db.set_single_value("Student Advice Settings", "pause_meeting_schedule", 0)
	return day


def test_the_job_creates_next_weeks_meeting_once(weekday_tomorrow, officer):
	frappe.set_user("Administrator")  # the scheduler's user
	name = prepare_next_meeting()
	meeting = frappe.get_doc(MEETING, name)
	ahead = (getdate(meeting.meeting_date) - getdate(today())).days
	assert 1 <= ahead <= 7 and getdate(meeting.meeting_date).strftime("%A") == weekday_tomorrow
	assert meeting.status == "Scheduled" and meeting.scheduled_by_system
	assert str(meeting.meeting_time) in ("9:30:00", "09:30:00")
	agenda = frappe.get_all("Meeting Discussion", filters={"meeting": name}, pluck="name")

	assert prepare_next_meeting() == name
	assert frappe.db.count(MEETING, {"meeting_date": meeting.meeting_date}) == 1
	assert sorted(frappe.get_all("Meeting Discussion", filters={"meeting": name}, pluck="name")) == sorted(
		agenda
	)

	frappe.set_user(officer)  # officers see what the scheduler made
	assert frappe.get_list(MEETING, filters={"name": name}, pluck="name") == [name]


def test_the_job_reuses_a_meeting_an_officer_already_made(weekday_tomorrow, officer):
	from student_advice.policy.meetings import next_meeting_date

	day = next_meeting_date(getdate(today()), weekday_tomorrow)
	mine = make_meeting(day)
	frappe.set_user("Administrator")
	assert prepare_next_meeting() == mine.name
	assert frappe.db.count(MEETING, {"meeting_date": day}) == 1


def test_the_job_proposes_changed_cases_and_cases_with_overdue_actions(weekday_tomorrow, officer, colleague):
	long_ago = now_datetime().replace(microsecond=0) - timedelta(days=30)
	# Last week's meeting, held yesterday, agreed an action that is now overdue.
	last = make_meeting(add_days(today(), -1))
	overdue_case = make_case(make_student().name)
	discussed = make_discussion(last.name, overdue_case.name)
	make_action(discussed.name, colleague, due_date=add_days(today(), -3), what="Overdue")
	quiet_case = make_case(make_student().name)
	quiet_done = make_case(make_student().name)
	done_discussion = make_discussion(last.name, quiet_done.name)
	make_action(done_discussion.name, colleague, due_date=add_days(today(), -3), status="Done")
	hold(last, officer, colleague)
	for case in (overdue_case, quiet_case, quiet_done):
		set_modified("Case", case.name, long_ago)
	changed_case = make_case(make_student().name)  # opened after the last meeting
	entry_case = make_case(make_student().name)
	set_modified("Case", entry_case.name, long_ago)
	frappe.get_doc(
		{"doctype": "Case Entry", "advice_case": entry_case.name, "entry_type": "Event", "details": "called"}
	).insert()

	frappe.set_user("Administrator")
	name = prepare_next_meeting()
	proposed = {
		d.advice_case: d
		for d in frappe.get_all(
			"Meeting Discussion",
			filters={"meeting": name},
			fields=["name", "advice_case", "proposed", "proposal_reason", "not_discussed"],
		)
	}
	assert changed_case.name in proposed and entry_case.name in proposed
	assert overdue_case.name in proposed and "overdue" in proposed[overdue_case.name].proposal_reason
	assert "changed" in proposed[changed_case.name].proposal_reason
	assert quiet_case.name not in proposed and quiet_done.name not in proposed
	assert all(d.proposed and not d.not_discussed for d in proposed.values())

	# Officers take a proposal off and add a case; the job puts back neither and duplicates nothing.
	frappe.set_user(officer)
	removed = frappe.get_doc("Meeting Discussion", proposed[changed_case.name].name)
	removed.not_discussed = 1
	removed.save()
	added = make_discussion(name, quiet_case.name)
	assert not added.proposed
	frappe.set_user("Administrator")
	assert prepare_next_meeting() == name
	rows = frappe.get_all(
		"Meeting Discussion", filters={"meeting": name}, fields=["advice_case", "not_discussed"]
	)
	assert len(rows) == len(proposed) + 1
	assert sum(1 for r in rows if r.advice_case == changed_case.name) == 1


def test_the_job_leaves_a_held_meeting_alone_and_can_be_paused(weekday_tomorrow, officer):
	a_week_ago = add_days(today(), -7)  # the job as it ran a week ago: its meeting is now past
	frappe.set_user("Administrator")
	name = prepare_next_meeting(a_week_ago)
	frappe.set_user(officer)
	hold(frappe.get_doc(MEETING, name), officer)
	make_case(make_student().name)
	frappe.set_user("Administrator")
	before = frappe.db.count("Meeting Discussion", {"meeting": name})
	assert prepare_next_meeting(a_week_ago) == name
	assert frappe.db.count("Meeting Discussion", {"meeting": name}) == before
	frappe.db.set_single_value("Student Advice Settings", "pause_meeting_schedule", 1)
	assert prepare_next_meeting() is None


# --- the case shows its meetings; overdue actions on the owner's workspace -----------------


def test_a_case_shows_the_meetings_that_discussed_it_and_their_actions(officer, colleague):
	case = make_case(make_student().name)
	meeting = make_meeting(today())
	discussion = make_discussion(meeting.name, case.name, notes="agreed to refer")
	action = make_action(discussion.name, colleague, due_date=add_days(today(), -1), what="Refer")
	off = make_meeting(add_days(today(), 7))
	make_discussion(off.name, case.name, not_discussed=1)

	shown = meetings_api.case_meetings(case.name)
	assert [m["meeting"] for m in shown] == [meeting.name]
	assert shown[0]["notes"] == "agreed to refer"
	assert [(a["name"], a["overdue"]) for a in shown[0]["actions"]] == [(action.name, True)]

	for outsider in (make_user(["System Manager"]), make_user([], desk=False)):
		frappe.set_user(outsider)
		with pytest.raises(Forbidden):
			meetings_api.case_meetings(case.name)
		with pytest.raises(Forbidden):
			meetings_api.case_meetings("0" * 32)


def test_overdue_actions_appear_on_the_owners_workspace_only(officer, colleague):
	meeting = make_meeting(today())
	discussion = make_discussion(meeting.name, make_case(make_student().name).name)
	overdue = make_action(discussion.name, colleague, due_date=add_days(today(), -2))
	make_action(discussion.name, colleague, due_date=add_days(today(), 2))  # not yet due
	make_action(discussion.name, colleague, due_date=add_days(today(), -2), status="Done")
	make_action(discussion.name, officer, due_date=add_days(today(), -2))  # someone else's

	frappe.set_user(colleague)
	card = workspace.my_overdue_actions()
	assert card["value"] == 1 and card["route"] == ["List", "Meeting Action"]
	mine = frappe.get_list("Meeting Action", filters=workspace.my_overdue_actions_filters(), pluck="name")
	assert mine == [overdue.name]
	frappe.set_user(officer)
	assert workspace.my_overdue_actions()["value"] == 1
	frappe.set_user(make_user(["System Manager"]))
	with pytest.raises(Forbidden):
		workspace.my_overdue_actions()


def test_workspace_cards_count_my_cases_and_todays_enquiries(officer, colleague):
	from frappe.desk.form import assign_to

	open_case = make_case(make_student().name)
	waiting = make_case(make_student().name, status="Waiting on Student")
	recent_wait = make_case(make_student().name, status="Waiting on Third Party")
	frappe.set_user(colleague)
	theirs = make_case(make_student().name)  # opened by the colleague: theirs, not mine
	mine_unassigned = make_case(make_student().name)
	frappe.set_user(officer)
	for case in (open_case, waiting, recent_wait):
		assign_to.add({"assign_to": [officer], "doctype": "Case", "name": case.name})
	assign_to.add({"assign_to": [colleague], "doctype": "Case", "name": theirs.name})
	set_modified("Case", waiting.name, now_datetime() - timedelta(days=20))
	frappe.get_doc(
		{"doctype": "Enquiry", "channel": "Phone", "category": "Finance", "summary": "x", "anonymous": 1}
	).insert()

	assert workspace.my_open_cases()["value"] == 3
	card = workspace.my_open_cases()
	assert set(card["route_options"]["name"][1]) == {open_case.name, waiting.name, recent_wait.name}
	assert workspace.my_waiting_cases()["value"] == 1
	assert workspace.enquiries_today()["value"] >= 1
	frappe.set_user(colleague)
	assert workspace.my_open_cases()["value"] == 2  # assigned to them, or opened by them
	assert set(workspace.my_open_cases()["route_options"]["name"][1]) == {theirs.name, mine_unassigned.name}
	assert workspace.my_waiting_cases()["value"] == 0
	for method in (workspace.my_open_cases, workspace.enquiries_today, workspace.my_waiting_cases):
		frappe.set_user(make_user(["Advice Statistics Viewer"]))
		with pytest.raises(Forbidden):
			method()


def test_workspace_is_for_the_service_roles_only():
	workspace_doc = frappe.get_doc("Workspace", "Student Advice")
	assert {r.role for r in workspace_doc.roles} == {OFFICER, MANAGER, "Advice Service Administrator"}
	cards = {c.number_card_name for c in workspace_doc.number_cards}
	assert {
		"My Open Cases",
		"My Overdue Actions",
		"Enquiries Today",
		"My Cases Waiting Over 14 Days",
	} <= cards
	for card in cards:
		assert frappe.db.get_value("Number Card", card, "type") == "Custom"
	assert {"New Enquiry", "New Case Entry"} <= {
		s.label for s in workspace_doc.shortcuts if s.doc_view == "New"
	}


def test_an_officer_loads_the_workspace_with_its_cards_lists_and_quick_entries(officer):
	import json

	from frappe.desk.desktop import get_desktop_page, get_workspace_sidebar_items

	page = get_desktop_page(json.dumps({"name": "Student Advice", "title": "Student Advice", "public": 1}))
	cards = {c.number_card_name for c in page["number_cards"]["items"]}
	assert {
		"My Open Cases",
		"My Overdue Actions",
		"Enquiries Today",
		"My Cases Waiting Over 14 Days",
		"Consents Expiring Soon",
	} <= cards
	assert {q["document_type"] for q in page["quick_lists"]["items"]} >= {"Case", "Meeting Action"}
	assert {"New Enquiry", "New Case Entry"} <= {s["label"] for s in page["shortcuts"]["items"]}
	assert "Student Advice" in {p.name for p in get_workspace_sidebar_items()["pages"]}
	frappe.set_user(make_user(["System Manager"]))
	assert "Student Advice" not in {p.name for p in get_workspace_sidebar_items()["pages"]}
