"""An officer's casework in the desk, and every casework rule refusing bad input, as real users."""

import frappe
import pytest
from frappe.utils import add_days, today

from student_advice.policy.roles import ADMINISTRATOR, MANAGER, OFFICER
from tests.factories import make_case, make_student, make_user


def count(doctype, **filters):
	return frappe.db.count(doctype, filters)


def test_officer_records_a_student_a_case_and_entries(officer):
	student = make_student(full_name="Ada Canary", pronouns="she/her", no_voicemail=1)
	assert len(student.name) == 32 and "Ada" not in student.name
	case = make_case(student.name, needs_confidential_space=1, paper_file_location="Locked cabinet, drawer 2")
	assert case.student_name == "Ada Canary"
	assert case.title == "Ada Canary · Welfare" and case.status == "Open"  # members read names (decision 5)
	for kind in ("Event", "Advice Offered", "Action Taken"):
		entry = frappe.get_doc(
			{"doctype": "Case Entry", "advice_case": case.name, "entry_type": kind, "details": f"{kind} text"}
		).insert()
		assert entry.officer == officer and entry.student == student.name
	assert count("Case Entry", advice_case=case.name) == 3
	assert frappe.get_list("Case", filters={"name": case.name}, pluck="name") == [case.name]


def test_officer_converts_an_enquiry_into_a_case_that_links_both_ways(officer):
	student = make_student()
	enquiry = frappe.get_doc(
		{
			"doctype": "Enquiry",
			"channel": "Drop-in",
			"category": "Housing",
			"summary": "landlord",
			"anonymous": 1,
		}
	).insert()
	case_name = enquiry.convert_to_case(student=student.name)
	enquiry.reload()
	case = frappe.get_doc("Case", case_name)
	assert enquiry.advice_case == case.name and case.enquiry == enquiry.name
	assert case.student == student.name and case.category == "Housing"
	assert enquiry.student == student.name and not enquiry.anonymous
	with pytest.raises(frappe.ValidationError, match="already been converted"):
		enquiry.convert_to_case(student=student.name)
	assert count("Case", enquiry=enquiry.name) == 1


def test_converting_needs_a_student(officer):
	enquiry = frappe.get_doc(
		{"doctype": "Enquiry", "channel": "Phone", "category": "Finance", "summary": "x", "anonymous": 1}
	).insert()
	with pytest.raises(frappe.ValidationError, match="Choose the student"):
		enquiry.convert_to_case()
	assert not frappe.db.get_value("Enquiry", enquiry.name, "advice_case")


def test_one_student_record_per_email(officer):
	make_student(email="same@cam.example")
	before = count("Advice Student")
	with pytest.raises(frappe.ValidationError, match="already uses this email"):
		make_student(email=" SAME@cam.example ")
	assert count("Advice Student") == before


def test_closing_requires_an_outcome_and_a_sane_date(officer):
	case = make_case(make_student().name, opened_on=add_days(today(), -10))
	case.status = "Closed"
	with pytest.raises(frappe.ValidationError, match="Choose an outcome"):
		case.save()
	case.reload()
	case.update({"status": "Closed", "outcome": "Advice given", "closed_on": add_days(today(), -11)})
	with pytest.raises(frappe.ValidationError, match="cannot be before the date the case was opened"):
		case.save()
	assert frappe.db.get_value("Case", case.name, "status") == "Open"
	case.reload()
	case.update({"status": "Closed", "outcome": "Advice given"})
	case.save()
	assert str(case.closed_on) == today()


def test_reopening_a_closed_case_is_logged_as_an_entry(officer):
	case = make_case(make_student().name)
	case.update({"status": "Closed", "outcome": "Advice given"})
	case.save()
	case.status = "Open"
	case.save()
	assert case.closed_on is None
	entries = frappe.get_all("Case Entry", filters={"advice_case": case.name}, pluck="details")
	assert len(entries) == 1 and "reopened" in entries[0]


def test_case_entries_are_append_only_and_never_in_the_future(officer):
	case = make_case(make_student().name)
	entry = frappe.get_doc(
		{"doctype": "Case Entry", "advice_case": case.name, "entry_type": "Event", "details": "first"}
	).insert()
	with pytest.raises(frappe.ValidationError, match="cannot be dated in the future"):
		frappe.get_doc(
			{
				"doctype": "Case Entry",
				"advice_case": case.name,
				"entry_type": "Event",
				"details": "later",
				"entry_date": add_days(today(), 1),
			}
		).insert()
	entry.details = "rewritten"
	with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
		entry.save()
	assert frappe.db.get_value("Case Entry", entry.name, "details") == "first"
	correction = frappe.get_doc(
		{
			"doctype": "Case Entry",
			"advice_case": case.name,
			"entry_type": "Event",
			"details": "fixed",
			"corrects": entry.name,
		}
	).insert()
	assert correction.corrects == entry.name
	other = make_case(make_student().name)
	with pytest.raises(frappe.ValidationError, match="same case"):
		frappe.get_doc(
			{
				"doctype": "Case Entry",
				"advice_case": other.name,
				"entry_type": "Event",
				"details": "x",
				"corrects": entry.name,
			}
		).insert()
	assert count("Case Entry", advice_case=other.name) == 0


