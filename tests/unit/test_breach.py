"""The breach procedure (pure), and the workflow and DocType JSON that carry it."""

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from student_advice.policy import breach as b

APP = Path(__file__).resolve().parents[2] / "student_advice"
NOW = datetime(2026, 11, 27, 12, 0)  # a Friday

DECIDER = b.Actor(is_officer=True, is_manager=False, is_deciding_officer=True)
OTHER_OFFICER = b.Actor(is_officer=True, is_manager=False, is_deciding_officer=False)
MANAGER = b.Actor(is_officer=True, is_manager=True, is_deciding_officer=False)
NOT_OFFICER = b.Actor(is_officer=False, is_manager=False, is_deciding_officer=False)


def doctype(name):
	folder = name.lower().replace(" ", "_")
	return json.loads((APP / "student_advice" / "doctype" / folder / f"{folder}.json").read_text())


def fixture(name):
	return json.loads((APP / "fixtures" / name).read_text())


# --- grounds ---------------------------------------------------------------------------------


def test_exactly_two_grounds():
	assert b.GROUNDS == (
		"Serious and imminent risk to the student's own or others' safety",
		"The law requires disclosure for the prevention or detection of terrorism",
	)


def test_any_other_ground_is_refused_in_every_state():
	for state in b.STATES:
		assert "breach_ground_unknown" in b.missing_for_state(
			state, b.BreachFacts(ground="It seemed wise"), NOW
		)


def test_the_ground_select_offers_the_two_grounds_and_no_default():
	fields = {f["fieldname"]: f for f in doctype("Confidentiality Breach")["fields"]}
	assert fields["ground"]["fieldtype"] == "Select"
	assert fields["ground"]["options"].split("\n") == ["", *b.GROUNDS]
	assert not fields["ground"].get("default")


def test_whether_the_student_was_told_has_no_default_and_no_nudge():
	fields = {f["fieldname"]: f for f in doctype("Confidentiality Breach")["fields"]}
	told = fields["student_told"]
	assert told["options"].split("\n") == ["", *b.TOLD_ANSWERS]  # blank first: Frappe defaults to nothing
	assert not told.get("default") and not told.get("reqd") and not told.get("description")
	script = (
		APP / "student_advice" / "doctype" / "confidentiality_breach" / "confidentiality_breach.js"
	).read_text()
	assert "student_told" not in script


# --- who may move a breach ---------------------------------------------------------------------


def test_a_breach_starts_as_a_draft_made_by_an_officer():
	assert b.check_change(None, b.DRAFT, DECIDER) == ()
	assert b.check_change(None, b.DECIDED, DECIDER) == ("breach_starts_as_draft",)
	assert b.check_change(None, b.DRAFT, NOT_OFFICER) == ("breach_officers_only",)


@pytest.mark.parametrize("transition", sorted(b.TRANSITIONS))
def test_the_deciding_officer_takes_every_step(transition):
	assert b.check_change(*transition, DECIDER) == ()


@pytest.mark.parametrize("transition", sorted(b.TRANSITIONS))
def test_another_officer_takes_none(transition):
	expected = (
		"breach_only_deciding_officer_or_manager"
		if transition[1] == b.CLOSED
		else "breach_only_deciding_officer"
	)
	assert b.check_change(*transition, OTHER_OFFICER) == (expected,)


def test_the_manager_may_only_close():
	assert b.check_change(b.AWAITING, b.CLOSED, MANAGER) == ()
	assert b.check_change(b.AWAITING, b.DECIDED, MANAGER) == ("breach_only_deciding_officer",)
	assert b.check_change(b.DECIDED, b.DISCLOSED, MANAGER) == ("breach_only_deciding_officer",)


def test_no_other_transitions_exist():
	assert b.check_change(b.AWAITING, b.DRAFT, DECIDER) == ("breach_transition_not_allowed",)
	assert b.check_change(b.DRAFT, b.DISCLOSED, DECIDER) == ("breach_transition_not_allowed",)
	assert b.check_change(b.DECIDED, b.AWAITING, DECIDER) == ("breach_transition_not_allowed",)
	assert b.check_change(b.DRAFT, "Approved", DECIDER) == ("breach_state_unknown",)


