"""Anonymised statistics over all cases and enquiries (docs/decisions.md, decisions 10 and 20-24).

Reads casework with frappe.db and ignores record permissions ON PURPOSE: everything that
leaves this module is a figure of the suppressed family of policy/suppression.py (a count by
fixed period and at most two dimensions, suppressed jointly), never a record, a name, an ID,
free text or a date finer than a month. The figures are the same for every reader: no
conflict of interest and no user permission filters them (different figures for one reader
would single a student out); only the rounding to the nearest 5 depends on whether the reader
is inside the service (settings).

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

The suppressed family of a year is cached (process memory, then Redis) under a fingerprint of
the data (row counts and last modification of every table read), the settings and the current
month, so every reader, every report, chart and card reads the same figures. After a committed
change the background job `refresh` computes it again; a reader who comes first is shown the
family computed just before the change (policy/freshness.py says when that is allowed).
"""

import hashlib
import time
from collections import OrderedDict
from datetime import date, timedelta
from pathlib import Path

import frappe
from frappe import _
from frappe.utils import cint, getdate

from student_advice import messages
from student_advice.confidentiality.permissions import is_member
from student_advice.policy import freshness, periods, suppression
from student_advice.policy.casework import ENQUIRY_CHANNELS
from student_advice.policy.roles import MANAGER, OFFICER, STATISTICS_VIEWER
from student_advice.policy.suppression import (
	PERIOD,
	SECONDARY_MARK,
	Family,
	effective_threshold,
	primary_mark,
)

READERS = (STATISTICS_VIEWER, MANAGER, OFFICER)
REPORT_NAME = "Advice Statistics"

NOT_RECORDED = "__not_recorded__"
CASE_OPEN = "__case_open__"
ENQUIRY_ONLY = "__enquiry_only__"
_SPECIAL_LABELS = {
	NOT_RECORDED: "Not recorded",
	CASE_OPEN: "Case open",
	ENQUIRY_ONLY: "Enquiry only",
}

# Filter values never equal a DocType name of the app (the request gate denies those to
# outsiders): "by_college", not "College".
DIMENSIONS = OrderedDict(
	[
		("by_category", ("category", "Category")),
		("by_college", ("college", "College")),
		("by_faculty", ("faculty", "Faculty")),
		("by_outcome", ("outcome", "Outcome")),
		("by_channel", ("channel", "Channel")),
	]
)
BY_PERIOD = "by_period"
PERIOD_TYPES = ("academic_year", "term", "month")
FAMILY_DIMENSIONS = [name for name, _label in DIMENSIONS.values()]
FORBIDDEN = [(("outcome", ENQUIRY_ONLY), ("channel", NOT_RECORDED))]

# the source of the modules that compute a year's family
CODE_VERSION = hashlib.sha256(
	b"".join(Path(path).read_bytes() for path in (periods.__file__, suppression.__file__, __file__))
).hexdigest()[:16]

_MEMO: "OrderedDict[str, Family]" = OrderedDict()
_MEMO_SIZE = 4
CACHE_SECONDS = 24 * 3600
SNAPSHOTS = "student_advice:statistics:"  # a year's family under its settings and data fingerprint
LATEST = "student_advice:statistics-latest:"  # fingerprint and read time of the last committed-data family
CHANGED = "student_advice:statistics-changed"  # when a change to the data read was last committed


# ---------------------------------------------------------------------------- access
def require_reader():
	"""Role guard of every statistics entry point (never frappe.only_for: it trusts in_test)."""
	if not set(frappe.get_roles()).intersection(READERS):
		raise frappe.PermissionError(_("Not permitted"))


def rounds_for_reader(settings=None) -> bool:
	settings = settings or statistics_settings()
	return settings["round_service"] if is_member() else settings["round_viewers"]


