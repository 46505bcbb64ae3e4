"""The breach-of-confidentiality procedure as real officers: the workflow, consultations,
emergencies, immutability and corrections; in process and through the handlers the REST API
reaches (frappe.handler.execute_cmd: frappe.client.*, frappe.model.workflow.apply_workflow,
run_doc_method)."""

import frappe
import pytest
from frappe.model.workflow import apply_workflow
from frappe.utils import add_to_date, getdate, now_datetime
from werkzeug.exceptions import Forbidden

from student_advice.policy import breach as policy
from student_advice.policy.roles import ADMINISTRATOR, MANAGER, OFFICER
from student_advice.policy.working_days import add_working_days
from tests.factories import make_student, make_user
from tests.integration.consent_builders import ago, as_json, count, disclosure_values, make_third_party, rest

CANARY = "Canary-Breach-Situation"


@pytest.fixture
def people():
	return frappe._dict(
		decider=make_user([OFFICER], officer_title="Student Advisor"),
		adviser=make_user([OFFICER], officer_title="Welfare and Rights Officer"),
		other=make_user([OFFICER], officer_title="Education Officer"),
		manager=make_user([OFFICER, MANAGER], officer_title="Advice Service Manager"),
		admin=make_user([ADMINISTRATOR]),
		inactive=make_user([OFFICER]),
	)


@pytest.fixture
def world(people):
	frappe.set_user(people.decider)
	student = make_student(full_name="Canary Breach-Student")
	police = make_third_party(
		person_name="Duty sergeant", organisation="Cambridgeshire Police", relationship="Police"
	)
	return frappe._dict(people, student=student.name, recipient=police.name)


def breach_values(world, **fields):
	values = {
		"doctype": "Confidentiality Breach",
		"student": world.student,
		"situation": f"{CANARY}: the student described a plan to harm someone tonight.",
		"ground": policy.RISK,
		"aim": "Keep the people at risk safe.",
		"recipient": world.recipient,
	}
	values.update(fields)
	return values


def make_breach(world, **fields):
	return frappe.get_doc(breach_values(world, **fields)).insert()


def state_of(name):
	return frappe.db.get_value("Confidentiality Breach", name, ["workflow_state", "docstatus"])


def act(name, action):
	return rest(
		"frappe.model.workflow.apply_workflow",
		doc={"doctype": "Confidentiality Breach", "name": name},
		action=action,
	)


def fill_disclosure(name, **fields):
	values = {
		"decided_on": ago(hours=1),
		"disclosed_on": ago(minutes=5),
		"information_disclosed": "Name and address, and what the student said about tonight.",
		"student_told": "Yes",
	}
	values.update(fields)
	frappe.db.set_value("Confidentiality Breach", name, values)


# --- the whole procedure, with a consultation -------------------------------------------------------


