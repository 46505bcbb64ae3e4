"""The test command's decisions about a bench, from what it found (tests/runner_plan.py)."""

import dataclasses

from tests import runner_plan as rp

TEST, HTTP = "student-advice-test.localhost", "student-advice-http.localhost"


def found(**changes) -> rp.Findings:
	usual = rp.Findings(
		assets_built=True,
		apps_with_bundles=(),
		root_user="root",
		db_host="127.0.0.1",
		db_port=3306,
		root_error=None,
		sites={TEST: rp.READY, HTTP: rp.READY},
		fresh_sites=(HTTP,),
	)
	return dataclasses.replace(usual, **changes)


def test_a_ready_bench_keeps_its_test_site_builds_nothing_and_remakes_the_http_site():
	plan = rp.plan(found())
	assert plan.stop is None
	assert plan.build == ()
	assert plan.sites == {TEST: rp.KEEP, HTTP: rp.RECREATE}
	assert plan.notes == ()


def test_a_bench_without_built_assets_builds_frappe_and_says_so():
	plan = rp.plan(found(assets_built=False))
	assert plan.build == ("frappe",)
	assert any("assets.json" in note and "frappe" in note for note in plan.notes)


def test_the_app_is_built_after_frappe_when_it_has_bundles():
	assert rp.plan(found(assets_built=False, apps_with_bundles=("student_advice",))).build == (
		"frappe",
		"student_advice",
	)
	# built assets are not rebuilt, bundles or not
	assert rp.plan(found(apps_with_bundles=("student_advice",))).build == ()


def test_a_site_folder_whose_database_cannot_be_opened_is_dropped_and_recreated():
	plan = rp.plan(found(sites={TEST: rp.UNOPENABLE, HTTP: rp.UNOPENABLE}))
	assert plan.sites == {TEST: rp.RECREATE, HTTP: rp.RECREATE}
	assert any(TEST in note and "dropping and recreating" in note for note in plan.notes)


def test_missing_sites_are_created():
	plan = rp.plan(found(sites={TEST: rp.MISSING, HTTP: rp.MISSING}))
	assert plan.sites == {TEST: rp.CREATE, HTTP: rp.CREATE}


def test_a_failed_root_login_stops_with_one_line_naming_user_host_and_variables():
	plan = rp.plan(
		found(root_error="Access denied for user 'root'@'localhost'", assets_built=False, root_user="root")
	)
	assert plan.stop is not None
	assert "\n" not in plan.stop
	for word in ("'root'", "127.0.0.1:3306", "FRAPPE_DB_ROOT_USER", "FRAPPE_DB_ROOT_PASSWORD"):
		assert word in plan.stop
	# nothing else is done: no build, no site touched
	assert plan.build == () and plan.sites == {}


PLAIN = "student-advice-plain.localhost"


def test_the_site_without_the_app_is_reused_when_it_opens_and_made_when_missing_or_unopenable():
	sites = {TEST: rp.READY, HTTP: rp.READY, PLAIN: rp.READY}
	assert rp.plan(found(sites=sites)).sites[PLAIN] == rp.KEEP  # kept (and migrated), not made afresh
	assert rp.plan(found(sites={**sites, PLAIN: rp.MISSING})).sites[PLAIN] == rp.CREATE
	assert rp.plan(found(sites={**sites, PLAIN: rp.UNOPENABLE})).sites[PLAIN] == rp.RECREATE


def test_a_kept_site_without_the_app_is_remade_when_the_app_was_installed_on_it():
	assert rp.plain_site_action(rp.KEEP, app_installed=False) == rp.KEEP
	assert rp.plain_site_action(rp.KEEP, app_installed=True) == rp.RECREATE
	assert rp.plain_site_action(rp.CREATE, app_installed=False) == rp.CREATE
	assert rp.plain_site_action(rp.RECREATE, app_installed=True) == rp.RECREATE


def test_a_tier_that_ran_nothing_fails_unless_k_selected_tests_of_another_tier():
	assert rp.tier_outcome(0, "3 passed", selected=False) == (True, "3 passed")
	assert rp.tier_outcome(1, "1 failed", selected=True) == (False, "1 failed")
	assert rp.tier_outcome(5, "no tests ran", selected=False) == (False, "no tests ran")
	assert rp.tier_outcome(5, "12 deselected", selected=True) == (True, rp.NOTHING_MATCHED)
	assert rp.runs_something((rp.NOTHING_MATCHED, "3 passed"))
	assert not rp.runs_something((rp.NOTHING_MATCHED, rp.NOTHING_MATCHED))


# --- Frappe's own test modules with and without the app (run.py --frappe-tests) ----------------

VERBOSE = """\
test_get_list (frappe.tests.test_client.TestClient.test_get_list) ... ok
test_assign (frappe.tests.test_client.TestClient.test_assign) ... Message: Please setup default Email Account
Message: Please setup default Email Account

test_assign (frappe.tests.test_client.TestClient.test_assign) (2.81s)
ok
test_delete_doc (frappe.tests.test_client.TestClient.test_delete_doc)
Delete a document through the client. ... Message: not permitted
FAIL
test_search (frappe.tests.test_search.TestSearch.test_search) ... ERROR
test_old (frappe.tests.test_search.TestSearch.test_old) ... skipped 'not on this db'

======================================================================
FAIL: test_delete_doc (frappe.tests.test_client.TestClient.test_delete_doc)
----------------------------------------------------------------------
ERROR: test_search (frappe.tests.test_search.TestSearch.test_search)
----------------------------------------------------------------------
ERROR: setUpClass (frappe.tests.test_api.TestReadOnlyMode)
----------------------------------------------------------------------
Ran 5 tests in 3.2s
"""


def test_verbose_unittest_lines_are_read():
	assert rp.outcomes_of(VERBOSE) == {
		"frappe.tests.test_client.TestClient.test_get_list": "passed",
		"frappe.tests.test_client.TestClient.test_assign": "passed",
		"frappe.tests.test_client.TestClient.test_delete_doc": "failed",
		"frappe.tests.test_search.TestSearch.test_search": "failed",
		"frappe.tests.test_search.TestSearch.test_old": "skipped",
		"frappe.tests.test_api.TestReadOnlyMode.setUpClass": "failed",
	}


def test_a_test_that_passes_only_without_the_app_is_a_regression():
	without = {"a": "passed", "b": "failed", "c": "passed", "d": "failed", "e": "passed"}
	with_app = {"a": "passed", "b": "failed", "c": "failed", "d": "passed"}  # e did not run at all
	result = rp.compare(with_app, without)
	assert result.regressions == ("c", "e")
	assert result.fixed == ("d",) and result.same_failures == ("b",)
	assert result.without_app == {"passed": 3, "failed": 2, "skipped": 0}
	assert rp.compare(without, without).regressions == ()
