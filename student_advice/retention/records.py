"""Which records are due: each kind's event date, read from the database (rules in policy/retention)."""

from datetime import date

import frappe
from frappe.utils import getdate

from student_advice.policy import registry, retention
from student_advice.policy.retention import Candidate

# The field on each DocType that leaves with a kind's main record, naming that record.
PARENT_LINKS = {
	"Meeting Action": "discussion",
	"Case Entry": "advice_case",
	"Consent Withdrawal": "consent",
	"Breach Consultation": "confidentiality_breach",
	"Breach Correction": "confidentiality_breach",
	"Conflict Declaration": "student",
	"Legal Hold": "student",
	"Erasure Request": "student",
}

# Fields naming the day a record's period starts, by DocType, first found wins (creation last).
EVENT_FIELDS = {
	"Meeting Discussion": ("meeting.meeting_date",),
	"Disclosure": ("disclosed_on",),
	"Casework Form": ("submitted_on", "received_on"),
	"Record Access Request": ("released_on", "closed_on", "answered_on", "received_on"),
	"Consent": ("withdrawn_on", "expires_on"),
	"Confidentiality Breach": ("disclosed_on",),
	"Enquiry": ("received_on",),
	"Case": ("closed_on",),
	"Advice Student": ("modified",),
}


def student_field(doctype: str) -> str:
	return registry.STUDENT_RECORDS.get(doctype) or "student"


def exists(doctype: str) -> bool:
	return bool(frappe.db.exists("DocType", doctype)) and frappe.db.table_exists(doctype)


def held_students() -> set[str]:
	"""Students with an active legal hold, placed on them or on one of their cases."""
	if not exists("Legal Hold"):
		return set()
	return set(frappe.get_all("Legal Hold", filters={"active": 1}, pluck="student", order_by=None))


def _event_expression(doctype: str) -> tuple[str, str]:
	"""(join, SQL expression of the event day) for the kind's main DocType."""
	meta = frappe.get_meta(doctype)
	for field in EVENT_FIELDS.get(doctype, ()):
		if "." in field:
			link, target = field.split(".")
			return (
				"left join `tabReflective Practice Meeting` m on m.name = t.`meeting`",
				f"m.`{target}`",
			)
		if field == "modified" or meta.has_field(field):
			return "", f"t.`{field}`"
	return "", "t.`creation`"


def _where(doctype: str, erasure: bool) -> str:
	"""Rows of the main DocType that can be due at all (the rest is never due)."""
	if doctype in ("Case", "Enquiry"):
		anonymised = "t.`anonymised_on` is null"
		return anonymised if erasure or doctype == "Enquiry" else f"t.`status` = 'Closed' and {anonymised}"
	if erasure:
		return "1=1"
	if doctype == "Consent":
		# An active consent with no end date never falls due; a draft or a cancelled one from its last change.
		return "(t.`docstatus` != 1 or t.`withdrawn_on` is not null or t.`expires_on` is not null)"
	return "1=1"


def _event_sql(doctype: str) -> tuple[str, str]:
	join, expression = _event_expression(doctype)
	if doctype in ("Consent", "Confidentiality Breach"):
		expression = f"if(t.`docstatus` = 1, coalesce({expression}, t.`modified`), t.`modified`)"
	return join, f"date({expression})"


def candidates(kind: retention.Kind, until: date | None, students: set[str] | None = None) -> list[Candidate]:
	"""Main records of `kind` whose event fell on or before `until`, or every one of `students`' (erasure)."""
	doctype = kind.doctypes[0]
	if not exists(doctype):
		return []
	join, event = _event_sql(doctype)
	field = student_field(doctype)
	student = "t.`name`" if field == "name" else f"t.`{field}`"
	conditions = [_where(doctype, students is not None)]
	values = {"until": until}
	if students is not None:
		if not students:
			return []
		conditions.append(f"{student} in %(students)s")
		values["students"] = tuple(students)
	else:
		conditions.append(f"{event} <= %(until)s")
	rows = frappe.db.sql(
		f"""select t.`name`, {student}, {event} from `tab{doctype}` t {join}
		where {" and ".join(conditions)} order by {event}, t.`name`""",  # noqa: S608 - trusted names
		values,
	)
	return [
		Candidate(kind.key, doctype, name, who or None, getdate(day) if day else None)
		for name, who, day in rows
	]


def kept_by(doctype: str, name: str) -> tuple[str, ...]:
	"""Records still kept that rest on this one (a disclosure on its consent or breach; a student's records)."""
	if doctype == "Consent":
		return tuple(frappe.get_all("Disclosure", filters={"consent": name}, pluck="name", order_by=None))
	if doctype == "Confidentiality Breach":
		return tuple(
			frappe.get_all(
				"Disclosure", filters={"confidentiality_breach": name}, pluck="name", order_by=None
			)
		)
	if doctype == "Advice Student":
		return tuple(records_about(name))
	return ()


def records_about(student: str) -> list[str]:
	"""Names of every record still about the student, outside those that leave with the student."""
	own = set(retention.BY_KEY["student"].doctypes)
	names = []
	for doctype in sorted(registry.STUDENT_RECORDS):
		if doctype in own or not exists(doctype):
			continue
		names += frappe.get_all(
			doctype, filters={student_field(doctype): student}, pluck="name", order_by=None
		)
	return names


def dependents(kind: retention.Kind, name: str) -> list[tuple[str, str]]:
	"""(DocType, name) of the records that leave with a kind's main record."""
	found = []
	for doctype in kind.doctypes[1:]:
		if exists(doctype):
			link = PARENT_LINKS.get(doctype)
			if link:
				found += [(doctype, n) for n in frappe.get_all(doctype, filters={link: name}, pluck="name")]
	return found
