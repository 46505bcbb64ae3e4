"""Static checks of the DocType JSON: the schema is the source of truth, so check it directly."""

import json
import re
from pathlib import Path

import pytest

from student_advice.policy import registry
from student_advice.policy.roles import ALL_APP_ROLES, SERVICE_ROLES, STATISTICS_VIEWER

APP = Path(__file__).resolve().parents[2] / "student_advice"
DOCTYPES = {
	(d := json.loads(p.read_text()))["name"]: d
	for p in sorted(APP.glob("*/doctype/*/*.json"))
	if p.parent.name == p.stem
}


def test_every_doctype_is_classified_once():
	classes = [set(registry.STUDENT_RECORDS), set(registry.SERVICE_RECORDS), set(registry.OPEN_RECORDS)]
	for a in range(3):
		for b in range(a + 1, 3):
			assert not classes[a] & classes[b]
	assert set(DOCTYPES) == set().union(*classes)


@pytest.mark.parametrize("name", sorted(registry.SERVICE_DOCTYPES))
def test_only_service_roles_hold_rights_and_nobody_shares(name):
	doctype = DOCTYPES[name]
	# a child table needs no permissions of its own (Frappe checks its parent's); any it carries obey the rules
	assert doctype["permissions"] or doctype.get("istable"), f"{name} has no permissions at all"
	for perm in doctype["permissions"]:
		assert perm["role"] in SERVICE_ROLES, f"{name} gives {perm['role']} a right"
		assert not perm.get("share"), f"{name} lets {perm['role']} share"
		assert not perm.get("if_owner")


@pytest.mark.parametrize("name", sorted(registry.OPEN_RECORDS))
def test_open_records_are_for_app_roles_only(name):
	for perm in DOCTYPES[name]["permissions"]:
		assert perm["role"] in ALL_APP_ROLES
		assert not perm.get("share") and not perm.get("write") or perm["role"] != STATISTICS_VIEWER


@pytest.mark.parametrize("name", sorted(registry.SERVICE_DOCTYPES))
def test_nothing_in_global_search_nor_on_the_web(name):
	doctype = DOCTYPES[name]
	for flag in (
		"has_web_view",
		"allow_guest_to_view",
		"show_name_in_global_search",
		"allow_import",
		"email_append_to",
	):
		assert not doctype.get(flag), f"{name}.{flag}"
	for field in doctype["fields"]:
		assert not field.get("in_global_search"), f"{name}.{field['fieldname']} is in global search"


@pytest.mark.parametrize("name", sorted(registry.STUDENT_RECORDS))
def test_student_records_are_randomly_named_tracked_and_private(name):
	doctype = DOCTYPES[name]
	assert doctype["naming_rule"] == "By script" and not doctype.get("autoname")
	assert doctype["track_changes"] and doctype["track_views"]
	for flag in ("show_preview_popup", "make_attachments_public", "allow_rename"):
		assert not doctype.get(flag), f"{name}.{flag}"
	# a link shows its title without any permission check in Frappe: only where overridden (decision 5)
	assert bool(doctype.get("show_title_field_in_link")) == (name in registry.TITLED_IN_LINKS), name
	for field in doctype["fields"]:
		assert not field.get("unique"), f"{name}.{field['fieldname']} is unique: its error would be an oracle"
		assert not field.get("fetch_from"), f"{name}.{field['fieldname']} fetches"
	field = registry.STUDENT_RECORDS[name]
	assert field == "name" or any(f["fieldname"] == field for f in doctype["fields"])


def test_no_service_doctype_is_linked_from_outside_the_app():
	"""Links between the app's own DocTypes are fine; the app's DocTypes are all classified."""
	for name, doctype in DOCTYPES.items():
		for field in doctype["fields"]:
			if field["fieldtype"] == "Link" and field.get("options") in registry.SERVICE_DOCTYPES:
				assert name in registry.SERVICE_DOCTYPES


