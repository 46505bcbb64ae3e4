"""The demo's plan: fictional people, days that are never in the future, terms in whole months."""

import random
from datetime import date, datetime

import pytest

from student_advice.demo import plan
from student_advice.policy import casework


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


# ---------------------------------------------------------------------------- the bulk plan (D-SCALE-1)
NOW = datetime(2026, 12, 7, 11, 30)
MASTERS = plan.Masters(
	colleges=("Clare", "Girton", "King's"),
	faculties=("Law", "History"),
	categories=("Academic", "Housing", "Money"),
	outcomes=("Resolved", "Referred"),
)
OFFICERS = ("a@example.org", "b@example.org", "c@example.org")


def _bulk(students=60, cases=300, enquiries=120, max_entries=9):
	shape = plan.Plan(students, cases, enquiries, max_entries, 8, 1, 3, bulk=True)
	rng = random.Random(3)
	student_rows = plan.student_rows(rng, shape, MASTERS, NOW.date())
	cases_made = list(plan.case_rows(rng, shape, student_rows, MASTERS, list(OFFICERS), NOW))
	rest = list(plan.enquiry_rows(rng, enquiries, student_rows, MASTERS, list(OFFICERS), NOW))
	return shape, student_rows, cases_made, rest


def test_the_large_scale_is_the_issue_s_and_in_bulk():
	large = plan.plan_for("large")
	assert (large.students, large.cases, large.enquiries) == (20_000, 100_000, 100_000)
	assert large.bulk and not plan.plan_for("small").bulk
	assert (1 + large.max_entries) / 2 == 5  # about five entries a case
	assert len(plan.OFFICERS) >= large.officers


def test_every_planned_row_passes_the_checks_its_controller_makes():
	_shape, students, cases, enquiries = _bulk()
	today = NOW.date()
	for case, entries, enquiry in cases:
		assert not casework.check_case(
			case["status"], case["opened_on"], case.get("closed_on"), case.get("outcome"), today
		)
		assert case["status"] in casework.CASE_STATUSES and case["owner"] in OFFICERS
		assert entries and case["creation"] <= case["modified"] <= NOW
		for entry in entries:
			assert not casework.check_entry(entry["entry_type"], entry["entry_date"], entry["details"], today)
			# what the controller sets: the case's student, the author
			assert (entry["advice_case"], entry["student"]) == (case["name"], case["student"])
			assert entry["officer"] == entry["owner"] == case["owner"]
			assert case["opened_on"] <= entry["entry_date"]
		if case["status"] == casework.CLOSED:
			assert case["closed_on"] >= max(entry["entry_date"] for entry in entries)
		if enquiry:  # converted: the two link to each other, same student, category and day
			assert (enquiry["advice_case"], case["enquiry"]) == (case["name"], enquiry["name"])
			assert (enquiry["student"], enquiry["category"]) == (case["student"], case["category"])
			assert enquiry["received_on"].date() == case["opened_on"] and not enquiry["anonymous"]
	for enquiry in enquiries + [e for _c, _e, e in cases if e]:
		assert not casework.check_enquiry(enquiry["received_on"].date(), today)
		assert enquiry["received_on"] < NOW and enquiry["channel"] in casework.ENQUIRY_CHANNELS
		assert not (enquiry["anonymous"] and enquiry["student"])  # the Enquiry controller's rule
		assert enquiry["officer"] == enquiry["owner"]
	for student in students:
		assert student["email"] == casework.normalise_email(student["email"])
		assert student["college"] in MASTERS.colleges and student["faculty"] in MASTERS.faculties


def test_links_point_at_planned_records_and_names_are_random_and_unique():
	_shape, students, cases, enquiries = _bulk()
	student_names = {s["name"] for s in students}
	assert len({s["email"] for s in students}) == len(students)
	names = [s["name"] for s in students] + [c["name"] for c, _e, _q in cases]
	names += [e["name"] for _c, entries, _q in cases for e in entries] + [e["name"] for e in enquiries]
	assert len(set(names)) == len(names)
	assert all(len(name) == 32 and int(name, 16) >= 0 for name in names)
	assert all(c["student"] in student_names for c, _e, _q in cases)
	assert all(e["student"] in student_names for e in enquiries if e["student"])
	assert {c["student"] for c, _e, _q in cases} == student_names  # every student has a case


def test_the_bulk_plan_has_the_shape_asked_for_and_is_the_same_every_time():
	shape, students, cases, enquiries = _bulk(cases=2000)
	assert (len(students), len(cases), len(enquiries)) == (shape.students, shape.cases, shape.enquiries)
	entries = sum(len(e) for _c, e, _q in cases)
	assert 4.7 < entries / len(cases) < 5.3
	converted = sum(1 for _c, _e, q in cases if q)
	assert converted == len(cases) // plan.CONVERTED_SHARE
	assert 0.3 < sum(c["status"] == casework.CLOSED for c, _e, _q in cases) / len(cases) < 0.7
	assert sum(e["anonymous"] for e in enquiries) == len(enquiries) // 4
	assert _bulk(cases=2000)[2][-1][0] == cases[-1][0]
