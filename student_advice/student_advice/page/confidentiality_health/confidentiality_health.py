# Copyright (c) 2026, Students' Union Student Advice Service
# License: MIT. See LICENSE
"""Confidentiality Health page: the data comes from student_advice.confidentiality.health.get_report,
which checks the reader's role itself (the page's roles only decide who sees it in the desk)."""
