"""Every whitelisted function of the installed apps, classified for the leak matrix.

Each entry is (class, reason). test_completeness.py fails on a function not listed here, on an
entry no longer whitelisted, on a class not below, and on a class claim the code does not back.
Classes (test_completeness.CLASSES; the check the gate makes of each is in brackets):
- probed: called by the leak matrix for every persona and service DocType (test_leak_matrix.py)
  [a probe of that name exists in probes.py].
- gated: takes an argument that names a DocType (listed in the reason); the request gate answers outsiders with the
  uniform denial whenever any argument names a service DocType, before the method runs [a DocType parameter, or
  "form `doctype`" in the reason].
- referenced: takes the name of a record of another DocType (a File, Comment, Report, Communication, ...) that may
  belong to a service record; the gate looks that record up (confidentiality/references.py) [listed in
  references.NAMED_ARGUMENTS or DISPATCHERS, or the reason names `fid` or `file_url`].
- controller: a DocType controller method, reached only through run_doc_method/savedocs, whose request names the
  DocType [a method of a class].
- admin: only System Manager or Administrator can call it (say how it is restricted: frappe.only_for, a doctype-level
  permission check on an SM-only DocType, ...); on a shared site these are documented residuals.
- account: about user accounts only (roles, sign-up, password reset, user search): names no casework; account
  enumeration is a residual closed by giving every student an account (docs/decisions.md, decision 2).
- harmless: returns or changes nothing about records of other DocTypes (say what it does touch).
- own: returns only the caller's own data (say which), filtered by the app's side-table hooks where it touches records.
- app: an endpoint of student_advice whose method name and arguments name no service DocType, so the gate does not
  see it; it is guarded by a decorator of confidentiality/guards.py (say which) before it reads anything.
- residual: reaches casework only through a role the app cannot restrict on a shared site (template or script
  writers, other users' calendars, energy points); listed on the Confidentiality Health page (docs/decisions.md, decision 4).
- test_only: frappe.tests.ui_test_helpers, see below.
The checks in brackets are the only ones the gate can make; for admin, account, harmless, own, app, residual and
test_only the reason is the claim, and a reviewer checks it against the code.

Reasons starting "guest" are in frappe.guest_methods. Reasons starting "test-only" are frappe.tests.ui_test_helpers:
whitelist_for_tests raises at import inside a request unless frappe.flags.in_test or a dev server (bench start).
Keys are f"{fn.__module__}.{fn.__qualname__}" for Frappe 15.44.2 + student_advice, as enumerated from frappe.whitelisted.
"""

