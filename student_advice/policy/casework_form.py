"""What a student may put in the casework form, and how an officer triages it (pure: no Frappe).

The portal's endpoint (student_advice.api.portal) hands the submitted arguments to
`check_submission`, which returns the cleaned values and the codes of every rule broken; the
masters (colleges, faculties) are checked against the names the caller passes in.
"""

import re

NEW = "New"
TRIAGED = "Triaged"
STATUSES = (NEW, TRIAGED)

NEW_CASE = "New Case"
EXISTING_CASE = "Existing Case"
ENQUIRY = "Enquiry"
TRIAGE_OUTCOMES = (NEW_CASE, EXISTING_CASE, ENQUIRY)

YEARS = ("", "1", "2", "3", "4", "5", "6", "7")
MEETING_PREFERENCES = ("", "In person (confidential space)", "Online", "Phone")

# argument -> (fieldname on Casework Form, kind, maximum length or choices, required)
# The arguments avoid the masters' DocType names (the request gate refuses outsiders whose
# arguments name a service DocType, and the student is an outsider): college_name, not college.
TEXT, LONG_TEXT, CHOICE, CHECK, PHONE = "text", "long_text", "choice", "check", "phone"
FIELDS = {
	"full_name": ("full_name", TEXT, 140, True),
	"preferred_name": ("preferred_name", TEXT, 140, False),
	"pronouns": ("pronouns", TEXT, 40, False),
	"college_name": ("college", TEXT, 140, False),
	"faculty_name": ("faculty", TEXT, 140, False),
	"course": ("course", TEXT, 140, False),
	"year_of_study": ("year_of_study", CHOICE, YEARS, False),
	"phone": ("phone", PHONE, 30, False),
	"email_only": ("email_only", CHECK, None, False),
	"no_voicemail": ("no_voicemail", CHECK, None, False),
	"no_post": ("no_post", CHECK, None, False),
	"no_text_messages": ("no_text_messages", CHECK, None, False),
	"contact_notes": ("contact_notes", LONG_TEXT, 500, False),
	"help_needed": ("help_needed", LONG_TEXT, 5000, True),
	"meeting_preference": ("meeting_preference", CHOICE, MEETING_PREFERENCES, False),
}

# What the form copies onto the student's own Advice Student.
STUDENT_COPY = (
	"full_name",
	"preferred_name",
	"pronouns",
	"phone",
	"college",
	"faculty",
	"course",
	"year_of_study",
	"email_only",
	"no_voicemail",
	"no_post",
	"no_text_messages",
	"contact_notes",
)

# Arguments Frappe itself adds to a method call.
FRAMEWORK_ARGUMENTS = frozenset({"cmd", "_"})

_HTML = re.compile(r"<\s*[a-zA-Z/!?]|&#?[a-zA-Z0-9]+;")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PHONE = re.compile(r"^\+?[0-9 ()\-]{5,30}$")
_TRUE = {"1", "true", "on", "yes"}
_FALSE = {"", "0", "false", "off", "no"}


def _check(kind, limit, value, required):
	"""(clean value, error suffix or None)."""
	if value is None:
		value = ""
	if kind == CHECK:
		if isinstance(value, bool) or value in (0, 1):
			return int(value), None
		if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
			return int(value.strip().lower() in _TRUE), None
		return 0, "type"
	if not isinstance(value, str):
		return "", "type"
	value = value.replace("\r\n", "\n").strip()
	if required and not value:
		return "", "missing"
	if kind == CHOICE:
		return (value, None) if value in limit else ("", "choice")
	if _CONTROL.search(value) or (kind != LONG_TEXT and "\n" in value):
		return "", "type"
	if len(value) > limit:
		return "", "too_long"
	if _HTML.search(value):
		return "", "html"
	if kind == PHONE and value and not _PHONE.match(value):
		return "", "type"
	return value, None


