"""Attachments to the service's records are written private from the first byte.

Frappe's File writes the content in its own before_insert, before any doc_events hook
runs, so a hook could only refuse a public file after it had been on disk. This subclass
decides privacy first and never shares stored content between files; the File validate
hooks still refuse a public file, or a copy of a casework file, linked by URL.
"""

import os
from urllib.parse import unquote, urlparse

import frappe
from frappe.core.doctype.file.file import File

from student_advice import messages
from student_advice.policy import registry


def stored_path(file_url: str | None) -> str:
	"""The stored file a URL points at, however it is spelt (encoded, relative, with a query)."""
	if not file_url:
		return ""
	path = os.path.normpath("/" + unquote(urlparse(file_url).path).lstrip("/"))
	return path if path.startswith(("/private/files/", "/files/")) else ""


def is_casework_file(file_url: str | None, except_name: str | None = None) -> bool:
	path = stored_path(file_url)
	if not path:
		return False
	filters = {"file_url": path, "attached_to_doctype": ("in", sorted(registry.SERVICE_DOCTYPES))}
	if except_name:
		filters["name"] = ("!=", except_name)
	return bool(frappe.db.exists("File", filters))


class CaseworkAwareFile(File):
	def before_insert(self):
		if registry.is_service_doctype(self.attached_to_doctype):
			if not self.file_url:
				self.is_private = 1
		elif is_casework_file(self.file_url):
			# Frappe would read the stored file and write a copy attached elsewhere.
			messages.throw("casework_file_copy")
		super().before_insert()

	def save_file(self, content=None, decode=False, ignore_existing_file_check=False, overwrite=False):
		# Frappe reuses any stored file with the same content: an upload would then come back
		# pointing at a casework attachment, confirming that such a letter exists.
		return super().save_file(
			content=content, decode=decode, ignore_existing_file_check=True, overwrite=overwrite
		)
