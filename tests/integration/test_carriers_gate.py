"""The DocType completeness gate (issue 11): every DocType that can carry casework is classified.

The site's DocTypes (every installed app's, with their custom fields) are read from the database
and fed to the pure classifier (policy/carriers.py): a DocType with a Dynamic Link, a Link to
DocType or a JSON/Code/filters-like field that is neither hidden nor argued harmless fails the
gate, as does a parent whose `table.field` join would read hidden child rows. Each hidden rule is
wired to both hooks, names fields the DocType has, and renders SQL that the database runs; and,
with real users, an outsider's ordinary records of those DocTypes still work (positive control)
while a member's rows about casework are hidden from that outsider.
"""

import json

import frappe
import pytest

from student_advice.confidentiality import desk_settings
from student_advice.policy import carriers, registry
from student_advice.policy.roles import OFFICER
from tests.factories import make_case, make_student, make_user, unique

LAYER = "student_advice.confidentiality."


def site_doctypes() -> dict[str, list[carriers.Field]]:
	fields: dict[str, list[carriers.Field]] = {name: [] for name in frappe.get_all("DocType", pluck="name")}
	for table in ("DocField", "Custom Field"):
		parent = "parent" if table == "DocField" else "dt"
		for row in frappe.get_all(table, fields=[parent, "fieldname", "fieldtype", "options"]):
			if row[parent] in fields:
				fields[row[parent]].append(
					carriers.Field(row.fieldname or "", row.fieldtype or "", row.options or "")
				)
	return fields


def test_every_carrier_doctype_on_the_site_is_classified():
	doctypes = site_doctypes()
	assert len(doctypes) > 200  # every installed app's DocTypes were read
	missing = carriers.unclassified(doctypes)
	assert not missing, "classify these in student_advice/policy/carriers.py:\n" + "\n".join(missing)
	stale = sorted((set(carriers.HIDDEN) | set(carriers.HARMLESS)) - set(doctypes))
	assert not stale, f"no longer DocTypes on this site, remove from policy/carriers.py: {stale}"


def test_the_gate_fails_on_a_new_carrier_field():
	"""The site gate sees a carrier field as it appears (a Custom Field adds one to an ordinary DocType)."""
	doctypes = site_doctypes()
	assert "Note" not in carriers.unclassified(doctypes)
	doctypes["Note"].append(carriers.Field("about_name", "Dynamic Link", "about_doctype"))
	assert "Note" in carriers.unclassified(doctypes)


def test_every_hidden_rule_is_wired_and_names_real_fields():
	assert carriers.problems() == []
	query_hooks = frappe.get_hooks("permission_query_conditions")
	document_hooks = frappe.get_hooks("has_permission")
	wrong = []
	for doctype in sorted(set(carriers.HIDDEN) | set(carriers.HIDDEN_TOO)):
		for hooks, kind in ((query_hooks, "permission_query_conditions"), (document_hooks, "has_permission")):
			if not any(m.startswith(LAYER) for m in hooks.get(doctype, [])):
				wrong.append(f"{doctype}: no {kind} hook of the confidentiality layer")
		meta = frappe.get_meta(doctype)
		for rule in carriers.rules(doctype):
			names = [*rule.fields, *(rule.when or ())[:1]]
			for row in rule.rows:
				child = frappe.get_meta(row.child)
				names_on_child = [*row.fields, *(row.when or ())[:1]]
				wrong += [f"{row.child}.{f}: no such field" for f in names_on_child if not child.has_field(f)]
				if not any(df.options == row.child for df in meta.get_table_fields()):
					wrong.append(f"{doctype}: no table of {row.child}")
			if rule.rule == carriers.CHILD_OF and not meta.istable:
				wrong.append(f"{doctype}: child_of on a DocType that is not a child table")
			wrong += [f"{doctype}.{f}: no such field" for f in names if not meta.has_field(f)]
	assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("persona", ["outsider", "member", "conflicted"])
def test_every_rule_renders_sql_the_database_runs(persona):
	student = make_student()
	user = make_user(["System Manager"] if persona == "outsider" else [OFFICER], officer_title=None)
	if persona == "conflicted":
		frappe.get_doc(
			{
				"doctype": "Conflict Declaration",
				"officer": user,
				"student": student.name,
				"reason": "neighbour",
			}
		).insert(ignore_permissions=True)
		frappe.local.student_advice_conflicts = {}
	for doctype in sorted(set(carriers.HIDDEN) | set(carriers.HIDDEN_TOO)):
		condition = desk_settings.condition_for(doctype, user)
		if persona == "outsider":
			assert condition, f"{doctype}: nothing hidden from an outsider"
		frappe.db.sql(f"select count(*) from `tab{doctype}` where {condition or '1=1'}")


# --- behaviour with real users ------------------------------------------------------------


