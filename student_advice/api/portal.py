"""The student's side of the service in the portal: the casework form, records on request.

A student is any signed-in website user with no role (docs/decisions.md, decision 2): this
endpoint acts for them with the permissions they do not have, so it decides everything itself.
It keys the student's record to the verified login email, never to anything the form says; it
writes only the student's own fields; and it answers the same whatever existed before.
"""

import random
import time

import frappe
from frappe.utils import now_datetime
from frappe.utils.pdf import get_pdf

from student_advice import casework_attachments, messages, record_access
from student_advice.confidentiality.audit import PORTAL_DOWNLOAD, log_portal_read
from student_advice.confidentiality.gate import deny
from student_advice.confidentiality.guards import signed_in_only
from student_advice.policy import casework_form as policy
from student_advice.policy.casework import normalise_email

# The whole answer, whether the student, a form or a case existed before or not.
RECEIVED = {"received": 1}


@frappe.whitelist(methods=["POST"])
@signed_in_only
def submit_casework_form(
	full_name: str | None = None,
	preferred_name: str | None = None,
	pronouns: str | None = None,
	college_name: str | None = None,
	faculty_name: str | None = None,
	course: str | None = None,
	year_of_study: str | None = None,
	phone: str | None = None,
	email_only: str | int | None = None,
	no_voicemail: str | int | None = None,
	no_post: str | int | None = None,
	no_text_messages: str | int | None = None,
	contact_notes: str | None = None,
	help_needed: str | None = None,
	meeting_preference: str | None = None,
	**unexpected,
) -> dict:
	"""Create or update the caller's own Advice Student and their open Casework Form, with the files
	sent as `attachments` (multipart) attached privately to that form."""
	arguments = {k: v for k, v in locals().items() if k in policy.FIELDS} | unexpected
	values, codes = policy.check_submission(
		arguments,
		colleges=frozenset(frappe.get_all("College", pluck="name")),
		faculties=frozenset(frappe.get_all("Faculty", pluck="name")),
	)
	messages.throw(codes)
	email = _verified_email()
	files = casework_attachments.uploaded()
	if files:  # checked before anything is written: a refused file leaves the student's record as it was
		casework_attachments.check(files, already=casework_attachments.on_open_form(email))
	written = {}

	def write():
		written["form"] = _own_open_form(_own_student(email, values), email, values)

	_retried_on_deadlock(write)
	casework_attachments.attach(written["form"], files)
	return RECEIVED


def _retried_on_deadlock(write, attempts: int = 6) -> None:
	"""Run a portal write again when the database chose it as a deadlock's victim.

	Two first submissions at once both take the gap lock of their locking read on an email that is not
	there yet, then each insert waits for the other's: InnoDB rolls one back whole (measured under
	load: benchmarks/load_fault.py). Started again, the loser finds the winner's rows, so a student
	still gets one record and one open form. The wait before each new attempt is random and doubles:
	50 students' neighbours in the email index, retried at once, met the same deadlock three times."""
	for attempt in range(attempts):
		try:
			return write()
		except frappe.QueryDeadlockError:
			if attempt == attempts - 1:
				raise
			frappe.db.rollback()
			time.sleep(random.uniform(0.01, 0.05) * 2**attempt)


def _verified_email() -> str:
	"""The login's own email (Frappe verified it at sign-up or single sign-on)."""
	email = frappe.db.get_value("User", {"name": frappe.session.user, "enabled": 1}, "email")
	if not email:
		frappe.throw(frappe._("Not permitted"), frappe.PermissionError)
	return normalise_email(email)


def _own_student(email: str, values: dict) -> str:
	name = frappe.db.get_value("Advice Student", {"email": email}, "name", for_update=True)
	student = frappe.get_doc("Advice Student", name) if name else frappe.new_doc("Advice Student")
	student.email = email
	for field in policy.STUDENT_COPY:
		# Empty answers leave what the service already holds; the safe-contact boxes always apply.
		if values[field] not in ("", None) or field.startswith(("email_only", "no_")):
			student.set(field, values[field])
	student.flags.ignore_permissions = True
	student.save() if name else student.insert()
	return student.name


def _own_open_form(student: str, email: str, values: dict) -> str:
	"""A second submission before triage updates the same form rather than adding another."""
	name = frappe.db.get_value(
		"Casework Form", {"student": student, "status": policy.NEW}, "name", for_update=True
	)
	form = frappe.get_doc("Casework Form", name) if name else frappe.new_doc("Casework Form")
	form.update(values)
	form.student, form.email, form.submitted_on = student, email, now_datetime()
	form.flags.ignore_permissions = True
	form.flags.from_portal = True
	form.save() if name else form.insert()
	return form.name


# --- records on request (subject access) -------------------------------------------------------------


@frappe.whitelist(methods=["POST"])
@signed_in_only
def request_my_records(no_email: str | int | None = None, **unexpected) -> dict:
	"""Ask to see one's records: a Record Access Request keyed to the login email. One open request at a
	time (asking again changes nothing); the answer is the same whether the service holds records or not."""
	if set(unexpected) - policy.FRAMEWORK_ARGUMENTS:  # a student, a status, a name: refused whole
		messages.throw("casework_form_field_not_allowed")
	if str(no_email or "0") not in ("0", "1", "true", "false", "on", ""):
		messages.throw("casework_form_field_not_allowed")
	email = _verified_email()

	def write():
		open_request = frappe.db.get_value(
			record_access.DOCTYPE, {"email": email, "status": ("!=", "Released")}, "name", for_update=True
		)
		if not open_request:
			request = frappe.new_doc(record_access.DOCTYPE)
			request.email = email
			request.no_email = int(str(no_email) in ("1", "true", "on"))
			request.student = record_access.student_of_email(email)
			request.flags.ignore_permissions = True
			request.flags.from_portal = True
			request.insert()

	_retried_on_deadlock(write)
	return RECEIVED


@frappe.whitelist(methods=["GET"])
@signed_in_only
def my_copy_pdf(copy: str | None = None) -> None:
	"""The caller's own released copy as a PDF through the print format; anything else: the uniform denial."""
	request = record_access.own_open_copy(_verified_email(), copy)
	if request is None:
		deny()
	html = record_access.copy_html(request)
	log_portal_read(record_access.DOCTYPE, request.name, PORTAL_DOWNLOAD, file_type="PDF")
	frappe.local.response.filename = "records.pdf"
	frappe.local.response.filecontent = get_pdf(html)
	frappe.local.response.type = "pdf"
