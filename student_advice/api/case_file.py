"""The case file in one place: a case's log and everything recorded about it (issue 10).

Read with frappe.get_list only, so the row rule and declared conflicts apply exactly as in
the lists; a case the reader may not see (or that does not exist) gets the uniform denial.
The same dictionary feeds the Case form (case.js) and the Case File print format.
"""

import frappe
from frappe import _

from student_advice.api.meetings import case_meetings
from student_advice.compat import permitted_count
from student_advice.confidentiality.gate import deny
from student_advice.confidentiality.guards import members_only


@frappe.whitelist()
@members_only
def case_file(case: str) -> dict:
	return _case_file(case)


def case_file_for_print(case: str) -> dict:
	"""The print format's entry point (hooks.py jinja methods): printing is only reached by
	someone who may print the case, and members_only refuses anyone else in the same way."""
	return members_only(_case_file)(case)


def _case_file(case: str) -> dict:
	if not isinstance(case, str) or not case or not permitted_count("Case", {"name": case}):
		deny()
	student = frappe.get_list("Case", filters={"name": case}, pluck="student")[0]
	return {
		"entries": _entries(case),
		"consents": frappe.get_list(
			"Consent",
			filters={"student": student},
			fields=["name", "third_party_name", "status", "given_on", "expires_on", "purpose", "docstatus"],
			order_by="creation desc",
			limit_page_length=0,
		),
		"disclosures": frappe.get_list(
			"Disclosure",
			filters={"student": student},
			fields=["name", "third_party_name", "disclosed_on", "channel", "description", "advice_case"],
			order_by="disclosed_on desc",
			limit_page_length=0,
		),
		"breaches": frappe.get_list(
			"Confidentiality Breach",
			filters={"student": student},
			fields=["name", "workflow_state", "ground", "recipient_name", "creation", "disclosed_on"],
			order_by="creation desc",
			limit_page_length=0,
		),
		"meetings": case_meetings(case),
		# the student's own words, as they filled in the portal's casework form (decision 40)
		"casework_forms": frappe.get_list(
			"Casework Form",
			filters={"student": student},
			fields=["name", "submitted_on", "status", "triaged_as", "meeting_preference", "help_needed"],
			order_by="submitted_on desc",
			limit_page_length=0,
		),
	}


def _entries(case: str) -> list[dict]:
	"""The log, newest first, each entry with its officer's name and what corrected it."""
	entries = frappe.get_list(
		"Case Entry",
		filters={"advice_case": case},
		fields=["name", "entry_type", "entry_date", "details", "officer", "corrects", "creation"],
		order_by="entry_date desc, creation desc",
		limit_page_length=0,
	)
	names = _officer_names({e.officer for e in entries if e.officer})
	corrected_by = {e.corrects: e.name for e in entries if e.corrects}
	for entry in entries:
		entry.officer_name = names.get(entry.officer) or entry.officer
		entry.entry_type_label = _(entry.entry_type)
		entry.corrected_by = corrected_by.get(entry.name)
	return entries


def _officer_names(users: set[str]) -> dict[str, str]:
	if not users:
		return {}
	rows = frappe.get_all("User", filters={"name": ("in", sorted(users))}, fields=["name", "full_name"])
	return {r.name: r.full_name for r in rows}