def test_nothing_is_deleted_by_hand(officer):
	case = make_case(make_student().name)
	for user in (officer, make_user([MANAGER]), make_user([ADMINISTRATOR])):
		frappe.set_user(user)
		with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
			frappe.delete_doc("Case", case.name)
	assert frappe.db.exists("Case", case.name)


def test_anonymous_enquiry_names_no_student(officer):
	student = make_student()
	with pytest.raises(frappe.ValidationError, match="anonymous enquiry cannot name a student"):
		frappe.get_doc(
			{
				"doctype": "Enquiry",
				"channel": "Email",
				"category": "Other",
				"summary": "x",
				"anonymous": 1,
				"student": student.name,
			}
		).insert()


def test_assignment_only_to_active_officers(officer):
	from frappe.desk.form import assign_to

	case = make_case(make_student().name)
	colleague = make_user([OFFICER], officer_title="Welfare and Rights Officer")
	assign_to.add({"assign_to": [colleague], "doctype": "Case", "name": case.name})
	assert frappe.get_all("ToDo", filters={"reference_name": case.name, "allocated_to": colleague})

	for outsider in (make_user(["System Manager"]), make_user([OFFICER])):  # second: role but not on the list
		with pytest.raises(frappe.ValidationError, match="only be assigned to active advice officers"):
			assign_to.add({"assign_to": [outsider], "doctype": "Case", "name": case.name})
		frappe.set_user("Administrator")
		assert not frappe.get_all("ToDo", filters={"reference_name": case.name, "allocated_to": outsider})
		assert not frappe.get_all("DocShare", filters={"share_name": case.name, "user": outsider})
		frappe.set_user(officer)


def test_records_cannot_be_shared(officer):
	case = make_case(make_student().name)
	frappe.set_user("Administrator")  # even the one user that bypasses permissions
	with pytest.raises(frappe.ValidationError, match="cannot be shared"):
		frappe.share.add("Case", case.name, make_user(["System Manager"]), read=1)
	assert not frappe.get_all("DocShare", filters={"share_name": case.name})


def test_attachments_are_always_private(officer):
	import os

	case = make_case(make_student().name)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"letter-{case.name}.txt",
			"content": b"canary letter",
			"attached_to_doctype": "Case",
			"attached_to_name": case.name,
			"is_private": 0,
		}
	).insert()
	assert file.is_private and file.file_url.startswith("/private/files/")
	assert not os.path.exists(frappe.get_site_path("public", "files", f"letter-{case.name}.txt"))

	frappe.set_user("Administrator")
	public = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"poster-{case.name}.txt",
			"content": b"public poster",
			"is_private": 0,
		}
	).insert()
	frappe.set_user(officer)
	with pytest.raises(frappe.ValidationError, match="always private"):
		frappe.get_doc(
			{
				"doctype": "File",
				"file_url": public.file_url,
				"attached_to_doctype": "Case",
				"attached_to_name": case.name,
			}
		).insert()
	os.remove(frappe.get_site_path("public", "files", f"poster-{case.name}.txt"))


def test_no_custom_field_links_into_casework():
	with pytest.raises(frappe.ValidationError, match="cannot link to its records"):
		frappe.get_doc(
			{
				"doctype": "Custom Field",
				"dt": "ToDo",
				"fieldname": "sa_case",
				"label": "Case",
				"fieldtype": "Link",
				"options": "Case",
			}
		).insert()


def test_casework_records_cannot_be_tagged(officer):
	from frappe.desk.doctype.tag.tag import add_tag

	case = make_case(make_student().name)
	with pytest.raises(frappe.ValidationError, match="cannot be tagged"):
		add_tag("housing-crisis", "Case", case.name)
	assert not frappe.db.exists("Tag Link", {"document_name": case.name})


def test_casework_files_cannot_be_copied_elsewhere(officer):
	from frappe.utils.file_manager import add_attachments

	case = make_case(make_student().name)
	letter = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": "letter.txt",
			"content": b"private letter",
			"attached_to_doctype": "Case",
			"attached_to_name": case.name,
		}
	).insert()
	todo = frappe.get_doc({"doctype": "ToDo", "description": "mine", "allocated_to": officer}).insert()
	with pytest.raises(frappe.ValidationError, match="cannot be attached elsewhere"):
		add_attachments("ToDo", todo.name, [letter.name])
	assert not frappe.db.exists("File", {"attached_to_name": todo.name})
	# The same content uploaded afresh is stored as its own file, not pointed at the letter.
	again = frappe.get_doc(
		{"doctype": "File", "file_name": "mine.txt", "content": b"private letter", "is_private": 1}
	).insert()
	assert again.file_url != letter.file_url
