"""Attachments to the service's records are written private from the first byte.

Frappe's File writes the content in its own before_insert, before any doc_events hook
runs, so a hook could only refuse a public file after it had been on disk. This subclass
decides privacy first; the File validate hook still refuses a public file linked by URL.
"""

from frappe.core.doctype.file.file import File

from student_advice.policy import registry


class CaseworkAwareFile(File):
	def before_insert(self):
		if registry.is_service_doctype(self.attached_to_doctype) and not self.file_url:
			self.is_private = 1
		super().before_insert()
