"""Members find a student by name in the desk's global search (the awesome bar's "Search for"),
through the row rule; an officer with a declared conflict and everyone outside the service get
Frappe's own results, with no student and no title in them (decision 5)."""

import frappe
import pytest
from frappe.utils import global_search as frappe_global_search

from student_advice.confidentiality.overrides import global_search
from student_advice.policy.roles import MANAGER, OFFICER
from tests.factories import make_student, make_user, unique


def search_as(user, text, **kwargs):
	frappe.set_user(user)
	frappe.local.response = frappe._dict()
	results = frappe.get_attr(
		frappe.get_hooks("override_whitelisted_methods")["frappe.utils.global_search.search"][-1]
	)(text, **kwargs)
	return results, dict(frappe.local.response.get("_link_titles") or {})


@pytest.fixture
def student():
	surname = unique("Okonkwo")
	return make_student(full_name=f"Adaeze {surname}", preferred_name="Ada"), surname


def test_the_override_is_the_one_the_desk_calls():
	hooks = frappe.get_hooks("override_whitelisted_methods")
	assert frappe.get_attr(hooks["frappe.utils.global_search.search"][-1]) is global_search


@pytest.mark.parametrize("roles", [[OFFICER], [OFFICER, MANAGER]])
def test_a_member_finds_the_student_by_name_and_email(student, roles):
	record, surname = student
	member = make_user(roles, officer_title="Student Advisor")
	for text in (surname, surname.lower(), record.email):
		results, titles = search_as(member, text)
		hits = [r for r in results if r["doctype"] == "Advice Student"]
		assert [r["name"] for r in hits] == [record.name], text
		assert record.full_name in hits[0]["content"]
		assert titles == {f"Advice Student::{record.name}": record.full_name}
	results, _ = search_as(member, surname, doctype="Note")
	assert not [r for r in results if r["doctype"] == "Advice Student"]  # asked for another DocType


def test_like_wildcards_in_the_text_match_nothing_more(student):
	member = make_user([OFFICER], officer_title="Student Advisor")
	results, _ = search_as(member, "%")
	assert not [r for r in results if r["doctype"] == "Advice Student"]


def test_a_conflicted_officer_and_outsiders_get_frappes_own_results(student):
	record, surname = student
	conflicted = make_user([OFFICER], officer_title="Student Advisor")
	frappe.set_user(conflicted)
	frappe.get_doc(
		{"doctype": "Conflict Declaration", "student": record.name, "reason": "my cousin"}
	).insert()
	frappe.local.student_advice_conflicts = {}
	for user in (conflicted, make_user(["System Manager"]), make_user([], desk=False)):
		results, titles = search_as(user, surname)
		frappe.set_user(user)
		assert results == frappe_global_search.search(surname)
		assert record.name not in str(results) and record.full_name not in str(results), user
		assert not titles, user
