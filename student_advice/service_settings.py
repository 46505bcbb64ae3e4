"""Student Advice Settings as the consent and breach procedure read them."""

import frappe

from student_advice.policy.consent import DEFAULT_EXPIRY_MONTHS
from student_advice.policy.working_days import parse_closure_days


def consent_expiry_months() -> int:
	return (
		frappe.db.get_single_value("Student Advice Settings", "consent_expiry_months")
		or DEFAULT_EXPIRY_MONTHS
	)


def closure_days():
	return parse_closure_days(frappe.db.get_single_value("Student Advice Settings", "closure_days"))[0]