# ---------------------------------------------------------------------------- settings
def statistics_settings() -> dict:
	doc = frappe.get_cached_doc("Student Advice Settings")
	terms = tuple(
		periods.Term(
			(row.term_name or "").strip(),
			(row.academic_year or "").strip(),
			getdate(row.starts_on) if row.starts_on else None,
			getdate(row.ends_on) if row.ends_on else None,
		)
		for row in (doc.get("statistics_terms") or [])
	)
	start_month = periods.month_number(doc.get("academic_year_start") or periods.DEFAULT_START_MONTH)
	# settings saved before the terms existed may hold invalid rows: ignore them all then
	if periods.check_terms(terms, start_month):
		terms = ()
	return {
		"threshold": effective_threshold(doc.get("suppression_threshold")),
		"start_month": start_month,
		"terms": terms,
		"round_viewers": not cint(doc.get("unrounded_for_viewers")),
		"round_service": bool(cint(doc.get("round_for_service"))),
	}


def today() -> date:
	return getdate()


# ---------------------------------------------------------------------------- the family of a year
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


def year_family(label: str, settings: dict | None = None) -> tuple[Family, periods.YearCalendar]:
	"""The suppressed family of an academic year: the current one, or, while the background
	refresh computes it, the one computed just before the latest change (policy/freshness.py)."""
	settings = settings or statistics_settings()
	calendar = _calendar(label, settings)
	shape = _shape_key(label, settings, calendar)
	read_at = time.time()
	fingerprint = data_fingerprint()
	family = _cached_current(shape, fingerprint, read_at)
	if family is not None:
		return family, calendar
	latest = frappe.cache.get_value(LATEST + shape, expires=True)  # (fingerprint, read at)
	if latest and freshness.may_serve_earlier(
		read_at=latest[1],
		changed_at=frappe.cache.get_value(CHANGED, expires=True),
		now=read_at,
		own_writes=frappe.db.transaction_writes,
	):
		family = _cached(_snapshot_key(shape, latest[0]))
		if family is not None:
			enqueue_refresh(label)
			return family, calendar
	return _compute(label, settings, calendar, shape, fingerprint, read_at), calendar


def _calendar(label: str, settings: dict) -> periods.YearCalendar:
	calendar = periods.year_calendar(label, settings["start_month"], settings["terms"], today())
	if calendar is None:
		messages.throw("statistics_period_unknown")
	return calendar


def _shape_key(label: str, settings: dict, calendar: periods.YearCalendar) -> str:
	"""Everything but the data that decides a year's figures: the year, the settings, the open
	months and the code that computes them (cached figures outlive a deploy and a cache clear)."""
	state = repr((label, settings, sorted(calendar.open_months), CODE_VERSION))
	return hashlib.sha256(state.encode()).hexdigest()[:24]


def _snapshot_key(shape: str, fingerprint: tuple) -> str:
	return SNAPSHOTS + hashlib.sha256(repr((shape, fingerprint)).encode()).hexdigest()[:24]


def _cached(key: str) -> Family | None:
	site_key = f"{frappe.local.site}:{key}"
	family = _MEMO.get(site_key)
	if family is None:
		family = frappe.cache.get_value(key, expires=True)  # not kept in frappe.local.cache
		if family is None:
			return None
		_remember(site_key, family)
	_MEMO.move_to_end(site_key)
	return family


def _cached_current(shape: str, fingerprint: tuple, read_at: float) -> Family | None:
	"""The cached family of the data as they are now; found from committed data, it is the latest."""
	family = _cached(_snapshot_key(shape, fingerprint))
	if family is not None and not frappe.db.transaction_writes:
		_set_latest(shape, fingerprint, read_at)
	return family


def _remember(site_key: str, family: Family):
	_MEMO[site_key] = family
	while len(_MEMO) > _MEMO_SIZE:
		_MEMO.popitem(last=False)


