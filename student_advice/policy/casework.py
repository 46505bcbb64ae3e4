"""Rules of cases, case entries, enquiries and student records.

Each check returns a tuple of error codes (empty when the input is valid); the Frappe
layer turns codes into translated messages (student_advice/messages.py) so that every
user-facing string is a literal in one place.
"""

from datetime import date

OPEN = "Open"
WAITING_ON_STUDENT = "Waiting on Student"
WAITING_ON_THIRD_PARTY = "Waiting on Third Party"
CLOSED = "Closed"
CASE_STATUSES = (OPEN, WAITING_ON_STUDENT, WAITING_ON_THIRD_PARTY, CLOSED)

ENTRY_TYPES = ("Event", "Advice Offered", "Action Taken")
ENQUIRY_CHANNELS = ("Drop-in", "Email", "Phone", "Online")


def check_case(
	status: str,
	opened_on: date | None,
	closed_on: date | None,
	outcome: str | None,
	today: date,
) -> tuple[str, ...]:
	errors = []
	if status not in CASE_STATUSES:
		errors.append("case_status_unknown")
	if not opened_on:
		errors.append("case_opened_missing")
	elif opened_on > today:
		errors.append("case_opened_in_future")
	if status == CLOSED:
		if not outcome:
			errors.append("case_close_needs_outcome")
		if not closed_on:
			errors.append("case_close_needs_date")
		elif opened_on and closed_on < opened_on:
			errors.append("case_closed_before_opened")
		elif closed_on > today:
			errors.append("case_closed_in_future")
	return tuple(errors)


def is_reopening(previous_status: str | None, status: str) -> bool:
	return previous_status == CLOSED and status != CLOSED


def check_entry(
	entry_type: str, entry_date: date | None, details: str | None, today: date
) -> tuple[str, ...]:
	errors = []
	if entry_type not in ENTRY_TYPES:
		errors.append("entry_type_unknown")
	if not entry_date:
		errors.append("entry_date_missing")
	elif entry_date > today:
		errors.append("entry_in_future")
	if not (details or "").strip():
		errors.append("entry_details_missing")
	return tuple(errors)


def check_correction(corrected_case: str | None, case: str) -> tuple[str, ...]:
	"""A correcting entry must follow an entry of the same case."""
	if corrected_case is None:
		return ("entry_correction_unknown",)
	if corrected_case != case:
		return ("entry_correction_other_case",)
	return ()


def normalise_email(email: str | None) -> str:
	return (email or "").strip().lower()


def check_enquiry(received_on: date | None, today: date) -> tuple[str, ...]:
	"""today: the latest of the system's and the user's today (policy/dates.py)."""
	if received_on and received_on > today:
		return ("enquiry_received_in_future",)
	return ()


def check_enquiry_conversion(already_converted: bool, student: str | None) -> tuple[str, ...]:
	if already_converted:
		return ("enquiry_already_converted",)
	if not student:
		return ("enquiry_conversion_needs_student",)
	return ()
