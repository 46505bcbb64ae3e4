# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE
"""Advice Statistics: contacts (cases, and enquiries that did not become cases) by fixed period
and one or two dimensions, with small numbers suppressed jointly across every table and period.

The figures come from student_advice.stats, which reads casework without record permissions
because it only ever returns suppressed aggregates, the same for every reader.
"""

from student_advice import stats


def execute(filters=None):
	return stats.report(filters)