def test_the_procedure_with_a_consultation(world):
	breach = make_breach(world)
	assert breach.deciding_officer == world.decider and breach.workflow_state == policy.DRAFT
	assert len(breach.name) == 32

	consultation = rest(
		"run_doc_method",
		dt="Confidentiality Breach",
		dn=breach.name,
		method="ask_for_advice",
		args={"officer": world.adviser},
	)
	assert state_of(breach.name) == (policy.AWAITING, 0)
	row = frappe.db.get_value(
		"Breach Consultation", consultation, ["asked_by", "officer", "confirmed"], as_dict=True
	)
	assert (row.asked_by, row.officer, row.confirmed) == (world.decider, world.adviser, 0)
	# informed inside the desk: an assignment and an alert, no email, no student detail
	assert frappe.db.exists(
		"ToDo", {"allocated_to": world.adviser, "reference_name": consultation, "status": "Open"}
	)
	alerts = frappe.get_all(
		"Notification Log",
		filters={"for_user": world.adviser, "document_name": consultation},
		fields=["subject", "type"],
	)
	assert alerts and all("Canary" not in a.subject and a.type == "Alert" for a in alerts)

	with pytest.raises(frappe.ValidationError, match="must confirm the consultation before the decision"):
		act(breach.name, policy.DECIDE)
	assert state_of(breach.name) == (policy.AWAITING, 0)

	frappe.set_user(world.adviser)
	rest(
		"run_doc_method",
		dt="Breach Consultation",
		dn=consultation,
		method="confirm",
		args={"advice": "Disclose to the police."},
	)
	row = frappe.db.get_value(
		"Breach Consultation", consultation, ["confirmed", "advice", "confirmed_on"], as_dict=True
	)
	assert row.confirmed == 1 and row.advice == "Disclose to the police." and row.confirmed_on
	assert frappe.db.get_value("ToDo", {"reference_name": consultation}, "status") == "Closed"

	frappe.set_user(world.decider)
	act(breach.name, policy.DECIDE)
	assert state_of(breach.name) == (policy.DECIDED, 0)
	assert frappe.db.get_value("Confidentiality Breach", breach.name, "decided_on")

	with pytest.raises(frappe.ValidationError) as refused:
		act(breach.name, policy.DISCLOSE)
	assert "Record the information that was disclosed." in str(refused.value)
	assert "Record whether the student was told." in str(refused.value)
	assert state_of(breach.name) == (policy.DECIDED, 0)

	fill_disclosure(breach.name)
	act(breach.name, policy.DISCLOSE)
	assert state_of(breach.name) == (policy.DISCLOSED, 1)
	assert frappe.db.get_value("Confidentiality Breach", breach.name, "consultation_outstanding") == 0

	# the manager is told inside the desk, without any student detail
	manager_alerts = frappe.get_all(
		"Notification Log", filters={"for_user": world.manager, "document_name": breach.name}, pluck="subject"
	)
	assert manager_alerts and all("Canary" not in s for s in manager_alerts)
	assert not frappe.get_all(
		"Notification Log", filters={"for_user": world.other, "document_name": breach.name}
	)
	# nothing about it is emailed: the alerts are of the type Frappe never emails
	assert not frappe.get_all(
		"Email Queue", filters={"reference_name": ("in", [breach.name, consultation])}, pluck="name"
	)
	emails = frappe.get_all("Email Queue", filters={"creation": (">", ago(minutes=10))}, pluck="message")
	assert not any("Canary" in (m or "") for m in emails)


# --- consultations: who may ask, who may confirm ----------------------------------------------------


def test_the_deciding_officer_cannot_consult_themselves(world):
	breach = make_breach(world)
	n = count("Breach Consultation")
	with pytest.raises(frappe.ValidationError, match="cannot consult themselves"):
		breach.ask_for_advice(world.decider)
	with pytest.raises(frappe.ValidationError, match="cannot consult themselves"):
		rest(
			"frappe.client.insert",
			doc={
				"doctype": "Breach Consultation",
				"confidentiality_breach": breach.name,
				"officer": world.decider,
			},
		)
	assert count("Breach Consultation") == n and state_of(breach.name) == (policy.DRAFT, 0)


def test_only_the_deciding_officer_asks_and_only_active_officers_are_asked(world):
	breach = make_breach(world)
	with pytest.raises(frappe.ValidationError, match="only be asked of an active advice officer"):
		breach.ask_for_advice(world.admin)
	with pytest.raises(frappe.ValidationError, match="only be asked of an active advice officer"):
		breach.ask_for_advice(world.inactive)
	breach.ask_for_advice(world.adviser)
	with pytest.raises(frappe.ValidationError, match="already been asked"):
		breach.ask_for_advice(world.adviser)
	frappe.set_user(world.other)
	with pytest.raises(frappe.ValidationError, match="Only the deciding officer can ask"):
		frappe.get_doc(
			{
				"doctype": "Breach Consultation",
				"confidentiality_breach": breach.name,
				"officer": world.manager,
			}
		).insert()
	assert count("Breach Consultation", confidentiality_breach=breach.name) == 1


def test_an_officer_with_a_conflict_of_interest_is_not_asked(world):
	if not frappe.db.table_exists("Conflict Declaration"):
		pytest.skip("conflict declarations are not installed on this site")
	breach = make_breach(world)
	frappe.set_user(world.adviser)
	frappe.get_doc(
		{"doctype": "Conflict Declaration", "student": world.student, "reason": "We share a house."}
	).insert()
	frappe.set_user(world.decider)
	with pytest.raises(frappe.ValidationError, match="cannot see this student's records"):
		frappe.get_doc("Confidentiality Breach", breach.name).ask_for_advice(world.adviser)
	assert count("Breach Consultation", confidentiality_breach=breach.name) == 0


