"""Frappe's DocTypes that can carry casework, every one classified in this one place (issue 11).

A DocType *can carry* casework when it has a Dynamic Link, a Link to "DocType", or a JSON,
Code or filter-like field (fields, filters, conditions, orders, routes), when its name says it
holds filters, or when it is the parent of a child table that is hidden here (its `table.field`
join reads the child rows without the child's rule). Each such DocType outside the app is
either HIDDEN, with the rule that hides from outsiders the rows about the service, or
HARMLESS, with the reason in one line. The DocType completeness gate
(tests/integration/test_carriers_gate.py) enumerates every DocType on the site and fails on
any carrier that is neither; tests/unit/test_carriers.py proves the classifier here.

The rules (rendered by confidentiality/desk_settings.py and, for records, side_tables.py):

ABOUT_DOCTYPE  fields hold a DocType's name: a row naming a service DocType is for members only
               (optionally only when another field holds a value: a Workspace link of type DocType).
ABOUT_RECORD   (DocType field, name field) point at one record: a row about a service record is
               visible only to whoever may read that record (outsiders never; conflicts included).
CHILD_OF       a child table's rows follow their parent's rule, for queries on the child itself.
ROWS           a parent is hidden when one of its child rows is (the `table.field` join).
VIA_LINK       a row is hidden when the record its link field names is hidden (a report's schedule).
MEMBERS_OWN    the field holds a user: the rows of the service's members are for members only.

Frappe's per-user list settings (`__UserSettings`) are a table, not a DocType: read and written
only for the session user by frappe.model.utils.user_settings, so they reach nobody else.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from student_advice.policy import registry

ABOUT_DOCTYPE = "about_doctype"
ABOUT_RECORD = "about_record"
CHILD_OF = "child_of"
ROWS = "rows"
VIA_LINK = "via_link"
MEMBERS_OWN = "members_own"
RULES = frozenset({ABOUT_DOCTYPE, ABOUT_RECORD, CHILD_OF, ROWS, VIA_LINK, MEMBERS_OWN})


@dataclass(frozen=True)
class Hidden:
	rule: str
	fields: tuple[str, ...] = ()  # ABOUT_DOCTYPE: DocType fields; ABOUT_RECORD: (DocType field, name field);
	# VIA_LINK, MEMBERS_OWN: (the field,)
	when: tuple[str, str] | None = None  # ABOUT_DOCTYPE: only rows where field == value
	target: str | None = None  # CHILD_OF: the parent; VIA_LINK: the linked DocType
	rows: tuple["Row", ...] = ()  # ROWS: which child rows hide the parent


@dataclass(frozen=True)
class Row:
	"""A child table whose rows, when about the service, hide their parent (ROWS)."""

	child: str
	rule: str  # ABOUT_DOCTYPE or ABOUT_RECORD, read on the child row
	fields: tuple[str, ...]
	when: tuple[str, str] | None = None


@dataclass(frozen=True)
class Harmless:
	reason: str


@dataclass(frozen=True)
class Field:
	fieldname: str
	fieldtype: str
	options: str = ""


_ADMIN = "configuration only System Manager (or Administrator) reads; it holds no record's data"
_SCHEMA = (
	"schema, template or script an administrator or template-writing role writes (decision 4's residual)"
)
_WEBSITE = "website content: its route and templates are its own, written by Website Manager (residual)"
_LOG = "a log only System Manager reads (decision 4's residual); no route of the app writes casework to it"
_CHILD_CONFIG = "child row of configuration; read through its parent, which holds no record's data"

# The side tables (registry.SIDE_TABLES) point at a record: ABOUT_RECORD, rendered in side_tables.py.
_SIDE = {doctype: Hidden(ABOUT_RECORD, fields) for doctype, fields in registry.SIDE_TABLES.items()}

_WORKSPACE_ROWS = (
	Row("Workspace Shortcut", ABOUT_DOCTYPE, ("link_to",), ("type", "DocType")),
	Row("Workspace Link", ABOUT_DOCTYPE, ("link_to",), ("link_type", "DocType")),
	Row("Workspace Quick List", ABOUT_DOCTYPE, ("document_type",)),
)
_DYNAMIC_LINK = Row("Dynamic Link", ABOUT_RECORD, ("link_doctype", "link_name"))

HIDDEN: dict[str, Hidden] = {
	**_SIDE,
	# Saved desk settings (registry.DESK_SETTINGS): filters and case names an officer saved.
	**{doctype: Hidden(ABOUT_DOCTYPE, (field,)) for doctype, field in registry.DESK_SETTINGS.items()},
	"Dashboard Chart": Hidden(ABOUT_DOCTYPE, ("document_type", "parent_document_type")),
	"Number Card": Hidden(ABOUT_DOCTYPE, ("document_type", "parent_document_type")),
	"Calendar View": Hidden(ABOUT_DOCTYPE, ("reference_doctype",)),
	"Data Import": Hidden(ABOUT_DOCTYPE, ("reference_doctype",)),  # its file and template hold the rows
	"Webhook": Hidden(ABOUT_DOCTYPE, ("webhook_doctype",)),  # preview_document names a record
	"Kanban Board Column": Hidden(CHILD_OF, target="Kanban Board"),  # `order`: case names per column
	"Report Filter": Hidden(CHILD_OF, target="Report"),  # `default` may hold a student's name
	"Workspace": Hidden(ROWS, rows=_WORKSPACE_ROWS),
	"Workspace Shortcut": Hidden(CHILD_OF, target="Workspace"),  # stats_filter
	"Workspace Link": Hidden(CHILD_OF, target="Workspace"),
	"Workspace Quick List": Hidden(CHILD_OF, target="Workspace"),  # quick_list_filter
	"Email Queue Recipient": Hidden(CHILD_OF, target="Email Queue"),
	# Rows pointing at one record, beyond the side tables.
	"Reminder": Hidden(ABOUT_RECORD, ("reminder_doctype", "reminder_docname")),
	"Event Participants": Hidden(ABOUT_RECORD, ("reference_doctype", "reference_docname")),
	"Event": Hidden(
		ROWS, rows=(Row("Event Participants", ABOUT_RECORD, ("reference_doctype", "reference_docname")),)
	),
	"Dynamic Link": Hidden(ABOUT_RECORD, ("link_doctype", "link_name")),
	"Contact": Hidden(ROWS, rows=(_DYNAMIC_LINK,)),
	"Address": Hidden(ROWS, rows=(_DYNAMIC_LINK,)),
	"Communication Link": Hidden(ABOUT_RECORD, ("link_doctype", "link_name")),
	"Auto Repeat": Hidden(ABOUT_RECORD, ("reference_doctype", "reference_document")),
	"Discussion Topic": Hidden(ABOUT_RECORD, ("reference_doctype", "reference_docname")),
	"Email Unsubscribe": Hidden(ABOUT_RECORD, ("reference_doctype", "reference_name")),
	"Integration Request": Hidden(ABOUT_RECORD, ("reference_doctype", "reference_docname")),
	"Milestone": Hidden(ABOUT_RECORD, ("reference_type", "reference_name")),
	"User Permission": Hidden(ABOUT_RECORD, ("allow", "for_value")),
	# Rows hidden with the record they belong to.
	"Auto Email Report": Hidden(VIA_LINK, ("report",), target="Report"),  # its filters
	"Prepared Report": Hidden(VIA_LINK, ("report_name",), target="Report"),  # its result file
	"Data Import Log": Hidden(VIA_LINK, ("data_import",), target="Data Import"),
	"Webhook Request Log": Hidden(VIA_LINK, ("webhook",), target="Webhook"),  # the request body
	# Per-user records of what a member looked at.
	"Dashboard Settings": Hidden(MEMBERS_OWN, ("user",)),  # chart_config: a member's chart filters
	"Route History": Hidden(MEMBERS_OWN, ("user",)),  # routes to records a member opened
}

# Communication is a side table and also the parent of its timeline links.
HIDDEN_TOO: dict[str, Hidden] = {
	"Communication": Hidden(
		ROWS, rows=(Row("Communication Link", ABOUT_RECORD, ("link_doctype", "link_name")),)
	),
}

HARMLESS: dict[str, Harmless] = {
	d: Harmless(r)
	for r, names in {
		_ADMIN: (
			"Assignment Rule", "Audit Trail", "Bulk Update", "Customize Form", "Data Export", "Desktop Icon",
			"Document Naming Rule", "Email Account", "Energy Point Rule", "List View Settings",
			"Milestone Tracker", "Permission Inspector", "Success Action", "User Type", "Workflow",
			"Social Login Key", "System Health Report", "Connected App", "Address Template",
			"Personal Data Deletion Request",
		),
		_SCHEMA: (
			"Client Script", "Custom Field", "DocType", "DocType Layout", "Print Format",
			"Print Format Field Template", "Print Style", "Property Setter", "Server Script",
			"Notification", "Letter Head", "Email Template", "Custom HTML Block", "Translation",
			"Form Tour", "Onboarding Step",
		),
		_WEBSITE: (
			"Blog Category", "Blog Post", "Contact Us Settings", "Help Article", "Help Category", "Newsletter",
			"Web Form", "Web Page", "Web Template", "Website Script", "Website Settings", "Website Theme",
		),
		_LOG: (
			"Console Log", "System Console", "Package Import", "Patch Log", "RQ Job", "Recorder",
			"Scheduled Job Log", "Unhandled Email",
		),
		_CHILD_CONFIG: (
			"Amended Document Naming Settings", "Customize Form Field", "DocField", "DocType Link",
			"Form Tour Step", "Global Search DocType", "IMAP Folder", "Logs To Clear", "Navbar Item",
			"Notification Recipient", "Notification Subscribed Document", "Personal Data Deletion Step",
			"Portal Menu Item", "Recorder Query", "Session Default", "User Document Type",
			"User Select Document Type", "Web Form Field", "Web Page Block", "Website Sidebar Item",
			"Workflow Transition",
		),
		"lists dashboard charts by name; each chart is hidden by its own rule": ("Dashboard",),
		"home_settings is the user's own order of workspaces; only System Manager reads other users": ("User",),
	}.items()
	for d in names
}  # fmt: skip

_FILTER_LIKE = re.compile(r"filter|json|condition|config|query|(^|_)order$|(^|_)route($|_)|^fields$")
_TEXT_TYPES = frozenset({"Data", "Small Text", "Text", "Long Text"})
_TABLE_TYPES = frozenset({"Table", "Table MultiSelect"})


def carries(doctype: str, fields: Iterable[Field]) -> bool:
	"""Can this DocType's rows carry casework (by its own fields and name)?"""
	if "filter" in doctype.lower():
		return True
	for f in fields:
		if f.fieldtype in ("Dynamic Link", "JSON", "Code"):
			return True
		if f.fieldtype == "Link" and f.options == "DocType":
			return True
		if f.fieldtype in _TEXT_TYPES and _FILTER_LIKE.search(f.fieldname):
			return True
	return False


