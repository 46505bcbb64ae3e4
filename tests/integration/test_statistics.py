"""Anonymised statistics through Frappe's own reporting, as the statistics viewer, the manager
and officers (docs/decisions.md, decisions 10 and 20-24).

A population is seeded in a past academic year (2015-16) straight into the tables the
statistics read (bulk inserts, rolled back with each test): enough contacts for published
figures, a few rare combinations for suppression, converted and anonymous enquiries.
"""

import csv
import io
import json
import random
import time
import uuid
from datetime import date, datetime

import frappe
import pytest
from frappe.desk import query_report, reportview
from werkzeug.exceptions import Forbidden

from student_advice.confidentiality import gate
from student_advice.policy import registry
from student_advice.policy.mentions import DoctypeMatcher
from student_advice.policy.roles import MANAGER, OFFICER, STATISTICS_VIEWER
from student_advice.policy.suppression import SECONDARY_MARK
from student_advice.statistics import cache, contacts, widgets
from student_advice.statistics.settings import statistics_settings
from tests.factories import make_user, unique

YEAR = "2015-16"
REPORT = "Advice Statistics"
COLLEGES = ["Clare College", "Churchill College", "Christ's College"]
FACULTIES = ["Classics", "Divinity"]
CASEWORK = ["Case", "Enquiry", "Advice Student", "Case Entry"]


# ------------------------------------------------------------------ population
def _name():
	return uuid.uuid4().hex


def _bulk(doctype, rows):
	fields = sorted({k for row in rows for k in row})
	now = datetime(2016, 9, 30, 12, 0)
	base = {
		"creation": now,
		"modified": now,
		"owner": "Administrator",
		"modified_by": "Administrator",
		"docstatus": 0,
	}
	fields = sorted(set(fields) | set(base))
	frappe.db.bulk_insert(doctype, fields, [[{**base, **row}.get(f) for f in fields] for row in rows])


def seed_population(seed=7):
	"""~260 contacts in 2015-16 with a known rare combination; returns what was planted."""
	rnd = random.Random(seed)
	canary = unique("Canary")
	students = [
		{
			"name": _name(),
			"full_name": f"{canary} {i}",
			"email": f"{canary.lower()}-{i}@cam.example",
			"college": COLLEGES[i % 3],
			"faculty": FACULTIES[i % 2],
		}
		for i in range(90)
	]
	_bulk("Advice Student", students)
	cases, enquiries = [], []
	months = [(2015, 10), (2015, 11), (2015, 12), (2016, 1), (2016, 2), (2016, 3)]
	for i in range(150):
		student = students[i % 90]
		y, m = months[i % len(months)]
		closed = i % 3 == 0
		cases.append(
			{
				"name": _name(),
				"student": student["name"],
				"student_name": student["full_name"],
				"title": "case",
				"category": ["Housing", "Finance", "Academic"][i % 3],
				"status": "Closed" if closed else "Open",
				"opened_on": date(y, m, 1 + rnd.randrange(27)),
				"closed_on": date(y, m, 28) if closed else None,
				"outcome": "Advice given" if closed else None,
				"summary": f"{canary} summary {i}",
			}
		)
	for i in range(100):
		y, m = months[i % len(months)]
		anonymous = i % 4 == 0
		student = None if anonymous else students[(i * 7) % 90]
		enquiries.append(
			{
				"name": _name(),
				"received_on": datetime(y, m, 1 + rnd.randrange(27), 10, 30),
				"channel": ["Drop-in", "Email", "Phone", "Online"][i % 4],
				"category": ["Housing", "Finance"][i % 2],
				"anonymous": 1 if anonymous else 0,
				"student": student["name"] if student else None,
				"student_name": student["full_name"] if student else None,
				"college": None if student else None,
				"summary": f"{canary} enquiry {i}",
			}
		)
	# converted enquiries: the case carries the enquiry, the enquiry the case
	for i in range(12):
		enquiry, case = enquiries[i * 8 + 1], cases[i * 12]
		enquiry["advice_case"] = case["name"]
		enquiry["student"] = case["student"]
		case["enquiry"] = enquiry["name"]
	# the rare combination: two discrimination cases, one college and faculty, one month
	rare = []
	for _ in range(2):
		case = {
			"name": _name(),
			"student": students[0]["name"],
			"student_name": students[0]["full_name"],
			"title": "case",
			"category": "Discrimination and Harassment",
			"status": "Open",
			"opened_on": date(2015, 11, 17),
			"summary": f"{canary} rare",
		}
		cases.append(case)
		rare.append(case["name"])
	_bulk("Case", cases)
	_bulk("Enquiry", enquiries)
	return {
		"canary": canary,
		"cases": [c["name"] for c in cases],
		"students": [s["name"] for s in students],
		"rare": rare,
		"converted": [(e["name"], e["advice_case"], e["channel"]) for e in enquiries if e.get("advice_case")],
		"contacts": len(cases) + sum(1 for e in enquiries if not e.get("advice_case")),
	}


