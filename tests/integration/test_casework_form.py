"""The casework form in the portal, as real students (website users with no role) and officers."""

import frappe
import pytest
from werkzeug.exceptions import Forbidden

from student_advice.api.portal import RECEIVED, submit_casework_form
from student_advice.policy.roles import OFFICER
from tests.factories import make_case, make_student, make_user, unique


def answers(**overrides):
	values = {
		"full_name": unique("Sam"),
		"pronouns": "they/them",
		"college_name": "Clare College",
		"faculty_name": "Classics",
		"course": "Classics Tripos",
		"year_of_study": "2",
		"phone": "+44 1223 000000",
		"no_voicemail": 1,
		"help_needed": unique("My landlord kept my deposit"),
		"meeting_preference": "Online",
	}
	values.update(overrides)
	return values


def submit_as(user, **overrides):
	frappe.set_user(user)
	try:
		return submit_casework_form(**answers(**overrides))
	finally:
		frappe.set_user("Administrator")


def own_student(user):
	return frappe.db.get_value("Advice Student", {"email": user}, "name")


def forms_of(student):
	return frappe.get_all(
		"Casework Form", filters={"student": student}, fields=["name", "status", "help_needed"]
	)


@pytest.fixture
def student():
	return make_user(desk=False)


@pytest.fixture
def other_student():
	"""A second student, already known to the service, with a case."""
	user = make_user(desk=False)
	record = make_student(email=user, full_name=unique("Other"))
	case = make_case(record.name)
	return {"user": user, "student": record.name, "case": case.name}


@pytest.fixture
def officer_user():
	return make_user([OFFICER], officer_title="Student Advisor")


def test_a_student_submits_and_the_service_gets_their_record_and_form(student):
	assert own_student(student) is None
	assert submit_as(student, full_name="Sam Student", pronouns="she/her") == RECEIVED
	record = frappe.get_doc("Advice Student", own_student(student))
	assert (record.full_name, record.pronouns, record.college, record.no_voicemail) == (
		"Sam Student",
		"she/her",
		"Clare College",
		1,
	)
	[form] = forms_of(record.name)
	form = frappe.get_doc("Casework Form", form.name)
	assert form.status == "New" and form.email == student and form.submitted_on
	assert (form.faculty, form.meeting_preference, form.triaged_by, form.advice_case) == (
		"Classics",
		"Online",
		None,
		None,
	)
	assert len(form.name) == 32 and "Sam" not in form.name


def test_the_student_is_matched_by_login_email_and_a_second_submission_updates(student, officer_user):
	frappe.set_user(officer_user)
	known = make_student(email=student, full_name="Known Name", course="Old course")
	frappe.set_user("Administrator")
	first = submit_as(student, full_name="New Name", help_needed="first")
	second = submit_as(student, full_name="New Name", help_needed="second", course="")
	assert first == second == RECEIVED
	assert frappe.get_all("Advice Student", filters={"email": student}, pluck="name") == [known.name]
	record = frappe.get_doc("Advice Student", known.name)
	assert record.full_name == "New Name" and record.course == "Classics Tripos"
	[form] = forms_of(known.name)
	assert form.help_needed == "second" and form.status == "New"


def test_what_the_form_says_never_chooses_the_record(student, other_student):
	"""Typing another student's name or email changes nothing of theirs."""
	theirs = frappe.get_doc("Advice Student", other_student["student"])
	before = theirs.modified
	submit_as(student, full_name=theirs.full_name, contact_notes=f"I am {other_student['user']}")
	assert frappe.db.get_value("Advice Student", theirs.name, "modified") == before
	assert forms_of(theirs.name) == []
	assert own_student(student) not in (None, theirs.name)


@pytest.mark.parametrize(
	"field,value",
	[
		("status", "Triaged"),
		("triaged_as", "New Case"),
		("triaged_by", "Administrator"),
		("advice_case", "case"),
		("student", "student"),
		("email", "someone@example.test"),
		("name", "x"),
		("category", "Welfare"),
	],
)
def test_officer_only_fields_and_other_records_are_refused(student, other_student, field, value):
	value = {"case": other_student["case"], "student": other_student["student"]}.get(value, value)
	with pytest.raises(frappe.ValidationError):
		submit_as(student, **{field: value})
	assert own_student(student) is None
	assert forms_of(other_student["student"]) == []


@pytest.mark.parametrize(
	"field,value",
	[
		("help_needed", "<img src=x onerror=alert(1)>"),
		("full_name", "x" * 141),
		("college_name", "Hogwarts"),
		("faculty_name", "Potions"),
		("year_of_study", "12"),
		("phone", "ring me"),
		("full_name", ""),
	],
)
def test_every_field_is_validated_on_the_server(student, field, value):
	with pytest.raises(frappe.ValidationError):
		submit_as(student, **{field: value})
	assert own_student(student) is None


