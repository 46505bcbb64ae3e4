"""Refusals read as Frappe's own (decision 37): a casework link followed in a browser by an outsider gets
Frappe's ordinary "Not Permitted" page, the same bytes whether or not the record exists; API calls keep
the uniform JSON 403."""

import frappe
import pytest
from werkzeug.exceptions import Forbidden
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from student_advice.confidentiality import gate, refusals
from student_advice.policy.roles import OFFICER, STATISTICS_VIEWER
from tests.factories import make_case, make_student, make_user

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def case():
	frappe.set_user(make_user([OFFICER], officer_title="Student Advisor"))
	case = make_case(make_student().name)
	frappe.set_user("Administrator")
	return case.name


def denied(path, user, headers=None):
	previous_request, previous_form = getattr(frappe.local, "request", None), frappe.local.form_dict
	try:
		frappe.local.request = Request(EnvironBuilder(path=path, headers=headers or {}).get_environ())
		frappe.set_user(user)
		frappe.local.form_dict = frappe._dict()
		with pytest.raises(Forbidden) as refused:
			gate.guard_request()
		return refused.value.response
	finally:
		frappe.local.request = previous_request
		frappe.local.form_dict = previous_form
		refusals.forget()
		frappe.local.message_title = None
		frappe.local.response = frappe._dict()


@pytest.mark.parametrize("roles", [["System Manager"], [STATISTICS_VIEWER]])
def test_a_followed_casework_link_gets_frappes_not_permitted_page(case, roles):
	outsider = make_user(roles)
	existing = denied(f"/app/case/{case}", outsider, BROWSER)
	missing = denied("/app/case/0123456789abcdef0123456789abcdef", outsider, BROWSER)
	assert existing.status_code == missing.status_code == 403
	assert existing.mimetype == "text/html"
	body = existing.get_data(as_text=True)
	assert "Not Permitted" in body and "You do not have enough permissions" in body
	assert case not in body and "exc_type" not in body
	assert body == missing.get_data(as_text=True)
	student_page = denied("/app/advice-student/whatever", outsider, BROWSER)
	assert student_page.get_data(as_text=True) == body


def test_api_calls_keep_the_uniform_json_denial(case):
	outsider = make_user(["System Manager"])
	for headers in ({}, BROWSER, {"Accept": "application/json"}):
		response = denied(f"/api/resource/Case/{case}", outsider, headers)
		assert response.status_code == 403 and response.get_data(as_text=True) == gate.DENIAL_BODY
	xhr = denied(f"/app/case/{case}", outsider, {"Accept": "application/json"})
	assert xhr.get_data(as_text=True) == gate.DENIAL_BODY