@pytest.fixture
def population():
	return seed_population()


@pytest.fixture(autouse=True)
def clean_settings_cache():
	frappe.clear_document_cache("Student Advice Settings", "Student Advice Settings")
	yield
	frappe.clear_document_cache("Student Advice Settings", "Student Advice Settings")


@pytest.fixture
def viewer():
	return make_user([STATISTICS_VIEWER])


@pytest.fixture
def manager():
	return make_user([OFFICER, MANAGER], officer_title="Advice Service Manager")


@pytest.fixture
def officer():
	return make_user([OFFICER], officer_title="Student Advisor")


def set_terms(**values):
	settings = frappe.get_doc("Student Advice Settings")
	settings.set(
		"statistics_terms",
		[
			{
				"term_name": "Michaelmas",
				"academic_year": YEAR,
				"starts_on": "2015-10-01",
				"ends_on": "2015-12-31",
			},
			{"term_name": "Lent", "academic_year": YEAR, "starts_on": "2016-01-01", "ends_on": "2016-03-31"},
			{
				"term_name": "Easter",
				"academic_year": YEAR,
				"starts_on": "2016-04-01",
				"ends_on": "2016-06-30",
			},
		],
	)
	settings.update(values)
	settings.save(ignore_permissions=True)
	frappe.clear_document_cache("Student Advice Settings", "Student Advice Settings")


# ------------------------------------------------------------------ the views a reader can ask for
DIMS = list(contacts.DIMENSIONS)


def all_views():
	"""Every period and a spread of row/column choices of the report."""
	views = []
	periods = [("academic_year", "")] + [("term", t) for t in ("Michaelmas 2015-16", "Lent 2015-16")]
	periods += [("month", m) for m in ("2015-10", "2015-11", "2016-03", "2016-08")]
	for period_type, period in periods:
		for rows in DIMS:
			for columns in [None, *[d for d in DIMS if d != rows]]:
				views.append(
					{
						"academic_year": YEAR,
						"period_type": period_type,
						"period": period,
						"rows": rows,
						"columns": columns,
					}
				)
	for period_type in ("term", "month"):
		for other in [None, *DIMS]:
			views.append(
				{"academic_year": YEAR, "period_type": period_type, "rows": "by_period", "columns": other}
			)
			if other:
				views.append(
					{"academic_year": YEAR, "period_type": period_type, "rows": other, "columns": "by_period"}
				)
	return views


def run(filters):
	return query_report.run(REPORT, filters=json.dumps(filters), ignore_prepared_report=True)


def cells(result):
	"""Every figure of a report result (the first column is the label)."""
	out = []
	for row in result["result"]:
		for column in result["columns"][1:]:
			out.append(row.get(column["fieldname"]))
	return out


def assert_safe_value(value, threshold=5, rounded=True):
	if isinstance(value, str):
		assert value in (f"<{threshold}", SECONDARY_MARK), value
		return
	assert isinstance(value, int), value
	assert value == 0 or value >= threshold, value
	if rounded:
		assert value % 5 == 0, value


# ------------------------------------------------------------------ the viewer's statistics
def test_viewer_runs_every_view_and_sees_only_safe_figures(population, viewer):
	set_terms()
	frappe.set_user(viewer)
	seen = 0
	for filters in all_views():
		result = run(filters)
		assert not result.get("prepared_report")
		for value in cells(result):
			assert_safe_value(value)
			seen += 1
		text = json.dumps(result, default=str)
		assert population["canary"] not in text
		assert not any(name in text for name in population["cases"][:20] + population["students"][:20])
	assert seen > 1000