def classification(doctype: str) -> Hidden | Harmless | None:
	return HIDDEN.get(doctype) or HARMLESS.get(doctype)


def unclassified(doctypes: Mapping[str, Iterable[Field]]) -> list[str]:
	"""Carriers (DocType -> its fields) outside the app that are neither hidden nor harmless, and the
	parents of hidden child tables whose rule does not read those child rows."""
	fields = {name: list(f) for name, f in doctypes.items()}
	missing = set()
	for name, own in fields.items():
		if registry.is_service_doctype(name) or name in registry.OPEN_RECORDS:
			continue
		if carries(name, own) and classification(name) is None:
			missing.add(name)
	for name, own in fields.items():
		for f in own:
			if f.fieldtype not in _TABLE_TYPES or not isinstance(HIDDEN.get(f.options), Hidden):
				continue
			if registry.is_service_doctype(name) or HIDDEN[f.options].rule == CHILD_OF:
				continue  # a service parent is for members only; CHILD_OF rows are hidden with their parent
			if f.options not in read_rows(name):
				missing.add(name)
	return sorted(missing)


def read_rows(doctype: str) -> frozenset[str]:
	"""The child tables whose rows the parent's rule reads."""
	return frozenset(row.child for rule in rules(doctype) if rule.rule == ROWS for row in rule.rows)