def test_final_states_never_change_for_anyone():
	for actor in (DECIDER, MANAGER, OTHER_OFFICER):
		assert b.check_change(b.DISCLOSED, b.DISCLOSED, actor) == ("breach_disclosed_is_final",)
		assert b.check_change(b.CLOSED, b.CLOSED, actor) == ("breach_closed_is_final",)
		assert b.check_change(b.CLOSED, b.DRAFT, actor) == ("breach_closed_is_final",)


def test_editing_in_progress_is_for_the_deciding_officer_or_manager():
	assert b.check_change(b.DRAFT, b.DRAFT, DECIDER) == ()
	assert b.check_change(b.AWAITING, b.AWAITING, MANAGER) == ()
	assert b.check_change(b.DRAFT, b.DRAFT, OTHER_OFFICER) == ("breach_edit_deciding_officer_or_manager",)


# --- what each state requires ------------------------------------------------------------------

READY = b.BreachFacts(
	student="S1",
	situation="outline",
	ground=b.RISK,
	aim="keep her safe",
	recipient="T1",
	decided_on=NOW - timedelta(hours=2),
	disclosed_on=NOW - timedelta(hours=1),
	information_disclosed="address",
	student_told=b.TOLD_YES,
	consultations_requested=1,
	consultations_confirmed=1,
)


def with_(**kw):
	return b.BreachFacts(**{**READY.__dict__, **kw})


def test_a_complete_breach_passes_every_state():
	for state in b.STATES:
		facts = with_(closure_reason="risk passed") if state == b.CLOSED else READY
		assert b.missing_for_state(state, facts, NOW) == (), state


def test_draft_needs_the_student_and_the_outline():
	assert b.missing_for_state(b.DRAFT, b.BreachFacts(), NOW) == (
		"breach_needs_student",
		"breach_needs_situation",
	)


def test_asking_for_advice_needs_ground_aim_recipient_and_a_request():
	facts = b.BreachFacts(student="S1", situation="x")
	assert b.missing_for_state(b.AWAITING, facts, NOW) == (
		"breach_needs_ground",
		"breach_needs_aim",
		"breach_needs_recipient",
		"breach_needs_consultation_request",
	)


def test_deciding_needs_a_confirmed_consultation_unless_emergency():
	assert b.missing_for_state(b.DECIDED, with_(consultations_confirmed=0), NOW) == (
		"breach_needs_confirmed_consultation",
	)
	assert b.missing_for_state(b.DECIDED, with_(consultations_confirmed=0, emergency=True), NOW) == ()
	assert b.missing_for_state(b.DECIDED, with_(decided_on=None), NOW) == ("breach_needs_decided_on",)
	assert b.missing_for_state(b.DECIDED, with_(decided_on=NOW + timedelta(1)), NOW) == (
		"breach_decided_in_future",
	)


def test_disclosing_needs_when_what_and_whether_the_student_was_told():
	assert b.missing_for_state(
		b.DISCLOSED, with_(disclosed_on=None, information_disclosed=" ", student_told=None), NOW
	) == ("breach_needs_disclosed_on", "breach_needs_information_disclosed", "breach_needs_student_told")
	assert b.missing_for_state(b.DISCLOSED, with_(student_told=b.TOLD_NO), NOW) == (
		"breach_needs_not_told_reason",
	)
	assert (
		b.missing_for_state(b.DISCLOSED, with_(student_told=b.TOLD_NO, not_told_reason="tipping off"), NOW)
		== ()
	)
	assert b.missing_for_state(b.DISCLOSED, with_(disclosed_on=NOW - timedelta(hours=3)), NOW) == (
		"breach_disclosed_before_decided",
	)
	assert b.missing_for_state(b.DISCLOSED, with_(disclosed_on=NOW + timedelta(1)), NOW) == (
		"breach_disclosed_in_future",
	)


def test_the_terrorism_ground_does_not_require_telling_the_student():
	facts = with_(ground=b.TERRORISM, student_told=b.TOLD_NO, not_told_reason="the law forbids it")
	assert b.missing_for_state(b.DISCLOSED, facts, NOW) == ()


def test_closing_needs_a_reason_only():
	assert b.missing_for_state(b.CLOSED, b.BreachFacts(student="S1", situation="x"), NOW) == (
		"breach_needs_closure_reason",
	)


# --- emergencies: consultation outstanding and its deadline --------------------------------------


