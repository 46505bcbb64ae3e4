"""The leak matrix: every persona against every probed route, for records that exist and that do not.

Outsiders (everyone without an advice role) must get, from every route that names a service
DocType, the one uniform denial, byte for byte, whether or not the record exists; from routes
that carry only a name, a file or a text, identical answers for existing and missing and no
canary. A denied write changes nothing. Officers get the records (positive control), so a
"nothing leaked" result cannot come from a route that returns nothing to anyone.
"""

import json
import re

import frappe
import pytest

from student_advice.confidentiality.gate import DENIAL_BODY
from student_advice.policy.registry import SIDE_TABLES, STUDENT_RECORDS
from tests.over_http.conftest import OUTSIDERS, missing_name
from tests.over_http.probes import BY_NAME, NAMING

STUDENT_DOCTYPES = sorted(STUDENT_RECORDS)
VOLATILE = re.compile(r"__frappe_exc_id[\\\"': ]+[0-9a-f]{16,}")


def send(client, method, path, data):
	if method == "GET":
		return client.get(path, params=data)
	if method == "TEXT":  # a JSON body labelled text/plain: Frappe's v1 create reads it anyway
		return client.post(path, data=json.dumps(data), headers={"Content-Type": "text/plain"})
	if method == "FILE":
		return client.post(path, data=data, files={"file": ("probe.txt", b"probe", "text/plain")})
	return client.post(path, data=data)


def context(world, users, persona, doctype):
	assert doctype in world["records"], (
		f"no record of {doctype} in the matrix: add a builder in tests/over_http/world.py"
	)
	return {
		"canary": world["canary"],
		"tag": world["tag"],
		"file_name": world["file_name"],
		"file_url": world["file_url"],
		"existing": world["records"][doctype],
		"user": users.get(persona),
		"officer": users["officer"],
		"bystander": users["bystander"],
	}


def answer(client, probe, doctype, name, ctx):
	method, path, data = probe.build(doctype, name, ctx)
	response = send(client, method, path, data)
	# The name sent is echoed by some errors, and every error carries a random id: blank both.
	text = response.text.replace(name, "<name>")
	for user in (ctx["officer"], ctx["bystander"]):  # probes that compare two users echo them
		text = text.replace(user, "<user>")
	text = VOLATILE.sub("<volatile>", text)
	return response.status_code, text


def side_effects(case_name):
	"""Row counts of every side table pointing at the case, and the case's own social columns. The
	access audit's own row of a refused attempt (decision 35) is the one trace a refusal leaves."""
	frappe.db.rollback()  # see what the served site has committed
	counts = {
		side: frappe.db.count(side, {fields[1]: case_name})
		for side, fields in SIDE_TABLES.items()
		if fields[1]
	}
	counts["Access Log"] = frappe.db.count(
		"Access Log", {"reference_document": case_name, "method": ("!=", "Refused")}
	)
	counts["case"] = frappe.db.get_value(
		"Case", case_name, ["_liked_by", "_assign", "_user_tags", "_comments", "modified"], as_dict=True
	)
	return counts


def refused_attempts(user) -> int:
	frappe.db.rollback()
	return frappe.db.count("Access Log", {"method": "Refused", "user": user or "Guest"})


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize("doctype", STUDENT_DOCTYPES)
@pytest.mark.parametrize("probe", NAMING, ids=lambda p: p.id)
def test_outsiders_meet_the_uniform_denial(clients, users, world, persona, doctype, probe):
	ctx = context(world, users, persona, doctype)
	before = side_effects(world["records"]["Case"]) if probe.writes else None
	refused_before = refused_attempts(users.get(persona)) if probe.writes else None
	existing = answer(clients[persona], probe, doctype, ctx["existing"], ctx)
	missing = answer(clients[persona], probe, doctype, missing_name(), ctx)
	assert world["canary"] not in existing[1]
	assert existing == missing == (403, DENIAL_BODY)
	if probe.writes:
		assert side_effects(world["records"]["Case"]) == before
		assert refused_attempts(users.get(persona)) > refused_before  # the attempts are in the audit


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize("probe", BY_NAME, ids=lambda p: p.id)
def test_outsiders_cannot_tell_existing_from_missing_by_name(clients, users, world, persona, probe):
	for doctype in world["records"]:
		ctx = context(world, users, persona, doctype)
		existing = answer(clients[persona], probe, doctype, ctx["existing"], ctx)
		missing = answer(clients[persona], probe, doctype, missing_name(), ctx)
		assert world["canary"] not in existing[1], f"canary reached {persona}"
		for record in world["records"].values():
			assert record not in existing[1], f"a record name reached {persona}"
		assert existing == missing, f"{persona} can tell an existing {doctype} from a missing one"


@pytest.mark.parametrize("doctype", STUDENT_DOCTYPES)
@pytest.mark.parametrize("probe", [p for p in NAMING if p.control and not p.writes], ids=lambda p: p.id)
def test_positive_control_officers_reach_the_record(clients, users, world, doctype, probe):
	ctx = context(world, users, "officer", doctype)
	method, path, data = probe.build(doctype, ctx["existing"], ctx)
	response = send(clients["officer"], method, path, data)
	assert response.status_code == 200, response.text[:300]
	assert ctx["existing"] in response.text or world["canary"] in response.text


def test_positive_control_side_tables_hold_the_canary(world):
	"""The by-name probes would be vacuous if the side tables were empty: they are not."""
	case = world["records"]["Case"]
	frappe.db.rollback()
	assert frappe.db.count("Comment", {"reference_name": case, "content": ("like", f"%{world['canary']}%")})
	assert frappe.db.count("Version", {"docname": case})
	assert frappe.db.count("ToDo", {"reference_name": case})
	assert frappe.db.count("File", {"attached_to_name": case})


def test_positive_control_officer_reads_comments_and_the_attachment(clients, world):
	officer = clients["officer"]
	response = officer.get(
		"/api/method/frappe.desk.form.load.getdoc",
		params={"doctype": "Case", "name": world["records"]["Case"]},
	)
	assert f"{world['canary']} comment" in response.text
	assert officer.get(world["file_url"]).text == f"{world['canary']} letter"
