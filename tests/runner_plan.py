"""What the test command does to a bench before the integration tiers, decided from what it found.

Pure (no Frappe, no database, no files): tests/run.py gathers the findings, this module plans,
tests/unit/test_runner_plan.py checks every decision.
"""

import re
from dataclasses import dataclass, field

# What the runner found of a test site.
MISSING = "missing"  # no folder: create it
UNOPENABLE = "unopenable"  # a folder whose database cannot be opened (an interrupted new-site)
READY = "ready"  # its database opens

# What the plan does with a test site.
CREATE = "create"
RECREATE = "recreate"  # drop what is left of it, then create it
KEEP = "keep"  # migrate it

ROOT_VARIABLES = "FRAPPE_DB_ROOT_USER / FRAPPE_DB_ROOT_PASSWORD"


@dataclass(frozen=True)
class Findings:
	assets_built: bool  # <bench>/sites/assets/assets.json exists
	apps_with_bundles: tuple[str, ...]  # apps under test whose public/ holds *.bundle.* files
	root_user: str
	db_host: str
	db_port: int
	root_error: str | None  # None: the root login worked
	sites: dict[str, str] = field(default_factory=dict)  # site -> MISSING / UNOPENABLE / READY
	fresh_sites: tuple[str, ...] = ()  # sites every run makes afresh whatever state they are in


@dataclass(frozen=True)
class Plan:
	stop: str | None = None  # one line saying what to set; nothing else is done
	build: tuple[str, ...] = ()  # apps to `bench build --app` in this order
	sites: dict[str, str] = field(default_factory=dict)  # site -> CREATE / RECREATE / KEEP
	notes: tuple[str, ...] = ()  # what the runner says before it acts


def plan(found: Findings) -> Plan:
	if found.root_error is not None:
		return Plan(
			stop=(
				f"Cannot log in to the database as {found.root_user!r} at {found.db_host}:{found.db_port}"
				f" ({found.root_error}): set {ROOT_VARIABLES} to a MariaDB user that may create"
				" databases and users."
			)
		)
	build: tuple[str, ...] = ()
	notes = []
	if not found.assets_built:
		build = ("frappe", *(app for app in found.apps_with_bundles if app != "frappe"))
		notes.append(
			f"building assets ({', '.join(build)}): the bench has none (no sites/assets/assets.json),"
			" and print views and emails need them"
		)
	sites = {}
	for site, state in found.sites.items():
		if site in found.fresh_sites:
			sites[site] = CREATE if state == MISSING else RECREATE
		elif state == UNOPENABLE:
			sites[site] = RECREATE
			notes.append(
				f"{site}: its folder exists but its database cannot be opened: dropping and recreating it"
			)
		elif state == MISSING:
			sites[site] = CREATE
			notes.append(f"{site}: creating it")
		else:
			sites[site] = KEEP
	return Plan(build=build, sites=sites, notes=tuple(notes))


def plain_site_action(planned: str, app_installed: bool) -> str:
	"""The site without the app (the HTTP tier's control): a kept site on which the app was installed
	since is no control any more, so it is made again without it."""
	if planned == KEEP and app_installed:
		return RECREATE
	return planned


# pytest's exit status when it collected nothing, and what a tier says then under -k.
NO_TESTS_COLLECTED = 5
NOTHING_MATCHED = "no test of this tier matches -k"


def tier_outcome(returncode: int, summary: str, selected: bool) -> tuple[bool, str]:
	"""(passed, summary) of one pytest tier. A tier that ran nothing has not passed, except under -k,
	where a tier none of whose tests match is expected; runs_something() then fails a -k that matches
	nothing anywhere."""
	if returncode == NO_TESTS_COLLECTED and selected:
		return True, NOTHING_MATCHED
	return returncode == 0, summary


def runs_something(summaries) -> bool:
	return any(summary != NOTHING_MATCHED for summary in summaries)


# --- Frappe's own test modules, with the app and without (run.py --frappe-tests) ---------------

FRAPPE_TEST_MODULES = (
	"frappe.tests.test_permissions",
	"frappe.tests.test_client",
	"frappe.tests.test_db_query",
	"frappe.tests.test_search",
	"frappe.tests.test_assign",
	"frappe.tests.test_listview",
	"frappe.tests.test_reportview",
	"frappe.tests.test_api",
	"frappe.tests.test_global_search",
)
PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"
# unittest's verbose header of a test (Frappe's runner prints its messages and timings after it)
_HEADER = re.compile(r"^(test\w*) \(([\w.]+)\)(.*)$", re.MULTILINE)
# the summary unittest prints for every failure and error, setUpClass and import errors included
_FAILURE = re.compile(r"^(?:FAIL|ERROR): (\w+) \(([\w.]+)\)", re.MULTILINE)


def _test_id(name: str, where: str) -> str:
	return where if where.endswith("." + name) else f"{where}.{name}"


def outcomes_of(output: str) -> dict[str, str]:
	"""unittest's verbose output as {test id: outcome}: every test announced (`test_x (module.Class.test_x)
	...`) passed unless the summary lists it under FAIL or ERROR or it was skipped; a class or module
	that failed before its tests ran appears by its setUpClass or loader id."""
	outcomes = {}
	for name, where, rest in _HEADER.findall(output or ""):
		test_id = _test_id(name, where)
		if "... skipped" in rest:
			outcomes[test_id] = SKIPPED
		else:
			outcomes.setdefault(test_id, PASSED)
	for name, where in _FAILURE.findall(output or ""):
		outcomes[_test_id(name, where)] = FAILED
	return outcomes


@dataclass(frozen=True)
class Comparison:
	with_app: dict[str, int]  # outcome -> count
	without_app: dict[str, int]
	regressions: tuple[str, ...]  # pass without the app, fail (or vanish) with it
	fixed: tuple[str, ...]  # fail without the app, pass with it
	same_failures: tuple[str, ...]  # fail both ways (Frappe's own, or the bench's)


def compare(with_app: dict[str, str], without_app: dict[str, str]) -> Comparison:
	def counts(outcomes):
		return {k: sum(1 for v in outcomes.values() if v == k) for k in (PASSED, FAILED, SKIPPED)}

	regressions = sorted(t for t, o in without_app.items() if o == PASSED and with_app.get(t) != PASSED)
	fixed = sorted(t for t, o in without_app.items() if o == FAILED and with_app.get(t) == PASSED)
	same = sorted(t for t, o in without_app.items() if o == FAILED and with_app.get(t) == FAILED)
	return Comparison(counts(with_app), counts(without_app), tuple(regressions), tuple(fixed), tuple(same))
