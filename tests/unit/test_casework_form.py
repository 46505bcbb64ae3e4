import pytest

from student_advice.policy import casework_form as cf

COLLEGES = frozenset({"Clare College", "Trinity College"})
FACULTIES = frozenset({"Classics", "Law"})


def submission(**overrides):
	values = {"full_name": "Sam Student", "help_needed": "My landlord kept my deposit."}
	values.update(overrides)
	return values


def check(**overrides):
	return cf.check_submission(submission(**overrides), COLLEGES, FACULTIES)


def test_a_plain_submission_is_accepted_and_mapped_to_fields():
	values, codes = check(college_name="Clare College", faculty_name="Law", email_only="1", cmd="x")
	assert codes == []
	assert values["college"] == "Clare College" and values["faculty"] == "Law"
	assert values["email_only"] == 1 and values["no_voicemail"] == 0
	assert set(values) == {field for field, *_ in cf.FIELDS.values()}


@pytest.mark.parametrize(
	"field", ["status", "triaged_as", "advice_case", "triaged_by", "student", "name", "category", "email"]
)
def test_officer_only_and_unknown_fields_are_refused(field):
	_, codes = check(**{field: "x"})
	assert "casework_form_field_not_allowed" in codes


def test_required_fields():
	_, codes = check(full_name="  ", help_needed=None)
	assert codes == ["casework_form_missing:full_name", "casework_form_missing:help_needed"]


def test_lengths():
	_, codes = check(pronouns="x" * 41, help_needed="y" * 5001)
	assert codes == ["casework_form_too_long:pronouns", "casework_form_too_long:help_needed"]
	_, codes = check(help_needed="y" * 5000)
	assert codes == []


@pytest.mark.parametrize(
	"text", ["<b>hi</b>", "a <script>x</script>", "</p>", "<!-- c -->", "&lt;b&gt;", "&#60;img"]
)
def test_no_html(text):
	_, codes = check(help_needed=text)
	assert codes == ["casework_form_html:help_needed"]


def test_plain_angle_brackets_are_fine():
	assert check(help_needed="marks < 40 and > 30, I <3 this")[1] == []


@pytest.mark.parametrize("value", [["a"], {"a": 1}, 3, "line\nbreak", "bell\x07"])
def test_types(value):
	_, codes = check(course=value)
	assert codes == ["casework_form_type:course"]


def test_long_texts_keep_line_breaks():
	values, codes = check(help_needed="one\r\ntwo")
	assert codes == [] and values["help_needed"] == "one\ntwo"


def test_masters_and_choices():
	_, codes = check(
		college_name="Hogwarts", faculty_name="Alchemy", year_of_study="9", meeting_preference="Fax"
	)
	assert codes == [
		"casework_form_choice:year_of_study",
		"casework_form_choice:meeting_preference",
		"casework_form_choice:college_name",
		"casework_form_choice:faculty_name",
	]


@pytest.mark.parametrize("value,ok", [("+44 1223 123456", True), ("(01223) 12-34", True), ("call me", False)])
def test_phone(value, ok):
	assert (check(phone=value)[1] == []) is ok


@pytest.mark.parametrize("value,expected", [(1, 1), (0, 0), (True, 1), ("on", 1), ("", 0), (None, 0)])
def test_checks(value, expected):
	values, codes = check(no_post=value)
	assert codes == [] and values["no_post"] == expected


def test_a_check_that_is_not_a_boolean_is_refused():
	assert check(no_post="maybe")[1] == ["casework_form_type:no_post"]


def test_triage():
	t = cf.check_triage
	assert t(cf.NEW, cf.NEW_CASE, "Welfare", None, None, "s1") == []
	assert t(cf.NEW, cf.ENQUIRY, "Welfare", None, None, "s1") == []
	assert t(cf.NEW, cf.EXISTING_CASE, None, "c1", "s1", "s1") == []
	assert t(cf.TRIAGED, cf.NEW_CASE, "Welfare", None, None, "s1") == ["casework_form_already_triaged"]
	assert t(cf.NEW, "Ignore", "Welfare", None, None, "s1") == ["casework_form_triage_unknown"]
	assert t(cf.NEW, cf.NEW_CASE, None, None, None, "s1") == ["casework_form_triage_needs_category"]
	assert t(cf.NEW, cf.EXISTING_CASE, None, None, None, "s1") == ["casework_form_triage_needs_case"]
	assert t(cf.NEW, cf.EXISTING_CASE, None, "c2", "s2", "s1") == ["casework_form_triage_other_student"]


# --- attachments ------------------------------------------------------------------------------------

MB = 1024 * 1024
TYPES = ("pdf", "png", "txt")


def test_attachment_types_come_from_the_setting_or_the_default():
	assert cf.attachment_types("PDF, .png;  jpg\ndocx pdf") == ("pdf", "png", "jpg", "docx")
	assert cf.attachment_types("") == cf.DEFAULT_ATTACHMENT_TYPES
	assert cf.attachment_types(None) == cf.DEFAULT_ATTACHMENT_TYPES


def test_allowed_files_pass():
	assert cf.check_attachments([("letter.pdf", 2 * MB), ("Photo 1.PNG", 10)], 0, TYPES, 5, 3) == []


@pytest.mark.parametrize(
	"files, already, code",
	[
		([("a.pdf", 1)] * 2, 2, "casework_attachment_count:3"),
		([("a.exe", 1)], 0, "casework_attachment_type:pdf, png, txt"),
		([("a", 1)], 0, "casework_attachment_type:pdf, png, txt"),
		([("a.pdf", 5 * MB + 1)], 0, "casework_attachment_size:5"),
		([("a.pdf", 0)], 0, "casework_attachment_empty"),
		([("../../etc/a.pdf", 1)], 0, "casework_attachment_name"),
		([("a<script>.pdf", 1)], 0, "casework_attachment_name"),
		([(".htaccess.pdf", 1)], 0, "casework_attachment_name"),
		([("", 1)], 0, "casework_attachment_name"),
		([("x" * 140 + ".pdf", 1)], 0, "casework_attachment_name"),
	],
)
def test_each_attachment_rule(files, already, code):
	assert code in cf.check_attachments(files, already, TYPES, 5, 3)


def test_no_attachments_when_the_setting_allows_none():
	assert cf.check_attachments([("a.pdf", 1)], 0, TYPES, 5, 0) == ["casework_attachment_count:0"]
	assert cf.check_attachments([], 0, TYPES, 5, 0) == []


def test_a_file_holds_what_its_name_says():
	assert cf.content_matches("a.pdf", b"%PDF-1.7 ...")
	assert not cf.content_matches("a.pdf", b"<html><script>alert(1)</script>")
	assert cf.content_matches("a.PNG", b"\x89PNG\r\n\x1a\n....")
	assert not cf.content_matches("a.jpg", b"GIF89a")
	assert cf.content_matches("a.docx", b"PK\x03\x04...")
	assert cf.content_matches("notes.txt", "Dear advisor, £20 deposit".encode())
	assert not cf.content_matches("notes.txt", b"\xff\xfe\x00binary")
	assert cf.content_matches("scan.tiff", b"II*\x00")  # a type the settings added: no signature known