def test_rare_combination_is_suppressed_and_protected(population, viewer):
	set_terms()
	frappe.set_user(viewer)
	result = run(
		{
			"academic_year": YEAR,
			"period_type": "month",
			"period": "2015-11",
			"rows": "by_category",
			"columns": "by_college",
		}
	)
	rows = {row["label"]: row for row in result["result"]}
	rare = rows["Discrimination and Harassment"]
	clare = next(c["fieldname"] for c in result["columns"] if c["label"] == "Clare College")
	assert rare[clare] == "<5"
	assert rare["total"] in ("<5", SECONDARY_MARK)
	# the row of the small cell and its column each hold another withheld figure
	row_hidden = [v for k, v in rare.items() if k != "label" and isinstance(v, str)]
	assert len(row_hidden) >= 2
	column = [row[clare] for row in result["result"]]
	assert sum(isinstance(v, str) for v in column) >= 2
	# the same figure in the year's 1-D table, in the month's column totals and by period
	year = run({"academic_year": YEAR, "rows": "by_category"})
	year_rows = {row["label"]: row["total"] for row in year["result"]}
	assert year_rows["Discrimination and Harassment"] == "<5"
	by_month = run(
		{"academic_year": YEAR, "period_type": "month", "rows": "by_period", "columns": "by_category"}
	)
	november = next(row for row in by_month["result"] if row["label"].startswith("November"))
	field = next(c["fieldname"] for c in by_month["columns"] if c["label"] == "Discrimination and Harassment")
	assert november[field] == "<5"


def test_a_reader_cannot_ask_for_someone_elses_view(population, viewer):
	"""query_report.run takes a client-supplied user; the figures never depend on it."""
	set_terms()
	frappe.set_user(viewer)
	filters = {"academic_year": YEAR, "rows": "by_college", "columns": "by_category"}
	mine = run(filters)["result"]
	as_admin = query_report.run(REPORT, filters=json.dumps(filters), user="Administrator")["result"]
	assert mine == as_admin


def test_figures_are_the_same_for_every_reader(population, viewer, manager, officer):
	"""Same suppression for all; a conflict of interest filters nothing; rounding is a setting."""
	set_terms(unrounded_for_viewers=0, round_for_service=1)
	views = all_views()[::7]
	results = {}
	for user in (viewer, manager, officer):
		frappe.set_user(user)
		if user == officer:  # a declared conflict with the rare student changes nothing
			frappe.local.student_advice_conflicts = {officer: frozenset(population["students"][:5])}
		results[user] = [run(v)["result"] for v in views]
	assert results[viewer] == results[manager] == results[officer]
	frappe.set_user("Administrator")
	set_terms(unrounded_for_viewers=0, round_for_service=0)
	frappe.set_user(manager)
	unrounded = [run(v)["result"] for v in views]
	frappe.set_user(viewer)
	rounded = [run(v)["result"] for v in views]
	for a, b in zip(unrounded, rounded, strict=True):
		for ra, rb in zip(a, b, strict=True):
			for key, value in ra.items():
				if isinstance(value, str) or key in ("label", "bold"):
					assert rb[key] == value  # the same figures are withheld for everyone
				else:
					assert rb[key] == (value + 2) // 5 * 5


def test_contacts_count_converted_enquiries_once_with_their_channel(population, manager):
	set_terms(round_for_service=0)
	frappe.set_user(manager)
	total = run({"academic_year": YEAR, "rows": "by_channel"})
	assert total["result"][-1]["total"] == population["contacts"]
	family, calendar = cache.year_family(YEAR)
	rows = contacts.contact_rows(calendar)
	converted_cases = {case for _, case, _ in population["converted"]}
	assert sum(r[-1] for r in rows if r[4] != contacts.ENQUIRY_ONLY) == len(population["cases"])
	channels = {r[5] for r in rows if r[4] != contacts.ENQUIRY_ONLY}
	assert {"Drop-in", "Email", "Phone", "Online"} & channels and contacts.NOT_RECORDED in channels
	assert len(converted_cases) == 12


