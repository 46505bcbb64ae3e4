"""Statistics benchmark: the Advice Statistics report against the plain SQL GROUP BY.

NOT a test. It needs a dedicated site, never a shared one (it commits 230,000 rows):

    cd ~/frappe-bench
    bench new-site student-advice-bench.localhost --install-app student_advice   # once
    cd sites
    ../env/bin/python <checkout>/benchmarks/statistics_benchmark.py \
        [--site student-advice-bench.localhost] [--reseed] [--repeat 7]

(`<checkout>` is this repository; any path to this file works.) The first run seeds 30,000 Advice
Students, 100,000 Cases and 100,000 Enquiries over five academic years (2021-22 to 2025-26, a
fifth of the enquiries converted into cases) with frappe.db.bulk_insert, sets Cambridge-like
terms in Student Advice Settings and commits; later runs reuse them (--reseed starts again).

For each report view it prints, run as an Advice Statistics Viewer through
frappe.desk.query_report.run (suppression and rounding included):
  plain    the median time of the plain SQL GROUP BY giving the same raw counts on the same data
           (cases and unconverted enquiries, same joins and bucket, grouped by the view's dimensions)
  first    the first run with no statistics computed at all (caches cleared): the reader computes
           the whole year and suppresses every table of it jointly. This happens once per year
           until Redis loses its cache; the hourly job and every committed change compute the
           current and the previous year in the background before anyone asks.
  warm     the median of later runs (the suppressed year is cached under a fingerprint of the data)
  changed  the median of runs right after a change was committed through the document hooks,
           before the background refresh has run: the reader is shown the year as computed just
           before the change (policy/freshness.py) and never waits for the computation
  refresh  the time of the background job's work for that year (cache.refresh): what the worker,
           not a reader, spends after each change
and the ratios to plain. Goal: what a reader waits for (warm, changed) within 1.5 times plain.

When an RQ worker serves the bench (`bench worker`), it then commits one more change and prints
how long the worker's refresh took and after how long every reader gets the new figures.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
import uuid
from datetime import date, datetime, timedelta

import frappe

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

YEARS = [2021, 2022, 2023, 2024, 2025]
N_STUDENTS, N_CASES, N_ENQUIRIES = 30_000, 100_000, 100_000
CONVERTED_SHARE = 0.2
REPORT = "Advice Statistics"
VIEWER = "statistics-benchmark-viewer@example.test"


# ---------------------------------------------------------------------------- seeding
def _weighted(rnd, items, weights):
	return rnd.choices(items, weights=weights, k=1)[0]


def _bulk(doctype, fields, rows):
	frappe.db.bulk_insert(doctype, fields, rows, chunk_size=10_000)


def seed(rnd: random.Random):
	print("seeding 30,000 students, 100,000 cases, 100,000 enquiries ...", flush=True)
	started = time.perf_counter()
	for doctype in ("Case", "Enquiry", "Advice Student"):
		frappe.db.sql(f"delete from `tab{doctype}`")
	colleges = sorted(frappe.get_all("College", pluck="name"))
	faculties = sorted(frappe.get_all("Faculty", pluck="name"))
	categories = sorted(frappe.get_all("Case Category", pluck="name"))
	outcomes = sorted(frappe.get_all("Case Outcome", pluck="name"))
	college_weights = [rnd.uniform(0.3, 3) for _ in colleges]
	faculty_weights = [rnd.uniform(0.3, 3) for _ in faculties]
	category_weights = [rnd.uniform(0.2, 4) for _ in categories]
	now = datetime(2026, 9, 30, 12)
	meta = ["creation", "modified", "owner", "modified_by", "docstatus"]

	def stamp():
		return [now, now, "Administrator", "Administrator", 0]

	students = []
	for i in range(N_STUDENTS):
		students.append(
			[
				uuid.uuid4().hex,
				f"Benchmark Student {i}",
				f"bench-{i}@cam.example",
				_weighted(rnd, colleges, college_weights),
				_weighted(rnd, faculties, faculty_weights),
				*stamp(),
			]
		)
	_bulk("Advice Student", ["name", "full_name", "email", "college", "faculty", *meta], students)

	first, last = date(YEARS[0], 10, 1), date(YEARS[-1] + 1, 9, 30)
	span = (last - first).days

	def some_day():
		# busier in term time, quieter in August
		while True:
			day = first + timedelta(days=rnd.randrange(span + 1))
			if day.month != 8 or rnd.random() < 0.3:
				return day

	enquiries, converted = [], []
	channels, channel_weights = ["Drop-in", "Email", "Phone", "Online"], [3, 4, 2, 3]
	for _ in range(N_ENQUIRIES):
		anonymous = rnd.random() < 0.3
		student = None if anonymous else students[rnd.randrange(N_STUDENTS)]
		day = some_day()
		row = [
			uuid.uuid4().hex,
			datetime(day.year, day.month, day.day, rnd.randrange(9, 17), rnd.randrange(60)),
			_weighted(rnd, channels, channel_weights),
			_weighted(rnd, categories, category_weights),
			1 if anonymous else 0,
			student[0] if student else None,
			None if student or rnd.random() < 0.5 else _weighted(rnd, colleges, college_weights),
			None if student or rnd.random() < 0.6 else _weighted(rnd, faculties, faculty_weights),
			"benchmark enquiry",
			None,  # advice_case, set below for converted ones
			*stamp(),
		]
		enquiries.append(row)
		if student and rnd.random() < CONVERTED_SHARE / 0.7:
			converted.append(row)

	cases = []
	for i in range(N_CASES):
		if i < len(converted):
			enquiry = converted[i]
			student = enquiry[5]
			opened = enquiry[1].date()
			category = enquiry[3]
			enquiry_name = enquiry[0]
		else:
			student = students[rnd.randrange(N_STUDENTS)][0]
			opened = some_day()
			category = _weighted(rnd, categories, category_weights)
			enquiry_name = None
		closed = rnd.random() < 0.7 and opened < date(2026, 9, 1)
		name = uuid.uuid4().hex
		if enquiry_name:
			converted[i][9] = name
		cases.append(
			[
				name,
				student,
				category,
				"Closed" if closed else rnd.choice(["Open", "Waiting on Student", "Waiting on Third Party"]),
				opened,
				opened + timedelta(days=rnd.randrange(1, 30)) if closed else None,
				rnd.choice(outcomes) if closed else None,
				enquiry_name,
				"case",
				"benchmark case",
				*stamp(),
			]
		)
	_bulk(
		"Enquiry",
		[
			"name",
			"received_on",
			"channel",
			"category",
			"anonymous",
			"student",
			"college",
			"faculty",
			"summary",
			"advice_case",
			*meta,
		],
		enquiries,
	)
	_bulk(
		"Case",
		[
			"name",
			"student",
			"category",
			"status",
			"opened_on",
			"closed_on",
			"outcome",
			"enquiry",
			"title",
			"summary",
			*meta,
		],
		cases,
	)
	settings = frappe.get_doc("Student Advice Settings")
	settings.set("statistics_terms", [])
	for y in YEARS:
		label = f"{y}-{(y + 1) % 100:02d}"
		for term, start, end in (
			("Michaelmas", date(y, 10, 1), date(y, 12, 31)),
			("Lent", date(y + 1, 1, 1), date(y + 1, 3, 31)),
			("Easter", date(y + 1, 4, 1), date(y + 1, 6, 30)),
		):
			settings.append(
				"statistics_terms",
				{"term_name": term, "academic_year": label, "starts_on": start, "ends_on": end},
			)
	settings.save(ignore_permissions=True)
	frappe.db.commit()
	print(
		f"seeded in {time.perf_counter() - started:.1f}s ({len(converted)} enquiries converted into cases)",
		flush=True,
	)


def viewer() -> str:
	if not frappe.db.exists("User", VIEWER):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": VIEWER,
				"first_name": "Statistics",
				"last_name": "Benchmark",
				"send_welcome_email": 0,
				"roles": [{"role": "Advice Statistics Viewer"}],
			}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
		frappe.db.commit()
	return VIEWER


# ---------------------------------------------------------------------------- the plain query
DIMENSION_SQL = {
	"by_category": ("c.category", "q.category"),
	"by_college": ("s.college", "coalesce(nullif(q.college, ''), s.college)"),
	"by_faculty": ("s.faculty", "coalesce(nullif(q.faculty, ''), s.faculty)"),
	"by_outcome": ("if(c.status = 'Closed', c.outcome, 'open')", "'enquiry'"),
	"by_channel": ("e.channel", "q.channel"),
	"by_period": ("date_format(c.opened_on, '%%Y-%%m')", "date_format(q.received_on, '%%Y-%%m')"),
}


def plain_query(filters, first, last):
	"""Cases and unconverted enquiries of the bucket, grouped by the view's dimensions."""
	dims = [d for d in (filters["rows"], filters.get("columns")) if d]
	case_cols = ", ".join(f"{DIMENSION_SQL[d][0]} as d{i}" for i, d in enumerate(dims))
	enquiry_cols = ", ".join(f"{DIMENSION_SQL[d][1]} as d{i}" for i, d in enumerate(dims))
	cols = ", ".join(f"d{i}" for i in range(len(dims)))
	sql = f"""
		select {cols}, count(*) from (
			select {case_cols}
			from `tabCase` c
			left join `tabAdvice Student` s on s.name = c.student
			left join `tabEnquiry` e on e.name = c.enquiry
			where c.opened_on between %(first)s and %(last)s
			union all
			select {enquiry_cols}
			from `tabEnquiry` q
			left join `tabAdvice Student` s on s.name = q.student
			where ifnull(q.advice_case, '') = '' and q.received_on >= %(first)s and q.received_on < %(after)s
		) x group by {cols}"""
	return frappe.db.sql(sql, {"first": first, "last": last, "after": last + timedelta(days=1)})


