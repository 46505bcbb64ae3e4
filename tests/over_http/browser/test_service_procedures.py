"""The service's procedures clicked through the desk: a breach of confidentiality with a second
officer's advice, its disclosure and a correction; a reflective practice meeting that discusses a
case and agrees an action; a conflict declared by an officer and lifted by the manager."""

import frappe
import pytest
from frappe.utils import add_days, today

from student_advice.policy import breach as policy
from tests.factories import make_case, make_student, unique
from tests.integration.consent_builders import make_third_party
from tests.over_http.browser import desk


@pytest.fixture
def casework(users):
	"""A student with a case and a police contact, made by the officer beforehand."""
	frappe.set_user(users["officer"])
	student = make_student(full_name=f"Rosalind {unique('Franklin')}")
	case = make_case(student.name)
	police = make_third_party(person_name=unique("Sergeant"), organisation="Police", relationship="Police")
	frappe.set_user("Administrator")
	frappe.db.commit()
	return frappe._dict(student=student, case=case, police=police)


def now_shown(page, **offset) -> str:
	"""A moment typed as the user reads it. A day back: the personas were made before the wizard
	set the site's time zone, so their own (the old default) differs from the system's by hours."""
	return page.evaluate(
		"o => frappe.datetime.str_to_user(moment(frappe.datetime.now_datetime()).add(o, 'minutes')"
		".format('YYYY-MM-DD HH:mm:ss'))",
		offset.get("minutes", 0),
	)


def workflow_action(page, action: str) -> None:
	page.locator(".page-head:visible").get_by_role("button", name="Actions").click()
	page.locator(".page-head:visible .dropdown-menu.show .dropdown-item").filter(
		has_text=action
	).first.click()
	confirm = page.locator(".modal.show .btn-primary").filter(has_text="Yes")
	if confirm.count():
		confirm.first.click()
	page.wait_for_timeout(500)
	desk.wait_for_desk(page)


def state(page) -> str:
	return page.evaluate("() => cur_frm.doc.workflow_state")


def test_a_breach_with_a_colleagues_advice_its_disclosure_and_a_correction(
	desk_as, users, site_url, casework
):
	page = desk_as(users["officer"])
	desk.open_new(page, site_url, "confidentiality-breach")
	desk.link(page, "student", casework.student.full_name)
	desk.choose(page, "ground", policy.RISK)
	desk.fill(page, "situation", "The student described a plan to harm someone tonight.")
	desk.fill(page, "aim", "Keep the people at risk safe.")
	desk.link(page, "recipient", casework.police.person_name)
	breach = desk.save(page)
	assert state(page) == policy.DRAFT
	head = page.locator(".page-head:visible")
	# one way to ask for advice: the form's button, never a bare workflow action beside it
	head.get_by_role("button", name="Actions").click()
	assert not head.locator(".dropdown-menu.show .dropdown-item").filter(has_text="Ask for Advice").count()
	page.keyboard.press("Escape")
	desk.menu_button(page, "Ask for advice")
	officer_two = frappe.db.get_value("User", users["officer_two"], "full_name")
	box = desk.dialog(page).locator('[data-fieldname="officer"] input')
	desk.choose_option(page, box, officer_two.split()[0], officer_two)
	desk.dialog(page).get_by_role("button", name="Submit").click()
	page.wait_for_function(f"() => cur_frm.doc.workflow_state === '{policy.AWAITING}'")
	desk.shot(page, "breach-awaiting")

	# the colleague is told inside the desk, urgently, and confirms from the consultation's form
	frappe.db.rollback()
	consultation = frappe.db.get_value("Breach Consultation", {"confidentiality_breach": breach}, "name")
	note = frappe.get_all(
		"Notification Log",
		filters={"for_user": users["officer_two"], "document_name": consultation},
		pluck="subject",
	)
	assert note and "Urgent" in note[0] and casework.student.full_name not in note[0], note
	page = desk_as(users["officer_two"])
	page.goto(f"{site_url}/app/breach-consultation/{consultation}")
	desk.form_ready(page)
	desk.menu_button(page, "Confirm consultation")
	desk.dialog_fill(page, "advice", "Disclose only what the police need tonight.")
	desk.dialog(page).get_by_role("button", name="Submit").click()
	page.wait_for_function("() => cur_frm.doc.confirmed === 1")

	# the deciding officer decides, discloses, records the disclosure and corrects a detail
	page = desk_as(users["officer"])
	page.goto(f"{site_url}/app/confidentiality-breach/{breach}")
	desk.form_ready(page)
	desk.fill(page, "decided_on", now_shown(page, minutes=-26 * 60))
	desk.save(page)
	workflow_action(page, "Decide")
	page.wait_for_function(f"() => cur_frm.doc.workflow_state === '{policy.DECIDED}'")
	desk.fill(page, "disclosed_on", now_shown(page, minutes=-25 * 60))
	desk.fill(page, "information_disclosed", "Name and address, and what the student said about tonight.")
	desk.choose(page, "student_told", "Yes")
	desk.save(page)
	workflow_action(page, "Disclose")
	page.wait_for_function(f"() => cur_frm.doc.workflow_state === '{policy.DISCLOSED}'")
	assert not page.locator(".page-head:visible").get_by_role("button", name="Ask for advice").count()
	desk.shot(page, "breach-disclosed")

	desk.menu_button(page, "Record disclosure")
	page.wait_for_function("() => cur_frm.doctype === 'Disclosure' && cur_frm.is_new()")
	page.wait_for_function("() => cur_frm.doc.description")  # what the breach disclosed, as a start
	desk.check(page, "info_contact_details")
	desk.check(page, "info_health_welfare")
	desk.choose(page, "channel", "Phone")
	disclosure = desk.save(page)

	page.goto(f"{site_url}/app/confidentiality-breach/{breach}")
	desk.form_ready(page)
	desk.menu_button(page, "Add correction")
	page.wait_for_function("() => cur_frm.doctype === 'Breach Correction' && cur_frm.is_new()")
	desk.fill(page, "correction", "The call was at 14:05, not 14:50.")
	correction = desk.save(page)

	frappe.db.rollback()
	assert frappe.db.get_value("Disclosure", disclosure, "confidentiality_breach") == breach
	assert frappe.db.get_value("Breach Correction", correction, "confidentiality_breach") == breach
	assert frappe.db.get_value("Confidentiality Breach", breach, "docstatus") == 1


