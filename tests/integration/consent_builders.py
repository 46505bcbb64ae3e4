"""Builders and a REST-path helper shared by test_consent.py and test_breach.py."""

import json
from contextlib import contextmanager

import frappe
from frappe.utils import add_to_date, now_datetime

from student_advice.policy import consent as policy
from tests.factories import unique

WORDING = (
	"I agree that the service may give {third_party} this information: {information} "
	"({description}) for this purpose: {purpose}. This ends on {expires_on}."
)


def ago(**kw):
	return add_to_date(now_datetime(), **{k: -v for k, v in kw.items()})


def make_third_party(**fields):
	values = {
		"doctype": "Third Party",
		"person_name": unique("Dr Tutor"),
		"organisation": "Clare College",
		"relationship": "College tutor",
	}
	values.update(fields)
	return frappe.get_doc(values).insert()


def make_wording(**fields):
	values = {"doctype": "Consent Wording", "wording_name": unique("Wording"), "wording": WORDING}
	values.update(fields)
	return frappe.get_doc(values).insert(ignore_permissions=True)


def consent_values(student, third_party, wording, **fields):
	values = {
		"doctype": "Consent",
		"student": student,
		"third_party": third_party,
		"info_academic": 1,
		"information_description": "that an extension is being requested",
		"purpose": "to support an extension request",
		"method": policy.WRITTEN,
		"consent_wording": wording,
		"given_on": ago(days=10),
	}
	values.update(fields)
	return values


def make_consent(student, third_party, wording, submit=True, **fields):
	doc = frappe.get_doc(consent_values(student, third_party, wording, **fields)).insert()
	if submit:
		doc.submit()
	return doc


def disclosure_values(student, third_party, **fields):
	values = {
		"doctype": "Disclosure",
		"student": student,
		"third_party": third_party,
		"info_academic": 1,
		"description": "confirmed she is seeing an adviser about her extension",
		"channel": "Email",
	}
	values.update(fields)
	return values


def count(doctype, **filters):
	return frappe.db.count(doctype, filters)


@contextmanager
def _post_request():
	from werkzeug.test import EnvironBuilder

	had = hasattr(frappe.local, "request")
	saved = getattr(frappe.local, "request", None)
	frappe.local.request = EnvironBuilder(method="POST").get_request()
	try:
		yield
	finally:
		if had:
			frappe.local.request = saved
		else:
			del frappe.local.request


def rest(cmd, **args):
	"""Call a whitelisted method the way /api/method/<cmd> dispatches it (frappe.handler.execute_cmd:
	override hooks, whitelist and HTTP-method checks, then the method with the request's arguments)."""
	from frappe.handler import execute_cmd

	frappe.local.form_dict = frappe._dict(
		{k: json.dumps(v, default=str) if isinstance(v, dict | list) else v for k, v in args.items()}
	)
	frappe.local.response = frappe._dict({"docs": []})
	with _post_request():
		result = execute_cmd(cmd)
	return frappe.response.get("message") if result is None else result


def as_json(doc):
	return json.loads(frappe.as_json(doc.as_dict()))
