"""The retention rules: periods, due dates, what may not yet go, what an erasure keeps."""

import json
from datetime import date
from pathlib import Path

from student_advice.policy import registry, retention

APP = Path(__file__).resolve().parents[2] / "student_advice"
SETTINGS = json.loads(
	(APP / "student_advice/doctype/student_advice_settings/student_advice_settings.json").read_text()
)


def test_every_student_record_doctype_belongs_to_exactly_one_kind():
	seen = [doctype for kind in retention.KINDS for doctype in kind.doctypes]
	assert len(seen) == len(set(seen)), "a DocType is in two kinds"
	present = set(registry.STUDENT_RECORDS)
	missing = present - set(seen)
	assert not missing, f"no retention kind for {sorted(missing)}: add it to policy/retention.KINDS"


def test_every_kind_has_its_setting_with_the_declared_default():
	fields = {f["fieldname"]: f for f in SETTINGS["fields"]}
	for kind in retention.KINDS:
		field = fields[kind.setting]
		assert field["fieldtype"] == "Int"
		assert int(field["default"]) == kind.default_months
		assert kind.default_months >= kind.minimum_months


def test_due_after_the_period_counted_in_calendar_months():
	assert retention.due_on(date(2024, 1, 31), 1) == date(2024, 2, 29)
	assert retention.due_on(date(2023, 3, 15), 24) == date(2025, 3, 15)
	assert retention.is_due(date(2023, 3, 15), 24, date(2025, 3, 15))
	assert not retention.is_due(date(2023, 3, 15), 24, date(2025, 3, 14))
	assert not retention.is_due(None, 24, date(2030, 1, 1))
	assert retention.cutoff(date(2025, 3, 31), 1) == date(2025, 2, 28)


def test_settings_refuse_periods_below_the_minimum_and_breaches_shorter_than_cases():
	assert retention.check_periods({}) == []
	assert retention.check_periods({"retain_enquiry_months": 2}) == ["retention_below_minimum:enquiry"]
	errors = retention.check_periods({"retain_case_months": 84, "retain_breach_months": 72})
	assert errors == ["retention_must_outlive:breach:case"]
	errors = retention.check_periods({"retain_consent_months": 80})
	assert errors == ["retention_must_outlive:disclosure:consent"]
	assert retention.check_periods({"retain_breach_months": 12}) == [
		"retention_below_minimum:breach",
		"retention_must_outlive:breach:case",
	]


def test_a_hold_or_a_record_resting_on_it_keeps_a_due_record():
	due = retention.Candidate("consent", "Consent", "c1", "s1", date(2020, 1, 1))
	assert retention.blocked(due, set()) is None
	assert retention.blocked(due, {"s1"}) == "legal_hold"
	needed = retention.Candidate("consent", "Consent", "c1", "s1", date(2020, 1, 1), kept_by=("d1",))
	assert retention.blocked(needed, set()) == "still_needed"
	anonymous = retention.Candidate("enquiry", "Enquiry", "e1", None, date(2020, 1, 1))
	assert retention.blocked(anonymous, {"s1"}) is None


def test_cases_and_enquiries_are_anonymised_everything_else_removed():
	assert retention.action("case") == retention.ANONYMISE
	assert retention.action("enquiry") == retention.ANONYMISE
	for kind in retention.KINDS:
		if kind.key not in ("case", "enquiry"):
			assert retention.action(kind.key) == retention.REMOVE


def test_erasure_keeps_breach_records_and_disclosures_resting_on_them_only():
	assert retention.kept_on_erasure("breach")
	assert retention.kept_on_erasure("disclosure", disclosure_under_breach=True)
	assert retention.kept_on_erasure("disclosure") is None
	for key in ("case", "enquiry", "consent", "meeting", "student"):
		assert retention.kept_on_erasure(key) is None


def test_a_run_handles_what_rests_on_a_record_before_the_record():
	order = [kind.key for kind in retention.KINDS]
	assert order.index("disclosure") < order.index("consent") < order.index("student")
	assert order.index("disclosure") < order.index("breach")
	assert order.index("case") < order.index("student") and order[-1] == "student"
