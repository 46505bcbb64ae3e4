from datetime import date

import pytest

from student_advice.policy import record_access as ra


@pytest.mark.parametrize(
	"received,months,expected",
	[
		(date(2026, 9, 3), 1, date(2026, 10, 3)),
		(date(2026, 1, 31), 1, date(2026, 2, 28)),  # no 31 February: that month's last day
		(date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
		(date(2026, 3, 31), 1, date(2026, 4, 30)),
		(date(2026, 12, 15), 1, date(2027, 1, 15)),  # across the year end
		(date(2026, 11, 30), 3, date(2027, 2, 28)),
		(date(2026, 5, 31), 0, date(2026, 5, 31)),
	],
)
def test_add_months(received, months, expected):
	assert ra.add_months(received, months) == expected


def test_due_on_the_corresponding_date_when_it_is_a_working_day():
	assert ra.due_date(date(2026, 11, 10)) == date(2026, 12, 10)  # a Thursday


def test_across_a_month_end_to_the_last_day_of_a_short_month():
	assert ra.due_date(date(2027, 1, 29)) == date(2027, 3, 1)  # 28 Feb 2027 is a Sunday -> Monday
	assert ra.due_date(date(2026, 1, 31)) == date(2026, 3, 2)  # 28 Feb 2026 is a Saturday -> Monday
	assert ra.due_date(date(2026, 3, 31)) == date(2026, 4, 30)  # a Thursday


def test_a_weekend_moves_to_monday():
	assert ra.due_date(date(2026, 9, 3)) == date(2026, 10, 5)  # 3 Oct 2026 is a Saturday
	assert ra.due_date(date(2026, 9, 4)) == date(2026, 10, 5)  # 4 Oct 2026 is a Sunday


def test_a_closure_day_moves_to_the_next_working_day():
	christmas = [date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 28), date(2026, 12, 29)]
	assert ra.due_date(date(2026, 11, 24), christmas) == date(2026, 12, 30)
	assert ra.due_date(date(2026, 11, 24)) == date(2026, 12, 24)


def test_an_extension_counts_further_months_from_receipt():
	assert ra.due_date(date(2026, 9, 10), extension_months=2) == date(2026, 12, 10)
	assert ra.due_date(date(2026, 11, 30), extension_months=2) == date(2027, 3, 1)  # 28 Feb is a Sunday
	assert ra.due_date(date(2026, 10, 31), extension_months=1) == date(2026, 12, 31)


def test_an_extension_within_the_first_month_with_a_reason_is_allowed():
	received = date(2026, 9, 3)
	assert ra.check_extension(received, date(2026, 9, 20), 2, "Complex: many records", False) == []
	# the last day of the first month is the moved due date (Monday 5 October)
	assert ra.check_extension(received, date(2026, 10, 5), 1, "Many records", False) == []


def test_an_extension_after_the_first_month_is_refused():
	codes = ra.check_extension(date(2026, 9, 3), date(2026, 10, 6), 2, "Late", False)
	assert codes == ["access_request_extension_too_late"]


def test_only_one_extension_of_up_to_two_months_with_a_reason():
	received, today = date(2026, 9, 3), date(2026, 9, 10)
	assert ra.check_extension(received, today, 1, "again", True) == ["access_request_already_extended"]
	assert ra.check_extension(received, today, 3, "x", False) == ["access_request_extension_months"]
	assert ra.check_extension(received, today, 0, "x", False) == ["access_request_extension_months"]
	assert ra.check_extension(received, today, True, "x", False) == ["access_request_extension_months"]
	assert ra.check_extension(received, today, 2, "  ", False) == ["access_request_extension_needs_reason"]


def test_days_left():
	assert ra.days_left(date(2026, 10, 1), date(2026, 10, 5)) == 4
	assert ra.days_left(date(2026, 10, 7), date(2026, 10, 5)) == -2
