"""The procedure for breaching confidentiality (policy, "Procedure for Breaching Confidentiality").

Pure rules, no Frappe: the two grounds, the states and who may move a breach between them,
what each state requires, consultations, corrections, and when a disclosed breach is the
basis of a disclosure. The Frappe Workflow in fixtures/ mirrors STATES and TRANSITIONS (a
unit test compares them); the controller enforces these rules whatever the workflow says.
"""

from dataclasses import dataclass
from datetime import date, datetime

from student_advice.policy.working_days import add_working_days

RISK = "Serious and imminent risk to the student's own or others' safety"
TERRORISM = "The law requires disclosure for the prevention or detection of terrorism"
GROUNDS = (RISK, TERRORISM)

DRAFT = "Draft"
AWAITING = "Awaiting Consultation"
DECIDED = "Decided"
DISCLOSED = "Disclosed"
CLOSED = "Closed without disclosure"
# state -> docstatus
STATES = {DRAFT: 0, AWAITING: 0, DECIDED: 0, DISCLOSED: 1, CLOSED: 0}
FINAL_STATES = (DISCLOSED, CLOSED)

ASK = "Ask for Advice"
DECIDE = "Decide"
DISCLOSE = "Disclose"
CLOSE = "Close without Disclosure"
ACTIONS = (ASK, DECIDE, DISCLOSE, CLOSE)

DECIDING_OFFICER = "deciding officer"
DECIDING_OFFICER_OR_MANAGER = "deciding officer or manager"
# (from, to) -> (action, who may take it)
TRANSITIONS = {
	(DRAFT, AWAITING): (ASK, DECIDING_OFFICER),
	(DRAFT, DECIDED): (DECIDE, DECIDING_OFFICER),
	(AWAITING, DECIDED): (DECIDE, DECIDING_OFFICER),
	(DECIDED, DISCLOSED): (DISCLOSE, DECIDING_OFFICER),
	(DRAFT, CLOSED): (CLOSE, DECIDING_OFFICER_OR_MANAGER),
	(AWAITING, CLOSED): (CLOSE, DECIDING_OFFICER_OR_MANAGER),
	(DECIDED, CLOSED): (CLOSE, DECIDING_OFFICER_OR_MANAGER),
}

TOLD_YES = "Yes"
TOLD_NO = "No"
TOLD_ANSWERS = (TOLD_YES, TOLD_NO)

CONSULTATION_DEADLINE_WORKING_DAYS = 2


@dataclass(frozen=True)
class Actor:
	is_officer: bool
	is_manager: bool
	is_deciding_officer: bool


def check_change(previous_state: str | None, state: str, actor: Actor) -> tuple[str, ...]:
	"""May this actor save the breach, moving it from previous_state to state?"""
	if not actor.is_officer:
		return ("breach_officers_only",)
	if previous_state is None:
		return () if state == DRAFT else ("breach_starts_as_draft",)
	if previous_state == DISCLOSED:
		return ("breach_disclosed_is_final",)
	if previous_state == CLOSED:
		return ("breach_closed_is_final",)
	if state not in STATES:
		return ("breach_state_unknown",)
	if previous_state == state:
		if actor.is_deciding_officer or actor.is_manager:
			return ()
		return ("breach_edit_deciding_officer_or_manager",)
	rule = TRANSITIONS.get((previous_state, state))
	if not rule:
		return ("breach_transition_not_allowed",)
	who = rule[1]
	if who == DECIDING_OFFICER and not actor.is_deciding_officer:
		return ("breach_only_deciding_officer",)
	if who == DECIDING_OFFICER_OR_MANAGER and not (actor.is_deciding_officer or actor.is_manager):
		return ("breach_only_deciding_officer_or_manager",)
	return ()


@dataclass(frozen=True)
class BreachFacts:
	student: str | None = None
	situation: str | None = None
	ground: str | None = None
	aim: str | None = None
	recipient: str | None = None
	emergency: bool = False
	decided_on: datetime | None = None
	disclosed_on: datetime | None = None
	information_disclosed: str | None = None
	student_told: str | None = None
	not_told_reason: str | None = None
	closure_reason: str | None = None
	consultations_requested: int = 0
	consultations_confirmed: int = 0


def _blank(value) -> bool:
	return not (value or "").strip() if isinstance(value, str) or value is None else False


