"""Conflicts of interest: an officer who declared one sees nothing of that student, anywhere.

Every check is made twice: the conflicted officer is denied, a colleague is allowed.
"""

import json

import frappe
import pytest
from frappe.utils import add_days, today

from student_advice.api import workspace
from student_advice.policy.roles import ADMINISTRATOR, MANAGER, OFFICER
from tests.factories import make_action, make_case, make_discussion, make_meeting, make_student, make_user

DECLARATION = "Conflict Declaration"


def declare(officer, student, reason="Shares a house with the student"):
	frappe.set_user(officer)
	return frappe.get_doc({"doctype": DECLARATION, "student": student, "reason": reason}).insert()


def call_whitelisted(cmd, **kwargs):
	"""Dispatch as /api/method/<cmd> does: honour override_whitelisted_methods, then call."""
	from frappe.handler import get_attr

	for hook in reversed(frappe.get_hooks("override_whitelisted_methods", {}).get(cmd, [])):
		cmd = hook
		break
	method = get_attr(cmd)
	frappe.is_whitelisted(method)
	return frappe.call(method, **kwargs)


def reportview(method, doctype, filters, fields=None):
	"""frappe.desk.reportview.<method> as the report builder calls it (arguments in form_dict)."""
	from frappe.desk import reportview as rv

	frappe.local.form_dict = frappe._dict(
		doctype=doctype,
		fields=json.dumps(fields or [f"`tab{doctype}`.`name`"]),
		filters=json.dumps(filters),
	)
	try:
		return getattr(rv, method)()
	finally:
		frappe.local.form_dict = frappe._dict()


@pytest.fixture
def world():
	"""One student's records of every kind, made by a colleague; the officer then declares a conflict."""
	officer = make_user([OFFICER], officer_title="Student Advisor")
	colleague = make_user([OFFICER], officer_title="Welfare and Rights Officer")
	manager = make_user([OFFICER, MANAGER], officer_title="Advice Service Manager")
	frappe.set_user(colleague)
	student = make_student(full_name=f"Conflicted {frappe.generate_hash(length=10)}")
	other_student = make_student()
	case = make_case(student.name)
	other_case = make_case(other_student.name)
	entry = frappe.get_doc(
		{"doctype": "Case Entry", "advice_case": case.name, "entry_type": "Event", "details": "met"}
	).insert()
	enquiry = frappe.get_doc(
		{
			"doctype": "Enquiry",
			"channel": "Phone",
			"category": "Welfare",
			"summary": "x",
			"student": student.name,
		}
	).insert()
	meeting = make_meeting(today())
	discussion = make_discussion(meeting.name, case.name)
	make_discussion(meeting.name, other_case.name)
	action = make_action(discussion.name, colleague)
	records = {
		"Advice Student": student.name,
		"Case": case.name,
		"Case Entry": entry.name,
		"Enquiry": enquiry.name,
		"Meeting Discussion": discussion.name,
		"Meeting Action": action.name,
	}
	declaration = declare(officer, student.name)
	return frappe._dict(
		officer=officer,
		colleague=colleague,
		manager=manager,
		student=student,
		other_case=other_case,
		meeting=meeting,
		records=records,
		declaration=declaration,
	)


def test_the_declaration_is_the_officers_own_and_logged(world):
	d = world.declaration
	assert (d.officer, d.student, d.active, str(d.declared_on)) == (
		world.officer,
		world.student.name,
		1,
		today(),
	)
	assert len(d.name) == 32 and frappe.get_meta(DECLARATION).track_changes
	# An officer cannot declare in a colleague's name; the manager can record one for an officer.
	frappe.set_user(world.colleague)
	mine = frappe.get_doc(
		{"doctype": DECLARATION, "officer": world.officer, "student": make_student().name, "reason": "x"}
	).insert()
	assert mine.officer == world.colleague
	frappe.set_user(world.manager)
	recorded = frappe.get_doc(
		{"doctype": DECLARATION, "officer": world.colleague, "student": make_student().name, "reason": "x"}
	).insert()
	assert recorded.officer == world.colleague
	# The manager sees every declaration.
	assert {world.declaration.name, mine.name, recorded.name} <= set(
		frappe.get_list(DECLARATION, pluck="name")
	)