CATALOGUE: dict[str, tuple[str, str]] = {
	"frappe.apps.get_apps": (
		"harmless",
		"lists installed apps' apps-screen entries (hooks add_to_apps_screen); reads no records",
	),
	"frappe.apps.set_app_as_default": ("own", "sets or clears default_app on the caller's own User row"),
	"frappe.auth.get_logged_user": ("harmless", "returns the caller's own user id"),
	"frappe.automation.doctype.assignment_rule.assignment_rule.bulk_apply": (
		"gated",
		"takes `doctype` (+docnames); runs Assignment Rule apply() on those records, no permission check",
	),
	"frappe.automation.doctype.auto_repeat.auto_repeat.AutoRepeat.fetch_linked_contacts": (
		"controller",
		"Auto Repeat controller: collects contact emails linked to its reference document",
	),
	"frappe.automation.doctype.auto_repeat.auto_repeat.AutoRepeat.get_auto_repeat_schedule": (
		"controller",
		"Auto Repeat controller: computes the schedule dates of that Auto Repeat",
	),
	"frappe.automation.doctype.auto_repeat.auto_repeat.generate_message_preview": (
		"residual",
		"Jinja by Auto Repeat writers; the gate denies templates quoting a service DocType; listed on the health page",
	),
	"frappe.automation.doctype.auto_repeat.auto_repeat.get_auto_repeat_doctypes": (
		"harmless",
		"search query: returns names of DocTypes with allow_auto_repeat (DocType/Property Setter), no records",
	),
	"frappe.automation.doctype.auto_repeat.auto_repeat.make_auto_repeat": (
		"gated",
		"takes `doctype`; inserts an Auto Repeat referencing that record (Auto Repeat create perm)",
	),
	"frappe.automation.doctype.auto_repeat.auto_repeat.update_reference": (
		"harmless",
		"sets reference_document on an Auto Repeat after its write check; returns 'success' only",
	),
	"frappe.automation.doctype.reminder.reminder.create_new_reminder": (
		"gated",
		"takes `reminder_doctype`; inserts a Reminder owned by the caller pointing at that record",
	),
	"frappe.client.attach_file": (
		"probed",
		"takes `doctype`; get_doc then read check (404/403 oracle), then inserts a File attached to that record",
	),
	"frappe.client.bulk_update": (
		"probed",
		"`docs` JSON items carry doctype+docname; loads, updates and saves each, failures returned with tracebacks",
	),
	"frappe.client.cancel": ("gated", "takes `doctype`; loads and cancels that record (cancel permission)"),
	"frappe.client.delete": ("gated", "takes `doctype`; delete_doc of that record (delete permission)"),
	"frappe.client.get": (
		"probed",
		"takes `doctype`; get_doc by name or by `filters` before check_permission (404/403 and filter oracle)",
	),
	"frappe.client.get_count": (
		"probed",
		"takes `doctype`; frappe.db.count with caller filters and no permission check at all",
	),
	"frappe.client.get_doc_permissions": (
		"probed",
		"takes `doctype`; get_doc(docname) with no check, returns the evaluated permissions (existence oracle)",
	),
	"frappe.client.get_js": ("harmless", "reads JS files under sites/assets (rejects '..'); no records"),
	"frappe.client.get_list": (
		"probed",
		"takes `doctype` (and `parent`); frappe.get_list with caller fields/filters/group_by",
	),
	"frappe.client.get_password": (
		"admin",
		"frappe.only_for('System Manager'), then reads a Password field of the named record",
	),
	"frappe.client.get_single_value": (
		"gated",
		"takes `doctype`; doctype-level has_permission then db.get_single_value of a Single",
	),
	"frappe.client.get_time_zone": ("harmless", "guest: returns the site's default time zone"),
	"frappe.client.get_value": (
		"probed",
		"takes `doctype` (and `parent`); doctype-level check then get_list with caller fields and filters",
	),
	"frappe.client.has_permission": (
		"probed",
		"takes `doctype`; frappe.has_permission on docname (loads the record; existence oracle)",
	),
	"frappe.client.insert": (
		"probed",
		"`doc` JSON carries doctype; inserts it (link validation reads linked records: A5 oracle)",
	),
	"frappe.client.insert_many": (
		"gated",
		"`docs` JSON items carry doctype; inserts each with the caller's create permission",
	),
	"frappe.client.is_document_amended": (
		"gated",
		"takes `doctype`; doctype-level check then db.exists(amended_from=docname)",
	),
	"frappe.client.rename_doc": (
		"gated",
		"takes `doctype`; frappe.rename_doc of that record (write permission)",
	),
	"frappe.client.save": (
		"gated",
		"`doc` JSON carries doctype; get_doc(doc).save() with the caller's write permission",
	),
	"frappe.client.set_value": (
		"probed",
		"takes `doctype`; loads by name (child rows via db.get_value parent lookup) and saves",
	),
	"frappe.client.submit": (
		"gated",
		"`doc` JSON carries doctype; get_doc(doc).submit() with the caller's submit permission",
	),
	"frappe.client.validate_link": (
		"probed",
		"takes `doctype`; doctype-level select/read check then db.get_value(name) returns whether it exists",
	),
	"frappe.contacts.address_and_contact.filter_dynamic_link_doctypes": (
		"harmless",
		"search query: names of DocTypes with matching DocField/Custom Field, cut to get_doctypes_with_read",
	),
	"frappe.contacts.doctype.address.address.address_query": (
		"gated",
		"takes `filters` with link_doctype/link_name; raw SQL for Addresses dynamically linked to that record",
	),
	"frappe.contacts.doctype.address.address.get_address_display": (
		"harmless",
		"renders an address dict, or an Address by name after its read check; no other DocType",
	),
	"frappe.contacts.doctype.address.address.get_default_address": (
		"gated",
		"takes `doctype`; get_all of Addresses dynamically linked to that record, no permission check",
	),
	"frappe.contacts.doctype.address_template.address_template.get_default_address_template": (
		"harmless",
		"returns the bundled address_template.jinja text",
	),
	"frappe.contacts.doctype.contact.contact.address_query": (
		"gated",
		"`links` JSON carries link_doctype; per link has_permission(read) then Addresses linked to it",
	),
	"frappe.contacts.doctype.contact.contact.contact_query": (
		"gated",
		"takes `filters` with link_doctype/link_name; raw SQL for Contacts dynamically linked to that record",
	),
	"frappe.contacts.doctype.contact.contact.get_contact_details": (
		"harmless",
		"reads one Contact after its read check; touches no other DocType",
	),
	"frappe.contacts.doctype.contact.contact.invite_user": (
		"admin",
		"reads a Contact (read check) then inserts a User, which needs User create (System Manager only)",
	),
	"frappe.core.api.file.create_new_folder": (
		"harmless",
		"inserts a File folder row owned by the caller; reads nothing",
	),
	"frappe.core.api.file.get_attached_images": (
		"gated",
		"takes `doctype`; db.get_list of File rows attached to `names` of it (File permission query applied)",
	),
	"frappe.core.api.file.get_files_by_search_text": (
		"probed",
		"get_list File by LIKE on file_name/file_url/name across every DocType's attachments; File query hooks only",
	),
	"frappe.core.api.file.get_files_in_folder": (
		"probed",
		"get_list File rows of any folder (e.g. Home/Attachments holds all attachments); File query hooks only",
	),
	"frappe.core.api.file.get_max_file_size": (
		"harmless",
		"guest: returns the configured maximum upload size",
	),
	"frappe.core.api.file.move_file": (
		"referenced",
		"names a record (loads File rows by name from `file_list` and saves them into another folder (File has_permission on ); the gate looks up what it belongs to",
	),
	"frappe.core.api.file.unzip_file": (
		"referenced",
		"names a record (get_doc('File', name) with no check); the gate looks up what it belongs to",
	),
	"frappe.core.api.file.zip_files": (
		"referenced",
		"names a record (zips content of File rows by name); the gate looks up what it belongs to",
	),
	"frappe.core.doctype.access_log.access_log.make_access_log": (
		"gated",
		"takes `doctype`; only inserts an Access Log row with the caller's values, returns nothing",
	),
	"frappe.core.doctype.audit_trail.audit_trail.AuditTrail.compare_document": (
		"controller",
		"Audit Trail controller (System Manager only): diffs amended versions of its chosen document",
	),
	"frappe.core.doctype.communication.email.make": (
		"referenced",
		"names a record (takes `doctype` (email check) but `attachments` File names are copied unchecked onto a new Communica); the gate looks up what it belongs to",
	),
	"frappe.core.doctype.communication.email.mark_email_as_seen": (
		"harmless",
		"guest tracking pixel: after the response marks a Communication/Email Queue as seen; returns only the pixel",
	),
	"frappe.core.doctype.data_export.exporter.export_data": (
		"gated",
		"takes `doctype`/`parent_doctype`; DataExporter builds a CSV/XLSX via permission-checked queries",
	),
	"frappe.core.doctype.data_import.data_import.DataImport.get_preview_from_template": (
		"controller",
		"Data Import controller (run_doc_method needs Data Import read: System Manager): previews its import file",
	),
	"frappe.core.doctype.data_import.data_import.download_errored_template": (
		"referenced",
		"names a record (get_doc('Data Import', name) with no check); the gate looks up what it belongs to",
	),
	"frappe.core.doctype.data_import.data_import.download_import_log": (
		"referenced",
		"names a record (get_doc('Data Import', name) with no check); the gate looks up what it belongs to",
	),
	"frappe.core.doctype.data_import.data_import.download_template": (
		"gated",
		"takes `doctype`; Exporter writes template/records of it via permission-checked get_list",
	),
	"frappe.core.doctype.data_import.data_import.form_start_import": (
		"referenced",
		"names a record (get_doc('Data Import', name) with no check, then enqueues its import into its reference_doctype); the gate looks up what it belongs to",
	),
	"frappe.core.doctype.data_import.data_import.get_import_logs": (
		"admin",
		"Data Import read check (System Manager only), then its Data Import Log rows",
	),
	"frappe.core.doctype.data_import.data_import.get_import_status": (
		"referenced",
		"names a record (get_doc('Data Import', name) with no check); the gate looks up what it belongs to",
	),
	"frappe.core.doctype.data_import.data_import.get_preview_from_template": (
		"referenced",
		"names a record (get_doc('Data Import', name) unchecked); the gate looks up what it belongs to",
	),
	"frappe.core.doctype.deleted_document.deleted_document.bulk_restore": (
		"referenced",
		"names a record (restore() for each Deleted Document name: loaded with no check, JSON re-inserted as the caller); the gate looks up what it belongs to",
	),
	"frappe.core.doctype.deleted_document.deleted_document.restore": (
		"referenced",
		"names a record (get_doc('Deleted Document', name) with no check); the gate looks up what it belongs to",
	),
	"frappe.core.doctype.doctype.doctype.DocType.check_pending_migration": (
		"controller",
		"DocType controller: compares its modified time with the JSON file",
	),
	"frappe.core.doctype.doctype.doctype.get_row_size_utilization": (
		"gated",
		"takes `doctype`; DocType read check (System Manager), returns only its row-size percentage",
	),
	"frappe.core.doctype.document_naming_settings.document_naming_settings.DocumentNamingSettings.get_current": (
		"controller",
		"Document Naming Settings controller: current counter of a naming series prefix",
	),
	"frappe.core.doctype.document_naming_settings.document_naming_settings.DocumentNamingSettings.get_options": (
		"controller",
		"Document Naming Settings controller: naming_series options from a DocType's meta",
	),
	"frappe.core.doctype.document_naming_settings.document_naming_settings.DocumentNamingSettings.get_transactions_and_prefixes": (
		"controller",
		"Document Naming Settings controller: DocTypes with naming series and their prefixes",
	),
	"frappe.core.doctype.document_naming_settings.document_naming_settings.DocumentNamingSettings.preview_series": (
		"controller",
		"Document Naming Settings controller: previews names a series would generate",
	),
	"frappe.core.doctype.document_naming_settings.document_naming_settings.DocumentNamingSettings.update_amendment_rule": (
		"controller",
		"Document Naming Settings controller: saves amendment naming rules",
	),
	"frappe.core.doctype.document_naming_settings.document_naming_settings.DocumentNamingSettings.update_series": (
		"controller",
		"Document Naming Settings controller: writes naming_series options to a DocType",
	),
	"frappe.core.doctype.document_naming_settings.document_naming_settings.DocumentNamingSettings.update_series_start": (
		"controller",
		"Document Naming Settings controller (only_for System Manager): sets a series counter",
	),
	"frappe.core.doctype.error_log.error_log.clear_error_logs": (
		"admin",
		"frappe.only_for('System Manager'); truncates Error Log",
	),
	"frappe.core.doctype.file.file.File.optimize_file": (
		"controller",
		"File controller: re-encodes that image File's content in place",
	),
	"frappe.core.doctype.installed_applications.installed_applications.get_installed_app_order": (
		"admin",
		"frappe.only_for('System Manager'); returns installed app order",
	),
	"frappe.core.doctype.installed_applications.installed_applications.update_installed_apps_order": (
		"admin",
		"frappe.only_for('System Manager'); reorders installed_apps global",
	),
	"frappe.core.doctype.log_settings.log_settings.get_log_doctypes": (
		"harmless",
		"search query: names of DocTypes that support log clearing (get_list DocType); no records",
	),
	"frappe.core.doctype.log_settings.log_settings.has_unseen_error_log": (
		"harmless",
		"returns only an alert whether any unseen Error Log exists; no log content",
	),
	"frappe.core.doctype.module_def.module_def.get_installed_apps": (
		"harmless",
		"returns the installed app names",
	),
	"frappe.core.doctype.package.package.get_license_text": (
		"harmless",
		"returns a bundled licence text for a known licence type",
	),
	"frappe.core.doctype.permission_inspector.permission_inspector.PermissionInspector.debug": (
		"controller",
		"Permission Inspector controller (System Manager only): debug log of has_permission for its fields",
	),
	"frappe.core.doctype.prepared_report.prepared_report.delete_prepared_reports": (
		"harmless",
		"deletes Prepared Report rows that pass prepared_report.has_permission (report roles); returns nothing",
	),
	"frappe.core.doctype.prepared_report.prepared_report.download_attachment": (
		"referenced",
		"names a record (Prepared Report by name (or filter dict): report-role check only, returns the result computed for it); the gate looks up what it belongs to",
	),
	"frappe.core.doctype.prepared_report.prepared_report.get_reports_in_queued_state": (
		"own",
		"get_all Prepared Report filtered by owner = the caller; returns names of the caller's queued runs",
	),
	"frappe.core.doctype.prepared_report.prepared_report.make_prepared_report": (
		"referenced",
		"names a record (inserts a Prepared Report for any `report_name` (ignore_permissions, no Report check)); the gate looks up what it belongs to",
	),
	"frappe.core.doctype.recorder.recorder.add_indexes": (
		"admin",
		"frappe.only_for('Administrator'); enqueues index creation",
	),
	"frappe.core.doctype.recorder.recorder.optimize": (
		"admin",
		"frappe.only_for('Administrator'); enqueues recorder analysis",
	),
	"frappe.core.doctype.report.report.Report.set_doctype_roles": (
		"controller",
		"Report controller: copies ref_doctype permlevel-0 roles into that Report's roles",
	),
	"frappe.core.doctype.report.report.Report.toggle_disable": (
		"controller",
		"Report controller: sets disabled after Report write check",
	),
	"frappe.core.doctype.role.role.role_query": ("harmless", "search query: Role names matching txt"),
	"frappe.core.doctype.role_permission_for_page_and_report.role_permission_for_page_and_report.RolePermissionforPageandReport.reset_roles": (
		"controller",
		"Role Permission for Page and Report controller (System Manager): resets roles",
	),
	"frappe.core.doctype.role_permission_for_page_and_report.role_permission_for_page_and_report.RolePermissionforPageandReport.set_report_page_data": (
		"controller",
		"Role Permission for Page and Report controller: loads roles of a page/report",
	),
	"frappe.core.doctype.role_permission_for_page_and_report.role_permission_for_page_and_report.RolePermissionforPageandReport.update_report_page_data": (
		"controller",
		"Role Permission for Page and Report controller: saves roles of a page/report",
	),
	"frappe.core.doctype.rq_job.rq_job.remove_failed_jobs": (
		"admin",
		"frappe.only_for('System Manager'); deletes failed RQ jobs",
	),
	"frappe.core.doctype.rq_job.rq_job.stop_job": (
		"admin",
		"RQ Job methods are wrapped by check_permissions: frappe.only_for('System Manager')",
	),
	"frappe.core.doctype.scheduled_job_type.scheduled_job_type.execute_event": (
		"admin",
		"frappe.only_for('System Manager'); enqueues a Scheduled Job Type",
	),
	"frappe.core.doctype.server_script.server_script.ServerScript.get_autocompletion_items": (
		"controller",
		"Server Script controller: names in the safe-exec globals",
	),
	"frappe.core.doctype.server_script.server_script.enabled": (
		"harmless",
		"returns whether server scripts are enabled, only to holders of Server Script perms",
	),
	"frappe.core.doctype.session_default_settings.session_default_settings.get_session_default_values": (
		"own",
		"returns session-default field specs and the caller's own user defaults",
	),
	"frappe.core.doctype.session_default_settings.session_default_settings.set_session_default_values": (
		"own",
		"sets the caller's own user defaults (frappe.defaults.set_user_default)",
	),
	"frappe.core.doctype.sms_settings.sms_settings.get_contact_number": (
		"gated",
		"takes `ref_doctype`; raw SQL: Contact mobile if any Dynamic Link to that record exists (no permission check)",
	),
	"frappe.core.doctype.sms_settings.sms_settings.send_sms": (
		"harmless",
		"sends caller text to caller numbers via the SMS Settings gateway; reads no records",
	),
	"frappe.core.doctype.submission_queue.submission_queue.SubmissionQueue.unlock_doc": (
		"controller",
		"Submission Queue controller: unlocks its queued reference document",
	),
	"frappe.core.doctype.submission_queue.submission_queue.get_latest_submissions": (
		"gated",
		"takes `doctype`; db.get_value Submission Queue (no check), returns status and exception traceback",
	),
	"frappe.core.doctype.system_settings.system_settings.load": (
		"admin",
		"throws unless 'System Manager' in the caller's roles; returns System Settings defaults",
	),
	"frappe.core.doctype.user.user.generate_keys": (
		"admin",
		"frappe.only_for('System Manager'); sets API key/secret of a User",
	),
	"frappe.core.doctype.user.user.get_all_roles": (
		"harmless",
		"returns the names of enabled non-automatic Roles",
	),
	"frappe.core.doctype.user.user.get_email_awaiting": (
		"harmless",
		"get_all User Email (email_account, email_id) of any user id; mailbox config only, no casework",
	),
	"frappe.core.doctype.user.user.get_module_profile": (
		"harmless",
		"returns block_modules of a Module Profile",
	),
	"frappe.core.doctype.user.user.get_perm_info": (
		"harmless",
		"returns DocPerm rows of a Role (permission configuration), no records",
	),
	"frappe.core.doctype.user.user.get_role_profile": ("harmless", "returns the roles of a Role Profile"),
	"frappe.core.doctype.user.user.get_roles": (
		"account",
		"about accounts only: returns frappe.get_roles(form_dict.uid) for ANY user id, no check: role/account enumeration",
	),
	"frappe.core.doctype.user.user.get_timezones": ("harmless", "returns pytz timezone names"),
	"frappe.core.doctype.user.user.has_email_account": (
		"harmless",
		"get_list Email Account by email_id with Email Account permissions applied",
	),
	"frappe.core.doctype.user.user.impersonate": (
		"admin",
		"frappe.only_for('Administrator'); logs in as another user",
	),
	"frappe.core.doctype.user.user.reset_password": (
		"account",
		"about accounts only: guest: get_doc('User', user) answers 'not found'/404 vs mail sent: account enumeration",
	),
	"frappe.core.doctype.user.user.sign_up": (
		"account",
		"about accounts only: guest: db.get User by email answers 'Already Registered'/'disabled' vs creates: account enumeration",
	),
	"frappe.core.doctype.user.user.switch_theme": ("own", "sets desk_theme on the caller's own User row"),
	"frappe.core.doctype.user.user.test_password_strength": (
		"own",
		"guest: scores a password against the caller's own name/email/birth_date fields",
	),
	"frappe.core.doctype.user.user.update_password": (
		"own",
		"guest: changes the password of the caller (old password) or of the reset-key holder; no other records",
	),
	"frappe.core.doctype.user.user.user_query": (
		"account",
		"about accounts only: User search by name/full name; System Users pass filters.ignore_user_type to list Website Users too",
	),
	"frappe.core.doctype.user.user.verify_password": ("own", "checks the caller's own password"),
	"frappe.core.doctype.user_permission.user_permission.add_user_permissions": (
		"admin",
		"frappe.only_for('System Manager'); inserts User Permission rows",
	),
	"frappe.core.doctype.user_permission.user_permission.check_applicable_doc_perm": (
		"admin",
		"frappe.only_for('System Manager'); reads User Permission rows",
	),
	"frappe.core.doctype.user_permission.user_permission.clear_user_permissions": (
		"admin",
		"frappe.only_for('System Manager'); deletes User Permission rows",
	),
	"frappe.core.doctype.user_permission.user_permission.get_applicable_for_doctype_list": (
		"gated",
		"takes `doctype`; returns names of DocTypes linking to it (meta only)",
	),
	"frappe.core.doctype.user_permission.user_permission.get_user_permissions": (
		"account",
		"about accounts only: returns User Permissions of any `user`: the session-user pin applies only when cmd is the short name",
	),
	"frappe.core.doctype.user_type.user_type.get_user_id": (
		"gated",
		"takes `parent` (a DocType); returns its User Link fields from DocField/Custom Field (meta only)",
	),
	"frappe.core.doctype.user_type.user_type.get_user_linked_doctypes": (
		"harmless",
		"search query: names of non-frappe DocTypes with a User link field (meta only)",
	),
	"frappe.core.page.permission_manager.permission_manager.add": (
		"admin",
		"frappe.only_for('System Manager'); adds a permission rule",
	),
	"frappe.core.page.permission_manager.permission_manager.get_permissions": (
		"admin",
		"frappe.only_for('System Manager'); returns permission rules",
	),
	"frappe.core.page.permission_manager.permission_manager.get_roles_and_doctypes": (
		"admin",
		"frappe.only_for('System Manager'); lists DocTypes and Roles",
	),
	"frappe.core.page.permission_manager.permission_manager.get_standard_permissions": (
		"admin",
		"frappe.only_for('System Manager'); returns a DocType's standard permissions",
	),
	"frappe.core.page.permission_manager.permission_manager.get_users_with_role": (
		"admin",
		"frappe.only_for('System Manager'); lists users holding a role",
	),
	"frappe.core.page.permission_manager.permission_manager.remove": (
		"admin",
		"frappe.only_for('System Manager'); deletes a Custom DocPerm rule",
	),
	"frappe.core.page.permission_manager.permission_manager.reset": (
		"admin",
		"frappe.only_for('System Manager'); resets a DocType's permissions",
	),
	"frappe.core.page.permission_manager.permission_manager.update": (
		"admin",
		"frappe.only_for('System Manager'); changes a permission property",
	),
	"frappe.core.report.database_storage_usage_by_tables.database_storage_usage_by_tables.optimize_doctype": (
		"admin",
		"frappe.only_for('System Manager'); enqueues OPTIMIZE TABLE",
	),
	"frappe.core.report.permitted_documents_for_user.permitted_documents_for_user.query_doctypes": (
		"account",
		"about accounts only: search query: `filters.user` = ANY user, returns the DocTypes that user can read (roles + shares), no check",
	),
	"frappe.custom.doctype.custom_field.custom_field.get_fields_label": (
		"gated",
		"takes `doctype`; returns its field labels (meta only)",
	),
	"frappe.custom.doctype.custom_field.custom_field.rename_fieldname": (
		"admin",
		"frappe.only_for('System Manager'); renames a Custom Field column",
	),
	"frappe.custom.doctype.customize_form.customize_form.CustomizeForm.fetch_to_customize": (
		"controller",
		"Customize Form controller (System Manager): loads a DocType's properties",
	),
	"frappe.custom.doctype.customize_form.customize_form.CustomizeForm.reset_layout": (
		"controller",
		"Customize Form controller: deletes field-order Property Setters",
	),
	"frappe.custom.doctype.customize_form.customize_form.CustomizeForm.reset_to_defaults": (
		"controller",
		"Customize Form controller: removes customisations of a DocType",
	),
	"frappe.custom.doctype.customize_form.customize_form.CustomizeForm.save_customization": (
		"controller",
		"Customize Form controller: writes Property Setters and Custom Fields",
	),
	"frappe.custom.doctype.customize_form.customize_form.CustomizeForm.trim_table": (
		"controller",
		"Customize Form controller: drops orphaned columns of a DocType",
	),
	"frappe.custom.doctype.customize_form.customize_form.get_link_filters_from_doc_without_customisations": (
		"gated",
		"takes `doctype`; returns link_filters of one of its fields (DocType meta, no check)",
	),
	"frappe.custom.doctype.customize_form.customize_form.get_orphaned_columns": (
		"admin",
		"frappe.only_for('System Manager'); lists orphaned columns (read-only)",
	),
	"frappe.custom.doctype.doctype_layout.doctype_layout.DocTypeLayout.sync_fields": (
		"controller",
		"DocType Layout controller: syncs its field list with the DocType meta",
	),
	"frappe.desk.calendar.get_events": (
		"gated",
		"takes `doctype`; get_list of it with caller field_map/fields/filters (row permissions apply)",
	),
	"frappe.desk.calendar.update_event": (
		"gated",
		"`args` JSON carries doctype+name; get_doc and save start/end fields with write permission",
	),
	"frappe.desk.desk_page.get": (
		"harmless",
		"returns a desk Page definition after Page.is_permitted (role) check",
	),
	"frappe.desk.desk_page.getpage": (
		"harmless",
		"guest: desk_page.get for form_dict.name: a Page definition after its role check",
	),
	"frappe.desk.desktop.get_desktop_page": (
		"harmless",
		"builds a Workspace's permitted cards/charts/shortcuts config; returns no records",
	),
	"frappe.desk.desktop.get_workspace_sidebar_items": (
		"harmless",
		"lists Workspaces (public or the caller's private) filtered by permission; config only",
	),
	"frappe.desk.desktop.update_onboarding_step": (
		"harmless",
		"db.set_value on any Onboarding Step field, no check (GHSA-78rj IDOR); touches only Onboarding Step",
	),
	"frappe.desk.doctype.bulk_update.bulk_update.BulkUpdate.bulk_update": (
		"controller",
		"Bulk Update controller (System Manager, write check): SQL-condition bulk update of its document_type",
	),
	"frappe.desk.doctype.bulk_update.bulk_update.submit_cancel_or_update_docs": (
		"gated",
		"takes `doctype`; per docname get_doc then submit/cancel/update/delete with the caller's permissions",
	),
	"frappe.desk.doctype.custom_html_block.custom_html_block.get_custom_blocks_for_user": (
		"harmless",
		"search query: names of public Custom HTML Blocks and the caller's private ones",
	),
	"frappe.desk.doctype.dashboard.dashboard.get_permitted_cards": (
		"harmless",
		"Dashboard by name; returns its Number Card links the caller may read (config, no values)",
	),
	"frappe.desk.doctype.dashboard.dashboard.get_permitted_charts": (
		"harmless",
		"Dashboard by name; returns its Dashboard Chart links the caller may read (config, no values)",
	),
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.add_chart_to_dashboard": (
		"harmless",
		"appends a chart link to a Dashboard and saves it (Dashboard write: SM/Dashboard Manager)",
	),
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.create_dashboard_chart": (
		"gated",
		"`args` JSON carries document_type; inserts a Dashboard Chart with ignore_permissions (config only)",
	),
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.create_report_chart": (
		"gated",
		"`args` JSON carries document_type/report; create_dashboard_chart (ignore_permissions) + add to a Dashboard",
	),
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": (
		"referenced",
		"names a record (chart_name: chart loaded unchecked); the gate looks up what it belongs to",
	),
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get_charts_for_user": (
		"harmless",
		"search query: names of the caller's own or public Dashboard Charts (Dashboard Chart query hook applies)",
	),
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get_parent_doctypes": (
		"gated",
		"takes `child_type` (a DocType); returns DocTypes that hold it as a Table field (meta only)",
	),
	"frappe.desk.doctype.dashboard_chart_source.dashboard_chart_source.get_config": (
		"harmless",
		"returns the JS config file of a Dashboard Chart Source",
	),
	"frappe.desk.doctype.dashboard_settings.dashboard_settings.create_dashboard_settings": (
		"harmless",
		"inserts an empty Dashboard Settings row named after a user id if missing",
	),
	"frappe.desk.doctype.dashboard_settings.dashboard_settings.save_chart_config": (
		"own",
		"updates chart_config in the caller's own Dashboard Settings",
	),
	"frappe.desk.doctype.desktop_icon.desktop_icon.add_user_icon": (
		"gated",
		"takes `_doctype`; inserts a Desktop Icon for it using DocType/Report icon meta (no records)",
	),
	"frappe.desk.doctype.desktop_icon.desktop_icon.get_module_icons": (
		"own",
		"returns the caller's desktop icons; another `user` needs frappe.only_for('System Manager')",
	),
	"frappe.desk.doctype.desktop_icon.desktop_icon.hide": (
		"harmless",
		"sets hidden on a Desktop Icon for a user; touches only Desktop Icon",
	),
	"frappe.desk.doctype.desktop_icon.desktop_icon.set_order": (
		"harmless",
		"sets idx of Desktop Icons by module name; touches only Desktop Icon",
	),
	"frappe.desk.doctype.desktop_icon.desktop_icon.update_icons": (
		"harmless",
		"sets hidden Desktop Icons of a user (global list needs System Manager); Desktop Icon only",
	),
	"frappe.desk.doctype.event.event.delete_communication": (
		"gated",
		"takes `reference_doctype` (and `event` JSON with doctype); deletes Communications of that Event participant",
	),
	"frappe.desk.doctype.event.event.get_events": (
		"residual",
		"Events of any user (raw SQL); officers' calendars are outside the app; listed on the health page",
	),
	"frappe.desk.doctype.form_tour.form_tour.reset_tour": (
		"harmless",
		"no check (GHSA-9cxj): drops one tour from every User's onboarding_status; nothing else",
	),
	"frappe.desk.doctype.form_tour.form_tour.update_user_status": (
		"own",
		"sets onboarding_status on the caller's own User row",
	),
	"frappe.desk.doctype.global_search_settings.global_search_settings.reset_global_search_settings_doctypes": (
		"harmless",
		"no check: rebuilds Global Search Settings allowed DocTypes from hooks; returns nothing",
	),
	"frappe.desk.doctype.kanban_board.kanban_board.add_card": (
		"referenced",
		"names a record (Kanban Board by name unchecked); the gate looks up what it belongs to",
	),
	"frappe.desk.doctype.kanban_board.kanban_board.add_column": (
		"referenced",
		"names a record (Kanban Board by name unchecked); the gate looks up what it belongs to",
	),
	"frappe.desk.doctype.kanban_board.kanban_board.archive_restore_column": (
		"referenced",
		"names a record (Kanban Board by name unchecked); the gate looks up what it belongs to",
	),
	"frappe.desk.doctype.kanban_board.kanban_board.get_kanban_boards": (
		"gated",
		"takes `doctype`; get_list Kanban Board (name, filters) for it with Kanban Board perms",
	),
	"frappe.desk.doctype.kanban_board.kanban_board.quick_kanban_board": (
		"gated",
		"takes `doctype`; creates a Kanban Board on it from a field's options (Kanban Board create perm)",
	),
	"frappe.desk.doctype.kanban_board.kanban_board.save_settings": (
		"referenced",
		"names a record (Kanban Board by name unchecked); the gate looks up what it belongs to",
	),
	"frappe.desk.doctype.kanban_board.kanban_board.set_indicator": (
		"referenced",
		"names a record (Kanban Board by name unchecked); the gate looks up what it belongs to",
	),
	"frappe.desk.doctype.kanban_board.kanban_board.update_column_order": (
		"referenced",
		"names a record (Kanban Board by name unchecked); the gate looks up what it belongs to",
	),
	"frappe.desk.doctype.kanban_board.kanban_board.update_order": (
		"referenced",
		"names a record (Kanban Board by name, no read check: without write on its doctype returns the board from DB (filters); the gate looks up what it belongs to",
	),
	"frappe.desk.doctype.kanban_board.kanban_board.update_order_for_single_card": (
		"referenced",
		"names a record (Kanban Board by name unchecked); the gate looks up what it belongs to",
	),
	"frappe.desk.doctype.list_view_settings.list_view_settings.get_default_listview_fields": (
		"gated",
		"takes `doctype`; returns its in_list_view fieldnames from the DocType JSON (meta only)",
	),
	"frappe.desk.doctype.list_view_settings.list_view_settings.save_listview_settings": (
		"gated",
		"takes `doctype`; saves List View Settings for it (System Manager perms) and returns its meta",
	),
	"frappe.desk.doctype.module_onboarding.module_onboarding.ModuleOnboarding.reset_progress": (
		"controller",
		"Module Onboarding controller: clears its steps' completion flags",
	),
	"frappe.desk.doctype.note.note.mark_as_seen": (
		"harmless",
		"loads a Note by name (no check) and adds the caller to its seen_by; returns nothing",
	),
	"frappe.desk.doctype.notification_log.notification_log.get_notification_logs": (
		"own",
		"db.get_list Notification Log: query hook for_user = caller, side-table hook hides service rows",
	),
	"frappe.desk.doctype.notification_log.notification_log.mark_all_as_read": (
		"own",
		"sets read=1 on the caller's own unread Notification Logs",
	),
	"frappe.desk.doctype.notification_log.notification_log.mark_as_read": (
		"harmless",
		"db.set_value read=1 on a Notification Log by name, no check; returns nothing",
	),
	"frappe.desk.doctype.notification_log.notification_log.trigger_indicator_hide": (
		"own",
		"publishes indicator_hide to the caller's own realtime room",
	),
	"frappe.desk.doctype.notification_settings.notification_settings.get_subscribed_documents": (
		"own",
		"returns subscribed DocType names from the caller's own Notification Settings",
	),
	"frappe.desk.doctype.notification_settings.notification_settings.set_seen_value": (
		"harmless",
		"db.set_value seen on any user's Notification Settings, no check; returns nothing",
	),
	"frappe.desk.doctype.number_card.number_card.add_card_to_dashboard": (
		"harmless",
		"appends a Number Card link to a Dashboard and saves it (Dashboard write: SM/Dashboard Manager)",
	),
	"frappe.desk.doctype.number_card.number_card.create_number_card": (
		"gated",
		"`args` JSON carries document_type; inserts a Number Card with ignore_permissions (config only)",
	),
	"frappe.desk.doctype.number_card.number_card.create_report_number_card": (
		"gated",
		"`args` JSON carries document_type/report; create_number_card (ignore_permissions) + add to a Dashboard",
	),
	"frappe.desk.doctype.number_card.number_card.get_cards_for_user": (
		"gated",
		"search query: takes `doctype` (qb.get_query on it); returns own/public Number Card names",
	),
	"frappe.desk.doctype.number_card.number_card.get_percentage_difference": (
		"referenced",
		"names a record (Number Card by `doc`.name unchecked); the gate looks up what it belongs to",
	),
	"frappe.desk.doctype.number_card.number_card.get_result": (
		"gated",
		"`doc` JSON carries document_type; get_list aggregate of it with caller filters (row permissions apply)",
	),
	"frappe.desk.doctype.onboarding_step.onboarding_step.get_onboarding_steps": (
		"harmless",
		"returns Onboarding Step documents by name (setup config)",
	),
	"frappe.desk.doctype.route_history.route_history.deferred_insert": (
		"own",
		"queues Route History rows with user forced to the caller",
	),
	"frappe.desk.doctype.route_history.route_history.frequently_visited_links": (
		"own",
		"get_all Route History filtered by user = caller",
	),
	"frappe.desk.doctype.system_console.system_console.execute_code": (
		"admin",
		"SystemConsole.run calls frappe.only_for('System Manager') before running Python/SQL",
	),
	"frappe.desk.doctype.system_console.system_console.show_processlist": (
		"admin",
		"frappe.only_for('System Manager'); shows the DB process list",
	),
	"frappe.desk.doctype.system_health_report.system_health_report.get_job_status": (
		"admin",
		"frappe.only_for('System Manager'); status of an RQ job",
	),
	"frappe.desk.doctype.tag.tag.add_tag": (
		"probed",
		"takes `dt`; DocTags.add writes _user_tags and a Tag Link (title = doc title) for `dn`",
	),
	"frappe.desk.doctype.tag.tag.add_tags": (
		"gated",
		"takes `dt`; DocTags.add of each tag to each of `docs` (writes _user_tags and Tag Link rows)",
	),
	"frappe.desk.doctype.tag.tag.get_documents_for_tag": (
		"harmless",
		"Tag Link rows by tag: service records cannot be tagged (Tag Link validate hook), and the side-table hook filters the rest",
	),
	"frappe.desk.doctype.tag.tag.get_tagged_docs": (
		"probed",
		"takes `doctype`; doctype-level check then raw qb query of names whose _user_tags LIKE `tag`",
	),
	"frappe.desk.doctype.tag.tag.get_tags": (
		"harmless",
		"names of Tag masters: service records cannot be tagged (Tag Link validate hook), so no tag comes from casework",
	),
	"frappe.desk.doctype.tag.tag.get_tags_list_for_awesomebar": (
		"harmless",
		"names of Tag masters: service records cannot be tagged (Tag Link validate hook)",
	),
	"frappe.desk.doctype.tag.tag.remove_tag": (
		"gated",
		"takes `dt`; DocTags.remove of a tag from `dn` (updates _user_tags, deletes Tag Link)",
	),
	"frappe.desk.doctype.todo.todo.new_todo": (
		"own",
		"inserts a ToDo with the caller's description and no reference",
	),
	"frappe.desk.doctype.workspace.workspace.delete_page": (
		"harmless",
		"deletes a Workspace: public needs Workspace Manager, private must be the caller's",
	),
	"frappe.desk.doctype.workspace.workspace.duplicate_page": (
		"harmless",
		"copies any Workspace by name (no read check) into a new one for the caller; desk config only",
	),
	"frappe.desk.doctype.workspace.workspace.hide_page": (
		"harmless",
		"hides a Workspace page (hide_unhide_page); Workspace config only",
	),
	"frappe.desk.doctype.workspace.workspace.new_page": (
		"harmless",
		"inserts a Workspace (public needs Workspace Manager, private must be the caller's)",
	),
	"frappe.desk.doctype.workspace.workspace.save_page": (
		"harmless",
		"overwrites content of a public or the caller's private Workspace (ignore_permissions: G5 residual); config only",
	),
	"frappe.desk.doctype.workspace.workspace.sort_pages": (
		"harmless",
		"reorders the caller's private Workspaces (public ones need Workspace Manager)",
	),
	"frappe.desk.doctype.workspace.workspace.unhide_page": (
		"harmless",
		"unhides a Workspace page (hide_unhide_page); Workspace config only",
	),
	"frappe.desk.doctype.workspace.workspace.update_page": (
		"harmless",
		"renames/moves a Workspace; others' private ones need Workspace Manager, public ones do not (GHSA-r24j)",
	),
	"frappe.desk.form.assign_to.add": (
		"probed",
		"`args`/form carries doctype+name; get_doc+read check, inserts ToDo, may share the record, returns assignments",
	),
	"frappe.desk.form.assign_to.add_multiple": (
		"gated",
		"`args`/form carries doctype; assign_to.add for each name in the JSON list",
	),
	"frappe.desk.form.assign_to.close": (
		"gated",
		"takes `doctype`; closes the caller's own ToDo on that record (assignee must be the caller)",
	),
	"frappe.desk.form.assign_to.remove": (
		"gated",
		"takes `doctype`; cancels an assignment ToDo on that record (set_status permission checks)",
	),
	"frappe.desk.form.assign_to.remove_multiple": (
		"gated",
		"takes `doctype`; reads assignments of each name and cancels them",
	),
	"frappe.desk.form.document_follow.follow_document": (
		"probed",
		"takes `doctype`; inserts a Document Follow for any `user` on doc_name without a read check",
	),
	"frappe.desk.form.document_follow.get_follow_users": (
		"gated",
		"takes `doctype`; get_all Document Follow users of doc_name, no permission check",
	),
	"frappe.desk.form.document_follow.unfollow_document": (
		"gated",
		"takes `doctype`; deletes a Document Follow of (doc_name, user) with delete permission",
	),
	"frappe.desk.form.document_follow.update_follow": (
		"gated",
		"takes `doctype`; follow/unfollow doc_name for the caller",
	),
	"frappe.desk.form.linked_with.cancel_all_linked_docs": (
		"gated",
		"`docs` JSON items carry doctype; validates and cancels each (cancel permission)",
	),
	"frappe.desk.form.linked_with.get": (
		"probed",
		"takes `doctype`; has_permission result ignored, returns documents of every DocType linking to docname",
	),
	"frappe.desk.form.linked_with.get_linked_doctypes": (
		"gated",
		"takes `doctype`; returns the DocTypes/fields that link to it (meta only)",
	),
	"frappe.desk.form.linked_with.get_submitted_linked_docs": (
		"probed",
		"takes `doctype`; has_permission result ignored, get_all walk of submitted docs linking to `name`",
	),
	"frappe.desk.form.load.get_communications": (
		"gated",
		"takes `doctype`; get_doc then read check (404/403 oracle), returns its Communications",
	),
	"frappe.desk.form.load.get_docinfo": (
		"probed",
		"takes `doctype`; get_doc then read check, returns comments, versions, attachments, shares, views",
	),
	"frappe.desk.form.load.get_user_info_for_viewers": (
		"account",
		"about accounts only: add_user_info for ANY list of user ids: full name, email, image; no check (account enumeration)",
	),
	"frappe.desk.form.load.getdoc": (
		"probed",
		"takes `doctype`; get_doc (missing gives [] 200) then read check, returns doc, docinfo and link titles",
	),
	"frappe.desk.form.load.getdoctype": (
		"gated",
		"takes `doctype`; returns its meta bundle and the caller's user settings",
	),
	"frappe.desk.form.save.cancel": ("gated", "takes `doctype`; get_doc then cancel (cancel permission)"),
	"frappe.desk.form.save.savedocs": (
		"gated",
		"`doc` JSON carries doctype; save/submit/cancel with the caller's permissions",
	),
	"frappe.desk.form.utils.add_comment": (
		"probed",
		"takes `reference_doctype`; get_doc + read check (404/403), inserts a Comment with ignore_permissions",
	),
	"frappe.desk.form.utils.get_next": (
		"probed",
		"takes `doctype`; frappe.get_value(value, sort_field) unchecked feeds the next/prev get_list (ordering oracle)",
	),
	"frappe.desk.form.utils.remove_attach": (
		"referenced",
		"form `fid` names a File; the gate looks up the record the File belongs to",
	),
	"frappe.desk.form.utils.update_comment": (
		"own",
		"edits a Comment only if the caller owns it, after a read check on its reference",
	),
	"frappe.desk.gantt.update_task": (
		"gated",
		"`args` JSON carries doctype+name; get_doc and save start/end fields with write permission",
	),
	"frappe.desk.leaderboard.get_energy_point_leaderboard": (
		"harmless",
		"energy-point totals and full names of enabled System Users (website users excluded)",
	),
	"frappe.desk.like.toggle_like": (
		"probed",
		"takes `doctype`; _toggle_like updates _liked_by and adds a Like comment with no permission check",
	),
	"frappe.desk.link_preview.get_preview_data": (
		"probed",
		"takes `doctype`; get_list of preview/mandatory fields of docname when show_preview_popup",
	),
	"frappe.desk.listview.get_group_by_count": (
		"probed",
		"takes `doctype`; group-by counts via get_list, but field=assigned_to uses qb subquery without permissions",
	),
	"frappe.desk.listview.get_list_settings": (
		"gated",
		"takes `doctype`; returns its List View Settings (config)",
	),
	"frappe.desk.listview.set_list_settings": (
		"gated",
		"takes `doctype`; saves its List View Settings (List View Settings perms)",
	),
	"frappe.desk.notifications.get_notification_info": (
		"own",
		"the caller's cached notification counts plus config for DocTypes the caller can read",
	),
	"frappe.desk.notifications.get_notifications": (
		"own",
		"notification counts cached for the caller (session user) and targets",
	),
	"frappe.desk.notifications.get_open_count": (
		"probed",
		"takes `doctype`; checks the parent doc only, then counts caller-chosen `items` DocTypes linking to it via get_all",
	),
	"frappe.desk.page.backups.backups.schedule_files_backup": (
		"admin",
		"frappe.only_for('System Manager'); enqueues a files backup",
	),
	"frappe.desk.page.leaderboard.leaderboard.get_leaderboard_config": (
		"harmless",
		"returns leaderboard config from hooks",
	),
	"frappe.desk.page.setup_wizard.setup_wizard.load_country": (
		"harmless",
		"geo-IP country of the caller's own request IP",
	),
	"frappe.desk.page.setup_wizard.setup_wizard.load_languages": (
		"harmless",
		"returns Language names and codes",
	),
	"frappe.desk.page.setup_wizard.setup_wizard.load_messages": (
		"harmless",
		"no check: sets the site default language and returns setup-wizard translations; no records",
	),
	"frappe.desk.page.setup_wizard.setup_wizard.load_user_details": (
		"harmless",
		"returns the setup-wizard signup name/email cached under 'signup'",
	),
	"frappe.desk.page.setup_wizard.setup_wizard.setup_complete": (
		"harmless",
		"returns ok when System Settings.setup_complete is set; otherwise runs setup stages",
	),
	"frappe.desk.page.user_profile.user_profile.get_energy_points_heatmap_data": (
		"harmless",
		"daily energy-point sums of a user (raw qb on Energy Point Log); no references or reasons",
	),
	"frappe.desk.page.user_profile.user_profile.get_energy_points_list": (
		"residual",
		"Energy Point Log of any user (side-table hook applies); the health page flags energy points if enabled",
	),
	"frappe.desk.page.user_profile.user_profile.get_energy_points_percentage_chart_data": (
		"residual",
		"get_all on Energy Point Log of any user; no rule awards points on service records; health page flags energy points",
	),
	"frappe.desk.page.user_profile.user_profile.get_user_rank": (
		"harmless",
		"monthly and all-time energy-point rank of a user; ranks only",
	),
	"frappe.desk.page.user_profile.user_profile.update_profile_info": (
		"own",
		"updates location/interest/image/bio on the caller's own User",
	),
	"frappe.desk.query_report.export_query": (
		"referenced",
		"names a record (form `report_name`: can_export(ref_doctype) then run(report_name, filters) exported as CSV/XLSX); the gate looks up what it belongs to",
	),
	"frappe.desk.query_report.get_data_for_custom_field": (
		"gated",
		"takes `doctype`; doctype-level read check then get_list(name, field) for `names`",
	),
	"frappe.desk.query_report.get_script": (
		"harmless",
		"get_report_doc (Report roles + ref_doctype report perm) then the report's JS/HTML/filter config; no data",
	),
	"frappe.desk.query_report.run": (
		"referenced",
		"names a record (`report_name`: report roles + ref_doctype report perm); the gate looks up what it belongs to",
	),
	"frappe.desk.query_report.save_report": (
		"harmless",
		"saves a Custom Report (columns+filters JSON) of a reference report that passes get_report_doc",
	),
	"frappe.desk.reportview.delete_items": (
		"gated",
		"form `doctype`; delete_bulk of `items` with delete permission",
	),
	"frappe.desk.reportview.delete_report": (
		"harmless",
		"deletes a non-standard Report Builder Report owned by the caller or with delete permission",
	),
	"frappe.desk.reportview.export_query": (
		"gated",
		"takes form `doctype`; can_export then DatabaseQuery export of caller fields/filters, writes an Access Log",
	),
	"frappe.desk.reportview.get": (
		"probed",
		"form `doctype`; DatabaseQuery execute with caller fields/filters/group_by (compressed)",
	),
	"frappe.desk.reportview.get_count": (
		"probed",
		"form `doctype`; count via DatabaseQuery, with limit wraps a raw select count(*) subquery",
	),
	"frappe.desk.reportview.get_filter_dashboard_data": (
		"gated",
		"takes form `doctype`; get_list group-by counts per caller column with caller filters",
	),
	"frappe.desk.reportview.get_list": (
		"gated",
		"takes form `doctype`; DatabaseQuery execute with caller fields/filters (uncompressed)",
	),
	"frappe.desk.reportview.get_sidebar_stats": (
		"probed",
		"takes `doctype`; get_stats group-by counts per column, _user_tags included",
	),
	"frappe.desk.reportview.get_stats": (
		"gated",
		"takes form `doctype`; get_list group-by counts per caller column with caller filters",
	),
	"frappe.desk.reportview.save_report": (
		"gated",
		"takes `doctype`; saves a Report Builder Report on it (ignore_permissions; others' reports need write)",
	),
	"frappe.desk.search.get_link_title": (
		"probed",
		"takes `doctype`; db.get_value(title_field) of docname with no permission check when show_title_field_in_link",
	),
	"frappe.desk.search.get_names_for_mentions": (
		"harmless",
		"cached enabled System Users allowed in mentions and User Groups matching a term; no website users",
	),
	"frappe.desk.search.search_link": (
		"probed",
		"takes `doctype`; search_widget (ignore_user_permissions can skip row rules, `query` can call other search fns)",
	),
	"frappe.desk.search.search_widget": (
		"probed",
		"takes `doctype`; get_list LIKE search; ignore_user_permissions + filter_fields bypass row rules and permlevel",
	),
	"frappe.desk.treeview.add_node": (
		"gated",
		"form `doctype`; make_tree_args then get_doc(args).save() with create permission",
	),
	"frappe.desk.treeview.get_all_nodes": (
		"gated",
		"takes `doctype`; recursively calls a whitelisted tree_method for it",
	),
	"frappe.desk.treeview.get_children": (
		"gated",
		"takes `doctype`; get_list of nodes under `parent` (row permissions apply)",
	),
	"frappe.email.doctype.auto_email_report.auto_email_report.download": (
		"referenced",
		"names a record (Auto Email Report by name (read: SM/Report Manager)); the gate looks up what it belongs to",
	),
	"frappe.email.doctype.auto_email_report.auto_email_report.send_now": (
		"referenced",
		"names a record (Auto Email Report by name (read: SM/Report Manager)); the gate looks up what it belongs to",
	),
	"frappe.email.doctype.email_account.email_account.EmailAccount.get_domain_values": (
		"controller",
		"Email Account controller: settings of an Email Domain",
	),
	"frappe.email.doctype.email_account.email_account.get_append_to": (
		"harmless",
		"search query: names of DocTypes with email_append_to (meta only)",
	),
	"frappe.email.doctype.email_account.email_account.set_email_password": (
		"harmless",
		"no check: sets the password of an Email Account awaiting one (ignore_permissions); returns a boolean",
	),
	"frappe.email.doctype.email_group.email_group.EmailGroup.preview_welcome_url": (
		"controller",
		"Email Group controller: welcome URL for an email",
	),
	"frappe.email.doctype.email_group.email_group.add_subscribers": (
		"harmless",
		"inserts Email Group Members with their permission check (Newsletter Manager); returns the count",
	),
	"frappe.email.doctype.email_group.email_group.import_from": (
		"gated",
		"takes `doctype`; after Email Group write check imports email addresses from that DocType",
	),
	"frappe.email.doctype.email_queue.email_queue.EmailQueue.retry_sending": (
		"controller",
		"Email Queue controller (System Manager read): resets an errored mail to Not Sent",
	),
	"frappe.email.doctype.email_queue.email_queue.bulk_retry": (
		"admin",
		"frappe.only_for('System Manager'); resets errored Email Queue rows",
	),
	"frappe.email.doctype.email_queue.email_queue.send_now": (
		"admin",
		"Email Queue check_permission (read: System Manager only) before sending it",
	),
	"frappe.email.doctype.email_queue.email_queue.toggle_sending": (
		"admin",
		"frappe.only_for('System Manager'); suspends/resumes the email queue",
	),
	"frappe.email.doctype.email_template.email_template.get_email_template": (
		"harmless",
		"renders a stored Email Template with the caller-supplied `doc` dict; loads no other record",
	),
	"frappe.email.doctype.newsletter.newsletter.Newsletter.find_broken_links": (
		"controller",
		"Newsletter controller: HEAD-requests links in its message",
	),
	"frappe.email.doctype.newsletter.newsletter.Newsletter.get_sending_status": (
		"controller",
		"Newsletter controller: Email Queue status counts of that Newsletter",
	),
	"frappe.email.doctype.newsletter.newsletter.Newsletter.send_emails": (
		"controller",
		"Newsletter controller: queues sending to its recipients",
	),
	"frappe.email.doctype.newsletter.newsletter.Newsletter.send_test_email": (
		"controller",
		"Newsletter controller: sends it to a test address",
	),
	"frappe.email.doctype.newsletter.newsletter.confirm_subscription": (
		"harmless",
		"guest, signed link: adds an email to an Email Group",
	),
	"frappe.email.doctype.newsletter.newsletter.newsletter_email_read": (
		"harmless",
		"guest tracking pixel: counts a Newsletter view; `reference_doctype` is unused",
	),
	"frappe.email.doctype.newsletter.newsletter.subscribe": (
		"harmless",
		"guest, rate-limited: mails a signed confirmation link for an Email Group",
	),
	"frappe.email.doctype.notification.notification.get_documents_for_today": (
		"admin",
		"Notification read check (System Manager only), then names of documents due today",
	),
	"frappe.email.email_body.get_email_html": (
		"harmless",
		"renders a bundled templates/emails template with caller `args`; loads no records",
	),
	"frappe.email.get_communication_doctype": (
		"harmless",
		"search query: DocType names the caller can read (UserPermissions.can_read)",
	),
	"frappe.email.get_contact_list": (
		"account",
		"about accounts only: get_list Contact + Contact Email LIKE txt with caller extra_filters: finds a person's Contact (auto-created by",
	),
	"frappe.email.inbox.create_email_flag_queue": (
		"referenced",
		"names a record (Communication names: db.get_value and _seen/seen updates plus Email Flag Queue rows, no permission c); the gate looks up what it belongs to",
	),
	"frappe.email.inbox.mark_as_closed_open": (
		"referenced",
		"names a record (frappe.client.set_value on a Communication by name: permission-checked save (404/403 on th); the gate looks up what it belongs to",
	),
	"frappe.email.inbox.mark_as_spam": (
		"referenced",
		"names a record (inserts an Email Rule (ignore_permissions) and set_value email_status on a Communication b); the gate looks up what it belongs to",
	),
	"frappe.email.inbox.mark_as_trash": (
		"referenced",
		"names a record (frappe.client.set_value email_status on a Communication by name (permission-checked save)); the gate looks up what it belongs to",
	),
	"frappe.email.inbox.move_email": (
		"referenced",
		"names a record (frappe.client.set_value email_account on a Communication by name (permission-checked save)); the gate looks up what it belongs to",
	),
	"frappe.email.queue.unsubscribe": (
		"gated",
		"guest, signed request: takes `doctype`; inserts an Email Unsubscribe for that record",
	),
	"frappe.email.relink": (
		"referenced",
		"names a record (raw SQL, no check: repoints any Communication by name to a caller-chosen reference (e.g. own ToDo), ); the gate looks up what it belongs to",
	),
	"frappe.geo.country_info.get_country_timezone_info": (
		"harmless",
		"guest: returns bundled country and timezone data",
	),
	"frappe.geo.utils.get_coords": (
		"gated",
		"takes `doctype`; geojson of its location/coordinates fields with caller filters",
	),
	"frappe.handler.download_file": (
		"referenced",
		"guest: `file_url`; the gate denies outsiders any file_url of a casework attachment",
	),
	"frappe.handler.logout": ("own", "guest: logs the caller's own session out"),
	"frappe.handler.upload_file": (
		"probed",
		"guest: form doctype/docname (write check result ignored); `file_url`/`library_file_name` copies an existing file into a caller-owned File",
	),
	"frappe.handler.uploadfile": (
		"gated",
		"takes form `doctype`/`docname`; a `file_url` of a casework file is refused (File hooks)",
	),
	"frappe.handler.web_logout": ("own", "guest: logs the caller's own session out and shows a page"),
	"frappe.integrations.doctype.connected_app.connected_app.ConnectedApp.initiate_web_application_flow": (
		"controller",
		"Connected App controller: OAuth authorization URL and Token Cache for a user",
	),
	"frappe.integrations.doctype.connected_app.connected_app.callback": (
		"own",
		"guest: OAuth callback, stores a token in the caller's own Token Cache after a state check",
	),
	"frappe.integrations.doctype.connected_app.connected_app.has_token": (
		"harmless",
		"whether a user holds an access token for a Connected App (boolean)",
	),
	"frappe.integrations.doctype.dropbox_settings.dropbox_settings.dropbox_auth_finish": (
		"admin",
		"stores a Dropbox token via Dropbox Settings.save(), which needs its write perm (System Manager only)",
	),
	"frappe.integrations.doctype.dropbox_settings.dropbox_settings.get_dropbox_authorize_url": (
		"harmless",
		"no check: returns the Dropbox OAuth URL (app key) of Dropbox Settings; no records",
	),
	"frappe.integrations.doctype.dropbox_settings.dropbox_settings.take_backup": (
		"harmless",
		"no role check: enqueues a backup upload to the Dropbox configured (if enabled); returns nothing",
	),
	"frappe.integrations.doctype.google_calendar.google_calendar.authorize_access": (
		"harmless",
		"Google Calendar write check, then OAuth URL or refresh-token exchange for it",
	),
	"frappe.integrations.doctype.google_calendar.google_calendar.google_callback": (
		"harmless",
		"stores an OAuth code on the Google Calendar cached during authorize_access (write-checked there)",
	),
	"frappe.integrations.doctype.google_calendar.google_calendar.sync": (
		"own",
		"syncs the enabled Google Calendars the caller can list (own rows, or all for SM) into Events",
	),
	"frappe.integrations.doctype.google_contacts.google_contacts.authorize_access": (
		"harmless",
		"Google Contacts write check, then OAuth URL or token exchange stored on that row",
	),
	"frappe.integrations.doctype.google_contacts.google_contacts.sync": (
		"own",
		"syncs the enabled Google Contacts rows the caller can list (own rows, or all for SM)",
	),
	"frappe.integrations.doctype.google_drive.google_drive.authorize_access": (
		"residual",
		"inert unless the integration is enabled (the health page flags it): no role check: stores a caller-obtained OAuth code/refresh token in Google Drive",
	),
	"frappe.integrations.doctype.google_drive.google_drive.take_backup": (
		"harmless",
		"no role check: enqueues a full backup upload to the configured Google Drive; returns nothing",
	),
	"frappe.integrations.doctype.google_settings.google_settings.get_file_picker_settings": (
		"harmless",
		"returns Google Drive picker app/client ids when enabled",
	),
	"frappe.integrations.doctype.ldap_settings.ldap_settings.login": (
		"own",
		"guest: LDAP login with the caller's own credentials",
	),
	"frappe.integrations.doctype.ldap_settings.ldap_settings.reset_password": (
		"residual",
		"inert unless the integration is enabled (the health page flags it): no check that `user` is the caller: sets any LDAP user's password when LDAP is e",
	),
	"frappe.integrations.doctype.s3_backup_settings.s3_backup_settings.take_backup": (
		"harmless",
		"no role check: enqueues a backup upload to the configured S3 bucket; returns nothing",
	),
	"frappe.integrations.doctype.s3_backup_settings.s3_backup_settings.take_backups_s3": (
		"harmless",
		"no role check: runs a backup upload to the configured S3 bucket in-request; returns nothing",
	),
	"frappe.integrations.doctype.social_login_key.social_login_key.SocialLoginKey.get_social_login_provider": (
		"controller",
		"Social Login Key controller: built-in provider presets",
	),
	"frappe.integrations.doctype.webhook.webhook.Webhook.generate_preview": (
		"controller",
		"Webhook controller: no-op used to refresh virtual preview fields",
	),
	"frappe.integrations.doctype.webhook.webhook.get_all_queues": (
		"admin",
		"frappe.only_for('System Manager'); lists RQ queue names",
	),
	"frappe.integrations.google_oauth.callback": (
		"residual",
		"inert unless the integration is enabled (the health page flags it): state.domain routes caller kwargs to drive/contacts/indexing authorize_access; d",
	),
	"frappe.integrations.oauth2.approve": (
		"own",
		"OAuth provider: approves an authorization request for the caller",
	),
	"frappe.integrations.oauth2.authorize": (
		"own",
		"guest OAuth provider endpoint: login redirect or consent page for the caller",
	),
	"frappe.integrations.oauth2.get_token": (
		"own",
		"guest OAuth token endpoint: exchanges the caller's grant for a token",
	),
	"frappe.integrations.oauth2.introspect_token": (
		"harmless",
		"guest: describes a bearer token (and its user's profile) only to whoever presents that token",
	),
	"frappe.integrations.oauth2.openid_configuration": (
		"harmless",
		"guest: static OpenID discovery document",
	),
	"frappe.integrations.oauth2.openid_profile": ("own", "userinfo of the bearer token's own user"),
	"frappe.integrations.oauth2.revoke_token": ("own", "guest: revokes the token the caller presents"),
	"frappe.integrations.oauth2_logins.custom": (
		"own",
		"guest: social-login callback for a configured provider, logs the caller in",
	),
	"frappe.integrations.oauth2_logins.login_via_facebook": (
		"own",
		"guest: Facebook social-login callback, logs the caller in",
	),
	"frappe.integrations.oauth2_logins.login_via_fairlogin": (
		"own",
		"guest: fairlogin social-login callback, logs the caller in",
	),
	"frappe.integrations.oauth2_logins.login_via_frappe": (
		"own",
		"guest: Frappe social-login callback, logs the caller in",
	),
	"frappe.integrations.oauth2_logins.login_via_github": (
		"own",
		"guest: GitHub social-login callback, logs the caller in",
	),
	"frappe.integrations.oauth2_logins.login_via_google": (
		"own",
		"guest: Google social-login callback, logs the caller in",
	),
	"frappe.integrations.oauth2_logins.login_via_keycloak": (
		"own",
		"guest: Keycloak social-login callback, logs the caller in",
	),
	"frappe.integrations.oauth2_logins.login_via_office365": (
		"own",
		"guest: Office 365 social-login callback, logs the caller in",
	),
	"frappe.integrations.oauth2_logins.login_via_salesforce": (
		"own",
		"guest: Salesforce social-login callback, logs the caller in",
	),
	"frappe.model.document.Document.add_comment": (
		"controller",
		"base Document method on any DocType via run_doc_method (read check on that record): inserts a Comment",
	),
	"frappe.model.document.Document.cancel": (
		"controller",
		"base Document method on any DocType via run_doc_method: cancel with cancel permission",
	),
	"frappe.model.document.Document.rename": (
		"controller",
		"base Document method on any DocType via run_doc_method: rename with write permission",
	),
	"frappe.model.document.Document.submit": (
		"controller",
		"base Document method on any DocType via run_doc_method: submit with submit permission",
	),
	"frappe.model.document.unlock_document": (
		"gated",
		"takes `doctype` (or `args` JSON with doctype); get_doc then unlock() with no permission check",
	),
	"frappe.model.mapper.make_mapped_doc": (
		"referenced",
		"dispatcher: calls whitelisted `method`(source_name); the gate applies the inner method's named arguments",
	),
	"frappe.model.mapper.map_docs": (
		"referenced",
		"dispatcher: calls whitelisted `method` on each source name; the gate applies the inner method's named arguments",
	),
	"frappe.model.rename_doc.update_document_title": (
		"gated",
		"takes `doctype`; get_doc then write check, renames and/or sets its title",
	),
	"frappe.model.utils.user_settings.get": (
		"own",
		"returns the caller's own saved list/report settings for `doctype`",
	),
	"frappe.model.utils.user_settings.save": (
		"own",
		"saves the caller's own list/report settings for `doctype`",
	),
	"frappe.model.workflow.apply_workflow": (
		"gated",
		"`doc` JSON carries doctype+name; load_from_db, read check in get_transitions, then applies the action",
	),
	"frappe.model.workflow.bulk_workflow_approval": (
		"gated",
		"takes `doctype`; applies a workflow action to each of `docnames`",
	),
	"frappe.model.workflow.can_cancel_document": (
		"gated",
		"takes `doctype`; reads only its Workflow definition",
	),
	"frappe.model.workflow.get_common_transition_actions": (
		"gated",
		"takes `doctype` (and `docs` JSON); get_transitions for each doc",
	),
	"frappe.model.workflow.get_transitions": (
		"gated",
		"`doc` JSON carries doctype+name; get_doc/load_from_db before the read check (404/403)",
	),
	"frappe.modules.utils.export_customizations": (
		"gated",
		"takes `doctype`; developer_mode only: writes its Custom Fields/Property Setters to the app folder",
	),
	"frappe.ping": ("harmless", "guest: returns 'pong'"),
	"frappe.printing.doctype.network_printer_settings.network_printer_settings.NetworkPrinterSettings.get_printers_list": (
		"controller",
		"Network Printer Settings controller: lists CUPS printers",
	),
	"frappe.printing.doctype.network_printer_settings.network_printer_settings.get_network_printer_settings": (
		"harmless",
		"db.get_list of Network Printer Settings names",
	),
	"frappe.printing.doctype.print_format.print_format.make_default": (
		"harmless",
		"Print Format write check result ignored: sets a DocType's default print format (Property Setter); no records",
	),
	"frappe.printing.doctype.print_settings.print_settings.is_print_server_enabled": (
		"harmless",
		"returns Print Settings.enable_print_server",
	),
	"frappe.printing.page.print.print.get_print_settings_to_show": (
		"gated",
		"takes `doctype`; get_doc(docname) with no check, returns Print Settings fields it asks for",
	),
	"frappe.printing.page.print_format_builder.print_format_builder.create_custom_format": (
		"gated",
		"takes `doctype`; inserts a Print Format for it (Print Format create: System Manager)",
	),
	"frappe.printing.page.print_format_builder_beta.print_format_builder_beta.get_google_fonts": (
		"harmless",
		"returns the bundled Google Fonts list",
	),
	"frappe.push_notification.auth_webhook": (
		"harmless",
		"guest: returns the cached push-relay registration token (relay handshake); no records",
	),
	"frappe.push_notification.subscribe": ("own", "registers an FCM token for the caller"),
	"frappe.push_notification.unsubscribe": ("own", "removes an FCM token of the caller"),
	"frappe.realtime.can_subscribe_doc": (
		"probed",
		"guest: takes `doctype`; has_permission(doc=docname) loads the record first (existence oracle)",
	),
	"frappe.realtime.can_subscribe_doctype": (
		"probed",
		"guest: takes `doctype`; doctype-level has_permission (if_owner or one share suffices)",
	),
	"frappe.realtime.get_user_info": ("own", "guest: returns the caller's own user id and user type"),
	"frappe.recorder.delete": ("admin", "@administrator_only; clears recorder data"),
	"frappe.recorder.export_data": ("admin", "@administrator_only; exports recorded requests"),
	"frappe.recorder.get": ("admin", "@administrator_only; returns recorded requests"),
	"frappe.recorder.import_data": ("admin", "@administrator_only; imports recorded requests"),
	"frappe.recorder.start": ("admin", "@administrator_only; starts the request recorder"),
	"frappe.recorder.status": ("admin", "@administrator_only; recorder on/off"),
	"frappe.recorder.stop": ("admin", "@administrator_only; stops the recorder"),
	"frappe.rename_doc": (
		"gated",
		"takes `doctype`; model.rename_doc of `old` to `new` with write permission",
	),
	"frappe.search.web_search": (
		"harmless",
		"guest: published web routes only; service DocTypes have no web view and are never in global search",
	),
	"frappe.sessions.clear": ("own", "clears the caller's own session and user cache"),
	"frappe.sessions.get_boot_assets_json": ("harmless", "returns the asset bundle map"),
	"frappe.share.add": (
		"probed",
		"takes `doctype`; add_docshare checks share perm, loads doc, inserts DocShare (everyone=1 reaches all users)",
	),
	"frappe.share.get_users": (
		"gated",
		"takes `doctype`; get_doc with no check (404 oracle), returns users it is shared with",
	),
	"frappe.share.set_permission": (
		"gated",
		"takes `doctype`; changes a DocShare flag on that record (share permission)",
	),
	"frappe.social.doctype.energy_point_log.energy_point_log.EnergyPointLog.revert": (
		"controller",
		"Energy Point Log controller: frappe.only_for('System Manager'), inserts a Revert log",
	),
	"frappe.social.doctype.energy_point_log.energy_point_log.add_review_points": (
		"admin",
		"frappe.only_for('System Manager'); grants review points",
	),
	"frappe.social.doctype.energy_point_log.energy_point_log.get_energy_points": (
		"harmless",
		"energy/review point totals of a user (sums only)",
	),
	"frappe.social.doctype.energy_point_log.energy_point_log.get_reviews": (
		"gated",
		"takes `doctype`; get_all Appreciation/Criticism logs of docname with reasons, no check",
	),
	"frappe.social.doctype.energy_point_log.energy_point_log.get_user_energy_and_review_points": (
		"harmless",
		"raw SQL sums of energy/review points per user; no references or reasons",
	),
	"frappe.social.doctype.energy_point_log.energy_point_log.review": (
		"gated",
		"`doc` JSON carries doctype+name; inserts an Energy Point Log on it with no check on the record",
	),
	"frappe.templates.includes.comments.comments.add_comment": (
		"gated",
		"guest-callable: takes `reference_doctype`; get_doc with no read check, inserts a published Comment, mails the owner",
	),
	"frappe.templates.includes.likes.likes.like": (
		"gated",
		"guest-callable: takes `reference_doctype`; get_doc with no read check, adds/removes a Like",
	),
	"frappe.tests.ui_test_helpers.add_remove_role": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): adds/removes any role on any User via save()",
	),
	"frappe.tests.ui_test_helpers.create_admin_kanban": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts a ToDo Kanban Board",
	),
	"frappe.tests.ui_test_helpers.create_blog_post": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts a test Blog Category/Blogger/Blog Post",
	),
	"frappe.tests.ui_test_helpers.create_child_doctype": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts a custom child DocType (DocType create: System Manager)",
	),
	"frappe.tests.ui_test_helpers.create_communication_record": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts one test Communication with no reference",
	),
	"frappe.tests.ui_test_helpers.create_contact_phone_nos_records": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts a test Contact with 1000 phone numbers",
	),
	"frappe.tests.ui_test_helpers.create_contact_records": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts three test Contacts",
	),
	"frappe.tests.ui_test_helpers.create_data_for_discussions": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): creates test Web Pages with discussion topics",
	),
	"frappe.tests.ui_test_helpers.create_doctype": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts a custom DocType (DocType create: System Manager)",
	),
	"frappe.tests.ui_test_helpers.create_form_tour": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts a test Form Tour for Contact",
	),
	"frappe.tests.ui_test_helpers.create_if_not_exists": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts any `doc` JSON with ignore_permissions (e.g. Has Role, File row",
	),
	"frappe.tests.ui_test_helpers.create_kanban": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): adds a Note Custom Field and a Note Kanban Board",
	),
	"frappe.tests.ui_test_helpers.create_multiple_todo_records": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): bulk-inserts 1001 test ToDos",
	),
	"frappe.tests.ui_test_helpers.create_test_user": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts a User with every role (User create: System Manager)",
	),
	"frappe.tests.ui_test_helpers.create_todo": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts a ToDo with the caller's description",
	),
	"frappe.tests.ui_test_helpers.create_todo_records": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): truncates ToDo, then inserts four test ToDos",
	),
	"frappe.tests.ui_test_helpers.create_todo_with_attachment_limit": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): sets ToDo max_attachments and inserts a ToDo",
	),
	"frappe.tests.ui_test_helpers.insert_doctype_with_child_table_record": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): takes `name` (a DocType); inserts a test record of it",
	),
	"frappe.tests.ui_test_helpers.insert_translations": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): inserts four German Translation rows",
	),
	"frappe.tests.ui_test_helpers.prepare_webform_test": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): deletes all Notes and the 'note' Web Form",
	),
	"frappe.tests.ui_test_helpers.publish_progress": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): enqueues a slow task that publishes progress",
	),
	"frappe.tests.ui_test_helpers.publish_realtime": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): publish_realtime of caller event/message to any room, user or document",
	),
	"frappe.tests.ui_test_helpers.setup_default_view": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): sets Event default_view Property Setters",
	),
	"frappe.tests.ui_test_helpers.setup_image_doctype": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): recreates a custom 'Custom Image' DocType (System Manager)",
	),
	"frappe.tests.ui_test_helpers.setup_inbox": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): deletes every User Email row, links the caller to 'Email Linking'",
	),
	"frappe.tests.ui_test_helpers.setup_tree_doctype": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): recreates a custom 'Custom Tree' DocType (System Manager)",
	),
	"frappe.tests.ui_test_helpers.setup_workflow": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): creates a ToDo workflow and test ToDos",
	),
	"frappe.tests.ui_test_helpers.update_child_table": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): appends a field to a DocType and saves it (System Manager)",
	),
	"frappe.tests.ui_test_helpers.update_webform_to_multistep": (
		"test_only",
		"test-only (whitelist_for_tests throws in a request unless in_test/dev_server): copies the edit-profile Web Form into a multistep one",
	),
	"frappe.translate.get_all_languages": ("harmless", "guest: enabled Language codes/names"),
	"frappe.translate.get_translations": (
		"harmless",
		"db.get_list Translation for a source text (Translation perms: System Manager)",
	),
	"frappe.translate.update_translations_for_source": (
		"harmless",
		"saves/deletes Translation rows with their permission checks (System Manager)",
	),
	"frappe.twofactor.reset_otp_secret": (
		"own",
		"resets the caller's own OTP secret; another user needs frappe.only_for('System Manager')",
	),
	"frappe.utils.backups.fetch_latest_backups": (
		"admin",
		"frappe.only_for('System Manager'); paths of recent backups",
	),
	"frappe.utils.backups.get_backup_encryption_key": (
		"admin",
		"frappe.only_for('System Manager'); returns the backup encryption key",
	),
	"frappe.utils.change_log.get_versions": ("harmless", "installed app titles, branches and versions"),
	"frappe.utils.change_log.show_update_popup": ("own", "shows the caller a cached update notice once"),
	"frappe.utils.change_log.update_last_known_versions": (
		"own",
		"stores app versions on the caller's own User",
	),
	"frappe.utils.csvutils.send_csv_to_client": ("harmless", "echoes the caller's `args.data` back as CSV"),
	"frappe.utils.diff.get_version_diff": (
		"referenced",
		"names a record (Version rows by name via get_list (Version perms + side-table hook)); the gate looks up what it belongs to",
	),
	"frappe.utils.diff.version_query": (
		"gated",
		"`filters` carries ref_doctype+docname; get_list Version rows of that record",
	),
	"frappe.utils.file_manager.add_attachments": (
		"referenced",
		"names a record (`doctype` may be the caller's own record); the gate looks up what it belongs to",
	),
	"frappe.utils.global_search.search": (
		"probed",
		"MATCH over __global_search content for every readable DocType (get_can_read counts shares)",
	),
	"frappe.utils.global_search.web_search": (
		"probed",
		"guest: MATCH over __global_search rows with published=1, any DocType",
	),
	"frappe.utils.goal.get_monthly_goal_graph_data": (
		"gated",
		"takes `doctype` and `goal_doctype`; read check on the doc, then monthly aggregates of goal_doctype",
	),
	"frappe.utils.nestedset.rebuild_tree": (
		"gated",
		"takes `doctype`; SM check only for the short cmd name, rebuilds lft/rgt of that tree",
	),
	"frappe.utils.pdf.is_wkhtmltopdf_valid": (
		"harmless",
		"whether the wkhtmltopdf binary is the patched-qt build",
	),
	"frappe.utils.print_format.download_multi_pdf": (
		"gated",
		"takes `doctype` (or a dict of doctypes to names); prints each after print-permission checks",
	),
	"frappe.utils.print_format.download_multi_pdf_async": (
		"gated",
		"takes `doctype` (or dict); enqueues _download_multi_pdf for those records",
	),
	"frappe.utils.print_format.download_pdf": (
		"probed",
		"guest: takes `doctype`; get_doc before validate_print_permission (404/403), renders a PDF",
	),
	"frappe.utils.print_format.print_by_server": (
		"gated",
		"takes `doctype`; renders that record via get_print and sends it to a CUPS printer",
	),
	"frappe.utils.print_format.report_to_pdf": (
		"residual",
		"renders caller HTML with wkhtmltopdf (SSRF, GHSA-pj59); reads no record itself; fixed only in newer Frappe",
	),
	"frappe.utils.scheduler.activate_scheduler": (
		"admin",
		"frappe.only_for('Administrator'); re-enables the scheduler",
	),
	"frappe.utils.scheduler.get_scheduler_status": ("harmless", "whether the scheduler is active"),
	"frappe.utils.weasyprint.download_pdf": (
		"gated",
		"takes `doctype`; get_doc then print permission check, renders a PDF",
	),
	"frappe.website.doctype.blog_post.blog_post.BlogPost.make_route": (
		"controller",
		"Blog Post controller: route from category and title",
	),
	"frappe.website.doctype.discussion_reply.discussion_reply.delete_message": (
		"own",
		"deletes a Discussion Reply only if the caller owns it",
	),
	"frappe.website.doctype.discussion_topic.discussion_topic.submit_discussion": (
		"gated",
		"takes `doctype`; creates a Discussion Topic on that record (ignore_permissions) or edits a reply",
	),
	"frappe.website.doctype.help_article.help_article.add_feedback": (
		"harmless",
		"guest, rate-limited: increments a Help Article's helpful counter",
	),
	"frappe.website.doctype.personal_data_deletion_request.personal_data_deletion_request.PersonalDataDeletionRequest.put_on_hold": (
		"controller",
		"Personal Data Deletion Request controller (System Manager): status On Hold",
	),
	"frappe.website.doctype.personal_data_deletion_request.personal_data_deletion_request.PersonalDataDeletionRequest.trigger_data_deletion": (
		"controller",
		"Personal Data Deletion Request controller (System Manager): anonymises a user's data",
	),
	"frappe.website.doctype.personal_data_deletion_request.personal_data_deletion_request.confirm_deletion": (
		"harmless",
		"guest, signed link: moves a deletion request to Pending Approval",
	),
	"frappe.website.doctype.portal_settings.portal_settings.PortalSettings.reset": (
		"controller",
		"Portal Settings controller: restores the default portal menu",
	),
	"frappe.website.doctype.web_form.web_form.accept": (
		"referenced",
		"names a record (guest: `web_form` names the DocType (not the request)); the gate looks up what it belongs to",
	),
	"frappe.website.doctype.web_form.web_form.delete": (
		"referenced",
		"names a record (`web_form_name` names the DocType; db.get_value owner of docname, deletes it if the caller); the gate looks up what it belongs to",
	),
	"frappe.website.doctype.web_form.web_form.delete_multiple": (
		"referenced",
		"names a record (`web_form_name` names the DocType; owner check per docname, deletes owned ones, names the ); the gate looks up what it belongs to",
	),
	"frappe.website.doctype.web_form.web_form.get_form_data": (
		"referenced",
		"names a record (guest: takes `doctype`, but each Link field of `web_form_name` lists its target's records via get_al); the gate looks up what it belongs to",
	),
	"frappe.website.doctype.web_form.web_form.get_in_list_view_fields": (
		"gated",
		"takes `doctype`; returns its list-view field definitions (meta only)",
	),
	"frappe.website.doctype.web_form.web_form.get_web_form_filters": (
		"harmless",
		"guest: filter fields of a Web Form (config)",
	),
	"frappe.website.doctype.web_page_view.web_page_view.get_page_view_count": (
		"harmless",
		"db.count of Web Page View rows for a website path (api/app/private paths are never logged)",
	),
	"frappe.website.doctype.web_page_view.web_page_view.make_view_log": (
		"harmless",
		"guest: inserts a Web Page View for the Referer path when tracking is on",
	),
	"frappe.website.doctype.website_settings.google_indexing.authorize_access": (
		"harmless",
		"no role check: stores a Google Indexing OAuth token in Website Settings; no records",
	),
	"frappe.website.doctype.website_settings.website_settings.get_auto_account_deletion": (
		"harmless",
		"guest: Website Settings.auto_account_deletion",
	),
	"frappe.website.doctype.website_theme.website_theme.WebsiteTheme.get_apps": (
		"controller",
		"Website Theme controller: installed app titles",
	),
	"frappe.website.doctype.website_theme.website_theme.WebsiteTheme.set_as_default": (
		"controller",
		"Website Theme controller: sets itself as the website theme",
	),
	"frappe.workflow.doctype.workflow.workflow.get_workflow_state_count": (
		"gated",
		"takes `doctype`; doctype-level read then get_all counts per workflow state (no row rules)",
	),
	"frappe.workflow.doctype.workflow_action.workflow_action.apply_action": (
		"gated",
		"guest, signed request: takes `doctype`; shows a workflow confirmation page for the record",
	),
	"frappe.workflow.doctype.workflow_action.workflow_action.confirm_action": (
		"gated",
		"guest, signed request: takes `doctype`; applies a workflow action as the signed `user`",
	),
	"frappe.www.contact.send_message": (
		"harmless",
		"guest, rate-limited: mails the contact form and inserts an unlinked Communication",
	),
	"frappe.www.list.get": (
		"gated",
		"guest: takes `doctype`; get_list_data rendered as rows (ignore_permissions if allow_guest_to_view)",
	),
	"frappe.www.list.get_list_data": (
		"gated",
		"guest: takes `doctype`; get_list or list_context.get_list (ignore_permissions if allow_guest_to_view)",
	),
	"frappe.www.login.login_via_key": ("own", "guest: one-time login key from the caller's email link"),
	"frappe.www.login.login_via_token": ("own", "guest: exchanges the caller's login token for its session"),
	"frappe.www.login.send_login_link": (
		"account",
		"about accounts only: guest: with login_with_email_link on, 'User ... does not exist' vs mail sent: account enumeration",
	),
	"frappe.www.printview.get_html_and_style": (
		"probed",
		"`doc` names the DocType (or is a JSON doc); get_doc then read check, renders a print format with link titles",
	),
	"frappe.www.printview.get_rendered_raw_commands": (
		"gated",
		"`doc` names the DocType (or is a JSON doc); get_doc then read check, renders a raw print format",
	),
	"frappe.www.search.get_search_results": (
		"harmless",
		"guest: published web routes only; service DocTypes have no web view and are never in global search",
	),
	"frappe.www.third_party_apps.delete_client": (
		"own",
		"deletes the caller's own OAuth Bearer Tokens for a client",
	),
	"student_advice.api.breach.outstanding_consultations": (
		"app",
		"names no DocType: guards.managers_only (outsiders uniform deny, other members PermissionError); get_list Confidentiality Breach",
	),
	"student_advice.api.consent.expiring_consents": (
		"app",
		"names no DocType: guards.members_only uniform deny, then get_list Consent incl. student and third party names",
	),
	"student_advice.api.consent.expiring_consents_count": (
		"app",
		"names no DocType: guards.members_only uniform deny, then one counted get_list of expiring Consents (number card)",
	),
	"student_advice.api.case_file.case_file": (
		"app",
		"`case` is a record name: guards.members_only, an unreadable case -> uniform deny; get_list entries, consents, disclosures, breaches, meetings",
	),
	"student_advice.api.meetings.case_meetings": (
		"app",
		"`case` is a record name: guards.members_only, an unreadable case -> uniform deny; get_list discussions, meetings, actions",
	),
	"student_advice.api.portal.submit_casework_form": (
		"app",
		"names no DocType: guards.signed_in_only (guests uniform deny); writes only the caller's own Advice Student "
		"and open Casework Form, keyed to the login email, and attaches the request's files (type, size, content, "
		"count from settings) privately to that form; answers the same fixed body whatever existed",
	),
	"student_advice.api.portal.request_my_records": (
		"app",
		"names no DocType: guards.signed_in_only (guests uniform deny); inserts the caller's own Record Access "
		"Request keyed to the login email (one open at a time); answers the same fixed body whatever existed",
	),
	"student_advice.api.portal.my_copy_pdf": (
		"app",
		"`copy` is a record name: guards.signed_in_only; only the caller's own released, still open copy "
		"(matched by login email) as a PDF, logged in the audit; anything else the uniform denial",
	),
	"student_advice.api.retention.run_now": (
		"app",
		"names no DocType: managers_only (uniform deny for outsiders), queues a retention run (counts only)",
	),
	"student_advice.api.statistics.chart": (
		"app",
		"names no DocType: guards.statistics_readers_only (else PermissionError), then suppressed chart aggregates",
	),
	"student_advice.api.statistics.number_card": (
		"app",
		"names no DocType: guards.statistics_readers_only (else PermissionError), then one suppressed figure",
	),
	"student_advice.api.statistics.period_options": (
		"app",
		"names no DocType: guards.statistics_readers_only, then academic years/terms/months on offer",
	),
	"student_advice.api.workspace.enquiries_today": (
		"app",
		"names no DocType: guards.members_only uniform deny, then a counted get_list of today's Enquiries (number card)",
	),
	"student_advice.api.workspace.record_requests_due": (
		"app",
		"names no DocType: guards.members_only uniform deny, then a counted get_list of unanswered Record Access "
		"Requests overdue or due within a week (number card)",
	),
	"student_advice.api.workspace.my_open_cases": (
		"app",
		"names no DocType: guards.members_only uniform deny, then a counted get_list of the caller's open Cases (number card)",
	),
	"student_advice.api.workspace.my_overdue_actions": (
		"app",
		"names no DocType: guards.members_only uniform deny, then a counted get_list of the caller's overdue Meeting Actions",
	),
	"student_advice.api.workspace.my_waiting_cases": (
		"app",
		"names no DocType: guards.members_only uniform deny, then a counted get_list of the caller's waiting Cases",
	),
	"student_advice.confidentiality.health.get_report": (
		"app",
		"the confidentiality health check: guards.roles_only(administrator, manager), everyone else gets the uniform denial",
	),
	"student_advice.confidentiality.overrides.get_count": (
		"gated",
		"takes `doctype`; for service DocTypes counts through the row rule (frappe.client.get_count override)",
	),
	"student_advice.confidentiality.overrides.getdoc": (
		"gated",
		"takes `doctype`; Frappe's getdoc (override); a member refused a service record is told of the declared conflict",
	),
	"student_advice.confidentiality.overrides.get_open_count": (
		"gated",
		"takes `doctype`; for outsiders recounts side tables through the row rule (override of get_open_count)",
	),
	"student_advice.confidentiality.overrides.get_link_title": (
		"gated",
		"takes `doctype`; a service record's title only for a reader the row rule admits, else the bare name (override of frappe's get_link_title)",
	),
	"student_advice.confidentiality.overrides.global_search": (
		"gated",
		"takes `doctype`; Frappe's global search, plus for members the students the row rule admits (override of frappe's search; probed as frappe.utils.global_search.search)",
	),
	"student_advice.confidentiality.overrides.search_link": (
		"gated",
		"takes `doctype`; for service DocTypes ignore_user_permissions is dropped (override of frappe's search_link)",
	),
	"student_advice.confidentiality.overrides.search_widget": (
		"gated",
		"takes `doctype`; for service DocTypes ignore_user_permissions is dropped (override of frappe's search_widget)",
	),
	"student_advice.student_advice.doctype.breach_consultation.breach_consultation.BreachConsultation.confirm": (
		"controller",
		"Breach Consultation controller: sets advice and saves (write permission, controller validation)",
	),
	"student_advice.student_advice.doctype.casework_form.casework_form.CaseworkForm.triage": (
		"controller",
		"Casework Form controller: write check (and the case's), inserts a Case, Case Entry or Enquiry, saves",
	),
	"student_advice.student_advice.doctype.record_access_request.record_access_request.RecordAccessRequest.gather_items": (
		"controller",
		"Record Access Request controller: write check, lists the student's records the officer's row rule admits, saves",
	),
	"student_advice.student_advice.doctype.record_access_request.record_access_request.RecordAccessRequest.extend_deadline": (
		"controller",
		"Record Access Request controller: write check, the pure extension rule (once, 1-2 months, reason, before the first month ends), saves, emails the student nothing but a sign-in prompt",
	),
	"student_advice.student_advice.doctype.record_access_request.record_access_request.RecordAccessRequest.release": (
		"controller",
		"Record Access Request controller: write check, every item decided and the student's own, freezes the copy from records the officer may read, saves, emails a sign-in prompt",
	),
	"student_advice.student_advice.doctype.confidentiality_breach.confidentiality_breach.ConfidentialityBreach.ask_for_advice": (
		"controller",
		"Confidentiality Breach controller: read check, inserts a Breach Consultation, may apply the Ask workflow action",
	),
	"student_advice.student_advice.doctype.enquiry.enquiry.Enquiry.convert_to_case": (
		"controller",
		"Enquiry controller: Enquiry write + Case create + Advice Student read checks, creates a Case",
	),
	"student_advice.student_advice.doctype.erasure_request.erasure_request.ErasureRequest.decline": (
		"controller",
		"Erasure Request controller: write check, records the decision and saves",
	),
	"student_advice.student_advice.doctype.erasure_request.erasure_request.ErasureRequest.erase": (
		"controller",
		"Erasure Request controller: write check, refuses a held student, runs the retention engine for that student",
	),
	"student_advice.student_advice.doctype.legal_hold.legal_hold.LegalHold.lift": (
		"controller",
		"Legal Hold controller: write check, ends the hold with a reason and saves",
	),
	"student_advice.student_advice.doctype.reflective_practice_meeting.reflective_practice_meeting.ReflectivePracticeMeeting.mark_held": (
		"controller",
		"Reflective Practice Meeting controller: write check, sets status Held and saves",
	),
}
