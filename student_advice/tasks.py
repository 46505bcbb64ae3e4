"""Scheduled jobs (hooks.py scheduler_events)."""

import frappe


def expire_consents():
	"""Daily: store Expired (or Withdrawn) on submitted consents whose computed status changed.

	The stored status serves lists and filters only; whether a consent covers a disclosure is
	always computed from its expiry and withdrawal at the moment of the disclosure.
	"""
	from student_advice.student_advice.doctype.consent.consent import sync_status

	for name in frappe.get_all(
		"Consent",
		filters={"docstatus": 1, "status": "Active", "expires_on": ("<=", frappe.utils.now_datetime())},
		pluck="name",
		order_by=None,
	):
		sync_status(name)