@pytest.mark.parametrize("who", ["decider", "other", "manager"])
def test_a_consultation_is_confirmed_only_by_the_consulted_officer(world, who):
	breach = make_breach(world)
	name = breach.ask_for_advice(world.adviser)
	frappe.set_user(world[who])
	with pytest.raises(frappe.ValidationError, match="Only the consulted officer can confirm"):
		rest("run_doc_method", dt="Breach Consultation", dn=name, method="confirm", args={"advice": "yes"})
	payload = as_json(frappe.get_doc("Breach Consultation", name))
	payload.update(confirmed=1, advice="yes", confirmed_on=str(now_datetime()))
	with pytest.raises(frappe.ValidationError, match="Only the consulted officer can confirm"):
		rest("frappe.client.save", doc=payload)
	assert frappe.db.get_value("Breach Consultation", name, ["confirmed", "advice"]) == (0, None)


def test_a_confirmed_consultation_never_changes(world):
	breach = make_breach(world)
	name = breach.ask_for_advice(world.adviser)
	frappe.set_user(world.adviser)
	consultation = frappe.get_doc("Breach Consultation", name)
	consultation.officer = world.other
	consultation.advice = "x"
	with pytest.raises(frappe.ValidationError, match="Only the consulted officer's confirmation and advice"):
		consultation.save()
	consultation = frappe.get_doc("Breach Consultation", name)
	with pytest.raises(frappe.ValidationError, match="Record the advice given"):
		consultation.confirm(" ")
	consultation = frappe.get_doc("Breach Consultation", name)
	consultation.confirm("Go ahead.")
	consultation = frappe.get_doc("Breach Consultation", name)
	with pytest.raises(frappe.ValidationError, match="cannot be changed"):
		consultation.confirm("Actually, don't.")
	assert frappe.db.get_value("Breach Consultation", name, "advice") == "Go ahead."


# --- transitions by the wrong person or role are refused ----------------------------------------------


def test_another_officer_cannot_move_the_breach(world):
	breach = make_breach(world, emergency=1)
	frappe.set_user(world.other)
	with pytest.raises(frappe.ValidationError, match="Only the deciding officer can take this step"):
		act(breach.name, policy.DECIDE)
	payload = as_json(frappe.get_doc("Confidentiality Breach", breach.name))
	payload["workflow_state"] = policy.DECIDED
	with pytest.raises(frappe.ValidationError, match="Only the deciding officer can take this step"):
		rest("frappe.client.save", doc=payload)
	payload["workflow_state"] = policy.DRAFT
	payload["situation"] = "rewritten by someone else"
	with pytest.raises(
		frappe.ValidationError, match="Only the deciding officer or the Advice Service Manager"
	):
		rest("frappe.client.save", doc=payload)
	with pytest.raises(
		frappe.ValidationError, match="Only the deciding officer or the Advice Service Manager can close"
	):
		act(breach.name, policy.CLOSE)
	assert state_of(breach.name) == (policy.DRAFT, 0)
	assert CANARY in frappe.db.get_value("Confidentiality Breach", breach.name, "situation")


def test_a_role_outside_the_workflow_cannot_move_or_edit_it(world):
	breach = make_breach(world, emergency=1)
	frappe.set_user(world.admin)
	assert frappe.get_doc("Confidentiality Breach", breach.name).has_permission("read")
	with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
		act(breach.name, policy.DECIDE)
	with pytest.raises(frappe.PermissionError):
		rest("frappe.client.insert", doc=breach_values(world))
	frappe.set_user(make_user(["System Manager"]))
	with pytest.raises(frappe.PermissionError):
		act(breach.name, policy.DECIDE)
	assert state_of(breach.name) == (policy.DRAFT, 0)


def test_states_cannot_be_skipped_nor_submitted_around_the_workflow(world):
	breach = make_breach(world, emergency=1)
	payload = as_json(frappe.get_doc("Confidentiality Breach", breach.name))
	payload["workflow_state"] = policy.DISCLOSED
	with pytest.raises(frappe.ValidationError):
		rest("frappe.client.save", doc=payload)
	act(breach.name, policy.DECIDE)
	fill_disclosure(breach.name)
	payload = as_json(frappe.get_doc("Confidentiality Breach", breach.name))
	with pytest.raises(frappe.ValidationError):
		rest("frappe.client.submit", doc=payload)  # docstatus 1 while the state says Decided
	assert state_of(breach.name) == (policy.DECIDED, 0)
	with pytest.raises(frappe.ValidationError, match="starts as a draft"):
		frappe.get_doc(breach_values(world, workflow_state=policy.DECIDED)).insert()