def test_declaring_twice_or_for_an_outsider_is_refused(world):
	frappe.set_user(world.officer)
	with pytest.raises(frappe.ValidationError, match="already declared"):
		declare(world.officer, world.student.name)
	frappe.set_user(world.manager)
	outsider = make_user(["System Manager"])
	with pytest.raises(frappe.ValidationError, match="member of the advice service"):
		frappe.get_doc(
			{"doctype": DECLARATION, "officer": outsider, "student": world.student.name, "reason": "x"}
		).insert()
	assert frappe.db.count(DECLARATION, {"student": world.student.name}) == 1


def test_form_is_denied_to_the_conflicted_officer_and_open_to_a_colleague(world):
	for doctype, name in world.records.items():
		assert not frappe.has_permission(doctype, "read", doc=name, user=world.officer), doctype
		assert frappe.has_permission(doctype, "read", doc=name, user=world.colleague), doctype
		frappe.set_user(world.officer)
		with pytest.raises(frappe.PermissionError):
			frappe.get_doc(doctype, name).check_permission("read")
		frappe.set_user(world.colleague)
		frappe.get_doc(doctype, name).check_permission("read")


def test_lists_counts_and_the_report_builder_leave_the_student_out(world):
	student = world.student.name
	for doctype, name in world.records.items():
		field = "name" if doctype == "Advice Student" else "student"
		filters = [[doctype, field, "=", student]]
		expected = {world.officer: 0, world.colleague: 1}
		for user, count in expected.items():
			frappe.set_user(user)
			assert (name in frappe.get_list(doctype, pluck="name", limit_page_length=0)) is bool(count), (
				doctype
			)
			assert len(frappe.get_list(doctype, filters=filters, pluck="name")) == count, doctype
			assert reportview("get_count", doctype, filters) == count, doctype
			got = reportview("get", doctype, filters)
			assert (len(got["values"]) if got else 0) == count, doctype
	# The rest of the meeting is still there for the conflicted officer.
	frappe.set_user(world.officer)
	assert frappe.get_list(
		"Meeting Discussion", filters={"meeting": world.meeting.name}, pluck="advice_case"
	) == [world.other_case.name]
	assert frappe.get_list("Reflective Practice Meeting", filters={"name": world.meeting.name}, pluck="name")


# Frappe v15's frappe.client.get_count is frappe.db.count, which applies no permission at all;
# outsiders never reach it (the request gate); the app overrides it for a conflicted officer.
def test_get_count_through_the_api_leaves_the_student_out(world):
	"""frappe.client.get_count as /api/method dispatches it."""
	for user, count in ((world.officer, 0), (world.colleague, 1)):
		frappe.set_user(user)
		got = call_whitelisted(
			"frappe.client.get_count", doctype="Case", filters={"student": world.student.name}
		)
		assert got == count, f"{user}: frappe.client.get_count counted {got}"


def test_link_search_leaves_the_student_out(world):
	from frappe.desk.search import search_link, search_widget

	name = world.student.full_name
	for user, found in ((world.officer, False), (world.colleague, True)):
		frappe.set_user(user)
		hits = {r["value"] for r in search_link("Advice Student", name)}
		assert (world.student.name in hits) is found
		rows = search_widget("Advice Student", name, as_dict=True)
		assert (world.student.name in {r["name"] for r in rows}) is found
		case_hits = {r["value"] for r in search_link("Case", world.records["Case"][:12])}
		assert (world.records["Case"] in case_hits) is found


# search_widget turns ignore_user_permissions=1 into ignore_permissions=True for any user with
# doctype-level read, skipping permission_query_conditions; the app overrides it as above.
def test_link_search_ignoring_user_permissions_leaves_the_student_out(world):
	"""The Link field's ignore_user_permissions flag makes v15 skip permission_query_conditions."""
	from frappe.desk.search import search_link

	for user, found in ((world.officer, False), (world.colleague, True)):
		frappe.set_user(user)
		hits = {
			r["value"]
			for r in call_whitelisted(
				"frappe.desk.search.search_link",
				doctype="Advice Student",
				txt=world.student.full_name,
				ignore_user_permissions=1,
			)
		}
		assert (world.student.name in hits) is found, f"{user}: search_link(ignore_user_permissions=1)"
	assert search_link  # imported for the reader: the same function the Link field calls