def test_a_transaction_that_changed_the_data_is_never_shown_an_earlier_snapshot():
	"""The snapshot computed before a change stands in for readers only (policy/freshness.py):
	whoever made the change, in the same transaction, sees the figures of their own data."""
	from student_advice.policy import freshness

	assert frappe.db.transaction_writes == 0  # nothing written yet in this test (no fixture writes)
	cache.year_family(YEAR)  # a snapshot of the data as they are before this test's population
	settings = statistics_settings()
	shape = cache._shape_key(YEAR, settings, cache._calendar(YEAR, settings))
	latest = frappe.cache.get_value(cache.LATEST + shape, expires=True)
	assert latest, "the snapshot of committed data was not kept"
	# (as Administrator: this is the data path; the readers' rights are the other tests')
	population = seed_population()
	assert frappe.db.transaction_writes > 0
	frappe.cache.set_value(cache.CHANGED, time.time())  # as if someone had just committed a change
	try:
		assert frappe.cache.get_value(cache.LATEST + shape, expires=True) == latest
		assert frappe.cache.get_value(cache._snapshot_key(shape, latest[0]), expires=True) is not None
		family, _calendar = cache.year_family(YEAR)
		assert family.figure(family.year_bucket, ()).count == population["contacts"]
		assert latest[0] != contacts.data_fingerprint()  # the snapshot is of other data
		# positive control: without its own writes this reader would have been shown the snapshot
		changed_at = frappe.cache.get_value(cache.CHANGED, expires=True)
		assert changed_at is not None
		assert freshness.may_serve_earlier(
			read_at=latest[1], changed_at=changed_at, now=time.time(), own_writes=0
		)
	finally:
		frappe.cache.delete_value(cache.CHANGED)
		frappe.cache.delete_keys(cache.LATEST)


def test_a_site_wide_cache_clear_keeps_the_computed_statistics(population):
	"""Frappe clears the whole cache whenever a user is added: the statistics, keyed by all they
	depend on, stay (hooks.persistent_cache_keys), so the next reader does not compute the year."""
	cache.year_family(YEAR)
	settings = statistics_settings()
	shape = cache._shape_key(YEAR, settings, cache._calendar(YEAR, settings))
	key = cache._snapshot_key(shape, contacts.data_fingerprint())
	frappe.cache.set_value("student_advice_test:ordinary", 1, expires_in_sec=60)
	assert frappe.cache.get_value(key, expires=True) is not None
	frappe.clear_cache()
	assert frappe.cache.get_value("student_advice_test:ordinary", expires=True) is None  # it did clear
	assert frappe.cache.get_value(key, expires=True) is not None


def test_viewer_exports_csv_and_excel_with_only_safe_cells(population, viewer):
	set_terms()
	frappe.set_user(viewer)
	for file_format in ("CSV", "Excel"):
		for filters in [
			{"academic_year": YEAR, "rows": "by_category", "columns": "by_college"},
			{"academic_year": YEAR, "period_type": "month", "rows": "by_period", "columns": "by_outcome"},
			{
				"academic_year": YEAR,
				"period_type": "term",
				"period": "Michaelmas 2015-16",
				"rows": "by_faculty",
			},
		]:
			table = export(filters, file_format)
			header, body = table[0], table[1:]
			assert header[0] and len(body) >= 2
			for row in body:
				for value in row[1:]:
					if file_format == "CSV" and isinstance(value, str) and value.isdigit():
						value = int(value)
					assert_safe_value(value)
			flat = json.dumps(table, default=str)
			assert population["canary"] not in flat
			assert not any(name in flat for name in population["cases"] + population["students"][:30])