def test_guests_are_refused():
	frappe.set_user("Guest")
	with pytest.raises(Forbidden):
		submit_casework_form(**answers())
	from student_advice.www import casework_form as page

	with pytest.raises(frappe.Redirect):
		page.get_context(frappe._dict())
	assert frappe.local.flags.redirect_location.startswith("/login")


def test_the_page_is_the_same_for_a_student_with_records_and_one_without(student, other_student):
	from student_advice.www import casework_form as page

	contexts = []
	for user in (student, other_student["user"]):
		frappe.set_user(user)
		context = page.get_context(frappe._dict())
		contexts.append({k: v for k, v in context.items() if k != "email"})
	assert contexts[0] == contexts[1] and "Clare College" in contexts[0]["colleges"]


def submitted_form(user):
	submit_as(user)
	student = own_student(user)
	return student, forms_of(student)[0].name


def test_triage_into_a_new_case_writes_a_case_entry(student, officer_user):
	student_name, form_name = submitted_form(student)
	frappe.set_user(officer_user)
	form = frappe.get_doc("Casework Form", form_name)
	case = form.triage("New Case", category="Welfare")
	form.reload()
	assert (form.status, form.triaged_as, form.advice_case, form.triaged_by) == (
		"Triaged",
		"New Case",
		case,
		officer_user,
	)
	assert frappe.db.get_value("Case", case, "student") == student_name
	[entry] = frappe.get_all("Case Entry", filters={"advice_case": case}, fields=["details", "officer"])
	assert form.help_needed in entry.details and entry.officer == officer_user
	with pytest.raises(frappe.ValidationError):
		form.triage("Enquiry", category="Welfare")  # once only
	submit_as(student, help_needed="something new")
	assert len(forms_of(student_name)) == 2  # a triaged form is closed: the next one is new


def test_triage_into_an_existing_case_of_that_student_only(student, other_student, officer_user):
	student_name, form_name = submitted_form(student)
	frappe.set_user(officer_user)
	own_case = make_case(student_name).name
	form = frappe.get_doc("Casework Form", form_name)
	with pytest.raises(frappe.ValidationError):
		form.triage("Existing Case", advice_case=other_student["case"])
	assert form.triage("Existing Case", advice_case=own_case) == own_case
	assert frappe.get_all("Case Entry", filters={"advice_case": own_case}, pluck="name")
	assert not frappe.get_all("Case Entry", filters={"advice_case": other_student["case"]}, pluck="name")


def test_triage_as_an_enquiry(student, officer_user):
	student_name, form_name = submitted_form(student)
	frappe.set_user(officer_user)
	form = frappe.get_doc("Casework Form", form_name)
	enquiry = form.triage("Enquiry", category="Welfare")
	enquiry = frappe.get_doc("Enquiry", enquiry)
	assert (enquiry.student, enquiry.channel, enquiry.summary) == (student_name, "Online", form.help_needed)
	assert frappe.db.get_value("Casework Form", form_name, "status") == "Triaged"


def test_officers_neither_rewrite_the_students_words_nor_triage_by_hand(student, officer_user):
	_, form_name = submitted_form(student)
	frappe.set_user(officer_user)
	form = frappe.get_doc("Casework Form", form_name)
	form.help_needed = "rewritten"
	with pytest.raises(frappe.ValidationError):
		form.save()
	form.reload()
	form.status = "Triaged"
	with pytest.raises(frappe.ValidationError):
		form.save()


@pytest.mark.parametrize("outsider", ["desk_user", "system_manager", "other_student", "the_student"])
def test_outsiders_and_the_student_get_nothing_through_the_doctype(student, other_student, outsider):
	_, form_name = submitted_form(student)
	user = {
		"desk_user": lambda: make_user(["Blogger"]),
		"system_manager": lambda: make_user(["System Manager"]),
		"other_student": lambda: other_student["user"],
		"the_student": lambda: student,  # decision 2: never through DocType permissions
	}[outsider]()
	frappe.set_user(user)
	form = frappe.get_doc("Casework Form", form_name)
	assert not frappe.has_permission("Casework Form", "read", doc=form, user=user)
	with pytest.raises(frappe.PermissionError):
		frappe.get_list("Casework Form", pluck="name")  # no role reads the DocType at all
	with pytest.raises(frappe.PermissionError):
		form.check_permission("read")
	with pytest.raises(frappe.PermissionError):
		form.triage("New Case", category="Welfare")


def test_an_officer_sees_the_queue(student, officer_user):
	_, form_name = submitted_form(student)
	frappe.set_user(officer_user)
	assert form_name in frappe.get_list("Casework Form", filters={"status": "New"}, pluck="name")


def test_the_case_file_lists_the_students_casework_forms(student, officer_user):
	from student_advice.api.case_file import case_file

	student_name, form_name = submitted_form(student)
	frappe.set_user(officer_user)
	case = frappe.get_doc("Casework Form", form_name).triage("New Case", category="Welfare")
	[listed] = case_file(case)["casework_forms"]
	assert (listed.name, listed.status, listed.triaged_as) == (form_name, "Triaged", "New Case")
	assert listed.help_needed == frappe.db.get_value("Casework Form", form_name, "help_needed")
	template = frappe.db.get_value("Print Format", "Case File", "html")
	html = frappe.render_template(template, {"doc": frappe.get_doc("Case", case)})
	assert frappe.utils.escape_html(listed.help_needed) in html or listed.help_needed in html


