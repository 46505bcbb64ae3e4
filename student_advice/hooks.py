from student_advice.policy.breach import ACTIONS as _BREACH_ACTIONS
from student_advice.policy.breach import STATES as _BREACH_STATES
from student_advice.policy.carriers import HIDDEN as _CARRIERS
from student_advice.policy.carriers import HIDDEN_TOO as _CARRIERS_TOO
from student_advice.policy.registry import SERVICE_DOCTYPES as _SERVICE_DOCTYPES
from student_advice.policy.registry import SIDE_TABLES as _SIDE_TABLES
from student_advice.policy.registry import STATISTICS_SOURCES as _STATISTICS_SOURCES
from student_advice.policy.registry import STUDENT_RECORDS as _STUDENT_RECORDS
from student_advice.policy.registry import TITLED_BY_STUDENT as _TITLED_BY_STUDENT
from student_advice.policy.roles import ALL_APP_ROLES as _APP_ROLES

app_name = "student_advice"
app_title = "Student Advice"
app_publisher = "Students' Union Student Advice Service"
app_description = "Confidential casework for a Students' Union Student Advice Service"
app_email = "advice@example.org"
app_license = "mit"

# Includes in <head>
# ------------------
# The Case File print format reads the case file through the same guarded function as the form.
# The Record Access Copy print format reads only the frozen copy stored on the request it prints.
jinja = {
	"methods": [
		"student_advice.api.case_file.case_file_for_print",
		"student_advice.record_access.record_access_copy",
	]
}

# The desk's search dialog labels a student found by name with the name, not the random record
# name (decision 5); plain file, no bundle: `bench build --app student_advice` links it in.
app_include_js = ["/assets/student_advice/js/desk_search.js"]

# Form scripts added to the app's own forms: retention's buttons.
doctype_js = {
	"Case": "public/js/retention_actions.js",
	"Advice Student": "public/js/retention_actions.js",
}
# Every record of the service: the sidebar offers no Tags or Share, which the server refuses (decision 18).
for _doctype in sorted(_SERVICE_DOCTYPES):
	_scripts = doctype_js.get(_doctype, [])
	doctype_js[_doctype] = [
		*([_scripts] if isinstance(_scripts, str) else _scripts),
		"public/js/service_sidebar.js",
	]

# Installation
# ------------
after_install = [
	"student_advice.install.after_install",
	"student_advice.student_advice.doctype.consent_wording.consent_wording.seed_default_wording",
]
before_uninstall = (
	"student_advice.student_advice.doctype.confidentiality_breach.confidentiality_breach.remove_workflow"
)
after_uninstall = "student_advice.install.after_uninstall"