def bucket_bounds(filters) -> tuple[date, date]:
	year = int(filters["academic_year"][:4])
	if filters.get("period_type") == "month" and filters.get("period"):
		y, m = map(int, filters["period"].split("-"))
		nxt = date(y + (m == 12), m % 12 + 1, 1)
		return date(y, m, 1), nxt - timedelta(days=1)
	if filters.get("period_type") == "term" and filters.get("period"):
		name = filters["period"].split(" ")[0]
		return {
			"Michaelmas": (date(year, 10, 1), date(year, 12, 31)),
			"Lent": (date(year + 1, 1, 1), date(year + 1, 3, 31)),
			"Easter": (date(year + 1, 4, 1), date(year + 1, 6, 30)),
		}[name]
	return date(year, 10, 1), date(year + 1, 9, 30)


# ---------------------------------------------------------------------------- timing
VIEWS = [
	{"academic_year": "2024-25", "rows": "by_category"},
	{"academic_year": "2024-25", "rows": "by_college", "columns": "by_category"},
	{"academic_year": "2024-25", "rows": "by_college", "columns": "by_faculty"},
	{
		"academic_year": "2024-25",
		"period_type": "term",
		"period": "Lent 2024-25",
		"rows": "by_outcome",
		"columns": "by_channel",
	},
	{
		"academic_year": "2024-25",
		"period_type": "month",
		"period": "2024-11",
		"rows": "by_faculty",
		"columns": "by_category",
	},
	{"academic_year": "2024-25", "period_type": "month", "rows": "by_period", "columns": "by_channel"},
	{"academic_year": "2023-24", "rows": "by_channel", "columns": "by_outcome"},
]


