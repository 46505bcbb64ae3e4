"""The demo's plan: fictional people, days that are never in the future, terms in whole months."""

import random
from datetime import date

import pytest

from student_advice.demo import plan


def test_people_are_distinct_and_fictional():
	names = plan.people(random.Random(1), 200)
	assert len(set(names)) == 200
	assert all(name.split()[0] in plan.FIRST and name.split()[1] in plan.FAMILY for name in names)


@pytest.mark.parametrize("today", [date(2026, 12, 2), date(2027, 9, 30), date(2027, 10, 1)])
def test_days_fall_within_the_last_three_academic_years_and_never_after_today(today):
	rng = random.Random(7)
	days = [plan.days_back(rng, today) for _ in range(500)]
	start = plan.academic_year_start(today)
	assert all(date(start.year - 2, 10, 1) <= day <= today for day in days)


def test_the_academic_year_starts_in_october():
	assert plan.academic_year_start(date(2026, 9, 30)) == date(2025, 10, 1)
	assert plan.academic_year_start(date(2026, 10, 1)) == date(2026, 10, 1)


def test_terms_cover_each_year_in_whole_months_without_gaps():
	terms = plan.terms(date(2026, 12, 2))
	assert [t[1] for t in terms[::3]] == ["2024-25", "2025-26", "2026-27"]
	for (_n, _y, _s, ends), (_n2, _y2, starts, _e) in zip(terms, terms[1:], strict=False):
		assert (starts - ends).days == 1
	assert all(t[2].day == 1 for t in terms)


def test_an_unknown_scale_is_refused():
	with pytest.raises(ValueError):
		plan.plan_for("huge")
