from datetime import date

from student_advice.policy import casework
from student_advice.policy.dates import is_future, latest_today

SYSTEM = date(2026, 12, 3)
AHEAD = date(2026, 12, 4)  # a user whose time zone is already in tomorrow


def test_today_is_the_later_of_the_systems_and_the_users():
	assert latest_today(SYSTEM, AHEAD) == AHEAD
	assert latest_today(AHEAD, SYSTEM) == AHEAD  # a user behind the system: the system's today
	assert latest_today(SYSTEM) == SYSTEM


def test_a_date_that_is_today_for_the_user_is_not_future():
	assert not is_future(AHEAD, SYSTEM, AHEAD)
	assert is_future(AHEAD, SYSTEM)  # without the user's zone it would have been
	assert is_future(date(2026, 12, 5), SYSTEM, AHEAD)
	assert not is_future(None, SYSTEM, AHEAD)


def test_cases_and_enquiries_use_that_today():
	today = latest_today(SYSTEM, AHEAD)
	assert casework.check_case(casework.OPEN, AHEAD, None, None, today) == ()
	assert casework.check_case(casework.OPEN, date(2026, 12, 5), None, None, today) == (
		"case_opened_in_future",
	)
	assert casework.check_enquiry(AHEAD, today) == ()
	assert casework.check_enquiry(date(2026, 12, 5), today) == ("enquiry_received_in_future",)
	assert casework.check_enquiry(None, today) == ()