def _parents_of(child: str) -> set[str]:
	return {
		name
		for name, doctype in DOCTYPES.items()
		for field in doctype["fields"]
		if field["fieldtype"] in ("Table", "Table MultiSelect") and field.get("options") == child
	}


def test_no_child_table_of_the_app_reaches_a_student_record():
	"""`table.field` joins read child rows under the parent's row rule only (issue 11): a child row
	that linked to a student record would let a query on its parent reach that student. Records
	about a student are their own DocTypes instead (decision 6). A Dynamic Link is allowed only in
	the child rows of a student record (Record Access Item): Frappe joins through Link fields only,
	and its parent's row rule is the rule of the very student it points at."""
	for name, doctype in DOCTYPES.items():
		if not doctype.get("istable"):
			continue
		parents = _parents_of(name)
		for field in doctype["fields"]:
			if field["fieldtype"] == "Dynamic Link":
				assert parents and parents <= set(registry.STUDENT_RECORDS), f"{name}.{field['fieldname']}"
			if field["fieldtype"] in ("Link", "Table", "Table MultiSelect"):
				assert field.get("options") not in registry.STUDENT_RECORDS, f"{name}.{field['fieldname']}"


# Frappe renders a new document read-only when the role may create but not write, so a
# record that can only be created through the API is a form nobody can save from the desk.
@pytest.mark.parametrize("name", sorted(DOCTYPES))
def test_whoever_may_create_may_fill_in_the_new_form(name):
	for perm in DOCTYPES[name]["permissions"]:
		assert not perm.get("create") or perm.get("write"), f"{name}: {perm['role']} creates without write"


def _append_only_doctypes() -> list[str]:
	"""DocTypes whose controller declares AppendOnly (read from the source, not a list)."""
	found = []
	for path in sorted(APP.glob("*/doctype/*/*.py")):
		bases = re.search(r"^class \w+\(([^)]*)\)", path.read_text(), re.MULTILINE)
		if path.parent.name == path.stem and bases and "AppendOnly" in re.split(r"[\s,]+", bases.group(1)):
			found.append(json.loads(path.with_suffix(".json").read_text())["name"])
	return found


def test_append_only_doctypes_are_found():
	assert {"Case Entry", "Disclosure", "Consent Withdrawal", "Breach Correction"} <= set(
		_append_only_doctypes()
	)


_LAYOUT = {"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Heading"}


@pytest.mark.parametrize("name", _append_only_doctypes())
def test_append_only_records_are_written_once(name):
	# write lets the new form be filled in; set_only_once makes every field read-only once saved,
	# and the controller's refuse_edits() refuses any later save on the server whatever the form does
	for field in DOCTYPES[name]["fields"]:
		if field["fieldtype"] not in _LAYOUT and not field.get("read_only"):
			assert field.get("set_only_once"), f"{name}.{field['fieldname']} can be changed after saving"


@pytest.mark.parametrize("name", registry.TITLED_BY_STUDENT)
def test_members_read_records_by_the_students_name(name):
	doctype = DOCTYPES[name]
	assert doctype["title_field"] == "student_name"
	field = next(f for f in doctype["fields"] if f["fieldname"] == "student_name")
	assert field["fieldtype"] == "Data" and field.get("read_only") and not field.get("fetch_from")


# Student records titled by a field of their own (the rest are TITLED_BY_STUDENT).
OWN_TITLES = {
	"Advice Student": "full_name",
	"Case": "title",
	"Meeting Discussion": "title",
	"Meeting Action": "title",
	"Casework Form": "full_name",  # the name the student gave on the form
}


def test_every_student_record_has_a_title_for_members():
	assert set(registry.TITLED_BY_STUDENT) | set(OWN_TITLES) == set(registry.STUDENT_RECORDS)
	for name, field in OWN_TITLES.items():
		assert DOCTYPES[name]["title_field"] == field, name
