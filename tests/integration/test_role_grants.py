"""The app's roles are never granted by accident: the setup wizard's first user, Select All (decision 32)."""

import frappe
import pytest
from frappe.core.doctype.user.user import get_all_roles
from frappe.desk.page.setup_wizard.setup_wizard import add_all_roles_to, create_or_update_user

from student_advice.confidentiality.health import get_report
from student_advice.policy.roles import ADMINISTRATOR, ALL_APP_ROLES, MANAGER, OFFICER, STATISTICS_VIEWER
from tests.factories import make_case, make_student, make_user, unique


def roles_of(user):
	return set(frappe.get_roles(user))


@pytest.fixture
def in_setup_wizard():
	"""As frappe.desk.page.setup_wizard.setup_wizard.process_setup_stages runs its stages."""
	frappe.flags.in_setup_wizard = True
	yield
	frappe.flags.in_setup_wizard = False


def test_the_setup_wizards_first_user_holds_every_role_but_the_apps(in_setup_wizard):
	email = f"{unique('wizard')}@example.test"
	create_or_update_user(frappe._dict(email=email, full_name="Site Owner"))
	held = roles_of(email)
	assert {"System Manager", "Script Manager", "Website Manager"} <= held
	assert not held.intersection(ALL_APP_ROLES)


def test_the_setup_wizards_add_all_roles_leaves_an_existing_user_as_they_were(in_setup_wizard):
	user = make_user(["Blogger"])
	add_all_roles_to(user)
	held = roles_of(user)
	assert "System Manager" in held and not held.intersection(ALL_APP_ROLES)


def test_select_all_in_the_roles_editor_grants_none_of_the_apps_roles():
	user = make_user(["Blogger"])
	doc = frappe.get_doc("User", user)
	doc.append_roles(*get_all_roles())  # what the roles editor's Select All saves
	assert set(ALL_APP_ROLES) <= {r.role for r in doc.roles}
	doc.save(ignore_permissions=True)
	held = roles_of(user)
	assert "System Manager" in held and not held.intersection(ALL_APP_ROLES)
	frappe.set_user(user)  # and so this System Manager reads no case
	frappe.local.student_advice_conflicts = {}
	assert not frappe.has_permission("Case", "read")


def test_an_officer_given_every_role_keeps_only_the_officers_role():
	user = make_user([OFFICER], officer_title="Student Advisor")
	doc = frappe.get_doc("User", user)
	doc.append_roles(*get_all_roles())
	doc.save(ignore_permissions=True)
	held = roles_of(user)
	assert OFFICER in held and not held.intersection({MANAGER, ADMINISTRATOR, STATISTICS_VIEWER})


def test_deliberate_grants_are_kept():
	user = make_user([OFFICER])
	doc = frappe.get_doc("User", user)
	doc.append_roles(MANAGER)
	doc.save(ignore_permissions=True)
	assert {OFFICER, MANAGER} <= roles_of(user)
	admin = make_user([ADMINISTRATOR, "System Manager"])
	assert {ADMINISTRATOR, "System Manager"} <= roles_of(admin)
	viewer = make_user([STATISTICS_VIEWER])
	assert STATISTICS_VIEWER in roles_of(viewer)
	# a member is never also the statistics viewer, nor the viewer a member, in passing
	doc = frappe.get_doc("User", viewer)
	doc.append_roles(OFFICER)
	doc.save(ignore_permissions=True)
	assert OFFICER not in roles_of(viewer)


def test_the_health_page_names_members_holding_administrative_roles():
	administrator = make_user([ADMINISTRATOR])
	wizard_like = make_user([OFFICER, "System Manager", "Script Manager"], officer_title="Manager")
	plain = make_user([OFFICER], officer_title="Student Advisor")
	frappe.set_user(plain)
	make_case(make_student().name)  # an ordinary officer's work is not a finding
	frappe.set_user(administrator)
	found = {f["key"]: f for f in get_report()["findings"]}
	named = found[f"member_role:{wizard_like}"]
	assert named["severity"] == "warning"
	assert (
		named["title"]
		== f"{wizard_like} is a member of the service and also holds Script Manager, System Manager"
	)
	assert f"member_role:{plain}" not in found and f"member_role:{administrator}" not in found


def test_bench_add_system_manager_grants_none_of_the_apps_roles():
	from frappe.utils.user import add_system_manager

	email = f"{unique('sysman')}@example.test"
	add_system_manager(email, first_name="Site", last_name="Manager")  # `bench add-system-manager`
	held = roles_of(email)
	assert "System Manager" in held and not held.intersection(ALL_APP_ROLES)