def test_consultation_is_outstanding_only_once_disclosed_without_a_confirmation():
	assert b.consultation_outstanding(b.DISCLOSED, 0)
	assert not b.consultation_outstanding(b.DISCLOSED, 1)
	assert not b.consultation_outstanding(b.DECIDED, 0)


def test_the_deadline_is_two_working_days_after_the_disclosure():
	assert b.consultation_deadline(date(2026, 11, 27)) == date(2026, 12, 1)  # Friday -> Tuesday
	assert b.consultation_deadline(date(2026, 11, 30), [date(2026, 12, 1)]) == date(2026, 12, 3)


# --- consultations and corrections ----------------------------------------------------------------


def request(**kw):
	values = dict(
		state=b.DRAFT,
		asker="d@x",
		deciding_officer="d@x",
		consultant="o@x",
		consultant_is_active_officer=True,
		consultant_may_see_student=True,
		already_pending=False,
	)
	values.update(kw)
	return b.check_consultation_request(**values)


def test_consultation_requests():
	assert request() == ()
	assert request(state=b.DISCLOSED) == ()  # after an emergency disclosure
	assert request(consultant="d@x") == ("consultation_not_yourself",)
	assert request(asker="o2@x") == ("consultation_only_deciding_officer",)
	assert request(consultant=None) == ("consultation_needs_officer",)
	assert request(consultant_is_active_officer=False) == ("consultation_needs_active_officer",)
	assert request(consultant_may_see_student=False) == ("consultation_officer_conflicted",)
	assert request(already_pending=True) == ("consultation_already_requested",)
	assert request(state=b.CLOSED) == ("consultation_breach_closed",)


def test_only_the_consulted_officer_confirms_once_with_advice():
	assert b.check_confirmation(False, "o@x", "o@x", "go ahead") == ()
	assert b.check_confirmation(False, "d@x", "o@x", "go ahead") == ("consultation_confirm_own_only",)
	assert b.check_confirmation(False, "o@x", "o@x", "  ") == ("consultation_needs_advice",)
	assert b.check_confirmation(True, "o@x", "o@x", "again") == ("consultation_is_final",)


def test_corrections_only_on_final_breaches():
	assert b.check_correction(b.DISCLOSED, "the time was 14:05") == ()
	assert b.check_correction(b.CLOSED, "typo") == ()
	assert b.check_correction(b.DECIDED, "x") == ("correction_needs_final_breach",)
	assert b.check_correction(b.DISCLOSED, "") == ("correction_needs_text",)


def test_a_disclosed_breach_covers_disclosures_of_that_student_to_that_recipient():
	cover = b.BreachCover(student="S1", recipient="T1", state=b.DISCLOSED, docstatus=1)
	assert b.breach_gaps(cover, "S1", "T1") == ()
	assert b.breach_gaps(cover, "S2", "T2") == ("breach_other_student", "breach_other_third_party")
	assert b.breach_gaps(b.BreachCover("S1", "T1", b.DECIDED, 0), "S1", "T1") == ("breach_not_disclosed",)
	assert b.breach_gaps(None, "S1", "T1") == ("breach_unknown",)


# --- the workflow fixture mirrors the policy -------------------------------------------------------


def test_the_workflow_fixture_matches_the_policy():
	(workflow,) = fixture("workflow.json")
	assert workflow["document_type"] == "Confidentiality Breach" and workflow["is_active"]
	assert not workflow["send_email_alert"], "workflow emails would carry the record"
	assert {s["state"]: int(s["doc_status"]) for s in workflow["states"]} == b.STATES
	assert workflow["states"][0]["state"] == b.DRAFT
	transitions = {(t["state"], t["next_state"]): t["action"] for t in workflow["transitions"]}
	assert transitions == {k: action for k, (action, _who) in b.TRANSITIONS.items()}
	assert all(t["allowed"] == "Advice Officer" and t["allow_self_approval"] for t in workflow["transitions"])
	assert {s["name"] for s in fixture("workflow_state.json")} == set(b.STATES)
	assert {a["name"] for a in fixture("workflow_action_master.json")} == set(b.ACTIONS)


def test_the_workflow_state_field_is_part_of_the_doctype():
	fields = {f["fieldname"]: f for f in doctype("Confidentiality Breach")["fields"]}
	assert fields["workflow_state"]["options"] == "Workflow State"
	assert not fields["workflow_state"].get("allow_on_submit")