def export(filters, file_format):
	frappe.response.pop("filecontent", None)
	frappe.local.form_dict = frappe._dict(
		report_name=REPORT,
		filters=json.dumps(filters),
		file_format_type=file_format,
		visible_idx="[]",
		include_indentation=0,
		custom_columns="[]",
		applied_filters=json.dumps({"Rows": filters["rows"]}),
	)
	try:
		query_report.export_query()
	finally:
		frappe.local.form_dict = frappe._dict()
	content = frappe.response["filecontent"]
	assert frappe.response["type"] == "binary"
	if file_format == "CSV":
		return list(csv.reader(io.StringIO(content.decode("utf-8"))))
	from openpyxl import load_workbook

	sheet = load_workbook(io.BytesIO(content)).active
	return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_cards_and_charts_show_the_report_figures(population, viewer):
	set_terms()
	frappe.set_user(viewer)
	from student_advice.api import statistics as api

	year = run({"academic_year": YEAR, "rows": "by_category"})
	published = {r["label"]: r["total"] for r in year["result"][:-1] if not isinstance(r["total"], str)}
	chart = api.chart(filters=json.dumps({"rows": "by_category", "academic_year": YEAR}))
	assert dict(zip(chart["labels"], chart["datasets"][0]["values"], strict=True)) == published
	months = api.chart(filters={"rows": "by_period", "period_type": "month", "academic_year": YEAR})
	assert all(v == 0 or v >= 5 for v in months["datasets"][0]["values"])
	for figure in widgets.CARD_FIGURES:
		value = api.number_card(filters=json.dumps({"figure": figure}))
		if isinstance(value, dict):
			assert_safe_value(value["value"])
		else:
			assert value in ("<5", SECONDARY_MARK) or "term" in value.lower()
	options = api.period_options()
	assert YEAR in options["years"]
	assert options["terms"][YEAR] == [
		"Michaelmas 2015-16",
		"Lent 2015-16",
		"Easter 2015-16",
		"Out of term 2015-16",
	]


def test_statistics_workspace_shows_the_viewer_and_manager_cards_and_charts(viewer, manager, officer):
	from frappe.desk.desktop import get_desktop_page, get_workspace_sidebar_items

	page = json.dumps(
		{"name": "Student Advice Statistics", "title": "Student Advice Statistics", "public": 1}
	)
	for user in (viewer, manager):
		frappe.set_user(user)
		frappe.clear_cache(user=user)
		names = [p["name"] for p in get_workspace_sidebar_items()["pages"]]
		assert "Student Advice Statistics" in names
		desk = get_desktop_page(page)
		cards = [c.number_card_name for c in desk["number_cards"]["items"]]
		charts = [c.chart_name for c in desk["charts"]["items"]]
		assert "Contacts This Academic Year" in cards and len(cards) == 4
		assert "Contacts by Category" in charts and len(charts) == 4
		for name in cards:
			frappe.get_doc("Number Card", name).check_permission("read")
		for name in charts:
			frappe.get_doc("Dashboard Chart", name).check_permission("read")
	frappe.set_user(viewer)
	assert "Student Advice" not in [p["name"] for p in get_workspace_sidebar_items()["pages"]]
	frappe.set_user(officer)
	frappe.clear_cache(user=officer)
	assert "Student Advice Statistics" not in [p["name"] for p in get_workspace_sidebar_items()["pages"]]


def test_every_request_value_of_the_statistics_passes_the_gate():
	"""Filter keys and values never name a DocType of the app, so the viewer is not denied."""
	matcher = DoctypeMatcher(registry.SERVICE_DOCTYPES)
	for filters in all_views():
		assert not matcher.in_arguments({"report_name": REPORT, "filters": json.dumps(filters)})
	for doc in frappe.get_all(
		"Number Card",
		filters={"module": "Student Advice", "type": "Custom"},
		fields=["name", "filters_json", "method"],
	):
		if doc.method == "student_advice.api.statistics.number_card":
			assert not matcher.in_arguments({"name": doc.name, "filters": doc.filters_json})
	for doc in frappe.get_all(
		"Dashboard Chart", filters={"source": "Advice Statistics"}, fields=["name", "filters_json"]
	):
		assert not matcher.in_arguments({"chart_name": doc.name, "filters": doc.filters_json})
	assert not matcher.in_arguments({"page": json.dumps({"name": "Student Advice Statistics"})})


# ------------------------------------------------------------------ the viewer and casework
def test_viewer_gets_no_casework_record_nor_count(population, viewer):
	case = population["cases"][0]
	frappe.set_user(viewer)
	for doctype in CASEWORK:
		with pytest.raises(frappe.PermissionError):
			frappe.get_list(doctype, limit_page_length=1)
		with pytest.raises(frappe.PermissionError):
			frappe.client.get_list(doctype, limit_page_length=1)
		frappe.local.form_dict = frappe._dict(doctype=doctype, fields=json.dumps(["name"]))
		try:
			with pytest.raises(frappe.PermissionError):
				reportview.get_count()  # the report builder's count
			with pytest.raises(frappe.PermissionError):
				reportview.get()  # the report builder itself
		finally:
			frappe.local.form_dict = frappe._dict()
		assert not frappe.has_permission(doctype, "report")
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc("Case", case).check_permission("read")
	with pytest.raises(frappe.PermissionError):
		frappe.client.get("Case", case)