def check_submission(arguments: dict, colleges, faculties) -> tuple[dict, list[str]]:
	"""Clean the student's arguments into Casework Form values; codes name each broken rule.

	Any argument that is not a student field (status, triage, a case, a student, a name) is refused.
	"""
	codes = []
	unexpected = sorted(set(arguments) - set(FIELDS) - FRAMEWORK_ARGUMENTS)
	if unexpected:
		codes.append("casework_form_field_not_allowed")
	values = {}
	for argument, (fieldname, kind, limit, required) in FIELDS.items():
		value, error = _check(kind, limit, arguments.get(argument), required)
		if error:
			codes.append(f"casework_form_{error}:{argument}")
		values[fieldname] = value
	if values["college"] and values["college"] not in colleges:
		codes.append("casework_form_choice:college_name")
	if values["faculty"] and values["faculty"] not in faculties:
		codes.append("casework_form_choice:faculty_name")
	return values, codes


# --- attachments to the form -------------------------------------------------------------------------

# Settings may narrow or widen these (Student Advice Settings); an empty setting means the default.
DEFAULT_ATTACHMENT_TYPES = ("pdf", "jpg", "jpeg", "png", "docx", "odt", "txt")
DEFAULT_ATTACHMENT_MB = 5
DEFAULT_ATTACHMENT_COUNT = 3
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\<>:\"|?*]")


def attachment_types(setting: str | None) -> tuple[str, ...]:
	"""The allowed extensions from the setting ("pdf, .png jpg"), lower case, without dots."""
	found = [t.strip().lstrip(".").lower() for t in re.split(r"[\s,;]+", setting or "")]
	return tuple(dict.fromkeys(t for t in found if t)) or DEFAULT_ATTACHMENT_TYPES


def extension(filename: str) -> str:
	return filename.rsplit(".", 1)[1].lower() if "." in filename.strip(".") else ""


def check_attachments(
	files: list[tuple[str, int]], already: int, types: tuple[str, ...], max_mb: int, max_count: int
) -> list[str]:
	"""Codes for each rule the (file name, size in bytes) pairs break; `already` are on the form now.

	A name must be a plain file name (no path, no characters a file system or a page would read
	otherwise), of an allowed type, neither empty nor larger than the limit."""
	codes = []
	if already + len(files) > max_count:
		codes.append(f"casework_attachment_count:{max_count}")
	for filename, size in files:
		name = (filename or "").strip()
		if not name or len(name) > 140 or _UNSAFE_NAME.search(name) or name.startswith("."):
			codes.append("casework_attachment_name")
		elif extension(name) not in types:
			codes.append("casework_attachment_type:" + ", ".join(types))
		if size <= 0:
			codes.append("casework_attachment_empty")
		elif size > max_mb * 1024 * 1024:
			codes.append(f"casework_attachment_size:{max_mb}")
	return list(dict.fromkeys(codes))


# What a file of each type starts with: a name ending .pdf must hold a PDF (officers open these).
_SIGNATURES = {
	"pdf": (b"%PDF-",),
	"png": (b"\x89PNG\r\n\x1a\n",),
	"jpg": (b"\xff\xd8\xff",),
	"jpeg": (b"\xff\xd8\xff",),
	"docx": (b"PK\x03\x04",),
	"odt": (b"PK\x03\x04",),
}


def content_matches(filename: str, content: bytes) -> bool:
	"""The content is what the name says (types with no known signature: text is UTF-8 without NUL,
	any other type the settings allow passes)."""
	kind = extension(filename or "")
	if kind == "txt":
		try:
			return "\x00" not in content.decode("utf-8")
		except UnicodeDecodeError:
			return False
	signatures = _SIGNATURES.get(kind)
	return signatures is None or content.startswith(signatures)


def check_triage(status, outcome, category, advice_case, case_student, form_student) -> list[str]:
	"""One click: into a new case (needs a category), an existing case of the same student, or an enquiry."""
	if status != NEW:
		return ["casework_form_already_triaged"]
	if outcome not in TRIAGE_OUTCOMES:
		return ["casework_form_triage_unknown"]
	if outcome in (NEW_CASE, ENQUIRY) and not category:
		return ["casework_form_triage_needs_category"]
	if outcome == EXISTING_CASE:
		if not advice_case:
			return ["casework_form_triage_needs_case"]
		if case_student != form_student:
			return ["casework_form_triage_other_student"]
	return []
