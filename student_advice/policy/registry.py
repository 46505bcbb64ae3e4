"""Which of the app's DocTypes hold what, for the confidentiality layer.

Every DocType of the app is classified here exactly once (a unit test reads the DocType
JSON and fails on any DocType that is missing or classified twice).
"""

import re

# Records about a student: the row rule keys on this field (the student of the record).
STUDENT_RECORDS = {
	"Advice Student": "name",
	"Case": "student",
	"Case Entry": "student",
	"Enquiry": "student",
	"Consent": "student",
	"Consent Withdrawal": "student",
	"Disclosure": "student",
	"Confidentiality Breach": "student",
	"Breach Consultation": "student",
	"Breach Correction": "student",
	"Meeting Discussion": "student",
	"Meeting Action": "student",
	"Legal Hold": "student",
	"Erasure Request": "student",
	"Casework Form": "student",
	"Record Access Request": "student",
}

# The service's own records that name no student: still for the advice roles only.
SERVICE_RECORDS = frozenset(
	{
		"Advice Officer",
		"College",
		"Faculty",
		"Case Category",
		"Case Outcome",
		"Student Advice Settings",
		"Statistics Term",
		"Third Party",
		"Consent Wording",
		"Reflective Practice Meeting",
		"Meeting Attendee",
		"Conflict Declaration",
		"Retention Run",
		"Record Access Item",  # child rows of a Record Access Request, read through it
	}
)

# Non-confidential: the statistics reports' reference DocType.
OPEN_RECORDS = frozenset({"Advice Statistic"})

SERVICE_DOCTYPES = frozenset(STUDENT_RECORDS) | SERVICE_RECORDS


# What the statistics read: a committed change to one of these queues their refresh (hooks.py).
STATISTICS_SOURCES = (
	"Case",
	"Enquiry",
	"Advice Student",
	"College",
	"Faculty",
	"Case Category",
	"Case Outcome",
	"Student Advice Settings",
)


# Frappe's DocTypes that point at other records: DocType -> (field holding the referenced DocType, field holding the referenced name)
SIDE_TABLES = {
	"Access Log": ("export_from", "reference_document"),
	"Activity Log": ("reference_doctype", "reference_name"),
	"Comment": ("reference_doctype", "reference_name"),
	"Communication": ("reference_doctype", "reference_name"),
	"Deleted Document": ("deleted_doctype", "deleted_name"),
	"Document Follow": ("ref_doctype", "ref_docname"),
	"Document Share Key": ("reference_doctype", "reference_docname"),
	"DocShare": ("share_doctype", "share_name"),
	"Email Queue": ("reference_doctype", "reference_name"),
	"Energy Point Log": ("reference_doctype", "reference_name"),
	"Error Log": ("reference_doctype", "reference_name"),
	"File": ("attached_to_doctype", "attached_to_name"),
	"Notification Log": ("document_type", "document_name"),
	"Submission Queue": ("ref_doctype", "ref_docname"),
	"Tag Link": ("document_type", "document_name"),
	"ToDo": ("reference_type", "reference_name"),
	"Version": ("ref_doctype", "docname"),
	"View Log": ("reference_doctype", "reference_name"),
	"Workflow Action": ("reference_doctype", "reference_name"),
}


def student_field(doctype: str) -> str | None:
	return STUDENT_RECORDS.get(doctype)


def is_service_doctype(doctype: str | None) -> bool:
	return bool(doctype) and doctype in SERVICE_DOCTYPES


_PLAIN_NAME = re.compile(r"[A-Za-z0-9 ]+")
_SERVICE_LOWER = frozenset(d.lower() for d in SERVICE_DOCTYPES)


def may_name_service_doctype(value) -> bool:
	"""Could the database resolve `value`, a DocType name given in a request, to a service DocType?

	False is certain, so that a caller may skip the lookup: under MariaDB's utf8mb4_unicode_ci a name
	of plain ASCII letters, digits and spaces equals only the same letters in another case, trailing
	spaces ignored ("user", "User "). Any other name (accents, punctuation, other scripts, characters
	the collation ignores) may fold onto one and must be looked up."""
	if not isinstance(value, str) or not value:
		return False
	if _PLAIN_NAME.fullmatch(value):
		return value.rstrip(" ").lower() in _SERVICE_LOWER
	return True


# Names for members (docs/decisions.md, decision 5): the student's name is the title of these
# records, copied by titles.copy_student_name after the controller's checks (decision 31), and
# kept in step when the student's record is renamed. Advice Student's own title is full_name;
# Case, Meeting Discussion and Meeting Action build a title of their own from it; Advice Student and
# Case links show their titles (get_link_title is overridden for conflicts). Record names stay random.
TITLED_BY_STUDENT = (
	"Case Entry",
	"Enquiry",
	"Consent",
	"Consent Withdrawal",
	"Disclosure",
	"Confidentiality Breach",
	"Breach Consultation",
	"Breach Correction",
	"Legal Hold",
	"Erasure Request",
	"Record Access Request",
)
# Copied by their own controllers (they also build a title from it), renamed with the rest.
NAMED_BY_STUDENT = TITLED_BY_STUDENT + ("Case",)
TITLED_IN_LINKS = frozenset({"Advice Student", "Case"})

# Frappe's DocTypes of saved desk settings that name a DocType they are about (issue 11):
# DocType -> field naming it. A row about a service DocType is for members only; these and every
# other Frappe DocType that can carry casework are classified in policy/carriers.py.
DESK_SETTINGS = {
	"Kanban Board": "reference_doctype",
	"Report": "ref_doctype",
	"List Filter": "reference_doctype",
	"Dashboard Chart": "document_type",
	"Number Card": "document_type",
}
