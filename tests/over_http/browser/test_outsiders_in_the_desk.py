"""Outside the service, in a real browser: a statistics viewer reads the statistics and nothing
else; a System Manager finds nothing of a student in the awesome bar, global search, the lists or
a case's own URL. The student's name is a canary: it must appear nowhere on their screens."""

import frappe
import pytest

from tests.factories import make_case, make_student, unique
from tests.over_http.browser import desk


@pytest.fixture
def student_case(users):
	frappe.set_user(users["officer"])
	canary = unique("Canaryname")
	student = make_student(full_name=f"Dorothy {canary}")
	case = make_case(student.name, summary=f"{canary} summary")
	frappe.set_user("Administrator")
	frappe.db.commit()
	return frappe._dict(canary=canary, student=student, case=case)


def shows_nothing_of(page, canary: str, case: str) -> None:
	page.wait_for_timeout(1500)
	html = page.content()
	assert canary not in html
	assert page.evaluate("() => !(window.cur_frm && cur_frm.doc && cur_frm.doc.doctype === 'Case')")


def test_the_statistics_viewer_reads_statistics_and_is_refused_a_case(desk_as, users, site_url, student_case):
	page = desk_as(users["statistics_viewer"])
	page.goto(f"{site_url}/app/query-report/Advice Statistics")
	desk.wait_for_desk(page)
	page.locator(".dt-scrollable, .report-wrapper, .no-result").first.wait_for()
	desk.shot(page, "statistics")
	page.goto(f"{site_url}/app/case/{student_case.case.name}")
	shows_nothing_of(page, student_case.canary, student_case.case.name)
	assert "Not Permitted" in page.inner_text("body")  # Frappe's own refusal page, not a raw 403
	existing = page.content()
	desk.shot(page, "statistics-viewer-refused")
	page.goto(f"{site_url}/app/case/{unique('missing')}")
	page.wait_for_timeout(1500)
	assert page.content() == existing  # the same page whether or not the case exists


def test_a_system_manager_outside_the_service_finds_nothing(desk_as, users, site_url, student_case):
	page = desk_as(users["system_manager"])
	desk.wait_for_desk(page)
	bar = page.locator("#navbar-search")
	bar.click()
	bar.fill(student_case.canary)
	page.wait_for_timeout(1500)
	assert student_case.canary not in " ".join(page.locator(".awesomplete").all_inner_texts()).replace(
		f"Search for {student_case.canary}", ""
	).replace(student_case.canary + " in", "")
	page.keyboard.press("Escape")
	# the search dialog behind "Search for ...": the members' student results are not for them
	found = desk.global_search(page, student_case.student.full_name)
	assert not [r for r in found if student_case.canary in r or student_case.student.name in r], found
	page.keyboard.press("Escape")
	page.goto(f"{site_url}/app/search?q={student_case.canary}")
	desk.wait_for_desk(page)
	page.wait_for_timeout(1500)
	results = " ".join(page.locator(".search-result, .result, .module-section").all_inner_texts())
	assert student_case.canary not in results
	for route in (
		"case",
		"advice-student",
		f"case/{student_case.case.name}",
		f"advice-student/{student_case.student.name}",
	):
		page.goto(f"{site_url}/app/{route}")
		shows_nothing_of(page, student_case.canary, student_case.case.name)
	desk.shot(page, "system-manager-refused")
