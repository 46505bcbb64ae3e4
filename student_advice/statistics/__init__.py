"""Anonymised statistics over all cases and enquiries (docs/decisions.md, decisions 10 and 20-24).

Reads casework with frappe.db and ignores record permissions ON PURPOSE: everything that
leaves this package is a figure of the suppressed family of policy/suppression (a count by
fixed period and at most two dimensions, suppressed jointly), never a record, a name, an ID,
free text or a date finer than a month. The figures are the same for every reader: no
conflict of interest and no user permission filters them (different figures for one reader
would single a student out); only the rounding to the nearest 5 depends on whether the reader
is inside the service (settings).

  access    who reads the statistics and whether their figures are rounded
  settings  the suppression threshold, terms and academic years from Student Advice Settings
  contacts  what a contact is, read from casework, and the unsuppressed family of a year
  cache     the suppressed family of a year, cached, and its background refresh
  filters   the report's and charts' fixed choices, checked, resolved to a bucket
  widgets   number cards and dashboard charts
The report itself is student_advice/student_advice/report/advice_statistics/.

The suppressed family of a year is cached (process memory, then Redis) under a fingerprint of
the data (row counts and last modification of every table read), the settings and the current
month, so every reader, every report, chart and card reads the same figures. After a committed
change the background job `cache.refresh` computes it again; a reader who comes first is shown
the family computed just before the change (policy/freshness.py says when that is allowed).
"""
