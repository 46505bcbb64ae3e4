"""Who reads the statistics, and whether their figures are rounded.

The role guard of every entry point is confidentiality/guards.py `statistics_readers_only`."""

from student_advice.confidentiality.permissions import is_member
from student_advice.policy.roles import STATISTICS_READERS
from student_advice.statistics.settings import statistics_settings

READERS = tuple(sorted(STATISTICS_READERS))


def rounds_for_reader(settings=None) -> bool:
	settings = settings or statistics_settings()
	return settings["round_service"] if is_member() else settings["round_viewers"]