def timed(fn, repeat):
	times = []
	for _ in range(repeat):
		started = time.perf_counter()
		fn()
		times.append(time.perf_counter() - started)
	return statistics.median(times)


def clear_statistics_caches():
	from student_advice.statistics import cache

	cache._MEMO.clear()
	frappe.cache.delete_keys("student_advice:statistics")


def commit_a_change(filters) -> str:
	"""An enquiry of the view's year, inserted and committed as a desk user would (hooks run)."""
	first, _last = bucket_bounds(filters)
	frappe.set_user("Administrator")
	doc = frappe.get_doc(
		{
			"doctype": "Enquiry",
			"received_on": datetime(first.year, first.month, 2, 10),
			"channel": "Email",
			"category": frappe.get_all("Case Category", pluck="name", limit=1)[0],
			"anonymous": 1,
			"summary": "statistics benchmark change",
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	return doc.name


def end_to_end():
	"""A committed change of the current years, refreshed by a live worker: how long until readers
	get the new figures, and how long the worker's job took."""
	from frappe.utils.background_jobs import get_job, get_workers

	from student_advice.policy import periods
	from student_advice.statistics import cache, contacts
	from student_advice.statistics.settings import statistics_settings, today

	if not get_workers():
		print("end to end: skipped, no RQ worker serves this bench (start one with `bench worker`)")
		return None
	settings = statistics_settings()
	start_year = periods.start_year_of(today(), settings["start_month"])
	label = periods.year_label(start_year, settings["start_month"])
	previous = periods.year_label(start_year - 1, settings["start_month"])
	calendar = cache._calendar(previous, settings)
	shape = cache._shape_key(previous, settings, calendar)
	name = commit_a_change({"academic_year": previous})
	committed = time.perf_counter()
	fingerprint = contacts.data_fingerprint()
	while time.perf_counter() - committed < 120:
		latest = frappe.cache.get_value(cache.LATEST + shape, expires=True)
		if latest and latest[0] == fingerprint:
			break
		time.sleep(0.05)
	else:
		print("end to end: the worker did not refresh the year within 120 s")
		return name
	waited = time.perf_counter() - committed
	job = get_job(f"student_advice_statistics_refresh:{frappe.local.site}:current")
	took = (job.ended_at - job.started_at).total_seconds() if job and job.ended_at else float("nan")
	print(
		f"end to end: a committed change of {previous} reached every reader after {waited:.2f}s "
		f"(the worker's refresh of {label} and {previous} took {took:.2f}s)"
	)
	return name


def main():
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", default="student-advice-bench.localhost")
	parser.add_argument("--reseed", action="store_true")
	parser.add_argument("--repeat", type=int, default=7)
	args = parser.parse_args()
	if args.site in ("student-advice-test.localhost", "student-advice-http.localhost"):
		sys.exit("use a dedicated benchmark site, never a test site")
	frappe.init(site=args.site, sites_path=os.getcwd())
	frappe.connect()
	added = []
	try:
		frappe.set_user("Administrator")
		if args.reseed or frappe.db.count("Case") < N_CASES:
			seed(random.Random(2026))
		user = viewer()
		frappe.db.set_value("Report", REPORT, "prepared_report", 0, update_modified=False)
		frappe.db.commit()
		print(
			f"site {args.site}: {frappe.db.count('Case')} cases, {frappe.db.count('Enquiry')} enquiries, "
			f"{frappe.db.count('Advice Student')} students"
		)
		from frappe.desk.query_report import run

		from student_advice.statistics import cache

		header = (
			f"{'view':44} {'plain':>8} {'first':>8} {'warm':>8} {'changed':>8} {'refresh':>8}"
			f" {'first/p':>8} {'warm/p':>7} {'chg/p':>7}"
		)
		print(header)
		print("-" * len(header))
		waits = []
		for filters in VIEWS:
			first, last = bucket_bounds(filters)
			frappe.set_user(user)

			def report(f=filters):
				return run(REPORT, filters=json.dumps(f))

			plain = timed(lambda f=filters, a=first, b=last: plain_query(f, a, b), args.repeat)
			clear_statistics_caches()
			cold = timed(report, 1)
			warm = timed(report, args.repeat)
			added.append(commit_a_change(filters))
			frappe.set_user(user)
			changed = timed(report, args.repeat)
			frappe.set_user("Administrator")
			refreshed = timed(lambda f=filters: cache.refresh(f["academic_year"]), 1)
			frappe.set_user(user)
			if not report()["result"]:
				sys.exit("the report returned nothing")
			label = " ".join(str(v) for v in filters.values())
			print(
				f"{label[:44]:44} {plain * 1000:7.1f}ms {cold * 1000:7.0f}ms {warm * 1000:7.1f}ms "
				f"{changed * 1000:7.1f}ms {refreshed * 1000:7.0f}ms {cold / plain:7.1f}x "
				f"{warm / plain:6.2f}x {changed / plain:6.2f}x",
				flush=True,
			)
			waits += [warm / plain, changed / plain]
			if frappe.db.get_value("Report", REPORT, "prepared_report"):
				sys.exit("Frappe turned the report into a prepared report: the timings above are void")
		print(
			f"what a reader waits for (warm, changed) / plain: median {statistics.median(waits):.2f}x, "
			f"worst {max(waits):.2f}x (goal <= 1.5x)"
		)
		frappe.set_user("Administrator")
		added.append(end_to_end())
	finally:
		frappe.db.rollback()
		frappe.set_user("Administrator")
		for name in filter(None, added):  # leave the seeded data as it was
			frappe.db.delete("Enquiry", {"name": name})
		frappe.db.commit()
		frappe.destroy()


if __name__ == "__main__":
	main()
