"""Finding the way (decision 38): where the desk opens, what the service's workspace links to."""

import frappe
import pytest
from frappe.boot import get_bootinfo

from student_advice.policy.roles import MANAGER, OFFICER, STATISTICS_VIEWER
from student_advice.statistics.widgets import card_figure
from tests.factories import make_user


def landing(user):
	frappe.set_user(user)
	return (get_bootinfo().user.get("default_workspace") or {}).get("name")


def test_officers_land_on_the_service_workspace_and_the_viewer_on_the_statistics():
	assert landing(make_user([OFFICER], officer_title="Student Advisor")) == "Student Advice"
	assert landing(make_user([OFFICER, MANAGER], officer_title="Manager")) == "Student Advice"
	assert landing(make_user([STATISTICS_VIEWER])) == "Student Advice Statistics"
	assert landing(make_user(["System Manager"])) is None  # Frappe's own choice


def test_a_users_own_default_workspace_is_kept():
	user = make_user([OFFICER], officer_title="Student Advisor")
	frappe.db.set_value("User", user, "default_workspace", "Student Advice Statistics")
	frappe.clear_cache(user=user)
	assert landing(user) == "Student Advice Statistics"


def test_the_officers_workspace_shows_the_consent_and_breach_records():
	from frappe.desk.desktop import get_desktop_page

	frappe.set_user(make_user([OFFICER], officer_title="Student Advisor"))
	page = get_desktop_page(
		frappe.as_json({"name": "Student Advice", "title": "Student Advice", "public": 1})
	)
	links = {link.get("link_to") for card in page["cards"]["items"] for link in card.get("links", [])}
	for doctype in ("Consent", "Disclosure", "Confidentiality Breach", "Third Party", "Conflict Declaration",
	                "Reflective Practice Meeting", "Enquiry", "Case", "Advice Student"):  # fmt: skip
		assert doctype in links, doctype
	shortcuts = {s.get("label") for s in page["shortcuts"]["items"]}
	assert {"New Case", "New Case Entry", "Consents", "Breaches"} <= shortcuts


def test_no_terms_says_where_terms_are_set():
	frappe.db.delete("Statistics Term", {"parent": "Student Advice Settings"})
	frappe.clear_document_cache("Student Advice Settings", "Student Advice Settings")
	frappe.set_user(make_user([STATISTICS_VIEWER]))
	figure = card_figure("term_total")
	if isinstance(figure, str):
		assert "Student Advice Settings" in figure and "Terms" in figure
	else:
		pytest.skip("the statistics cache answered for a year with terms")
