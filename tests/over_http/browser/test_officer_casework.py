"""An officer's day, clicked through the desk: a student, a case and its log, an enquiry turned
into a case, a third party, a consent, a disclosure under it and the consent's withdrawal.
Every record here is saved from its form or the case's own dialog, never through the API."""

import frappe
from frappe.utils import add_days, today

from tests.factories import unique
from tests.over_http.browser import desk


def new_student(page, site_url, full_name):
	desk.open_new(page, site_url, "advice-student")
	desk.fill(page, "full_name", full_name)
	desk.fill(page, "email", f"{unique('s')}@cam.example")
	desk.link(page, "college", "Clare", "Clare College")
	desk.link(page, "faculty", "Classics")
	name = desk.save(page)
	assert full_name in page.locator(".page-head:visible .title-text").inner_text()
	return name


def new_case(page, site_url, full_name):
	desk.open_new(page, site_url, "case")
	desk.link(page, "student", full_name)
	desk.link(page, "category", "Welfare")
	desk.fill(page, "summary", "Struggling with a housing problem and an essay deadline.")
	return desk.save(page)


def add_entry(page, entry_type, details):
	desk.menu_button(page, "Add Entry")
	desk.dialog_fill(page, "entry_type", entry_type)
	desk.dialog_fill(page, "details", details)
	desk.dialog(page).get_by_role("button", name="Save").click()
	page.locator(".case-file-entry").filter(has_text=details).wait_for()


def timeline(page) -> list[str]:
	return page.locator(".case-file-entry").all_inner_texts()


def test_an_officer_records_a_student_a_case_and_its_log(desk_as, users, site_url):
	page = desk_as(users["officer"])
	desk.wait_for_desk(page)  # officers land on the service's workspace: wait for its cards
	page.locator(".widget.shortcut-widget-box, .widget.links-widget-box").first.wait_for()
	# the officer's number cards and quick lists answer (they load after the page)
	page.wait_for_function(
		"() => !document.querySelector('.layout-main-section').innerText.includes('Loading...')",
		timeout=30000,
	)
	desk.shot(page, "officer-home")
	assert "student-advice" in page.url or "Student Advice" in page.locator(".page-head:visible").inner_text()
	full_name = f"Ada {unique('Lovelace')}"
	student = new_student(page, site_url, full_name)
	# the awesome bar's "Search for ..." finds the student by name, labelled by the name
	assert full_name in desk.global_search(page, full_name)
	desk.shot(page, "student-search")
	page.locator(".modal.show .result-section-link").filter(has_text=full_name).first.click()
	page.wait_for_url(f"**/app/advice-student/{student}")
	desk.form_ready(page)
	assert full_name in page.locator(".page-head:visible .title-text").inner_text()
	case = new_case(page, site_url, full_name)
	page.goto(f"{site_url}/app/case/{case}")
	desk.form_ready(page)
	assert full_name in page.locator(".page-head:visible .title-text").inner_text()
	assert full_name in page.locator("#navbar-breadcrumbs li").last.inner_text()  # not the random name
	texts = [unique("Met the student"), unique("Advised on the tenancy"), unique("Emailed the landlord")]
	for entry_type, text in zip(("Event", "Advice Offered", "Action Taken"), texts, strict=True):
		add_entry(page, entry_type, text)
	rows = timeline(page)
	assert [next(i for i, r in enumerate(rows) if t in r) for t in reversed(texts)] == [0, 1, 2], rows
	assert "Advice Offered" in rows[1] and "Action Taken" in rows[0]
	desk.shot(page, "case")

	# correcting an entry: a new entry that points at the old one, which stays as it was
	page.locator(".case-file-entry").filter(has_text=texts[0]).locator("[data-correct]").click()
	corrected = unique("Met the student and their tutor")
	desk.dialog_fill(page, "details", corrected)
	desk.dialog(page).get_by_role("button", name="Save").click()
	page.locator(".case-file-entry").filter(has_text=corrected).wait_for()
	assert "corrects" in page.locator(".case-file-entry").filter(has_text=corrected).inner_text()
	assert any(texts[0] in r for r in timeline(page))

	# the Case Entry list's own "+ Add" form saves too, and the entry is then read-only
	desk.open_new(page, site_url, "case-entry")
	desk.link(page, "advice_case", full_name)
	desk.choose(page, "entry_type", "Event")
	via_form = unique("Phoned the student")
	desk.fill(page, "details", via_form)
	entry = desk.save(page)
	# saved: every field is shown read-only, and only "Correct this entry" is offered
	assert page.evaluate("() => cur_frm.get_field('details').disp_status") == "Read"
	assert page.locator(".page-head:visible").get_by_role("button", name="Correct this entry").count()
	frappe.db.rollback()
	assert frappe.db.get_value("Case Entry", entry, ["advice_case", "details"]) == (case, via_form)
	assert frappe.db.count("Case Entry", {"advice_case": case}) == 5


