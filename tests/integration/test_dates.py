"""Dates as the person sees them (decision 33): the desk's today comes from the user's time zone."""

import frappe
import pytest
from frappe.utils import add_days, get_datetime_in_timezone, getdate, nowdate

from student_advice.dates import today_for_user
from student_advice.policy.roles import OFFICER
from tests.factories import make_case, make_student, make_user

SYSTEM_ZONE = "Pacific/Pago_Pago"  # UTC-11
USER_ZONE = "Pacific/Kiritimati"  # UTC+14: always a day ahead of the system


def _system_zone(zone):
	frappe.db.set_single_value("System Settings", "time_zone", zone)
	frappe.clear_document_cache("System Settings", "System Settings")
	frappe.local.system_settings = None
	if hasattr(frappe.local, "system_settings"):
		del frappe.local.system_settings


@pytest.fixture
def officer_ahead():
	previous = frappe.db.get_single_value("System Settings", "time_zone")
	_system_zone(SYSTEM_ZONE)
	user = make_user([OFFICER], officer_title="Student Advisor")
	frappe.db.set_value("User", user, "time_zone", USER_ZONE)
	frappe.clear_cache(user=user)
	frappe.set_user(user)
	yield user
	frappe.set_user("Administrator")
	_system_zone(previous)


def test_a_case_opened_today_for_the_user_is_not_refused(officer_ahead):
	users_today = get_datetime_in_timezone(USER_ZONE).date()
	assert users_today > getdate(nowdate())  # the system is still in yesterday
	assert today_for_user() == users_today
	case = make_case(make_student().name, opened_on=users_today)
	case.status, case.outcome = "Closed", "Advice given"
	case.save()  # closed "today" too: the user's today, not before it was opened
	assert getdate(case.closed_on) == users_today
	with pytest.raises(frappe.ValidationError, match="future date"):
		make_case(make_student().name, opened_on=add_days(users_today, 1))


def test_enquiries_obey_the_same_rule(officer_ahead):
	users_today = get_datetime_in_timezone(USER_ZONE).date()
	enquiry = {
		"doctype": "Enquiry",
		"channel": "Phone",
		"category": "Finance",
		"summary": "x",
		"anonymous": 1,
	}
	frappe.get_doc({**enquiry, "received_on": f"{users_today} 09:00:00"}).insert()
	with pytest.raises(frappe.ValidationError, match="future date"):
		frappe.get_doc({**enquiry, "received_on": f"{add_days(users_today, 1)} 09:00:00"}).insert()


def test_without_a_user_zone_the_systems_today_decides():
	user = make_user([OFFICER], officer_title="Student Advisor")
	frappe.db.set_value("User", user, "time_zone", None)
	frappe.clear_cache(user=user)
	frappe.set_user(user)
	assert today_for_user() == getdate(nowdate())
	enquiry = {
		"doctype": "Enquiry",
		"channel": "Phone",
		"category": "Finance",
		"summary": "x",
		"anonymous": 1,
	}
	with pytest.raises(frappe.ValidationError, match="future date"):
		frappe.get_doc({**enquiry, "received_on": f"{add_days(nowdate(), 1)} 09:00:00"}).insert()
