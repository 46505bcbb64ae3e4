"""registry.may_name_service_doctype: the lookup it lets callers skip could never have found one."""

import pytest

from student_advice.policy import registry


@pytest.mark.parametrize("doctype", sorted(registry.SERVICE_DOCTYPES))
def test_every_service_doctype_in_any_case_and_with_trailing_spaces_is_looked_up(doctype):
	for given in (doctype, doctype.lower(), doctype.upper(), doctype + "  "):
		assert registry.may_name_service_doctype(given)


@pytest.mark.parametrize(
	"name", ["User", "Note", "ToDo", "Case Study", "Cases", " Case", "Advice", "Has Role"]
)
def test_plain_names_of_other_doctypes_need_no_lookup(name):
	assert not registry.may_name_service_doctype(name)


@pytest.mark.parametrize(
	"name",
	[
		"Cäse",  # accents fold in the collation
		"Ｃａｓｅ",  # full-width letters
		"Case\u200b",  # a character the collation may ignore
		"Case_Entry",
		"Case\t",
		"Advice-Student",
	],
)
def test_names_the_collation_may_fold_are_looked_up(name):
	assert registry.may_name_service_doctype(name)


@pytest.mark.parametrize("value", [None, "", 3, ["Case"]])
def test_no_name_is_no_service_doctype(value):
	assert not registry.may_name_service_doctype(value)
