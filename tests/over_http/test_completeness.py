"""The completeness gate: every whitelisted function of every installed app is classified.

A Frappe upgrade or a new app method adds endpoints; this test fails until each one is
looked at and put in tests/over_http/catalogue.py, and checks that each class's claim is
one the code can back: probed methods have probes, gated ones take a DocType argument,
referenced ones are known to the gate, controller methods belong to a class.
"""

import importlib
import inspect
import pkgutil

import frappe
import pytest

from student_advice.confidentiality import references
from tests.over_http.catalogue import CATALOGUE
from tests.over_http.probes import BY_NAME, NAMING

CLASSES = {"probed", "gated", "referenced", "controller", "admin", "harmless", "own", "account", "residual",
           "app", "test_only"}  # fmt: skip
DOCTYPE_PARAMETERS = {"doctype", "dt", "reference_doctype", "ref_doctype", "parent", "parenttype", "document_type",
                      "reference_type", "link_doctype", "doctypes", "doc", "docs", "args", "filters", "doc_type",
                      "reference_dt", "parent_doctype", "child_type", "_doctype", "links",
                      "reminder_doctype"}  # fmt: skip


@pytest.fixture(scope="module")
def whitelisted(site):
	"""Import every module of every installed app (an import error fails the gate), then read the whitelist.

	Only test modules (test_*.py) are left out: they need test-only packages and serve no route.
	"""
	failures = []
	for app in frappe.get_installed_apps():
		package = importlib.import_module(app)
		for module in pkgutil.walk_packages(package.__path__, app + "."):
			if module.name.rsplit(".", 1)[-1].startswith("test_"):
				continue  # test modules need test-only packages and serve no route
			try:
				importlib.import_module(module.name)
			except Exception as error:
				failures.append(f"{module.name}: {error!r}"[:200])
	assert not failures, "modules that do not import:\n" + "\n".join(failures)
	return {f"{fn.__module__}.{fn.__qualname__}": fn for fn in frappe.whitelisted}


def test_every_whitelisted_function_is_classified(whitelisted):
	missing = sorted(set(whitelisted) - set(CATALOGUE))
	stale = sorted(set(CATALOGUE) - set(whitelisted))
	assert not missing, "classify these in tests/over_http/catalogue.py:\n" + "\n".join(missing)
	assert not stale, "no longer whitelisted, remove from the catalogue:\n" + "\n".join(stale)


def test_every_class_claim_holds(whitelisted):
	probe_ids = {p.id.split("[")[0] for p in NAMING + BY_NAME}
	wrong = []
	for key, (kind, reason) in CATALOGUE.items():
		fn = whitelisted.get(key)
		if fn is None:
			continue
		parameters = set(inspect.signature(fn).parameters)
		ok = {
			"probed": key in probe_ids,
			"gated": bool(parameters & DOCTYPE_PARAMETERS) or "form `doctype`" in reason,
			"referenced": key in references.NAMED_ARGUMENTS
			or key in references.DISPATCHERS
			or "fid" in reason
			or "file_url" in reason,
			"controller": "." in fn.__qualname__,
		}.get(kind, kind in CLASSES)
		if not ok or not reason.strip():
			wrong.append(f"{key}: {kind}")
	assert not wrong, "claims the code does not back:\n" + "\n".join(wrong)


def test_the_app_overrides_are_in_place():
	overrides = frappe.get_hooks("override_whitelisted_methods")
	for method in (
		"frappe.client.get_count",
		"frappe.desk.search.search_link",
		"frappe.desk.search.search_widget",
	):
		assert overrides.get(method), f"{method} lost its override"
	assert "student_advice.confidentiality.gate.guard_request" in frappe.get_hooks("auth_hooks")


def test_counts():
	"""Printed for the closing note: how many functions, and how many of each class."""
	from collections import Counter

	counts = Counter(kind for kind, _ in CATALOGUE.values())
	print(
		f"\nwhitelisted functions classified: {len(CATALOGUE)}; "
		+ ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
	)
	assert sum(counts.values()) == len(CATALOGUE)


def test_every_url_rule_is_known_to_the_gate_parser(site):
	"""A URL rule Frappe or an app adds (a v3 API, a new alias) must be read by the parser first (issue 11)."""
	from frappe.api import API_URL_MAP

	from student_advice.confidentiality import request_parser

	unknown = []
	for rule in API_URL_MAP.iter_rules():
		key = request_parser.endpoint_key(rule.endpoint)
		mount = rule.rule.split("/method/")[0].split("/resource/")[0].split("/document/")[0]
		mount = mount.split("/doctype/")[0]
		if key not in request_parser.KNOWN_API_ENDPOINTS or mount not in request_parser.KNOWN_API_MOUNTS:
			unknown.append(f"{rule.rule} -> {key}")
	assert not unknown, "teach confidentiality/request_parser.py these rules:\n" + "\n".join(unknown)
	stale = set(request_parser.KNOWN_API_ENDPOINTS) - {
		request_parser.endpoint_key(r.endpoint) for r in API_URL_MAP.iter_rules()
	}
	assert not stale, f"no longer in Frappe's map: {sorted(stale)}"
	routes = {r.get("from_route") for r in frappe.get_hooks("website_route_rules") or []}
	assert routes <= request_parser.KNOWN_WEBSITE_ROUTE_RULES, f"unknown website routes: {routes}"


def test_the_parser_sees_every_api_alias(site):
	"""The same resource read through each mount names the same DocType (issue 11, leaks 1 and 2)."""
	from werkzeug.test import EnvironBuilder

	from student_advice.confidentiality import request_parser

	for path in ("/api/resource/Case/x", "/api/v1/resource/Case/x", "/api/v2/document/Case/x"):
		request = EnvironBuilder(path=path, method="GET").get_request()
		assert "Case" in request_parser.parse(request, frappe._dict()).shape.doctypes, path
	for path in ("/api/method/frappe.client.get", "/api/v1/method/frappe.client.get"):
		request = EnvironBuilder(path=path, method="GET").get_request()
		parsed = request_parser.parse(request, frappe._dict(doctype="Case"))
		assert parsed.method == "frappe.client.get" and "Case" in parsed.shape.doctypes
	request = EnvironBuilder(path="/api/v3/resource/Case/x", method="GET").get_request()
	assert request_parser.parse(request, frappe._dict()).unreadable
	request = EnvironBuilder(
		path="/api/resource/Reminder",
		method="POST",
		data='{"reminder_doctype": "Case"}',
		content_type="text/plain",
	).get_request()
	assert "Case" in request_parser.parse(request, frappe._dict()).shape.doctypes
