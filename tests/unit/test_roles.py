from student_advice.policy.roles import (
	ADMINISTRATOR,
	ALL_APP_ROLES,
	MANAGER,
	OFFICER,
	STATISTICS_VIEWER,
	accidental_grants,
)

EVERY_ROLE = {"System Manager", "Script Manager", "Website Manager", "Blogger", *ALL_APP_ROLES}


def test_the_setup_wizard_grants_none_of_the_apps_roles():
	assert accidental_grants(EVERY_ROLE, EVERY_ROLE, in_setup_wizard=True) == set(ALL_APP_ROLES)
	assert accidental_grants({"System Manager"}, {"System Manager"}, in_setup_wizard=True) == set()


def test_select_all_grants_none_of_the_apps_roles():
	assert accidental_grants(EVERY_ROLE, EVERY_ROLE) == set(ALL_APP_ROLES)
	# already an officer: Select All leaves the officer's role alone and adds none of the others
	held = EVERY_ROLE
	added = EVERY_ROLE - {OFFICER}
	assert accidental_grants(added, held) == {MANAGER, ADMINISTRATOR, STATISTICS_VIEWER}


def test_deliberate_grants_pass():
	assert accidental_grants({OFFICER}, {OFFICER}) == set()
	assert accidental_grants({OFFICER, MANAGER}, {OFFICER, MANAGER, "System Manager"}) == set()
	assert accidental_grants({ADMINISTRATOR, "System Manager"}, {ADMINISTRATOR, "System Manager"}) == set()
	assert accidental_grants({STATISTICS_VIEWER}, {STATISTICS_VIEWER, "Blogger"}) == set()
	assert accidental_grants({"Blogger"}, {"Blogger", OFFICER, STATISTICS_VIEWER}) == set()  # nothing new


def test_a_viewer_never_becomes_a_member_in_passing_nor_the_reverse():
	assert accidental_grants({OFFICER}, {OFFICER, STATISTICS_VIEWER}) == {OFFICER}
	assert accidental_grants({STATISTICS_VIEWER}, {OFFICER, STATISTICS_VIEWER}) == {STATISTICS_VIEWER}


def test_each_person_lands_on_their_workspace():
	from student_advice.policy.roles import SERVICE_WORKSPACE, STATISTICS_WORKSPACE, home_workspace

	assert home_workspace([OFFICER]) == SERVICE_WORKSPACE
	assert home_workspace([MANAGER, OFFICER, "System Manager"]) == SERVICE_WORKSPACE
	assert home_workspace([ADMINISTRATOR]) == SERVICE_WORKSPACE
	assert home_workspace([STATISTICS_VIEWER]) == STATISTICS_WORKSPACE
	assert home_workspace(["System Manager"]) is None