# --- attachments ------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n% a letter from the landlord\n"


def submit_with_files(user, files, **overrides):
	"""The portal's multipart submission, as inside the web request that carries the files."""
	import io

	from werkzeug.test import EnvironBuilder
	from werkzeug.wrappers import Request

	data = {"attachments": [(io.BytesIO(content), name) for name, content in files]}
	previous = getattr(frappe.local, "request", None)
	frappe.local.request = Request(EnvironBuilder(method="POST", data=data).get_environ())
	try:
		return submit_as(user, **overrides)
	finally:
		frappe.local.request = previous


def attachments_of(student):
	forms = [f.name for f in forms_of(student)]
	return frappe.get_all(
		"File",
		filters={"attached_to_doctype": "Casework Form", "attached_to_name": ("in", forms or [""])},
		fields=["name", "file_name", "is_private", "file_url", "attached_to_name"],
	)


def test_a_student_attaches_files_privately_to_their_own_form_only(student, other_student, officer_user):
	assert (
		submit_with_files(student, [("letter.pdf", PDF), ("notes.txt", b"Deposit of 400 pounds")]) == RECEIVED
	)
	files = attachments_of(own_student(student))
	assert sorted(f.file_name for f in files) == ["letter.pdf", "notes.txt"]
	assert all(f.is_private and f.file_url.startswith("/private/files/") for f in files)
	assert {f.attached_to_name for f in files} == {forms_of(own_student(student))[0].name}
	assert not attachments_of(other_student["student"])
	letter = frappe.get_doc("File", next(f.name for f in files if f.file_name == "letter.pdf"))
	content = letter.get_content()  # Frappe decodes what decodes as text
	assert (content.encode() if isinstance(content, str) else content) == PDF
	assert {frappe.db.get_value("File", f.name, "owner") for f in files} == {"Administrator"}
	from frappe.website.doctype.personal_data_download_request.personal_data_download_request import (
		get_user_data,
	)

	exported = get_user_data(student)
	assert student in exported, "positive control: the export is the student's"
	assert "Casework Form" not in exported and "letter.pdf" not in exported
	outsider = make_user(["System Manager"])
	for user, allowed in (
		(officer_user, True),
		(student, False),
		(other_student["user"], False),
		(outsider, False),
	):
		assert frappe.has_permission("File", "read", doc=letter, user=user) is allowed, user


@pytest.mark.parametrize(
	"files, message",
	[
		([("run.exe", b"MZ")], "only these kinds of file"),
		([("letter.pdf", b"<html><script>alert(1)</script></html>")], "only these kinds of file"),
		([("empty.pdf", b"")], "is empty"),
		([("letter.pdf", PDF + b"x" * (5 * 1024 * 1024))], "at most 5 MB"),
		([(f"page{n}.pdf", PDF) for n in range(4)], "up to 3 files"),
	],
)
def test_a_refused_attachment_refuses_the_whole_form_and_writes_nothing(student, files, message):
	with pytest.raises(frappe.ValidationError, match=message):
		submit_with_files(student, files)
	assert own_student(student) is None
	assert not frappe.get_all("File", filters={"file_name": ("in", [n for n, _ in files])}, pluck="name")


def test_the_limit_counts_files_already_on_the_open_form(student):
	frappe.db.set_single_value("Student Advice Settings", "attachment_max_files", 2)
	submit_with_files(student, [("one.pdf", PDF)])
	with pytest.raises(frappe.ValidationError, match="up to 2 files"):
		submit_with_files(student, [("two.pdf", PDF), ("three.pdf", PDF)])
	submit_with_files(student, [("two.pdf", PDF)])
	assert sorted(f.file_name for f in attachments_of(own_student(student))) == ["one.pdf", "two.pdf"]


def test_the_settings_keep_a_whole_form_within_one_request():
	from student_advice.casework_attachments import request_limit_mb

	settings = frappe.get_doc("Student Advice Settings")
	settings.attachment_max_mb, settings.attachment_max_files = request_limit_mb(), 2
	with pytest.raises(frappe.ValidationError, match="must stay under"):
		settings.save()
	settings.reload()
	settings.attachment_types = " .PDF  png"
	settings.attachment_max_mb, settings.attachment_max_files = 4, 2
	settings.save()
	assert settings.attachment_types == "pdf, png"


def test_the_page_offers_the_attachment_limits_from_the_settings(student):
	from student_advice.www import casework_form

	frappe.set_user(student)
	try:
		context = casework_form.get_context(frappe._dict())
	finally:
		frappe.set_user("Administrator")
	assert (context.attachment_max_files, context.attachment_max_mb) == (3, 5)
	assert "pdf" in context.attachment_types and "exe" not in context.attachment_types
