"""Moved to student_advice/statistics/ (kept for one release).

A refresh job queued before a deploy names "student_advice.stats.refresh", and a worker that
picks it up afterwards must still find it; hooks.py names the new paths.
"""

from student_advice.statistics.cache import note_change, refresh  # noqa: F401