def test_the_manager_may_close_but_not_decide(world):
	breach = make_breach(world, emergency=1)
	frappe.set_user(world.manager)
	with pytest.raises(frappe.ValidationError, match="Only the deciding officer can take this step"):
		act(breach.name, policy.DECIDE)
	with pytest.raises(frappe.ValidationError, match="Say why the breach was closed"):
		act(breach.name, policy.CLOSE)
	frappe.db.set_value(
		"Confidentiality Breach", breach.name, "closure_reason", "The risk passed; the student is safe."
	)
	act(breach.name, policy.CLOSE)
	assert state_of(breach.name) == (policy.CLOSED, 0)
	frappe.set_user(world.decider)
	doc = frappe.get_doc("Confidentiality Breach", breach.name)
	doc.situation = "changed after closing"
	with pytest.raises(frappe.ValidationError, match="closed without disclosure is never changed"):
		doc.save()
	with pytest.raises(frappe.ValidationError, match="closed without disclosure; no advice"):
		doc.ask_for_advice(world.adviser)


# --- grounds and the student -------------------------------------------------------------------------


def test_no_other_ground_can_be_chosen(world):
	n = count("Confidentiality Breach")
	with pytest.raises(frappe.ValidationError, match="only on one of the policy's two grounds"):
		rest("frappe.client.insert", doc=breach_values(world, ground="The student's parents asked"))
	assert count("Confidentiality Breach") == n


def test_not_telling_the_student_needs_a_reason_and_nothing_defaults_to_telling(world):
	breach = make_breach(world, ground=policy.TERRORISM, emergency=1)
	assert not breach.student_told
	act(breach.name, policy.DECIDE)
	fill_disclosure(breach.name, student_told="No")
	with pytest.raises(frappe.ValidationError, match="Record why the student was not told"):
		act(breach.name, policy.DISCLOSE)
	frappe.db.set_value(
		"Confidentiality Breach", breach.name, "not_told_reason", "Telling could be an offence."
	)
	act(breach.name, policy.DISCLOSE)
	assert frappe.db.get_value("Confidentiality Breach", breach.name, "student_told") == "No"


# --- emergencies ----------------------------------------------------------------------------------


def test_an_emergency_disclosure_stays_flagged_until_a_consultation_is_confirmed(world):
	frappe.db.set_single_value("Student Advice Settings", "closure_days", "")
	breach = make_breach(world)
	with pytest.raises(frappe.ValidationError):
		act(breach.name, policy.DECIDE)  # not an emergency: the workflow offers no Decide from a draft
	frappe.db.set_value("Confidentiality Breach", breach.name, "emergency", 1)
	act(breach.name, policy.DECIDE)
	fill_disclosure(breach.name, disclosed_on=ago(minutes=1))
	act(breach.name, policy.DISCLOSE)
	row = frappe.db.get_value(
		"Confidentiality Breach",
		breach.name,
		["docstatus", "consultation_outstanding", "consultation_deadline", "disclosed_on"],
		as_dict=True,
	)
	assert row.docstatus == 1 and row.consultation_outstanding == 1
	assert getdate(row.consultation_deadline) == add_working_days(getdate(row.disclosed_on), 2)

	frappe.set_user(world.manager)
	listed = {r["name"]: r for r in rest("student_advice.api.breach.outstanding_consultations")}
	assert breach.name in listed and not listed[breach.name]["overdue"]
	flagged = frappe.get_list("Confidentiality Breach", filters={"consultation_outstanding": 1}, pluck="name")
	assert breach.name in flagged
	frappe.set_user(world.other)
	with pytest.raises(frappe.PermissionError):
		rest("student_advice.api.breach.outstanding_consultations")
	frappe.set_user(make_user(["System Manager"]))
	with pytest.raises(Forbidden):
		rest("student_advice.api.breach.outstanding_consultations")

	frappe.set_user(world.decider)
	consultation = frappe.get_doc("Confidentiality Breach", breach.name).ask_for_advice(world.adviser)
	assert state_of(breach.name) == (policy.DISCLOSED, 1)
	frappe.set_user(world.adviser)
	frappe.get_doc("Breach Consultation", consultation).confirm("Right call.")
	assert frappe.db.get_value("Confidentiality Breach", breach.name, "consultation_outstanding") == 0


