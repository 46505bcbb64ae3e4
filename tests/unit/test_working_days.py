from datetime import date

import pytest

from student_advice.policy.working_days import add_working_days, is_working_day, parse_closure_days

MON, FRI, SAT, SUN = date(2026, 11, 23), date(2026, 11, 27), date(2026, 11, 28), date(2026, 11, 29)


def test_weekdays_are_working_days_weekends_are_not():
	assert is_working_day(MON) and is_working_day(FRI)
	assert not is_working_day(SAT) and not is_working_day(SUN)


def test_closure_days_are_not_working_days():
	assert not is_working_day(MON, [MON])


def test_two_working_days_after_a_monday_is_wednesday():
	assert add_working_days(MON, 2) == date(2026, 11, 25)


def test_a_friday_disclosure_is_due_on_tuesday():
	assert add_working_days(FRI, 2) == date(2026, 12, 1)


def test_a_weekend_disclosure_counts_from_monday():
	assert add_working_days(SAT, 2) == date(2026, 12, 1)
	assert add_working_days(SUN, 1) == date(2026, 11, 30)


def test_closure_days_push_the_deadline_back():
	christmas = [date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 28)]
	# Wednesday 23rd: Thursday and Friday closed, Monday 28th closed -> Tuesday 29th, Wednesday 30th
	assert add_working_days(date(2026, 12, 23), 2, christmas) == date(2026, 12, 30)


def test_days_must_be_positive():
	with pytest.raises(ValueError):
		add_working_days(MON, 0)


def test_closure_days_are_parsed_one_per_line_with_notes_and_comments():
	days, bad = parse_closure_days("2026-12-25 Christmas Day\n\n# university closed\n2026-12-24\n2026-12-25")
	assert days == (date(2026, 12, 24), date(2026, 12, 25)) and bad == ()


def test_lines_that_are_not_dates_are_reported():
	days, bad = parse_closure_days("25/12/2026\n2026-02-30\n2026-12-26")
	assert days == (date(2026, 12, 26),)
	assert bad == ("25/12/2026", "2026-02-30")
	assert parse_closure_days(None) == ((), ())
