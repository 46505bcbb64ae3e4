"""The confidentiality health check: the administrator and the manager see this site's state; nobody else does."""

import frappe
import pytest
from werkzeug.exceptions import Forbidden

from student_advice.confidentiality.gate import DENIAL_BODY
from student_advice.confidentiality.health import get_report
from student_advice.policy.roles import ADMINISTRATOR, MANAGER, OFFICER, STATISTICS_VIEWER
from tests.factories import make_user


def findings(report):
	return {f["key"]: f for f in report["findings"]}


@pytest.fixture
def administrator():
	return make_user([ADMINISTRATOR])


def test_the_administrator_sees_a_change_of_setting(administrator):
	frappe.db.set_single_value("System Settings", "allow_error_traceback", 1)
	frappe.set_user(administrator)
	shown = findings(get_report())["error_traceback"]
	assert shown["severity"] == "warning" and shown["title"] == "Error tracebacks are shown to users"
	assert shown["fix"] and shown["explanation"]

	frappe.set_user("Administrator")
	frappe.db.set_single_value("System Settings", "allow_error_traceback", 0)
	frappe.set_user(administrator)
	hidden = findings(get_report())["error_traceback"]
	assert hidden["severity"] == "ok" and hidden["title"] == "Error tracebacks are hidden"


def test_outsiders_with_risky_roles_are_named_and_a_separate_site_recommended(administrator):
	outsider = make_user(["Website Manager", "Blogger"])
	insider = make_user([OFFICER, "Website Manager"], officer_title="Student Advisor")
	frappe.set_user(administrator)
	report = get_report()
	shown = findings(report)
	assert shown[f"role:{outsider}"]["severity"] == "danger"
	assert (
		shown[f"role:{outsider}"]["title"] == f"{outsider} is outside the service but holds Website Manager"
	)
	assert f"role:{insider}" not in shown  # staff of the service are not outsiders
	assert f"role:{administrator}" not in shown
	assert shown["shared_site"]["severity"] == "warning"
	assert report["separate_site_recommended"]
	assert len(report["residuals"]) == 5
	for item in report["findings"] + report["residuals"]:
		assert "{" not in item["title"] + item["explanation"] + item["fix"]  # every template filled
		assert "params" not in item


def test_the_frappe_version_is_compared_with_the_published_fixes(administrator):
	frappe.set_user(administrator)
	version = findings(get_report())["version"]
	if frappe.__version__ == "15.44.2":
		assert version["severity"] == "danger"
		assert version["title"] == "This release predates fixes for 9 published advisories"
		assert len(version["items"]) == 9
	assert frappe.__version__ in (version["explanation"] + version["title"])


def test_the_manager_sees_it_too():
	frappe.set_user(make_user([OFFICER, MANAGER], officer_title="Service Manager"))
	assert "error_traceback" in findings(get_report())


@pytest.mark.parametrize(
	"roles",
	[[OFFICER], ["System Manager"], [STATISTICS_VIEWER], ["Website Manager", "Report Manager"], []],
)
def test_everyone_else_gets_the_uniform_denial(roles):
	frappe.set_user(make_user(roles, officer_title="Student Advisor" if OFFICER in roles else None))
	with pytest.raises(Forbidden) as denied:
		get_report()
	assert denied.value.response.status_code == 403
	assert denied.value.response.get_data(as_text=True) == DENIAL_BODY


def test_the_page_is_for_the_administrator_and_the_manager():
	page = frappe.get_doc("Page", "confidentiality-health")
	assert sorted(r.role for r in page.roles) == sorted([ADMINISTRATOR, MANAGER])
	frappe.set_user(make_user(["System Manager"]))
	assert not page.is_permitted()