def test_an_enquiry_becomes_a_case(desk_as, users, site_url):
	page = desk_as(users["officer"])
	full_name = f"Grace {unique('Hopper')}"
	student = new_student(page, site_url, full_name)
	desk.open_new(page, site_url, "enquiry")
	desk.choose(
		page,
		"channel",
		page.evaluate("() => cur_frm.fields_dict.channel.df.options.split('\\n').filter(Boolean)[0]"),
	)
	desk.link(page, "category", "Welfare")
	desk.link(page, "student", full_name)
	desk.fill(page, "summary", "Asked about hardship funds.")
	enquiry = desk.save(page)
	desk.menu_button(page, "Convert to Case")
	page.wait_for_url("**/app/case/**")
	desk.form_ready(page)
	frappe.db.rollback()
	case = frappe.db.get_value("Enquiry", enquiry, "advice_case")
	assert case and frappe.db.get_value("Case", case, "student") == student
	desk.shot(page, "enquiry-converted")


def test_a_consent_a_disclosure_under_it_and_its_withdrawal(desk_as, users, site_url):
	page = desk_as(users["officer"])
	full_name = f"Mary {unique('Somerville')}"
	student = new_student(page, site_url, full_name)
	new_case(page, site_url, full_name)

	desk.open_new(page, site_url, "third-party")
	tutor = unique("Dr Tutor")
	desk.fill(page, "person_name", tutor)
	desk.fill(page, "organisation", "Clare College")
	desk.choose(page, "relationship", "College tutor")
	desk.save(page)

	desk.open_new(page, site_url, "consent")
	desk.link(page, "student", full_name)
	desk.link(page, "third_party", tutor)
	desk.check(page, "info_academic")
	desk.fill(page, "information_description", "that an extension is being requested")
	desk.fill(page, "purpose", "to support an extension request")
	desk.choose(page, "method", "Signed in writing")
	wording = frappe.get_all("Consent Wording", filters={"active": 1}, pluck="name")[0]
	desk.link(page, "consent_wording", wording)
	consent = desk.save(page)
	desk.submit(page)
	desk.shot(page, "consent")

	desk.menu_button(page, "Record disclosure")
	desk.form_ready(page)
	page.wait_for_function("() => cur_frm.doctype === 'Disclosure' && cur_frm.is_new()")
	# the consent's categories come ticked from the consent
	assert page.evaluate("() => cur_frm.doc.info_academic") == 1
	desk.choose(page, "channel", "Email")
	desk.fill(page, "description", "Confirmed she is seeing an adviser about her extension.")
	disclosure = desk.save(page)
	desk.shot(page, "disclosure")

	page.goto(f"{site_url}/app/consent/{consent}")
	desk.form_ready(page)
	desk.menu_button(page, "Withdraw")
	page.wait_for_function("() => cur_frm.doctype === 'Consent Withdrawal' && cur_frm.is_new()")
	desk.choose(
		page,
		"method",
		page.evaluate("() => cur_frm.fields_dict.method.df.options.split('\\n').filter(Boolean)[0]"),
	)
	desk.fill(page, "notes", "The student asked us to stop.")
	withdrawal = desk.save(page)

	frappe.db.rollback()
	assert frappe.db.get_value("Disclosure", disclosure, ["student", "consent"]) == (student, consent)
	assert frappe.db.get_value("Consent", consent, ["status", "withdrawal"]) == ("Withdrawn", withdrawal)
