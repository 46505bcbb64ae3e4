from student_advice.policy import conflicts as c
from student_advice.policy.roles import ADMINISTRATOR, MANAGER, OFFICER


def test_officers_declare_their_own_and_the_manager_may_record_for_another():
	assert c.declaring_officer("o@x", [OFFICER], "other@x") == "o@x"
	assert c.declaring_officer("o@x", [OFFICER], None) == "o@x"
	assert c.declaring_officer("m@x", [OFFICER, MANAGER], "other@x") == "other@x"
	assert c.declaring_officer("m@x", [OFFICER, MANAGER], None) == "m@x"
	assert c.declaring_officer("a@x", [ADMINISTRATOR], "other@x") == "a@x"


def test_a_new_declaration_names_a_member_once():
	assert c.check_new_declaration(True, False) == ()
	assert c.check_new_declaration(False, False) == ("conflict_officer_not_member",)
	assert c.check_new_declaration(True, True) == ("conflict_already_declared",)


def test_only_the_manager_lifts_and_never_their_own():
	lift = dict(changed=["active"], previous_active=True, active=False, officer="o@x")
	assert c.check_declaration_change(lifter="m@x", lifter_roles=[OFFICER, MANAGER], **lift) == ()
	assert c.check_declaration_change(lifter="o@x", lifter_roles=[OFFICER], **lift) == ("conflict_lift_own",)
	assert c.check_declaration_change(lifter="o@x", lifter_roles=[OFFICER, MANAGER], **lift) == (
		"conflict_lift_own",
	)
	assert c.check_declaration_change(lifter="p@x", lifter_roles=[OFFICER], **lift) == (
		"conflict_lift_needs_manager",
	)
	assert c.check_declaration_change(lifter="a@x", lifter_roles=[ADMINISTRATOR], **lift) == (
		"conflict_lift_needs_manager",
	)


def test_terms_never_change_and_a_lifted_declaration_is_not_reinstated():
	assert c.check_declaration_change(["student"], True, True, "m@x", [MANAGER], "o@x") == (
		"conflict_is_fixed",
	)
	assert c.check_declaration_change(["active"], False, True, "m@x", [MANAGER], "o@x") == (
		"conflict_cannot_reinstate",
	)
	assert c.check_declaration_change([], True, True, "o@x", [OFFICER], "o@x") == ()
