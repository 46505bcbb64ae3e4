"""In-process integration tier: one connection to the test site, a rolled-back savepoint per test.

Run by tests/run.py with the bench's Python from the bench's sites/ directory.
"""

import os

import pytest

frappe = pytest.importorskip("frappe", reason="the integration tier runs inside a Frappe bench")

from tests.factories import connected, make_user  # noqa: E402

SITE = os.environ.get("STUDENT_ADVICE_SITE", "student-advice-test.localhost")


@pytest.fixture(scope="session", autouse=True)
def site():
	with connected(SITE, keep=False) as name:
		yield name


@pytest.fixture(autouse=True)
def rolled_back(site):
	frappe.set_user("Administrator")
	frappe.local.student_advice_conflicts = {}
	frappe.db.savepoint("student_advice_test")
	yield
	frappe.set_user("Administrator")
	frappe.db.rollback(save_point="student_advice_test")
	frappe.local.student_advice_conflicts = {}
	frappe.clear_messages()


@pytest.fixture
def user_factory():
	return make_user


@pytest.fixture
def officer():
	"""An active officer on the list, signed in."""
	from student_advice.policy.roles import OFFICER

	user = make_user([OFFICER], officer_title="Student Advisor")
	frappe.set_user(user)
	return user
