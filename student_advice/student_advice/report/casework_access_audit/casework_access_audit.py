# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE
"""Casework Access Audit: who viewed, printed, downloaded, exported or changed which casework record.

The logic is in student_advice.confidentiality.audit, which refuses anyone but the Advice Service
Manager itself (the report's roles are not checked on every path that can run a report).
"""

from student_advice.confidentiality import audit


def execute(filters=None):
	return audit.report(filters)