@pytest.fixture
def people():
	officer = make_user([OFFICER], officer_title="Student Advisor")
	outsider = make_user(["System Manager"])  # reads nearly every Frappe DocType
	frappe.set_user(officer)
	student = make_student()
	case = make_case(student.name)
	frappe.set_user("Administrator")
	return frappe._dict(officer=officer, outsider=outsider, student=student.name, case=case.name)


def _as(author, doctype, **doc):
	frappe.set_user(author)
	made = frappe.get_doc({"doctype": doctype, **doc}).insert(ignore_permissions=True)
	frappe.set_user("Administrator")
	return made


def _names(user, doctype, **kwargs):
	frappe.set_user(user)
	try:
		return {row.name for row in frappe.get_list(doctype, limit_page_length=0, **kwargs)}
	finally:
		frappe.set_user("Administrator")


def _readable(user, doc) -> bool:
	return bool(frappe.has_permission(doc.doctype, "read", doc=doc, user=user))


def test_contacts_events_and_timeline_links_about_casework_stay_with_members(people):
	note = _as(people.outsider, "Note", title=unique("Case conference"), public=1)
	theirs = _as(
		people.outsider,
		"Contact",
		first_name=unique("Caterer"),
		links=[{"link_doctype": "Note", "link_name": note.name}],
	)
	ours = _as(
		people.officer,
		"Contact",
		first_name=unique("Guardian"),
		links=[{"link_doctype": "Advice Student", "link_name": people.student}],
	)
	fields = ["name", "links.link_name"]
	outside = _names(people.outsider, "Contact", fields=fields)
	assert theirs.name in outside  # positive control: union staff's own contact
	assert ours.name not in outside and not _readable(people.outsider, ours)
	assert ours.name in _names(people.officer, "Contact", fields=fields) and _readable(people.officer, ours)
	direct = _names(people.outsider, "Dynamic Link", parent_doctype="Contact", fields=["name", "link_name"])
	assert theirs.links[0].name in direct and ours.links[0].name not in direct

	event_fields = {"subject": unique("Meeting"), "starts_on": "2026-01-05 10:00:00", "event_type": "Public"}
	their_event = _as(
		people.outsider,
		"Event",
		**event_fields,
		event_participants=[{"reference_doctype": "Note", "reference_docname": note.name}],
	)
	our_event = _as(
		people.officer,
		"Event",
		**event_fields,
		event_participants=[{"reference_doctype": "Case", "reference_docname": people.case}],
	)
	seen = _names(people.outsider, "Event", fields=["name", "event_participants.reference_docname"])
	assert their_event.name in seen and our_event.name not in seen
	assert not _readable(people.outsider, our_event) and _readable(people.officer, our_event)


def test_saved_settings_children_follow_their_parent(people):
	"""Queries on the child table itself (`parent_doctype=...`) see only the rows of visible parents."""
	on_case = _as(
		people.officer,
		"Kanban Board",
		kanban_board_name=unique("Cases"),
		reference_doctype="Case",
		field_name="status",
		columns=[{"column_name": "Open", "order": json.dumps([people.case])}],
	)
	on_todo = _as(
		people.outsider,
		"Kanban Board",
		kanban_board_name=unique("Todos"),
		reference_doctype="ToDo",
		field_name="status",
		columns=[{"column_name": "Open", "order": "[]"}],
	)
	columns = _names(people.outsider, "Kanban Board Column", parent_doctype="Kanban Board", fields=["name"])
	assert on_todo.columns[0].name in columns  # positive control
	assert on_case.columns[0].name not in columns
	assert on_case.columns[0].name in _names(
		people.officer, "Kanban Board Column", parent_doctype="Kanban Board", fields=["name"]
	)
	label = unique("Desk")
	workspace = _as(
		people.officer,
		"Workspace",
		label=label,
		title=label,
		public=0,
		for_user=people.officer,
		content="[]",
		shortcuts=[{"type": "DocType", "link_to": "Case", "label": "Cases", "stats_filter": "[]"}],
	)
	rows = _names(people.outsider, "Workspace Shortcut", parent_doctype="Workspace", fields=["name"])
	assert workspace.shortcuts[0].name not in rows


