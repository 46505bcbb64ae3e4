"""The demo command's service at small scale: every record through its controller, a login for
each role, and a site that already holds casework refused unless told otherwise."""

import frappe
import pytest

from student_advice.demo import plan as demo_plan
from student_advice.demo import service as demo
from student_advice.policy import breach as breach_policy
from tests.factories import make_student


def test_the_small_demo_fills_every_kind_of_record(site):
	before = demo.counts()
	result = demo.build("small", force=True, commit=False)
	added = {doctype: result["counts"][doctype] - before[doctype] for doctype in before}
	small = demo_plan.plan_for("small")
	assert added["Advice Student"] == small.students
	assert added["Case"] >= small.cases and added["Enquiry"] == small.enquiries
	assert small.cases <= added["Case Entry"] <= small.cases * small.max_entries
	for doctype in ("Consent", "Consent Withdrawal", "Disclosure", "Confidentiality Breach", "Meeting Discussion",
	                "Meeting Action", "Breach Consultation"):  # fmt: skip
		assert added[doctype] > 0, doctype
	states = set(
		frappe.get_all("Confidentiality Breach", pluck="workflow_state", order_by="creation desc", limit=5)
	)
	assert states == set(breach_policy.STATES)
	roles = {role for _email, _password, login_roles in result["logins"] for role in login_roles}
	assert {
		"Advice Officer",
		"Advice Service Manager",
		"Advice Service Administrator",
		"Advice Statistics Viewer",
	} <= roles
	for email, _password, login_roles in result["logins"]:
		assert set(login_roles) <= set(frappe.get_roles(email))
	assert frappe.get_single("Student Advice Settings").statistics_terms


def test_a_site_with_casework_is_refused_unless_forced(site):
	make_student()
	with pytest.raises(frappe.ValidationError, match="already holds casework"):
		demo.build("small", commit=False)