@pytest.mark.parametrize("doctype", CASEWORK)
def test_viewer_count_through_frappe_client_is_denied_at_the_gate(viewer, doctype):
	"""frappe.client.get_count checks no permission in Frappe v15: over HTTP the request gate
	answers before it runs. Replayed here with the request the desk would send."""
	frappe.set_user(viewer)
	request, form = getattr(frappe.local, "request", None), frappe.local.form_dict
	frappe.local.request = frappe._dict(path="/api/method/frappe.client.get_count")
	frappe.local.form_dict = frappe._dict(doctype=doctype, filters=json.dumps({"student": "x"}))
	try:
		with pytest.raises(Forbidden):
			gate.guard_request()
	finally:
		frappe.local.request, frappe.local.form_dict = request, form


@pytest.mark.parametrize("doctype", CASEWORK)
def test_viewer_count_through_the_whitelisted_get_count_is_refused(viewer, population, doctype):
	"""The method the desk calls for frappe.client.get_count, as frappe.handler resolves it."""
	overrides = frappe.get_hooks("override_whitelisted_methods") or {}
	method = (overrides.get("frappe.client.get_count") or ["frappe.client.get_count"])[-1]
	frappe.set_user(viewer)
	with pytest.raises(frappe.PermissionError):
		frappe.get_attr(method)(doctype=doctype, filters=json.dumps({}))


def test_a_committed_change_queues_one_background_refresh(officer):
	frappe.set_user(officer)
	frappe.local.student_advice_refresh_queued = False  # savepoint rollbacks of earlier tests keep it
	before = len(frappe.db.after_commit._functions)
	cache.note_change(frappe._dict(doctype="Case"))
	cache.note_change(frappe._dict(doctype="Enquiry"))  # one refresh per transaction
	cache.note_change(frappe._dict(doctype="ToDo"))  # not read by the statistics
	assert len(frappe.db.after_commit._functions) == before + 1
	frappe.db.after_commit._functions.pop()
	frappe.db.after_rollback._functions.pop()
	frappe.local.student_advice_refresh_queued = False


def test_every_statistics_source_is_watched_and_nothing_else():
	"""doc_events name the DocTypes the statistics read (no "*"), beside the row rule's own hooks."""
	events = frappe.get_hooks("doc_events")
	assert "*" not in events or "student_advice.statistics.cache.note_change" not in str(events["*"])
	for doctype in registry.STATISTICS_SOURCES:
		assert "student_advice.statistics.cache.note_change" in events[doctype]["on_change"], doctype
		assert "student_advice.statistics.cache.note_change" in events[doctype]["after_delete"], doctype
	assert "student_advice.confidentiality.permissions.recheck_after_validate" in events["Case"]["validate"]
	assert "student_advice.statistics.cache.note_change" not in str(events.get("ToDo"))


def test_a_refresh_queued_before_a_deploy_still_runs_and_the_key_covers_the_code():
	from student_advice import stats

	assert frappe.get_attr("student_advice.stats.refresh") is cache.refresh
	assert frappe.get_attr("student_advice.stats.note_change") is cache.note_change
	assert "student_advice.statistics.cache.refresh" in frappe.get_hooks("scheduler_events")["hourly"]
	covered = {f"{p.parent.name}/{p.name}" for p in cache._source_files()}
	for name in ("statistics/widgets.py", "statistics/filters.py", "suppression/family.py",
	             "suppression/witnesses.py", "suppression/__init__.py", "policy/periods.py"):  # fmt: skip
		assert name in covered, name
	assert stats.__doc__