def test_side_tables_and_the_workspace_leave_the_student_out(world):
	from frappe.desk.form import assign_to

	case = world.records["Case"]
	frappe.set_user(world.colleague)  # changes leave Versions behind (track_changes)
	for doctype, name in (
		("Case", case),
		("Case", world.other_case.name),
		("Advice Student", world.student.name),
		("Meeting Discussion", world.records["Meeting Discussion"]),
	):
		doc = frappe.get_doc(doctype, name)
		doc.set(
			"pronouns" if doctype == "Advice Student" else ("notes" if "Meeting" in doctype else "summary"),
			"v2",
		)
		doc.save()
	# An officer who is also a System Manager reads Versions; a conflict hides the student's.
	conflicted_admin = make_user([OFFICER, "System Manager"], officer_title="Student Advisor")
	colleague_admin = make_user([OFFICER, "System Manager"], officer_title="Education Officer")
	declare(conflicted_admin, world.student.name)
	for user, sees in ((conflicted_admin, False), (colleague_admin, True)):
		frappe.set_user(user)
		for name in (case, world.student.name, world.records["Meeting Discussion"]):
			assert bool(frappe.get_list("Version", filters={"docname": name}, pluck="name")) is sees, name
		assert frappe.get_list("Version", filters={"docname": world.other_case.name}, pluck="name")
	# A ToDo the officer gave on the case before declaring disappears from their list.
	frappe.set_user(world.colleague)
	other_student = make_student()
	later_case = make_case(other_student.name)
	frappe.set_user(world.officer)
	assign_to.add({"assign_to": [world.colleague], "doctype": "Case", "name": later_case.name})
	assert frappe.get_list("ToDo", filters={"reference_name": later_case.name}, pluck="name")
	declare(world.officer, other_student.name)
	assert not frappe.get_list("ToDo", filters={"reference_name": later_case.name}, pluck="name")
	frappe.set_user(world.colleague)
	assert frappe.get_list("ToDo", filters={"reference_name": later_case.name}, pluck="name")
	# Assigning the case to them is refused; an action on it cannot be theirs.
	with pytest.raises(frappe.ValidationError, match="declared a conflict of interest"):
		assign_to.add({"assign_to": [world.officer], "doctype": "Case", "name": case})
	with pytest.raises(frappe.ValidationError, match="may work on this student's records"):
		make_action(world.records["Meeting Discussion"], world.officer)
	# Their workspace counts nothing of the student.
	frappe.set_user(world.officer)
	assert workspace.my_open_cases()["value"] == 0
	assert workspace.enquiries_today()["value"] == 0
	frappe.set_user(world.colleague)
	assert workspace.enquiries_today()["value"] >= 1


def test_declaring_ends_the_officers_assignments_on_the_students_records(world):
	from frappe.desk.form import assign_to

	frappe.set_user(world.colleague)
	other = make_student()
	case = make_case(other.name)
	assign_to.add({"assign_to": [world.officer], "doctype": "Case", "name": case.name})
	frappe.set_user(world.officer)
	assert workspace.my_open_cases()["value"] == 1
	assert frappe.get_list("ToDo", filters={"reference_name": case.name}, pluck="name")
	declare(world.officer, other.name)
	assert workspace.my_open_cases()["value"] == 0
	assert not frappe.get_list("ToDo", filters={"reference_name": case.name}, pluck="name")
	frappe.set_user("Administrator")
	assert frappe.get_all("ToDo", filters={"reference_name": case.name}, pluck="status") == ["Cancelled"]