def _compute(label, settings, calendar, shape, fingerprint, read_at) -> Family:
	family = build_family(calendar, settings)
	key = _snapshot_key(shape, fingerprint)
	frappe.cache.set_value(key, family, expires_in_sec=CACHE_SECONDS)
	_remember(f"{frappe.local.site}:{key}", family)
	if not frappe.db.transaction_writes:  # only committed data may stand in for later readers
		_set_latest(shape, fingerprint, read_at)
	return family


def _set_latest(shape: str, fingerprint: tuple, read_at: float):
	frappe.cache.set_value(LATEST + shape, (fingerprint, read_at), expires_in_sec=CACHE_SECONDS)


def contact_rows(calendar: periods.YearCalendar) -> list[tuple]:
	"""(month key, category, college, faculty, outcome, channel, count) for the year's contacts.

	The rows are read plain and counted here: grouping by six columns in the database costs
	more than reading the year's rows once."""
	first, last = date(*calendar.months[0], 1), date(*calendar.months[-1], 1)
	last = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
	values = {"first": first, "last": last, "after": last + timedelta(days=1)}
	cases = frappe.db.sql(
		"""
		select c.opened_on, c.category, s.college, s.faculty, c.status, c.outcome, e.channel
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


# ---------------------------------------------------------------------------- warming the cache
WATCHED = frozenset(
	{
		"Case",
		"Enquiry",
		"Advice Student",
		"College",
		"Faculty",
		"Case Category",
		"Case Outcome",
		"Student Advice Settings",
	}
)


def note_change(doc, method=None):
	"""doc_events "*": after a change to anything the statistics read is committed, note when and
	recompute the current years' suppressed figures in the background, so readers find them ready."""
	if doc.doctype not in WATCHED or getattr(frappe.local, "student_advice_refresh_queued", False):
		return
	frappe.local.student_advice_refresh_queued = True
	frappe.db.after_commit.add(_changed)
	frappe.db.after_rollback.add(_forget_refresh)


def _forget_refresh():
	frappe.local.student_advice_refresh_queued = False


def _changed():
	_forget_refresh()
	frappe.cache.set_value(CHANGED, time.time())
	enqueue_refresh()


def enqueue_refresh(label: str | None = None):
	"""Queue `refresh` for one year (None: the current and the previous one), once."""
	try:
		frappe.enqueue(
			"student_advice.stats.refresh",
			queue="long",
			job_id=f"student_advice_statistics_refresh:{frappe.local.site}:{label or 'current'}",
			deduplicate=True,
			label=label,
		)
	except Exception:
		# The queue is unreachable: a saved case must not look failed, nor a report break, for
		# want of a refresh; readers compute the figures themselves once the snapshot is too old.
		frappe.logger("student_advice").warning("statistics refresh not queued", exc_info=True)


def refresh(label: str | None = None):
	"""Compute and cache a year's family from committed data (background job; hourly for the
	current and the previous academic year). A change committed while it computes is picked up
	by computing again (a queued job would have been refused as a duplicate of this one)."""
	settings = statistics_settings()
	if label:
		labels = [label]
	else:
		current = periods.start_year_of(today(), settings["start_month"])
		labels = [periods.year_label(y, settings["start_month"]) for y in (current, current - 1)]
	# In a worker the job owns its transaction: a new one reads what is committed now. Called
	# any other way (migrate runs jobs in place), the caller's transaction is left alone.
	own_transaction = getattr(frappe.local, "job", None) is not None and not frappe.db.transaction_writes
	for year in labels:
		calendar = _calendar(year, settings)
		shape = _shape_key(year, settings, calendar)
		for _attempt in range(3 if own_transaction else 1):
			if own_transaction:
				frappe.db.rollback()
			read_at = time.time()
			fingerprint = data_fingerprint()
			if _cached_current(shape, fingerprint, read_at) is None:
				_compute(year, settings, calendar, shape, fingerprint, read_at)
			changed_at = frappe.cache.get_value(CHANGED, expires=True)
			if changed_at is None or changed_at < read_at:
				break


# ---------------------------------------------------------------------------- labels
def value_label(value: str) -> str:
	return _(_SPECIAL_LABELS[value]) if value in _SPECIAL_LABELS else _(value)


def current_year_label(settings: dict | None = None) -> str:
	settings = settings or statistics_settings()
	return periods.academic_year_of(today(), settings["start_month"])


def year_options(settings: dict | None = None) -> list[str]:
	"""Academic years that hold contacts, and the current one, newest first."""
	settings = settings or statistics_settings()
	start_month = settings["start_month"]
	found = frappe.db.sql(
		"""select min(d), max(d) from (
			select min(opened_on) d from `tabCase` union all select max(opened_on) from `tabCase`
			union all select date(min(received_on)) from `tabEnquiry`
			union all select date(max(received_on)) from `tabEnquiry`) x"""
	)[0]
	current = periods.start_year_of(today(), start_month)
	first = periods.start_year_of(getdate(found[0]), start_month) if found[0] else current
	last = max(current, periods.start_year_of(getdate(found[1]), start_month) if found[1] else current)
	return [periods.year_label(y, start_month) for y in range(last, first - 1, -1)]


def keep_report_live():
	"""Frappe turns a report into a prepared (background) report after one run over 15 s
	(query_report auto-enable; v15 has no switch to forbid it). The statistics are computed once
	per data change and cached, so a slow first run must not change how they are served."""
	if frappe.db.get_value("Report", REPORT_NAME, "prepared_report"):
		frappe.db.set_value("Report", REPORT_NAME, "prepared_report", 0, update_modified=False)
		frappe.db.commit()


def period_options(year: str | None = None) -> dict:
	keep_report_live()
	settings = statistics_settings()
	years = year_options(settings)
	out = {"years": years, "default_year": current_year_label(settings), "terms": {}, "months": {}}
	for label in [year] if year else years:
		calendar = periods.year_calendar(label, settings["start_month"], settings["terms"], today())
		if calendar is None:
			continue
		out["terms"][label] = [name for name, _months in calendar.periods]
		out["months"][label] = [
			[key, _(periods.MONTHS[m - 1]) + f" {y}"]
			for key, (y, m) in zip(calendar.month_keys, calendar.months, strict=True)
		]
	return out


# ---------------------------------------------------------------------------- tables
def _choice(value, allowed, default=None):
	value = (value or "").strip() if isinstance(value, str) else value
	if not value:
		return default
	if value not in allowed:
		messages.throw("statistics_filter_invalid")
	return value


class PeriodUnchosen(Exception):
	"""A term or a month is to be shown but none is chosen yet (not an error: the report says so)."""


def resolve(filters) -> dict:
	"""Validate report/chart filters (fixed choices only) and find the bucket they name."""
	filters = frappe._dict(frappe.parse_json(filters) or {})
	settings = statistics_settings()
	year = (filters.get("academic_year") or "").strip() or current_year_label(settings)
	period_type = _choice(filters.get("period_type"), PERIOD_TYPES, "academic_year")
	choices = [*DIMENSIONS, BY_PERIOD]
	rows = _choice(filters.get("rows"), choices, "by_category")
	columns = _choice(filters.get("columns"), choices, None)
	if rows == columns:
		messages.throw("statistics_filter_invalid")
	family, calendar = year_family(year, settings)
	by_period = BY_PERIOD in (rows, columns)
	spec = {
		"settings": settings,
		"family": family,
		"calendar": calendar,
		"year": year,
		"period_type": period_type,
		"rows": rows,
		"columns": columns,
		"bucket": family.year_bucket,
		"bucket_label": year,
		"period_buckets": None,
	}
	if by_period:
		if period_type == "term":
			if not calendar.periods:
				messages.throw("statistics_period_unknown")
			spec["period_buckets"] = [
				(family.period_buckets[i], label) for i, (label, _months) in enumerate(calendar.periods)
			]
		elif period_type == "month":
			spec["period_buckets"] = [
				(family.month_buckets[i], label) for i, label in enumerate(_month_labels(calendar))
			]
		else:
			messages.throw("statistics_filter_invalid")
		return spec
	period = (filters.get("period") or "").strip()
	if period_type != "academic_year" and not period:
		raise PeriodUnchosen
	if period_type == "term":
		labels = [label for label, _months in calendar.periods]
		if period not in labels:
			messages.throw("statistics_period_unknown")
		spec["bucket"] = family.period_buckets[labels.index(period)]
		spec["bucket_label"] = period
	elif period_type == "month":
		index = calendar.month_index(period)
		if index is None:
			messages.throw("statistics_period_unknown")
		spec["bucket"] = family.month_buckets[index]
		spec["bucket_label"] = _month_labels(calendar)[index]
	return spec


def _month_labels(calendar) -> list[str]:
	return [_(periods.MONTHS[m - 1]) + f" {y}" for y, m in calendar.months]


def _dim(choice: str | None):
	if choice is None:
		return None
	return PERIOD if choice == BY_PERIOD else DIMENSIONS[choice][0]


def _dim_label(choice: str, period_type: str) -> str:
	if choice == BY_PERIOD:
		return _("Term") if period_type == "term" else _("Month")
	return _(DIMENSIONS[choice][1])


def render(spec: dict, rounding: bool | None = None):
	"""The report's columns, rows, message, chart and summary for resolved filters."""
	settings, family = spec["settings"], spec["family"]
	rounding = rounds_for_reader(settings) if rounding is None else rounding
	k = settings["threshold"]
	table = family.table(spec["bucket"], _dim(spec["rows"]), _dim(spec["columns"]), spec["period_buckets"])

	def shown(figure):
		return figure.shown(k, rounding)

	def label(text):
		return text if spec["rows"] == BY_PERIOD else value_label(text)

	def column_label(text):
		return text if spec["columns"] == BY_PERIOD else value_label(text)

	columns = [
		{
			"fieldname": "label",
			"label": _dim_label(spec["rows"], spec["period_type"]),
			"fieldtype": "Data",
			"width": 240,
		}
	]
	data = []
	if spec["columns"]:
		for j, text in enumerate(table.column_labels):
			columns.append(
				{"fieldname": f"c{j}", "label": column_label(text), "fieldtype": "Data", "width": 110}
			)
		columns.append({"fieldname": "total", "label": _("Total"), "fieldtype": "Data", "width": 100})
		for i, text in enumerate(table.row_labels):
			row = {"label": label(text), "total": shown(table.row_totals[i])}
			row.update({f"c{j}": shown(f) for j, f in enumerate(table.cells[i])})
			data.append(row)
		total = {"label": _("Total"), "total": shown(table.grand_total), "bold": 1}
		total.update({f"c{j}": shown(f) for j, f in enumerate(table.column_totals)})
		data.append(total)
	else:
		columns.append({"fieldname": "total", "label": _("Contacts"), "fieldtype": "Data", "width": 120})
		for i, text in enumerate(table.row_labels):
			data.append({"label": label(text), "total": shown(table.row_totals[i])})
		data.append({"label": _("Total"), "total": shown(table.grand_total), "bold": 1})

	published = [
		(label(text), shown(f))
		for text, f in zip(table.row_labels, table.row_totals, strict=True)
		if f.published
	]
	chart = None
	if published:
		chart = {
			"data": {
				"labels": [t for t, _v in published],
				"datasets": [{"name": _("Contacts"), "values": [v for _t, v in published]}],
			},
			"type": "bar",
		}
	summary = [
		{"value": spec["bucket_label"], "label": _("Period"), "datatype": "Data"},
		{"value": shown(table.grand_total), "label": _("Contacts"), "datatype": "Data"},
	]
	return columns, data, legend(k, rounding), chart, summary


def legend(threshold: int, rounding: bool) -> str:
	parts = [
		_("Contacts are cases, and enquiries that did not become cases."),
		_("{0}: fewer than {1} contacts.").format(primary_mark(threshold), threshold),
		_("{0}: {1} or more, withheld so that a small number elsewhere cannot be worked out.").format(
			SECONDARY_MARK, threshold
		),
	]
	if rounding:
		parts.append(_("Figures, totals included, are rounded to the nearest 5, so they need not add up."))
	parts.append(
		_("After a change the figures are recomputed in the background: they may take a moment to show it.")
	)
	return "<br>".join(frappe.utils.escape_html(p) for p in parts)


def report(filters=None):
	require_reader()
	try:
		spec = resolve(filters)
	except PeriodUnchosen:
		# the desk runs the report as soon as "Term" or "Month" is picked, before the term or
		# month: say what to choose instead of an error dialog
		columns = [{"fieldname": "label", "label": _("Contacts"), "fieldtype": "Data", "width": 240}]
		return columns, [], messages.message("statistics_period_unchosen"), None, None
	return render(spec)


# ---------------------------------------------------------------------------- cards and charts
CARD_FIGURES = ("year_total", "term_total", "last_month_total", "year_enquiry_only")


def card_figure(figure: str):
	"""The value of a statistics number card: a family figure, shown as the reports show it."""
	require_reader()
	figure = _choice(figure, CARD_FIGURES, "year_total")
	settings = statistics_settings()
	rounding = rounds_for_reader(settings)
	now = today()
	if figure == "last_month_total":
		first_of_month = now.replace(day=1)
		now = first_of_month - timedelta(days=1)
	family, calendar = year_family(periods.academic_year_of(now, settings["start_month"]), settings)
	month = calendar.month_index(periods.month_key(now.year, now.month))
	key = ()
	if figure in ("year_total", "year_enquiry_only"):
		bucket = family.year_bucket
		if figure == "year_enquiry_only":
			key = family.named_key(outcome=ENQUIRY_ONLY)
	elif figure == "term_total":
		for i, (_label, months) in enumerate(calendar.periods):
			if month in months:
				bucket = family.period_buckets[i]
				break
		else:
			return _("No terms set")
	else:
		bucket = family.month_buckets[month]
	value = family.figure(bucket, key).shown(settings["threshold"], rounding)
	if isinstance(value, str):
		return value
	return {"value": value, "fieldtype": "Int", "route": ["query-report", REPORT_NAME]}


def chart_data(filters=None) -> dict:
	"""A Dashboard Chart (custom source) of published family figures of the current year."""
	require_reader()
	filters = frappe._dict(frappe.parse_json(filters) or {})
	try:
		spec = resolve(
			{
				"academic_year": filters.get("academic_year"),
				"period_type": filters.get("period_type") or "academic_year",
				"rows": filters.get("rows") or "by_category",
			}
		)
	except PeriodUnchosen:  # a chart shows a whole year, or its terms or months as rows
		messages.throw("statistics_period_unchosen")
	settings, family = spec["settings"], spec["family"]
	rounding = rounds_for_reader(settings)
	table = family.table(spec["bucket"], _dim(spec["rows"]), None, spec["period_buckets"])
	labels, values = [], []
	limit = (
		len(spec["calendar"].open_months)
		if spec["rows"] == BY_PERIOD and spec["period_type"] == "month"
		else None
	)
	for i, (text, figure) in enumerate(zip(table.row_labels, table.row_totals, strict=True)):
		if limit is not None and i >= limit:
			break
		if not figure.published:  # a withheld figure is left out, never drawn as a number
			continue
		labels.append(text if spec["rows"] == BY_PERIOD else value_label(text))
		values.append(figure.shown(settings["threshold"], rounding))
	return {"labels": labels, "datasets": [{"name": _("Contacts"), "values": values}]}