def test_viewer_holds_only_statistics_rights():
	from frappe.permissions import get_role_permissions

	user = make_user([STATISTICS_VIEWER])
	frappe.set_user(user)
	rights = get_role_permissions(frappe.get_meta("Advice Statistic"), user)
	assert rights.get("read") and rights.get("report") and rights.get("export") and rights.get("print")
	assert not rights.get("write") and not rights.get("create") and not rights.get("share")
	for doctype in registry.SERVICE_DOCTYPES:
		if not frappe.db.exists("DocType", doctype) or frappe.get_meta(doctype).istable:
			continue
		assert not frappe.has_permission(doctype, "read"), doctype
	report = frappe.get_doc("Report", REPORT)
	assert report.report_type == "Script Report" and report.ref_doctype == "Advice Statistic"
	assert not report.prepared_report and not report.add_total_row
	assert report.is_permitted()


@pytest.mark.parametrize("persona", ["officer", "manager"])
def test_report_builder_on_cases_still_works_for_the_service(population, persona, request):
	frappe.set_user(request.getfixturevalue(persona))
	frappe.local.form_dict = frappe._dict(
		doctype="Case",
		fields=json.dumps(["`tabCase`.`name`", "`tabCase`.`category`"]),
		filters=json.dumps([["Case", "name", "in", population["rare"]]]),
		page_length=20,
	)
	try:
		result = reportview.get()
		count = reportview.get_count()
	finally:
		frappe.local.form_dict = frappe._dict()
	assert sorted(row[0] for row in result["values"]) == sorted(population["rare"])
	assert count == 2


def test_outsiders_get_no_statistics(population):
	from student_advice.api import statistics as api

	for roles in ([], ["System Manager"]):
		frappe.set_user(make_user(roles))
		with pytest.raises(frappe.PermissionError):
			run({"academic_year": YEAR, "rows": "by_category"})
		for call in (
			lambda: api.number_card(filters={"figure": "year_total"}),
			lambda: api.chart(filters={"rows": "by_category"}),
			lambda: api.period_options(),
		):
			with pytest.raises(frappe.PermissionError):
				call()


def test_bad_filters_are_refused_with_a_message(viewer):
	frappe.set_user(viewer)
	for filters, message in [
		({"rows": "College"}, "Choose the statistics"),
		({"rows": "by_college", "columns": "by_college"}, "Choose the statistics"),
		({"academic_year": "2015/16", "rows": "by_college"}, "Choose an academic year"),
		(
			{"academic_year": YEAR, "period_type": "month", "period": "2015-13", "rows": "by_college"},
			"Choose an academic year",
		),
		(
			{"academic_year": YEAR, "period_type": "academic_year", "rows": "by_period"},
			"Choose the statistics",
		),
		({"academic_year": YEAR, "period_type": "fortnight", "rows": "by_college"}, "Choose the statistics"),
	]:
		with pytest.raises(frappe.ValidationError, match=message):
			run(filters)


def test_a_term_or_month_not_yet_chosen_is_asked_for_not_refused(viewer):
	"""The desk runs the report as soon as "Term" is picked, before the term itself."""
	frappe.set_user(viewer)
	for period_type in ("term", "month"):
		result = run({"academic_year": YEAR, "period_type": period_type, "period": "", "rows": "by_college"})
		assert result["result"] == []
		assert result["message"] == "Choose the term or the month to show."
	with pytest.raises(frappe.ValidationError, match="Choose the term or the month"):
		widgets.chart_data({"academic_year": YEAR, "period_type": "term", "rows": "by_college"})


# ------------------------------------------------------------------ settings
def test_terms_must_be_whole_months_and_nothing_is_saved_otherwise():
	set_terms()
	before = frappe.get_all("Statistics Term", fields=["term_name", "starts_on", "ends_on"], order_by="idx")
	settings = frappe.get_doc("Student Advice Settings")
	settings.statistics_terms[0].ends_on = "2015-12-19"
	with pytest.raises(frappe.ValidationError, match="whole months"):
		settings.save(ignore_permissions=True)
	frappe.clear_document_cache("Student Advice Settings", "Student Advice Settings")
	assert (
		frappe.get_all("Statistics Term", fields=["term_name", "starts_on", "ends_on"], order_by="idx")
		== before
	)
	settings = frappe.get_doc("Student Advice Settings")
	settings.append(
		"statistics_terms",
		{"term_name": "Extra", "academic_year": YEAR, "starts_on": "2015-12-01", "ends_on": "2016-01-31"},
	)
	with pytest.raises(frappe.ValidationError, match="cannot overlap"):
		settings.save(ignore_permissions=True)
	assert len(frappe.get_all("Statistics Term")) == len(before)
