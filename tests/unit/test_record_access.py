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


# --- review, copy, who looked ---------------------------------------------------------------------


def test_an_item_decision_needs_its_redacted_text_or_reason():
	assert ra.check_item(None, None, None, None) == []
	assert ra.check_item(ra.RELEASE, None, None, None) == []
	assert ra.check_item("Maybe", None, None, None) == ["access_item_decision_unknown"]
	assert ra.check_item(ra.REDACT, "  ", None, None) == ["access_item_needs_redacted_text"]
	assert ra.check_item(ra.REDACT, "Text [redacted]", None, None) == []
	assert ra.check_item(ra.WITHHOLD, None, None, None) == ["access_item_needs_reason"]
	assert ra.check_item(ra.WITHHOLD, None, "Because", None) == ["access_item_needs_reason"]
	assert ra.check_item(ra.WITHHOLD, None, ra.OTHER, "") == ["access_item_other_needs_details"]
	assert ra.check_item(ra.WITHHOLD, None, ra.OTHER, "Court order") == []
	for reason in (ra.THIRD_PARTY, ra.TERRORISM, ra.PRIVILEGE):
		assert ra.check_item(ra.WITHHOLD, None, reason, None) == []


def test_release_needs_every_item_decided_and_only_once():
	assert ra.check_release(ra.RECEIVED, [ra.RELEASE, ra.WITHHOLD]) == []
	assert ra.check_release(ra.EXTENDED, []) == []  # a student with no records gets a copy saying so
	assert ra.check_release(ra.RECEIVED, [ra.RELEASE, None]) == ["access_request_items_undecided"]
	assert ra.check_release(ra.RELEASED, [ra.RELEASE]) == ["access_request_already_released"]


def test_withheld_items_are_neither_named_nor_counted_and_redactions_replace_the_text():
	items = [
		{"doctype": "Case", "name": "c1", "label": "Case", "fields": [["Summary", "rent"]], "decision": ra.RELEASE},
		{"doctype": "Case Entry", "name": "e1", "label": "Entry", "fields": [["Details", "x"]],
		 "decision": ra.WITHHOLD, "reason": ra.THIRD_PARTY},
		{"doctype": "Case Entry", "name": "e2", "label": "Entry", "fields": [["Details", "Bob said y"]],
		 "decision": ra.REDACT, "redacted_text": "[third party] said y"},
	]  # fmt: skip
	copy = ra.released_items(items)
	assert [c["name"] for c in copy] == ["c1", "e2"]
	assert copy[0]["fields"] == [["Summary", "rent"]]
	assert copy[1]["fields"] == [["", "[third party] said y"]] and "Bob" not in repr(copy)
	assert "e1" not in repr(copy) and "reason" not in repr(copy)


def test_the_copy_is_open_for_the_set_number_of_days():
	released = date(2026, 12, 1)
	assert ra.copy_open(released, date(2026, 12, 1), 30)
	assert ra.copy_open(released, date(2026, 12, 30), 30)
	assert not ra.copy_open(released, date(2026, 12, 31), 30)
	assert not ra.copy_open(released, date(2026, 11, 30), 30)
	assert not ra.copy_open(None, date(2026, 12, 1), 30)
	assert ra.copy_open(released, date(2026, 12, 30), None)  # the default


def test_who_looked_names_roles_not_people_and_leaves_out_withheld_records():
	released = {("Case", "c1")}
	roles = {
		"officer@x": ["Advice Officer"],
		"manager@x": ["Advice Officer", "Advice Service Manager"],
		"admin@x": ["Advice Service Administrator", "System Manager"],
		"sysman@x": ["System Manager"],
	}
	rows = [
		{"when": "2026-12-01 10:00", "source": "View Log", "doctype": "Case", "name": "c1", "user": "officer@x"},
		{"when": "2026-12-01 11:00", "source": "Version", "doctype": "Case", "name": "c1", "user": "manager@x"},
		{"when": "2026-12-01 12:00", "source": "Access Log", "method": "Download PDF", "doctype": "Case",
		 "name": "c1", "user": "admin@x"},
		{"when": "2026-12-01 13:00", "source": "Access Log", "method": "Export", "doctype": "Case", "name": "c1",
		 "user": "officer@x"},
		{"when": "2026-12-01 14:00", "source": "Access Log", "method": "Refused", "doctype": "Case", "name": "c1",
		 "user": "sysman@x"},
		{"when": "2026-12-01 15:00", "source": "View Log", "doctype": "Case Entry", "name": "e1", "user": "officer@x"},
		{"when": "2026-12-01 16:00", "source": "View Log", "doctype": "Case", "name": "c1", "user": "sysman@x"},
	]  # fmt: skip
	seen = ra.who_looked(rows, released, roles)
	assert seen == [
		{"when": "2026-12-01 10:00", "action": ra.VIEWED, "role": "Advice Officer"},
		{"when": "2026-12-01 11:00", "action": ra.CHANGED, "role": "Advice Service Manager"},
		{"when": "2026-12-01 12:00", "action": ra.PRINTED, "role": "Advice Service Administrator"},
		{"when": "2026-12-01 13:00", "action": ra.EXPORTED, "role": "Advice Officer"},
	]
	assert "officer@x" not in repr(seen) and "e1" not in repr(seen)


# --- rich text in the copy ----------------------------------------------------------------------------


def test_rich_text_shows_as_text_with_its_paragraphs_and_list_items():
	html = (
		"<p>Met the student &amp; her <b>tutor</b>.</p><p>Next steps:</p>"
		"<ul><li>write to the college</li><li>book   a meeting</li></ul><p>Done<br>today</p>"
	)
	assert ra.plain_text(html) == (
		"Met the student & her tutor.\n\nNext steps:\n\n- write to the college\n- book a meeting\n\nDone\ntoday"
	)


def test_rich_text_loses_markup_scripts_and_styles_and_keeps_angle_brackets_as_text():
	shown = ra.plain_text('<style>p{}</style><script>alert(1)</script><p onclick="x">a &lt;b&gt; c</p>')
	assert shown == "a <b> c"
	assert ra.plain_text("<p><br></p>") == ""
	assert ra.plain_text(None) == ""
	assert ra.plain_text("plain words") == "plain words"


def test_every_rich_text_fieldtype_is_converted():
	assert {"Text Editor", "HTML Editor", "Markdown Editor"} <= ra.RICH_TEXT_TYPES
