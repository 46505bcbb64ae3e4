"""Every Frappe DocType that can carry casework is classified (issue 11): policy/carriers.py."""

from student_advice.policy import carriers, registry
from student_advice.policy.carriers import Field


def test_the_classification_is_consistent():
	assert carriers.problems() == []


def test_a_new_dynamic_link_doctype_fails_the_gate():
	site = {"Note": [Field("title", "Data")], "Shiny Tracker": [Field("ref", "Dynamic Link", "ref_type")]}
	assert carriers.unclassified(site) == ["Shiny Tracker"]


def test_each_kind_of_carrier_field_is_seen():
	for fields in (
		[Field("for_doctype", "Link", "DocType")],
		[Field("payload", "JSON")],
		[Field("snippet", "Code")],
		[Field("saved_filters", "Long Text")],
		[Field("columns_order", "Small Text")],
		[Field("route", "Data")],
	):
		assert carriers.unclassified({"New Thing": fields}) == ["New Thing"], fields
	assert carriers.unclassified({"Saved Filter Set": [Field("title", "Data")]}) == ["Saved Filter Set"]


def test_ordinary_doctypes_are_not_carriers():
	site = {
		"Note": [Field("title", "Data"), Field("content", "Text Editor")],
		"ToDo Category": [Field("owner_user", "Link", "User"), Field("description", "Small Text")],
	}
	assert carriers.unclassified(site) == []


def test_the_apps_own_doctypes_are_the_registrys_business():
	site = {
		d: [Field("x", "Dynamic Link", "y")]
		for d in sorted(registry.SERVICE_DOCTYPES | registry.OPEN_RECORDS)
	}
	assert carriers.unclassified(site) == []


def test_a_classified_carrier_passes():
	site = {
		"Kanban Board": [Field("reference_doctype", "Link", "DocType")],
		"Route History": [Field("route", "Data")],
		"Custom Field": [Field("dt", "Link", "DocType")],
	}
	assert carriers.unclassified(site) == []


def test_a_parent_of_hidden_rows_needs_a_rule_that_reads_them():
	"""A `table.field` join reads child rows without the child's rule: the parent must read them."""
	site = {"Dynamic Link": [Field("link_name", "Dynamic Link", "link_doctype")]}
	assert carriers.unclassified({**site, "Contact": [Field("links", "Table", "Dynamic Link")]}) == []
	assert carriers.unclassified({**site, "Supplier Card": [Field("links", "Table", "Dynamic Link")]}) == [
		"Supplier Card"
	]
	# a child that follows its parent needs nothing more
	assert carriers.unclassified({"Kanban Board": [Field("columns", "Table", "Kanban Board Column")]}) == []


def test_a_harmless_parent_of_hidden_rows_is_not_enough():
	carriers.HARMLESS["Supplier Card"] = carriers.Harmless("argued harmless, but its rows are not")
	try:
		site = {
			"Dynamic Link": [Field("link_name", "Dynamic Link", "link_doctype")],
			"Supplier Card": [Field("links", "Table", "Dynamic Link")],
		}
		assert carriers.unclassified(site) == ["Supplier Card"]
	finally:
		del carriers.HARMLESS["Supplier Card"]


def test_the_saved_desk_settings_and_side_tables_are_hidden():
	for doctype in (
		*registry.DESK_SETTINGS,
		*registry.SIDE_TABLES,
		"Workspace",
		"Reminder",
		"Event",
		"Contact",
	):
		assert isinstance(carriers.HIDDEN.get(doctype), carriers.Hidden), doctype
	assert carriers.HIDDEN["Reminder"].fields == ("reminder_doctype", "reminder_docname")
	assert carriers.read_rows("Communication") == {"Communication Link"}
	assert carriers.read_rows("Contact") == {"Dynamic Link"}


def test_rules_refer_to_hidden_doctypes_only():
	broken = {"Orphan Child": carriers.Hidden(carriers.CHILD_OF, target="Nothing Hidden")}
	carriers.HIDDEN.update(broken)
	try:
		assert any("Orphan Child" in p for p in carriers.problems())
	finally:
		del carriers.HIDDEN["Orphan Child"]
