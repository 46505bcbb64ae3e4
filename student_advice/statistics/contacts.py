"""What a contact is, read from casework, and the unsuppressed family of a year.

A contact is a case, or an enquiry that never became a case (a converted enquiry counts once,
as its case). Dimensions of a contact:
  category  the case's or enquiry's category
  college, faculty
            a case: its student's; an enquiry: its own, else its student's; else "Not recorded"
  outcome   a closed case: its outcome; a case not closed: "Case open";
            an enquiry that never became a case: "Enquiry only"
  channel   an enquiry's channel; a case: the channel of the enquiry it came from, else
            "Not recorded" (nothing is added to Case: the channel is where the contact began)
The month of a case is the month it was opened; of an enquiry, the month it was received.

Casework is read without record permissions on purpose (docs/decisions.md, decision 20).
"""

from collections import OrderedDict
from datetime import date, timedelta

import frappe

from student_advice.policy import periods, registry
from student_advice.policy.casework import ENQUIRY_CHANNELS
from student_advice.policy.suppression import Family

NOT_RECORDED = "__not_recorded__"
CASE_OPEN = "__case_open__"
ENQUIRY_ONLY = "__enquiry_only__"
SPECIAL_LABELS = {
	NOT_RECORDED: "Not recorded",
	CASE_OPEN: "Case open",
	ENQUIRY_ONLY: "Enquiry only",
}

# Filter values never equal a DocType name of the app (docs/decisions.md, decision 21): the
# request gate denies those to outsiders: "by_college", not "College".
DIMENSIONS = OrderedDict(
	[
		("by_category", ("category", "Category")),
		("by_college", ("college", "College")),
		("by_faculty", ("faculty", "Faculty")),
		("by_outcome", ("outcome", "Outcome")),
		("by_channel", ("channel", "Channel")),
	]
)
FAMILY_DIMENSIONS = [name for name, _label in DIMENSIONS.values()]
FORBIDDEN = [(("outcome", ENQUIRY_ONLY), ("channel", NOT_RECORDED))]

WATCHED = registry.STATISTICS_SOURCES  # a committed change to one of these queues a refresh


def data_fingerprint() -> tuple:
	"""Changes whenever any row the statistics read is added, changed or removed."""
	return tuple(
		frappe.db.sql(
			"""select
			(select count(*) from `tabCase`), (select max(modified) from `tabCase`),
			(select count(*) from `tabEnquiry`), (select max(modified) from `tabEnquiry`),
			(select count(*) from `tabAdvice Student`), (select max(modified) from `tabAdvice Student`),
			(select count(*) from `tabCollege`), (select max(modified) from `tabCollege`),
			(select count(*) from `tabFaculty`), (select max(modified) from `tabFaculty`),
			(select count(*) from `tabCase Category`), (select max(modified) from `tabCase Category`),
			(select count(*) from `tabCase Outcome`), (select max(modified) from `tabCase Outcome`)"""
		)[0]
	)


def contact_rows(calendar: periods.YearCalendar) -> list[tuple]:
	"""(month key, category, college, faculty, outcome, channel, count) for the year's contacts.

	The rows are read plain and counted here: grouping by six columns in the database costs
	more than reading the year's rows once."""
	first, last = date(*calendar.months[0], 1), date(*calendar.months[-1], 1)
	last = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
	values = {"first": first, "last": last, "after": last + timedelta(days=1)}
	cases = frappe.db.sql(
		"""
		select c.opened_on, c.category, coalesce(nullif(c.college, ''), s.college),
			coalesce(nullif(c.faculty, ''), s.faculty), c.status, c.outcome, e.channel
		from `tabCase` c
		left join `tabAdvice Student` s on s.name = c.student
		left join `tabEnquiry` e on e.name = c.enquiry
		where c.opened_on between %(first)s and %(last)s""",
		values,
	)
	enquiries = frappe.db.sql(
		"""
		select q.received_on, q.category, coalesce(nullif(q.college, ''), s.college),
			coalesce(nullif(q.faculty, ''), s.faculty), q.channel
		from `tabEnquiry` q
		left join `tabAdvice Student` s on s.name = q.student
		where ifnull(q.advice_case, '') = '' and q.received_on >= %(first)s and q.received_on < %(after)s""",
		values,
	)
	counts: dict[tuple, int] = {}
	month_keys: dict[tuple[int, int], str] = {}

	def month(day) -> str:
		ym = (day.year, day.month)
		if ym not in month_keys:
			month_keys[ym] = periods.month_key(*ym)
		return month_keys[ym]

	for opened, category, college, faculty, status, outcome, channel in cases:
		key = (
			month(opened),
			category or NOT_RECORDED,
			college or NOT_RECORDED,
			faculty or NOT_RECORDED,
			(outcome or NOT_RECORDED) if status == "Closed" else CASE_OPEN,
			channel or NOT_RECORDED,
		)
		counts[key] = counts.get(key, 0) + 1
	for received, category, college, faculty, channel in enquiries:
		key = (
			month(received),
			category or NOT_RECORDED,
			college or NOT_RECORDED,
			faculty or NOT_RECORDED,
			ENQUIRY_ONLY,
			channel or NOT_RECORDED,
		)
		counts[key] = counts.get(key, 0) + 1
	return [(*key, n) for key, n in counts.items()]


def _master_names(doctype: str) -> list[str]:
	return sorted(frappe.get_all(doctype, pluck="name"))


def dimension_domains(rows) -> list[tuple[str, list[str]]]:
	"""Every value a dimension can take: the masters, what the data holds, the special values."""
	base = {
		"category": _master_names("Case Category"),
		"college": _master_names("College"),
		"faculty": _master_names("Faculty"),
		"outcome": [CASE_OPEN, *_master_names("Case Outcome")],
		"channel": list(ENQUIRY_CHANNELS),
	}
	tails = {
		"category": [NOT_RECORDED],
		"college": [NOT_RECORDED],
		"faculty": [NOT_RECORDED],
		"outcome": [NOT_RECORDED, ENQUIRY_ONLY],
		"channel": [NOT_RECORDED],
	}
	domains = []
	for i, name in enumerate(FAMILY_DIMENSIONS):
		known = set(base[name]) | set(tails[name])
		extra = sorted({row[i + 1] for row in rows} - known)
		domains.append((name, base[name] + extra + tails[name]))
	return domains


def build_family(calendar: periods.YearCalendar, settings: dict) -> Family:
	rows = contact_rows(calendar)
	domains = dimension_domains(rows)
	impossible = any(row[4] == ENQUIRY_ONLY and row[5] == NOT_RECORDED for row in rows)
	family = Family(
		months=len(calendar.months),
		periods=[months for _label, months in calendar.periods],
		open_months=calendar.open_months,
		dimensions=domains,
		threshold=settings["threshold"],
		forbidden=[] if impossible else FORBIDDEN,
	)
	month_index = {key: i for i, key in enumerate(calendar.month_keys)}
	value_index = family.value_index
	family.add_index_rows(
		(
			month_index[row[0]],
			tuple(value_index[d][row[d + 1]] for d in range(len(FAMILY_DIMENSIONS))),
			int(row[6]),
		)
		for row in rows
		if row[0] in month_index
	)
	return family.suppress()
