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


BULK = demo_plan.Plan(20, 40, 20, 9, 8, 1, 3, bulk=True)
# What each controller computes on insert, compared with what the bulk rows hold.
COMPUTED = {
	"Advice Student": ("email",),
	"Case": ("student_name", "title", "closed_on"),
	"Case Entry": ("student", "student_name", "officer"),
	"Enquiry": ("student_name", "officer"),
}
COPIED = {
	"Advice Student": ("full_name", "email", "college", "faculty"),
	"Case": ("student", "category", "status", "opened_on", "closed_on", "outcome", "summary", "enquiry"),
	"Case Entry": ("advice_case", "entry_type", "entry_date", "details"),
	"Enquiry": ("received_on", "channel", "category", "anonymous", "student", "summary", "advice_case"),
}


def test_the_bulk_demo_holds_what_its_controllers_would_have_stored(site):
	"""Every bulk row, inserted afresh through its controller as its author, is accepted and
	computes what the row holds (docs/decisions.md, D-SCALE-1)."""
	before = demo.counts()
	existing = {doctype: set(frappe.get_all(doctype, pluck="name")) for doctype in COMPUTED}
	seen = []
	result = demo.build("large", force=True, commit=False, plan=BULK, progress=lambda *a: seen.append(a))
	added = {doctype: result["counts"][doctype] - before[doctype] for doctype in before}
	assert added["Advice Student"] == BULK.students and added["Case"] == BULK.cases
	assert added["Enquiry"] == BULK.enquiries
	assert BULK.cases <= added["Case Entry"] <= BULK.cases * BULK.max_entries
	for doctype in (
		"Consent",
		"Disclosure",
		"Confidentiality Breach",
		"Meeting Discussion",
		"Meeting Action",
	):
		assert added[doctype] > 0, doctype
	assert ("Inserting Case", BULK.cases, BULK.cases) in seen  # the progress bar reached the end
	officer = result["logins"][0][0]
	for doctype, computed in COMPUTED.items():
		rows = frappe.get_all(doctype, filters={"name": ("not in", existing[doctype] or [""])}, fields=["*"])
		assert len(rows) == added[doctype], doctype
		for row in rows:
			fresh = frappe.get_doc(
				{"doctype": doctype, "name": row.name, "__islocal": 1, **{f: row[f] for f in COPIED[doctype]}}
			)
			if doctype == "Advice Student":
				fresh.email = row.email.upper()  # the controller normalises it
			frappe.set_user(officer if doctype == "Advice Student" else row.owner)
			fresh.run_method("before_insert")
			fresh.run_method("validate")
			frappe.set_user("Administrator")
			for field in computed:
				assert str(fresh.get(field) or "") == str(row[field] or ""), (doctype, row.name, field)
