"""Every copy Frappe keeps of a record, removed with it (or with its personal content).

A record has not left while its versions, view and access logs, comments, communications,
queued emails, notifications, assignments, files, deleted-document copies, route history,
activity and error logs still hold it. Rows go by SQL inside the caller's transaction; files
on disk are moved aside first and deleted only once that transaction has committed.
"""

import os
import shutil

import frappe

from student_advice.policy import registry

# Frappe's tables that point at a record by (DocType field, name field), beyond the side tables
# the confidentiality layer already guards.
MORE_REFERENCES = {
	"Comment": [("link_doctype", "link_name")],
	"Activity Log": [("timeline_doctype", "timeline_name")],
	"Reminder": [("reminder_doctype", "reminder_docname")],
	"Dynamic Link": [("link_doctype", "link_name")],
}
CHILDREN = {"Email Queue": "Email Queue Recipient", "Workflow Action": "Workflow Action Permitted Role"}
QUARANTINE = "student_advice_retention"  # under the site's private/, outside private/files (never served)


def _references():
	for doctype, (type_field, name_field) in registry.SIDE_TABLES.items():
		yield doctype, type_field, name_field
	for doctype, pairs in MORE_REFERENCES.items():
		for type_field, name_field in pairs:
			yield doctype, type_field, name_field


def remove_copies(doctype: str, name: str, pending_files: list) -> None:
	"""Delete every row elsewhere that holds or points at doctype/name; set its files aside."""
	for table, type_field, name_field in _references():
		if not frappe.db.table_exists(table) or not frappe.db.has_column(table, type_field):
			continue
		filters = {type_field: doctype, name_field: name}
		if table == "File":
			set_files_aside(frappe.get_all("File", filters=filters, pluck="name"), pending_files)
			continue
		if table == "Communication":
			remove_communications(frappe.get_all(table, filters=filters, pluck="name"), pending_files)
			continue
		_delete(table, filters)
	linked = frappe.get_all(
		"Communication Link", filters={"link_doctype": doctype, "link_name": name}, pluck="parent"
	)
	remove_communications(linked, pending_files)
	frappe.db.sql("delete from `__global_search` where doctype = %s and name = %s", (doctype, name))
	frappe.db.sql("delete from `tabRoute History` where route like %s", (f"%{name}%",))
	frappe.clear_document_cache(doctype, name)


def remove_communications(names: list[str], pending_files: list) -> None:
	for communication in set(names):
		set_files_aside(
			frappe.get_all(
				"File",
				filters={"attached_to_doctype": "Communication", "attached_to_name": communication},
				pluck="name",
			),
			pending_files,
		)
		_delete("Communication Link", {"parent": communication})
		_delete("Email Queue", {"communication": communication})
		_delete("Communication", {"name": communication})


def _delete(table: str, filters: dict) -> None:
	child = CHILDREN.get(table)
	if child:
		parents = frappe.get_all(table, filters=filters, pluck="name")
		if parents:
			frappe.db.delete(child, {"parent": ("in", parents)})
	frappe.db.delete(table, filters)


def remove_row(doctype: str, name: str, pending_files: list) -> None:
	"""The record itself and all its copies; Frappe's Deleted Document copy is never made."""
	remove_copies(doctype, name, pending_files)
	frappe.db.delete(doctype, {"name": name})


def clear_social_columns(doctype: str, name: str) -> None:
	"""The cached comments, assignments, likes and tags Frappe keeps on the row itself."""
	columns = [
		c
		for c in ("_comments", "_assign", "_liked_by", "_seen", "_user_tags")
		if frappe.db.has_column(doctype, c)
	]
	if columns:
		assignments = ", ".join(f"`{column}` = null" for column in columns)
		frappe.db.sql(f"update `tab{doctype}` set {assignments} where name = %s", name)  # noqa: S608 - trusted


# --- files on disk ------------------------------------------------------------------------


def quarantine_dir() -> str:
	return frappe.get_site_path("private", QUARANTINE)


def set_files_aside(file_names: list[str], pending_files: list) -> None:
	"""Delete the File rows; move their content aside until the transaction commits."""
	for file_name in file_names:
		row = frappe.db.get_value("File", file_name, ["file_url", "is_folder"], as_dict=True)
		frappe.db.delete("File", {"name": file_name})
		if not row or row.is_folder or not row.file_url:
			continue
		if frappe.db.exists("File", {"file_url": row.file_url}):
			continue  # another record still uses the stored file
		source = stored_file_path(row.file_url)
		if source and os.path.exists(source):
			os.makedirs(quarantine_dir(), exist_ok=True)
			aside = os.path.join(quarantine_dir(), f"{file_name}-{os.path.basename(source)}")
			shutil.move(source, aside)
			pending_files.append((aside, source))


def stored_file_path(file_url: str) -> str | None:
	if file_url.startswith("/private/files/"):
		return frappe.get_site_path("private", "files", file_url[len("/private/files/") :])
	if file_url.startswith("/files/"):
		return frappe.get_site_path("public", "files", file_url[len("/files/") :])
	return None


def finish_files(pending_files: list, committed: bool) -> None:
	"""After commit the files set aside go for good; after a rollback they go back where they were."""
	for aside, source in pending_files:
		if committed:
			with _quiet():
				os.remove(aside)
		elif os.path.exists(aside):
			os.makedirs(os.path.dirname(source), exist_ok=True)
			shutil.move(aside, source)
	pending_files.clear()


def recover_quarantine() -> None:
	"""A run that died between setting files aside and finishing: put back what a row still uses."""
	folder = quarantine_dir()
	if not os.path.isdir(folder):
		return
	for entry in os.listdir(folder):
		file_name, _, base = entry.partition("-")
		row = frappe.db.get_value("File", file_name, "file_url")
		target = stored_file_path(row) if row else None
		if target and not os.path.exists(target):
			shutil.move(os.path.join(folder, entry), target)
		else:
			with _quiet():
				os.remove(os.path.join(folder, entry))


class _quiet:
	def __enter__(self):
		return self

	def __exit__(self, exc_type, exc, tb):
		return exc_type is not None and issubclass(exc_type, OSError)


def remove_prepared_reports() -> list:
	"""Prepared results of reports over casework hold rows of records that may have gone."""
	reports = frappe.get_all(
		"Report", filters={"ref_doctype": ("in", sorted(registry.SERVICE_DOCTYPES))}, pluck="name"
	)
	if not reports or not frappe.db.table_exists("Prepared Report"):
		return []
	prepared = frappe.get_all("Prepared Report", filters={"report_name": ("in", reports)}, pluck="name")
	pending = []
	for name in prepared:
		remove_row("Prepared Report", name, pending)
	return pending