def test_reminders_routes_and_reports_of_members(people):
	note = _as(people.outsider, "Note", title=unique("Faculty reps"), public=1)
	theirs = _as(
		people.outsider, "Reminder", remind_at="2030-01-01 09:00:00", description="ball", user=people.outsider,
		reminder_doctype="Note", reminder_docname=note.name,
	)  # fmt: skip
	ours = _as(
		people.officer, "Reminder", remind_at="2030-01-01 09:00:00", description="call back", user=people.officer,
		reminder_doctype="Case", reminder_docname=people.case,
	)  # fmt: skip
	assert theirs.name in _names(people.outsider, "Reminder") and _readable(people.outsider, theirs)
	assert not _readable(people.outsider, ours) and _readable(people.officer, ours)

	frappe.get_doc(
		{"doctype": "Route History", "user": people.officer, "route": f"app/case/{people.case}"}
	).insert(ignore_permissions=True)
	frappe.get_doc({"doctype": "Route History", "user": people.outsider, "route": "app/note"}).insert(
		ignore_permissions=True
	)
	routes = [r.route for r in _rows(people.outsider, "Route History", ["route", "user"])]
	assert "app/note" in routes and f"app/case/{people.case}" not in routes
	for user in (people.officer, people.outsider):
		config = json.dumps(
			{"Cases by status": {"filters_json": json.dumps([["Case", "student", "=", people.student]])}}
		)
		frappe.get_doc(
			{"doctype": "Dashboard Settings", "name": user, "user": user, "chart_config": config}
		).insert(ignore_permissions=True)
	dashboards = {r.name for r in _rows(people.outsider, "Dashboard Settings", ["name", "chart_config"])}
	assert people.outsider in dashboards and people.officer not in dashboards

	report = _as(
		people.officer, "Report", report_name=unique("Cases of"), ref_doctype="Case",
		report_type="Report Builder", is_standard="No", json="{}",
	)  # fmt: skip
	frappe.get_doc(
		{
			"doctype": "Prepared Report",
			"report_name": report.name,
			"filters": json.dumps({"student": people.student}),
		}
	).insert(ignore_permissions=True)
	outside = {r.report_name for r in _rows(people.outsider, "Prepared Report", ["report_name", "filters"])}
	assert report.name not in outside
	inside = {r.report_name for r in _rows(people.officer, "Prepared Report", ["report_name"], ignore=True)}
	assert report.name in inside or not frappe.has_permission("Prepared Report", user=people.officer)


def _rows(user, doctype, fields, ignore=False):
	frappe.set_user(user)
	try:
		if ignore and not frappe.has_permission(doctype, user=user):
			return []
		return frappe.get_list(doctype, fields=fields, limit_page_length=0)
	finally:
		frappe.set_user("Administrator")


def test_service_doctypes_never_need_a_carrier_rule():
	assert not (set(carriers.HIDDEN) | set(carriers.HARMLESS)) & registry.SERVICE_DOCTYPES


def test_child_fields_reach_a_student_only_where_the_reader_may_read_them(people):
	"""`links.link_title` on Contact and `event_participants.reference_docname` on Event, through
	frappe.get_list and frappe.desk.reportview.get, for an officer with a declared conflict."""
	from frappe.desk import reportview

	conflicted = make_user([OFFICER, "System Manager"], officer_title="Education Officer")
	frappe.set_user(people.officer)
	other = make_student()
	frappe.set_user("Administrator")
	frappe.get_doc(
		{
			"doctype": "Conflict Declaration",
			"officer": conflicted,
			"student": people.student,
			"reason": "cousin",
		}
	).insert(ignore_permissions=True)
	frappe.local.student_advice_conflicts = {}
	contacts = {
		student: _as(
			people.officer,
			"Contact",
			first_name=unique("Guardian"),
			links=[{"link_doctype": "Advice Student", "link_name": student}],
		).name
		for student in (people.student, other.name)
	}
	event = _as(
		people.officer,
		"Event",
		subject=unique("Appointment"),
		starts_on="2026-01-05 10:00:00",
		event_type="Public",
		event_participants=[{"reference_doctype": "Case", "reference_docname": people.case}],
	)

	def through_reportview(user, doctype, fields):
		frappe.set_user(user)
		frappe.local.form_dict = frappe._dict(doctype=doctype, fields=json.dumps(fields), page_length=0)
		try:
			result = reportview.get()
			return {row[result["keys"].index("name")] for row in result["values"]} if result else set()
		finally:
			frappe.local.form_dict = frappe._dict()
			frappe.set_user("Administrator")

	fields = ["name", "links.link_name", "links.link_title"]
	for read in (
		lambda u: _names(u, "Contact", fields=fields),
		lambda u: through_reportview(u, "Contact", fields),
	):
		seen = read(conflicted)
		assert contacts[other.name] in seen  # positive control: the join works for a readable student
		assert contacts[people.student] not in seen
	frappe.set_user(conflicted)
	rows = frappe.get_list("Contact", fields=fields, limit_page_length=0)
	frappe.set_user("Administrator")
	assert people.student not in {r.link_name for r in rows} and other.name in {r.link_name for r in rows}
	event_fields = ["name", "event_participants.reference_docname"]
	assert event.name not in through_reportview(conflicted, "Event", event_fields)
	assert event.name in through_reportview(people.officer, "Event", event_fields)
