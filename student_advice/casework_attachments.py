"""Files a student attaches to their own casework form in the portal (issue 12).

The rules are pure (policy.casework_form: types, size, count, content); this module reads the
settings and the uploaded files, and writes each as a private File attached to the caller's own
form only: the form's name comes from the login's email (api/portal.py), never from the request.
"""

import frappe
from frappe.utils import cint

from student_advice import messages
from student_advice.policy import casework_form as policy

SETTINGS = "Student Advice Settings"
FIELD = "attachments"  # the form's file input
SERVICE_OWNER = "Administrator"


def request_limit_mb() -> int:
	"""The largest request body Frappe accepts for a method other than upload_file (frappe.app)."""
	return (cint(frappe.local.conf.get("max_file_size")) or 25 * 1024 * 1024) // (1024 * 1024)


def limits() -> tuple[tuple[str, ...], int, int]:
	"""(allowed extensions, largest file in MB, most files per form) from the settings."""
	value = lambda field: frappe.db.get_single_value(SETTINGS, field)  # noqa: E731
	return (
		policy.attachment_types(value("attachment_types")),
		cint(value("attachment_max_mb")) or policy.DEFAULT_ATTACHMENT_MB,
		cint(value("attachment_max_files")),
	)


def uploaded() -> list[tuple[str, bytes]]:
	"""(file name, content) of each file in the request; a file under any other name is refused."""
	request = getattr(frappe.local, "request", None)
	files = getattr(request, "files", None)
	if not files:
		return []
	if set(files) - {FIELD}:
		messages.throw("casework_form_field_not_allowed")
	return [(f.filename or "", f.read()) for f in files.getlist(FIELD) if f.filename or f.content_length]


def check(files: list[tuple[str, bytes]], already: int = 0) -> None:
	"""Refuse the whole submission, with every rule broken, before anything is written."""
	types, max_mb, max_count = limits()
	codes = policy.check_attachments(
		[(name, len(content)) for name, content in files], already, types, max_mb, max_count
	)
	if not codes and not all(policy.content_matches(name, content) for name, content in files):
		codes = ["casework_attachment_type:" + ", ".join(types)]
	messages.throw(codes)


def on_open_form(email: str) -> int:
	"""How many files the caller's open form (the one a submission updates) holds already."""
	student = frappe.db.get_value("Advice Student", {"email": email}, "name")
	form = student and frappe.db.get_value(
		"Casework Form", {"student": student, "status": policy.NEW}, "name"
	)
	if not form:
		return 0
	return frappe.db.count("File", {"attached_to_doctype": "Casework Form", "attached_to_name": form})


def attach(form: str, files: list[tuple[str, bytes]]) -> None:
	"""Each file private, attached to the form (CaseworkAwareFile never shares stored content), and
	then the service's, not the student's (docs/decisions.md, decision 57): Frappe's private-file
	download lets a File's owner read it through File's own check, beside every app hook, and its
	"download my data" exports the Comment that records the attachment by owner."""
	for name, content in files:
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": name.strip(),
				"attached_to_doctype": "Casework Form",
				"attached_to_name": form,
				"is_private": 1,
				"content": content,
			}
		).insert(ignore_permissions=True)
		frappe.db.set_value("File", file.name, "owner", SERVICE_OWNER, update_modified=False)
	if files:
		frappe.db.set_value(
			"Comment",
			{"reference_doctype": "Casework Form", "reference_name": form, "comment_type": "Attachment"},
			"owner",
			SERVICE_OWNER,
			update_modified=False,
		)
