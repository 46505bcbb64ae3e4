"""The one user factory (README, "Run the tests") and small record builders for both tiers."""

import contextlib
import os
import uuid


@contextlib.contextmanager
def connected(site: str, keep: bool):
	"""One connection to a test site for a whole pytest session, as Administrator; at the end the
	open transaction is committed (keep: the HTTP site's data are committed anyway) or rolled back."""
	import frappe

	frappe.init(site=site, sites_path=os.getcwd())
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		yield site
	finally:
		frappe.db.commit() if keep else frappe.db.rollback()
		frappe.destroy()


def unique(prefix: str) -> str:
	return f"{prefix}-{uuid.uuid4().hex[:10]}"


def make_user(roles=(), desk=True, password=None, officer_title=None):
	"""A user with exactly `roles`. Website users when desk is False. Optionally an active officer."""
	import frappe

	email = f"{unique('u')}@example.test"
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": unique("First"),
			"send_welcome_email": 0,
			"user_type": "System User" if desk else "Website User",
			"roles": [{"role": r} for r in roles],
		}
	)
	if password:
		user.new_password = password
	user.flags.no_welcome_mail = True
	user.insert(ignore_permissions=True)
	if officer_title:
		frappe.get_doc(
			{"doctype": "Advice Officer", "user": email, "job_title": officer_title, "active": 1}
		).insert(ignore_permissions=True)
	frappe.clear_cache(user=email)
	return email


def make_student(**fields):
	import frappe

	values = {
		"doctype": "Advice Student",
		"full_name": unique("Student"),
		"email": f"{unique('s')}@cam.example",
		"college": "Clare College",
		"faculty": "Classics",
	}
	values.update(fields)
	return frappe.get_doc(values).insert()


def make_case(student, **fields):
	import frappe

	values = {"doctype": "Case", "student": student, "category": "Welfare", "summary": unique("summary")}
	values.update(fields)
	return frappe.get_doc(values).insert()


def make_meeting(meeting_date=None, **fields):
	"""A scheduled reflective practice meeting (next week unless told)."""
	import frappe
	from frappe.utils import add_days, today

	values = {
		"doctype": "Reflective Practice Meeting",
		"meeting_date": meeting_date or add_days(today(), 7),
		"meeting_time": "10:00:00",
	}
	values.update(fields)
	return frappe.get_doc(values).insert()


def make_discussion(meeting, case, **fields):
	import frappe

	values = {
		"doctype": "Meeting Discussion",
		"meeting": meeting,
		"advice_case": case,
		"notes": unique("notes"),
	}
	values.update(fields)
	return frappe.get_doc(values).insert()


def make_action(discussion, owner, due_date=None, **fields):
	import frappe
	from frappe.utils import add_days, today

	values = {
		"doctype": "Meeting Action",
		"discussion": discussion,
		"action_owner": owner,
		"due_date": due_date or add_days(today(), 7),
		"what": unique("action"),
	}
	values.update(fields)
	return frappe.get_doc(values).insert()