def rules(doctype: str) -> tuple[Hidden, ...]:
	"""Every hiding rule on a DocType (a side table may also be the parent of hidden rows)."""
	return tuple(r for r in (HIDDEN.get(doctype), HIDDEN_TOO.get(doctype)) if r)


def problems() -> list[str]:
	"""The classification's own consistency: each rule is well formed and points at hidden DocTypes."""
	wrong = []
	for name in sorted(set(HIDDEN) & set(HARMLESS)):
		wrong.append(f"{name}: both hidden and harmless")
	for name, rule in [*HIDDEN.items(), *HIDDEN_TOO.items()]:
		if rule.rule not in RULES:
			wrong.append(f"{name}: unknown rule {rule.rule}")
		if rule.rule in (CHILD_OF, VIA_LINK) and rule.target not in HIDDEN:
			wrong.append(f"{name}: {rule.rule} a DocType that is not hidden ({rule.target})")
		if rule.rule == ABOUT_RECORD and len(rule.fields) != 2:
			wrong.append(f"{name}: about_record needs (DocType field, name field)")
		if rule.rule in (ABOUT_DOCTYPE, VIA_LINK, MEMBERS_OWN) and not rule.fields:
			wrong.append(f"{name}: {rule.rule} needs its fields")
		if rule.rule == ROWS and not rule.rows:
			wrong.append(f"{name}: rows needs its child tables")
		for row in rule.rows:
			if row.child not in HIDDEN:
				wrong.append(f"{name}: its rows {row.child} are not hidden themselves")
	for name, harmless in HARMLESS.items():
		if not harmless.reason.strip():
			wrong.append(f"{name}: harmless without a reason")
	return wrong
