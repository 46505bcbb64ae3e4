"""Fixed reporting periods: academic years, whole-month terms, out of term."""

from datetime import date

from student_advice.policy import periods
from student_advice.policy.periods import Term


def test_academic_year_labels_follow_the_start_month():
	assert periods.academic_year_of(date(2025, 10, 1), 10) == "2025-26"
	assert periods.academic_year_of(date(2025, 9, 30), 10) == "2024-25"
	assert periods.academic_year_of(date(2026, 3, 4), 1) == "2026"
	assert periods.parse_year_label("2025-26", 10) == 2025
	assert periods.parse_year_label("2025-27", 10) is None
	assert periods.parse_year_label("2099-00", 10) == 2099
	assert periods.parse_year_label("2025", 10) is None
	assert periods.parse_year_label("2025", 1) == 2025
	assert periods.year_bounds(2025, 10) == (date(2025, 10, 1), date(2026, 9, 30))
	assert periods.month_number("October") == 10 and periods.month_number("nonsense") == 10


def cambridge(year="2025-26"):
	start = int(year[:4])
	return [
		Term("Michaelmas", year, date(start, 10, 1), date(start, 12, 31)),
		Term("Lent", year, date(start + 1, 1, 1), date(start + 1, 3, 31)),
		Term("Easter", year, date(start + 1, 4, 1), date(start + 1, 6, 30)),
	]


def test_valid_terms_pass():
	assert periods.check_terms(cambridge() + cambridge("2026-27"), 10) == ()


def test_terms_must_run_in_whole_months_inside_their_year_without_overlap():
	year = "2025-26"
	assert "term_not_whole_months" in periods.check_terms(
		[Term("Michaelmas", year, date(2025, 10, 7), date(2025, 12, 5))], 10
	)
	assert "term_outside_year" in periods.check_terms(
		[Term("Long", year, date(2026, 8, 1), date(2026, 10, 31))], 10
	)
	assert "terms_overlap" in periods.check_terms(
		[
			Term("A", year, date(2025, 10, 1), date(2025, 12, 31)),
			Term("B", year, date(2025, 12, 1), date(2026, 1, 31)),
		],
		10,
	)
	assert "term_ends_before_start" in periods.check_terms(
		[Term("A", year, date(2025, 12, 1), date(2025, 10, 31))], 10
	)
	assert "term_year_invalid" in periods.check_terms(
		[Term("A", "2025/26", date(2025, 10, 1), date(2025, 10, 31))], 10
	)
	assert "term_name_duplicate" in periods.check_terms(
		[
			Term("A", year, date(2025, 10, 1), date(2025, 10, 31)),
			Term("a", year, date(2025, 11, 1), date(2025, 11, 30)),
		],
		10,
	)
	assert "term_name_invalid" in periods.check_terms(
		[Term("Out of term", year, date(2025, 10, 1), date(2025, 10, 31))], 10
	)
	assert "term_dates_missing" in periods.check_terms([Term("A", year, None, None)], 10)


def test_year_calendar_partitions_months_into_terms_and_out_of_term():
	cal = periods.year_calendar("2025-26", 10, cambridge(), today=date(2026, 1, 15))
	assert cal.month_keys[0] == "2025-10" and cal.month_keys[-1] == "2026-09"
	labels = [label for label, _ in cal.periods]
	assert labels == ["Michaelmas 2025-26", "Lent 2025-26", "Easter 2025-26", "Out of term 2025-26"]
	assert dict(cal.periods)["Out of term 2025-26"] == (9, 10, 11)
	assert sorted(m for _, ms in cal.periods for m in ms) == list(range(12))
	assert cal.open_months == frozenset({0, 1, 2, 3})  # October to January have begun


def test_year_without_terms_has_no_periods():
	cal = periods.year_calendar("2024-25", 10, cambridge(), today=date(2030, 1, 1))
	assert cal.periods == () and len(cal.open_months) == 12
	assert periods.year_calendar("not a year", 10, [], today=date(2030, 1, 1)) is None
