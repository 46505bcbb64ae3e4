"""The suppressed family of a year, cached, and its background refresh.

Cached in process memory, then Redis, under everything the figures depend on (docs/decisions.md,
decision 22); after a committed change `refresh` computes the year again in a worker, and a
reader who comes first may be shown the year as it was just before the change (decision 23).
"""

import hashlib
import time
from collections import OrderedDict
from pathlib import Path

import frappe

from student_advice import messages
from student_advice.policy import freshness, periods, suppression
from student_advice.policy.suppression import Family
from student_advice.statistics.contacts import WATCHED, build_family, data_fingerprint
from student_advice.statistics.settings import statistics_settings, today


def _source_files() -> list[Path]:
	"""Every file of the code that computes a year's family: this package, the suppression
	package and the periods, so figures cached by other code are never served after a deploy."""
	packages = (Path(__file__).parent, Path(suppression.__file__).parent)
	return sorted({p for package in packages for p in package.rglob("*.py")} | {Path(periods.__file__)})


CODE_VERSION = hashlib.sha256(b"".join(p.read_bytes() for p in _source_files())).hexdigest()[:16]

_MEMO: "OrderedDict[str, Family]" = OrderedDict()
_MEMO_SIZE = 4
CACHE_SECONDS = 24 * 3600
SNAPSHOTS = "student_advice:statistics:"  # a year's family under its settings and data fingerprint
LATEST = "student_advice:statistics-latest:"  # fingerprint and read time of the last committed-data family
CHANGED = "student_advice:statistics-changed"  # when a change to the data read was last committed


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


def note_change(doc, method=None):
	"""doc_events of the WATCHED DocTypes: after a change to anything the statistics read is committed, note when and
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
			"student_advice.statistics.cache.refresh",
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
