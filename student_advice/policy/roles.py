"""Who is inside the service (docs/decisions.md, decision 1)."""

OFFICER = "Advice Officer"
MANAGER = "Advice Service Manager"
ADMINISTRATOR = "Advice Service Administrator"
STATISTICS_VIEWER = "Advice Statistics Viewer"

# The roles that hold casework records. The statistics viewer is outside the service.
SERVICE_ROLES = frozenset({OFFICER, MANAGER, ADMINISTRATOR})
ALL_APP_ROLES = (OFFICER, MANAGER, ADMINISTRATOR, STATISTICS_VIEWER)


def is_service_member(roles) -> bool:
	"""True when any of the user's roles is one of the service's own roles."""
	return bool(SERVICE_ROLES.intersection(roles or ()))


# Who reads the anonymised statistics: the viewer, the manager and officers (not the administrator).
STATISTICS_READERS = frozenset({STATISTICS_VIEWER, MANAGER, OFFICER})


def reads_statistics(roles) -> bool:
	return bool(STATISTICS_READERS.intersection(roles or ()))


def accidental_grants(added, held, in_setup_wizard: bool = False) -> frozenset[str]:
	"""The app's roles a save must leave out (docs/decisions.md, decision 32).

	added: roles this save gives the user; held: every role the user would hold after it.
	The setup wizard gives its first user every role there is: none of the app's roles come with it.
	Holding the statistics viewer's role beside a member's role is never meant (the viewer is outside
	the service, members read the statistics already): a save that would do so is an "every role"
	save (the roles editor's Select All, a role profile of everything), and the app's roles it adds
	are left out. An administrator grants them one deliberate save at a time.
	"""
	granted = frozenset(added or ()).intersection(ALL_APP_ROLES)
	if not granted:
		return frozenset()
	if in_setup_wizard:
		return granted
	held = frozenset(held or ())
	if STATISTICS_VIEWER in held and is_service_member(held):
		return granted
	return frozenset()


SERVICE_WORKSPACE = "Student Advice"
STATISTICS_WORKSPACE = "Student Advice Statistics"


def home_workspace(roles) -> str | None:
	"""Where the desk opens for a user who chose no default workspace (docs/decisions.md, decision 38):
	members of the service on the service's workspace, the statistics viewer on the statistics."""
	if is_service_member(roles):
		return SERVICE_WORKSPACE
	if STATISTICS_VIEWER in set(roles or ()):
		return STATISTICS_WORKSPACE
	return None
