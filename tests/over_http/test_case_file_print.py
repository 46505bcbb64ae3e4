"""The Case File print format over HTTP: the whole file for an officer, logged in the access
audit like every print; the uniform denial for everyone outside the service."""

import frappe

from tests.over_http.conftest import OUTSIDERS


def printview(client, case):
	return client.get("/printview", params={"doctype": "Case", "name": case, "format": "Case File"})


def test_an_officer_prints_the_whole_case_file_and_the_print_is_audited(clients, world, users):
	case, entry = world["records"]["Case"], world["records"]["Case Entry"]
	details = frappe.db.get_value("Case Entry", entry, "details")
	before = frappe.db.count("Access Log", {"user": users["officer"], "reference_document": case})
	response = printview(clients["officer"], case)
	assert response.status_code == 200, response.text[:300]
	assert details in response.text and world["canary"] in response.text
	frappe.db.rollback()
	logged = frappe.get_all(
		"Access Log",
		filters={"user": users["officer"], "export_from": "Case", "reference_document": case},
		pluck="method",
	)
	assert len(logged) > before and "Print" in logged


def test_outsiders_get_the_uniform_denial_for_the_case_file(clients, world):
	from student_advice.confidentiality.gate import DENIAL_BODY

	for persona in OUTSIDERS:
		response = printview(clients[persona], world["records"]["Case"])
		assert response.status_code == 403 and response.text == DENIAL_BODY, persona