# Fixtures: only the app's own roles, filtered by name (a bare "Role" would export the site's).
fixtures = [
	{"dt": "Role", "filters": [["name", "in", list(_APP_ROLES)]]},
	# The breach procedure's workflow (student_advice.policy.breach mirrors it; a unit test compares).
	{"dt": "Workflow State", "filters": [["name", "in", list(_BREACH_STATES)]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", list(_BREACH_ACTIONS)]]},
	{"dt": "Workflow", "filters": [["name", "in", ["Confidentiality Breach"]]]},
]

# Permissions: one predicate (student_advice.policy.access) behind both hooks
# -----------------------------------------------------------------------------
_RECORD_RULE = "student_advice.confidentiality.permissions"
_SIDE_RULE = "student_advice.confidentiality.side_tables"
_DESK_SETTINGS_RULE = "student_advice.confidentiality.desk_settings"
# Frappe's DocTypes that can carry casework (policy/carriers.py): the side tables keep their rule
# above; every other hidden carrier, and the side tables that are also parents of hidden rows, get
# the carrier rule (a list: both apply).
_CARRIER_RULES = sorted((set(_CARRIERS) - set(_SIDE_TABLES)) | set(_CARRIERS_TOO))


def _rules(doctype: str, hook: str) -> str | list[str]:
	carrier = f"{_DESK_SETTINGS_RULE}.{hook}"
	return [f"{_SIDE_RULE}.{hook}", carrier] if doctype in _SIDE_TABLES else carrier


_CONVERSATION = "student_advice.confidentiality.conversation"

permission_query_conditions = {
	**{doctype: f"{_RECORD_RULE}.query_conditions" for doctype in _SERVICE_DOCTYPES},
	**{doctype: f"{_SIDE_RULE}.query_conditions" for doctype in _SIDE_TABLES},
	**{doctype: _rules(doctype, "query_conditions") for doctype in _CARRIER_RULES},
}

has_permission = {
	**{doctype: f"{_RECORD_RULE}.has_permission" for doctype in _SERVICE_DOCTYPES},
	**{doctype: f"{_SIDE_RULE}.has_permission" for doctype in _SIDE_TABLES},
	**{doctype: _rules(doctype, "has_permission") for doctype in _CARRIER_RULES},
}

# DocType Class
# -------------
override_doctype_class = {"File": "student_advice.confidentiality.private_files.CaseworkAwareFile"}

# Document Events
# ---------------
doc_events = {
	# A record's student is often set by its controller, after Frappe's own create check.
	**{doctype: {"validate": [f"{_RECORD_RULE}.recheck_after_validate"]} for doctype in _STUDENT_RECORDS},
	"DocShare": {"validate": f"{_SIDE_RULE}.refuse_share"},
	"Auto Email Report": {"validate": f"{_DESK_SETTINGS_RULE}.refuse_running_as_a_member"},
	"Document Share Key": {"validate": f"{_SIDE_RULE}.refuse_share_key"},
	"File": {
		"validate": [
			f"{_SIDE_RULE}.refuse_public_attachment",
			f"{_SIDE_RULE}.refuse_copies_of_casework_files",
		]
	},
	"Tag Link": {"validate": f"{_SIDE_RULE}.refuse_tags"},
	"ToDo": {
		"validate": [
			f"{_SIDE_RULE}.limit_assignment_to_officers",
			f"{_CONVERSATION}.refuse_conflicted_assignee",
		]
	},
	"Custom Field": {"validate": f"{_SIDE_RULE}.refuse_links_into_casework"},
	# Assignments, mentions, follows and notifications stay inside the service (docs/decisions.md, decision 18).
	"Comment": {"validate": f"{_CONVERSATION}.refuse_mentions_outside"},
	"Document Follow": {"validate": f"{_CONVERSATION}.refuse_follow_outside"},
	"Notification Log": {"before_insert": f"{_CONVERSATION}.keep_notification_inside"},
	# The app's roles are never granted with "every role" (the setup wizard, Select All): decision 32.
	"User": {"validate": "student_advice.confidentiality.role_grants.leave_out_accidental_grants"},
	# A confirmed request to delete a student's personal data is put before the officers.
	"Personal Data Deletion Request": {
		"on_update": "student_advice.student_advice.doctype.erasure_request.erasure_request.review_deletion_request"
	},
}
# The student's name is the title of their records, for members (docs/decisions.md, decision 5).
for _doctype in _TITLED_BY_STUDENT:
	doc_events[_doctype]["validate"].append("student_advice.titles.copy_student_name")
# Statistics (docs/decisions.md, decisions 22-23): recompute the suppressed figures in the
# background after a change to anything they read.
for _doctype in _STATISTICS_SOURCES:
	doc_events.setdefault(_doctype, {}).update(
		{
			"on_change": "student_advice.statistics.cache.note_change",
			"after_delete": "student_advice.statistics.cache.note_change",
		}
	)

# Caches
# ------
# The suppressed statistics are keyed by everything they depend on (data fingerprint, settings,
# code): a site-wide frappe.clear_cache(), which Frappe runs whenever a user is added, must not
# make the next reader compute the year again.
persistent_cache_keys = ["student_advice:statistics*"]

# Scheduled Tasks
# ---------------
scheduler_events = {
	"hourly": ["student_advice.statistics.cache.refresh"],
	"daily": [
		"student_advice.tasks.expire_consents",
		"student_advice.tasks.prepare_next_meeting",
	],
	# Records past their retention period leave, with every copy (student_advice/retention/).
	"daily_long": ["student_advice.retention.engine.scheduled_run"],
}

# Submitted Consents and disclosed breaches are never cancelled; keeping them out of Frappe's
# "cancel linked documents" tree also keeps their names out of get_submitted_linked_docs.
auto_cancel_exempted_doctypes = ["Consent", "Confidentiality Breach"]

# Whitelisted methods of Frappe that skip the row rule for service DocTypes
# ------------------------------------------------------------------------
override_whitelisted_methods = {
	"frappe.client.get_count": "student_advice.confidentiality.overrides.get_count",
	"frappe.desk.search.search_link": "student_advice.confidentiality.overrides.search_link",
	"frappe.desk.search.search_widget": "student_advice.confidentiality.overrides.search_widget",
	"frappe.desk.search.get_link_title": "student_advice.confidentiality.overrides.get_link_title",
	# members also find the students they may read by name (students never enter __global_search)
	"frappe.utils.global_search.search": "student_advice.confidentiality.overrides.global_search",
	"frappe.desk.notifications.get_open_count": "student_advice.confidentiality.overrides.get_open_count",
	# A member refused a record (a declared conflict) is told why (docs/decisions.md, decision 36).
	"frappe.desk.form.load.getdoc": "student_advice.confidentiality.overrides.getdoc",
}

# Request Events
# --------------
# Casework access audit (docs/decisions.md, decision 9): the prints, PDF downloads and exports Frappe does not log per
# record are written to Access Log once the request succeeded (noted by the auth hook below).
after_request = ["student_advice.confidentiality.audit.log_request"]

# Authentication and authorization
# --------------------------------
# After Frappe knows the user (cookie, API key or OAuth), before it dispatches: one
# uniform 403 for outsiders on every request that mentions a Student Advice DocType.
auth_hooks = [
	"student_advice.confidentiality.gate.guard_request",
	# then, for members of the service only: note a print, PDF download or export for the audit.
	"student_advice.confidentiality.audit.watch_request",
]

# Boot
# ----
# The statistics' dimension choices, served once to the report's and the charts' filters.
extend_bootinfo = "student_advice.statistics.filters.extend_bootinfo"
# Officers land on the service's workspace, the statistics viewer on the statistics (decision 38).
boot_session = "student_advice.home.boot_session"

# Types
# -----
export_python_type_annotations = True


# Shared strings
# --------------
# Frappe pickles every app's merged hooks into Redis and reads them back on every request; pickle
# writes an object it has seen once as a reference. The same hook path written for each DocType
# above is made one object, so that every request reads a third less (issue 15).
def _shared(value, seen):
	if isinstance(value, str):
		return seen.setdefault(value, value)
	if isinstance(value, list):
		return [_shared(v, seen) for v in value]
	if isinstance(value, dict):
		return {_shared(k, seen): _shared(v, seen) for k, v in value.items()}
	return value


_seen: dict = {}
for _name in [n for n in globals() if not n.startswith("_")]:
	globals()[_name] = _shared(globals()[_name], _seen)