def missing_for_state(state: str, facts: BreachFacts, now: datetime) -> tuple[str, ...]:
	"""Everything the breach lacks to be in `state` (the requirements accumulate along the way)."""
	errors = []
	if facts.ground and facts.ground not in GROUNDS:
		errors.append("breach_ground_unknown")
	if not facts.student:
		errors.append("breach_needs_student")
	if _blank(facts.situation):
		errors.append("breach_needs_situation")
	if state == CLOSED:
		if _blank(facts.closure_reason):
			errors.append("breach_needs_closure_reason")
		return tuple(errors)
	if state in (AWAITING, DECIDED, DISCLOSED):
		if not facts.ground:
			errors.append("breach_needs_ground")
		if _blank(facts.aim):
			errors.append("breach_needs_aim")
		if not facts.recipient:
			errors.append("breach_needs_recipient")
	if state == AWAITING and facts.consultations_requested < 1:
		errors.append("breach_needs_consultation_request")
	if state in (DECIDED, DISCLOSED):
		if not facts.emergency and facts.consultations_confirmed < 1:
			errors.append("breach_needs_confirmed_consultation")
		if not facts.decided_on:
			errors.append("breach_needs_decided_on")
		elif facts.decided_on > now:
			errors.append("breach_decided_in_future")
	if state == DISCLOSED:
		if not facts.disclosed_on:
			errors.append("breach_needs_disclosed_on")
		elif facts.disclosed_on > now:
			errors.append("breach_disclosed_in_future")
		elif facts.decided_on and facts.disclosed_on < facts.decided_on:
			errors.append("breach_disclosed_before_decided")
		if _blank(facts.information_disclosed):
			errors.append("breach_needs_information_disclosed")
		if facts.student_told not in TOLD_ANSWERS:
			errors.append("breach_needs_student_told")
		elif facts.student_told == TOLD_NO and _blank(facts.not_told_reason):
			errors.append("breach_needs_not_told_reason")
	return tuple(errors)


def consultation_outstanding(state: str, consultations_confirmed: int) -> bool:
	"""Disclosed (in an emergency) before any other officer confirmed being consulted."""
	return state == DISCLOSED and consultations_confirmed < 1


def consultation_deadline(disclosed_on: date, closures=()) -> date:
	return add_working_days(disclosed_on, CONSULTATION_DEADLINE_WORKING_DAYS, closures)


# --- consultations -------------------------------------------------------------------------


def check_consultation_request(
	state: str | None,
	asker: str,
	deciding_officer: str,
	consultant: str | None,
	consultant_is_active_officer: bool,
	consultant_may_see_student: bool,
	already_pending: bool,
) -> tuple[str, ...]:
	errors = []
	if state == CLOSED:
		errors.append("consultation_breach_closed")
	if asker != deciding_officer:
		errors.append("consultation_only_deciding_officer")
	if not consultant:
		errors.append("consultation_needs_officer")
		return tuple(errors)
	if consultant in (asker, deciding_officer):
		errors.append("consultation_not_yourself")
	elif not consultant_is_active_officer:
		errors.append("consultation_needs_active_officer")
	elif not consultant_may_see_student:
		errors.append("consultation_officer_conflicted")
	elif already_pending:
		errors.append("consultation_already_requested")
	return tuple(errors)


def check_confirmation(
	already_confirmed: bool, confirmer: str, consulted_officer: str, advice: str | None
) -> tuple[str, ...]:
	if already_confirmed:
		return ("consultation_is_final",)
	errors = []
	if confirmer != consulted_officer:
		errors.append("consultation_confirm_own_only")
	if _blank(advice):
		errors.append("consultation_needs_advice")
	return tuple(errors)


# --- corrections and coverage ----------------------------------------------------------------


def check_correction(state: str | None, text: str | None) -> tuple[str, ...]:
	errors = []
	if state not in FINAL_STATES:
		errors.append("correction_needs_final_breach")
	if _blank(text):
		errors.append("correction_needs_text")
	return tuple(errors)


@dataclass(frozen=True)
class BreachCover:
	student: str
	recipient: str | None
	state: str
	docstatus: int


def breach_gaps(breach: BreachCover | None, student: str, recipient: str) -> tuple[str, ...]:
	"""Every condition the breach fails as the basis of a disclosure (empty: it covers it)."""
	if breach is None:
		return ("breach_unknown",)
	gaps = []
	if breach.state != DISCLOSED or breach.docstatus != 1:
		gaps.append("breach_not_disclosed")
	if breach.student != student:
		gaps.append("breach_other_student")
	if breach.recipient != recipient:
		gaps.append("breach_other_third_party")
	return tuple(gaps)
