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