def test_the_deadline_skips_closure_days_from_settings(world):
	tomorrow, day_after = (getdate(add_to_date(now_datetime(), days=d)) for d in (1, 2))
	frappe.db.set_single_value("Student Advice Settings", "closure_days", f"{tomorrow} closed\n{day_after}")
	breach = make_breach(world, emergency=1)
	act(breach.name, policy.DECIDE)
	fill_disclosure(breach.name, disclosed_on=ago(minutes=1))
	act(breach.name, policy.DISCLOSE)
	deadline = frappe.db.get_value("Confidentiality Breach", breach.name, "consultation_deadline")
	assert getdate(deadline) == add_working_days(getdate(now_datetime()), 2, [tomorrow, day_after])


# --- once disclosed: never changed or cancelled; corrections appended -----------------------------------


@pytest.fixture
def disclosed(world):
	breach = make_breach(world, emergency=1)
	act(breach.name, policy.DECIDE)
	fill_disclosure(breach.name)
	act(breach.name, policy.DISCLOSE)
	return breach.name


@pytest.mark.parametrize("who", ["decider", "manager"])
def test_a_disclosed_breach_is_never_edited_cancelled_or_deleted(world, disclosed, who):
	frappe.set_user(world[who])
	before = frappe.db.get_value("Confidentiality Breach", disclosed, ["situation", "modified", "docstatus"])
	doc = frappe.get_doc("Confidentiality Breach", disclosed)
	doc.situation = "rewritten"
	with pytest.raises(frappe.ValidationError):
		doc.save()
	with pytest.raises(frappe.ValidationError, match="never changed or cancelled"):
		rest(
			"frappe.client.set_value",
			doctype="Confidentiality Breach",
			name=disclosed,
			fieldname="student_told",
			value="No",
		)
	with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
		rest("frappe.client.cancel", doctype="Confidentiality Breach", name=disclosed)
	with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
		frappe.get_doc("Confidentiality Breach", disclosed).cancel()
	with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
		rest("frappe.client.delete", doctype="Confidentiality Breach", name=disclosed)
	assert (
		frappe.db.get_value("Confidentiality Breach", disclosed, ["situation", "modified", "docstatus"])
		== before
	)


def test_corrections_are_appended_signed_and_dated(world, disclosed):
	frappe.set_user(world.other)
	correction = rest(
		"frappe.client.insert",
		doc={
			"doctype": "Breach Correction",
			"confidentiality_breach": disclosed,
			"correction": "It was 14:05, not 14:50.",
			"corrected_by": world.decider,
		},
	)
	assert correction["corrected_by"] == world.other and correction["corrected_on"]
	assert CANARY in frappe.db.get_value("Confidentiality Breach", disclosed, "situation")
	doc = frappe.get_doc("Breach Correction", correction["name"])
	doc.correction = "changed"
	with pytest.raises((frappe.PermissionError, frappe.ValidationError)):
		doc.save()
	draft = make_breach(world)
	with pytest.raises(frappe.ValidationError, match="Corrections are added to disclosed or closed breaches"):
		frappe.get_doc(
			{"doctype": "Breach Correction", "confidentiality_breach": draft.name, "correction": "x"}
		).insert()


# --- a disclosed breach as the basis of a disclosure ----------------------------------------------------


def test_a_disclosed_breach_covers_disclosures_to_its_recipient_only(world, disclosed):
	ok = frappe.get_doc(
		disclosure_values(world.student, world.recipient, confidentiality_breach=disclosed, channel="Phone")
	).insert()
	assert ok.officer == world.decider
	gp = make_third_party(relationship="GP").name
	n = count("Disclosure")
	with pytest.raises(frappe.ValidationError, match="does not name this recipient"):
		frappe.get_doc(disclosure_values(world.student, gp, confidentiality_breach=disclosed)).insert()
	pending = make_breach(world, emergency=1)
	with pytest.raises(frappe.ValidationError, match="has not been recorded as disclosed"):
		rest(
			"frappe.client.insert",
			doc=disclosure_values(world.student, world.recipient, confidentiality_breach=pending.name),
		)
	assert count("Disclosure") == n