def test_a_meeting_discusses_a_case_and_agrees_an_action(desk_as, users, site_url, casework):
	page = desk_as(users["manager"])
	desk.open_new(page, site_url, "reflective-practice-meeting")
	meeting_date = add_days(today(), 30 + int(unique("")[-2:], 16) % 200)  # a day no other run used
	desk.fill_date(page, "meeting_date", meeting_date)
	meeting = desk.save(page)
	desk.menu_button(page, "Add a Case")
	page.wait_for_function("() => cur_frm.doctype === 'Meeting Discussion' && cur_frm.is_new()")
	desk.link(page, "advice_case", casework.student.full_name)
	notes = unique("Talked through the housing options")
	desk.fill(page, "notes", notes)
	discussion = desk.save(page)
	desk.menu_button(page, "Add an Action")
	page.wait_for_function("() => cur_frm.doctype === 'Meeting Action' && cur_frm.is_new()")
	officer = frappe.db.get_value("User", users["officer"], "full_name")
	desk.link(page, "action_owner", officer.split()[0], officer)
	desk.fill_date(page, "due_date", add_days(today(), 7))
	desk.fill(page, "what", "Ask the college about emergency accommodation.")
	action = desk.save(page)
	desk.shot(page, "meeting-action")

	page = desk_as(users["officer"])
	page.goto(f"{site_url}/app/case/{casework.case.name}")
	desk.form_ready(page)
	page.locator(".case-file-section").filter(has_text=notes).wait_for()
	frappe.db.rollback()
	assert frappe.db.get_value("Meeting Discussion", discussion, ["meeting", "advice_case"]) == (
		meeting,
		casework.case.name,
	)
	assert frappe.db.get_value("Meeting Action", action, "action_owner") == users["officer"]


def test_an_officer_declares_a_conflict_and_the_manager_lifts_it(desk_as, users, site_url, casework):
	page = desk_as(users["officer_two"])
	desk.open_new(page, site_url, "conflict-declaration")
	desk.link(page, "student", casework.student.full_name)
	desk.fill(page, "reason", "The student is my neighbour.")
	declaration = desk.save(page)
	page.goto(f"{site_url}/app/case/{casework.case.name}")
	desk.wait_for_desk(page)
	page.wait_for_timeout(1500)
	assert not page.evaluate("() => window.cur_frm && cur_frm.doc && cur_frm.doc.name") == casework.case.name
	desk.shot(page, "conflicted-officer")

	page = desk_as(users["manager"])
	page.goto(f"{site_url}/app/conflict-declaration/{declaration}")
	desk.form_ready(page)
	box = desk.control(page, "active").locator("input[type=checkbox]:not([disabled])")
	box.uncheck()
	desk.save(page)
	frappe.db.rollback()
	assert frappe.db.get_value("Conflict Declaration", declaration, ["active", "lifted_by"]) == (
		0,
		users["manager"],
	)

	page = desk_as(users["officer_two"])
	page.goto(f"{site_url}/app/case/{casework.case.name}")
	desk.form_ready(page)
	assert page.evaluate("() => cur_frm.doc.name") == casework.case.name