def test_mentioning_or_following_is_refused_for_the_conflicted_officer(world):
	from frappe.desk.form.document_follow import follow_document
	from frappe.desk.form.utils import add_comment

	case = world.records["Case"]
	frappe.set_user(world.colleague)
	html = f'<span class="mention" data-id="{world.officer}" data-value="x">@x</span>'
	with pytest.raises(frappe.ValidationError, match="Only advice officers who may see this record"):
		add_comment("Case", case, html, world.colleague, "Colleague")
	assert not frappe.get_all("Comment", filters={"reference_name": case, "comment_type": "Comment"})
	frappe.set_user("Administrator")
	frappe.db.set_value("User", world.officer, "document_follow_notify", 1)
	with pytest.raises(frappe.ValidationError, match="can follow it"):
		follow_document("Case", case, world.officer)


def test_the_conflicted_officer_cannot_add_to_the_students_records(world):
	frappe.set_user(world.officer)
	meeting = make_meeting(add_days(today(), 14))
	for build in (
		lambda: make_discussion(meeting.name, world.records["Case"]),
		lambda: make_action(world.records["Meeting Discussion"], world.colleague),
	):
		with pytest.raises(frappe.PermissionError):
			build()
	frappe.set_user("Administrator")
	assert not frappe.db.count("Meeting Discussion", {"meeting": meeting.name})
	assert frappe.db.count("Meeting Action", {"advice_case": world.records["Case"]}) == 1


def test_only_the_manager_lifts_a_declaration_and_never_their_own(world):
	declaration = world.declaration
	frappe.set_user(world.officer)
	declaration.reload()
	declaration.active = 0
	with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
		declaration.save()
	frappe.set_user(world.colleague)
	declaration.reload()
	declaration.active = 0
	with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
		declaration.save()
	# Even with write access, an officer may not lift their own (the rule is on the server).
	frappe.set_user(world.officer)
	declaration.reload()
	declaration.active = 0
	with pytest.raises(frappe.ValidationError, match="cannot lift your own"):
		declaration.save(ignore_permissions=True)
	assert frappe.db.get_value(DECLARATION, declaration.name, "active") == 1

	frappe.set_user(world.manager)
	own = declare(world.manager, make_student().name)
	own.active = 0
	with pytest.raises(frappe.ValidationError, match="cannot lift your own"):
		own.save()
	admin = make_user([ADMINISTRATOR])
	frappe.set_user(admin)
	declaration.reload()
	declaration.active = 0
	with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
		declaration.save()

	frappe.set_user(world.manager)
	declaration.reload()
	declaration.reason = "rewritten"
	with pytest.raises(frappe.ValidationError, match="cannot be changed"):
		declaration.save()
	declaration.reload()
	declaration.active = 0
	declaration.save()
	assert (declaration.lifted_by, str(declaration.lifted_on)) == (world.manager, today())
	assert frappe.get_all("Version", filters={"ref_doctype": DECLARATION, "docname": declaration.name})
	declaration.active = 1
	with pytest.raises(frappe.ValidationError, match="cannot be reinstated"):
		declaration.save()

	# Lifted: the officer sees the student's records again.
	frappe.local.student_advice_conflicts = {}
	for doctype, name in world.records.items():
		assert frappe.has_permission(doctype, "read", doc=name, user=world.officer), doctype


def test_nobody_deletes_a_declaration(world):
	for user in (world.officer, world.manager):
		frappe.set_user(user)
		with pytest.raises((frappe.ValidationError, frappe.PermissionError)):
			frappe.delete_doc(DECLARATION, world.declaration.name)
	assert frappe.db.exists(DECLARATION, world.declaration.name)


def test_a_conflicted_officer_cannot_write_into_the_students_records(world):
	"""Case Entry takes its student from the case after Frappe's create check: the layer checks again."""
	frappe.set_user(world.officer)
	before = frappe.db.count("Case Entry", {"advice_case": world.records["Case"]})
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc(
			{
				"doctype": "Case Entry",
				"advice_case": world.records["Case"],
				"entry_type": "Event",
				"details": "x",
			}
		).insert()
	assert frappe.db.count("Case Entry", {"advice_case": world.records["Case"]}) == before
	frappe.get_doc(
		{
			"doctype": "Case Entry",
			"advice_case": world.other_case.name,
			"entry_type": "Event",
			"details": "ok",
		}
	).insert()  # the same officer on another student's case: allowed
