"""What the demo service holds: fictional people and dates, decided here without Frappe.

Everything is drawn from one seeded random generator, so a demo is the same on every site and
a test can predict its counts. Nobody here is real: first and family names are combined at
random from short lists, and every email address is on example.org (RFC 2606).
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

FIRST = ("Alex", "Bea", "Chidi", "Dara", "Eilidh", "Farah", "Gwen", "Hiro", "Ines", "Jonah", "Kemi",
         "Luca", "Maya", "Niamh", "Omar", "Priya", "Quinn", "Rhys", "Sana", "Tomasz", "Uma", "Vik",
         "Wen", "Yusuf", "Zara")  # fmt: skip
FAMILY = ("Abara", "Bell", "Chen", "Dunne", "Evans", "Fischer", "Gupta", "Hughes", "Ivanova", "Jones",
          "Kaur", "Lopez", "Mensah", "Novak", "Okafor", "Patel", "Quayle", "Rossi", "Singh", "Tanaka",
          "Umeh", "Varga", "Walsh", "Xu", "Young")  # fmt: skip
EVENTS = ("Met the student in a confidential room.", "The student emailed with an update.",
          "Phoned the student at the time they asked for.", "Read the letter the student brought in.")  # fmt: skip
ADVICE = ("Explained the extenuating circumstances process and its deadline.",
          "Talked through the options for the tenancy and what each would cost.",
          "Explained how intermission works and what it means for funding.")  # fmt: skip
ACTIONS = ("Drafted a letter for the student to send.", "Sent the student the hardship fund form.",
           "Booked a follow-up appointment.")  # fmt: skip

SCALES = {
	# students, cases, enquiries, entries per case (at most), consents, meetings, officers
	"small": (30, 40, 20, 5, 8, 1, 3),
	# entries per case drawn from 1..9: about 5 on average
	"large": (20_000, 100_000, 100_000, 9, 400, 20, 8),
}
# Scales whose volume records (students, cases, entries, enquiries) are inserted in bulk from rows
# this module plans and proves valid (docs/decisions.md, D-SCALE-1); the rest go through controllers.
BULK_SCALES = frozenset({"large"})
# A fifth of the large demo's cases began as an enquiry (the enquiry links to it, and it to the enquiry).
CONVERTED_SHARE = 5

OFFICERS = (
	("Advice Service Manager", ("Advice Officer", "Advice Service Manager")),
	("Student Advisor", ("Advice Officer",)),
	("Welfare and Rights Officer", ("Advice Officer",)),
	# a large service has more hands
	("Education Officer", ("Advice Officer",)),
	("Women's Officer", ("Advice Officer",)),
	("Postgraduate Advisor", ("Advice Officer",)),
	("Housing Advisor", ("Advice Officer",)),
	("Money Advisor", ("Advice Officer",)),
)
# The demo's other logins: the service's administrator and a statistics reader.
OTHERS = (
	("Advice Service Administrator", ("Advice Service Administrator",)),
	("Statistics reader", ("Advice Statistics Viewer",)),
)


@dataclass(frozen=True)
class Plan:
	students: int
	cases: int
	enquiries: int
	max_entries: int
	consents: int
	meetings: int
	officers: int
	bulk: bool = False


def plan_for(scale: str) -> Plan:
	if scale not in SCALES:
		raise ValueError(scale)
	return Plan(*SCALES[scale], bulk=scale in BULK_SCALES)


def people(rng: random.Random, count: int) -> list[str]:
	"""`count` distinct fictional full names."""
	names: list[str] = []
	while len(names) < count:
		name = f"{rng.choice(FIRST)} {rng.choice(FAMILY)}"
		if name in names:
			name = f"{name} {len(names) + 1}"  # more people than name pairs: number them
		names.append(name)
	return names


def academic_year_start(today: date) -> date:
	"""1 October of the academic year `today` falls in."""
	return date(today.year if today.month >= 10 else today.year - 1, 10, 1)


def days_back(rng: random.Random, today: date, years: int = 3) -> date:
	"""A day within the last `years` academic years, never after today."""
	start = academic_year_start(today).replace(year=academic_year_start(today).year - (years - 1))
	return start + timedelta(days=rng.randrange(max((today - start).days, 1)))


def terms(today: date, years: int = 3) -> list[tuple[str, str, date, date]]:
	"""(term, academic year, starts, ends): three terms a year in whole months (the statistics count
	by month), October to December, January to March, April to September."""
	rows = []
	first = academic_year_start(today).year - (years - 1)
	for year in range(first, first + years):
		label = f"{year}-{str(year + 1)[2:]}"
		rows += [
			("Michaelmas", label, date(year, 10, 1), date(year, 12, 31)),
			("Lent", label, date(year + 1, 1, 1), date(year + 1, 3, 31)),
			("Easter", label, date(year + 1, 4, 1), date(year + 1, 9, 30)),
		]
	return rows


# ---------------------------------------------------------------------------- bulk rows
# What the controllers would have stored, planned row by row (docs/decisions.md, D-SCALE-1). Each
# row is a dict of the DocType's columns; the builder adds the student's name and the case's title
# (titles.py) and inserts them in bulk. tests/unit/test_demo_plan.py runs every planned row through
# the same pure checks the controllers call (policy/casework.py), and checks the links between them.


@dataclass(frozen=True)
class Masters:
	colleges: tuple[str, ...]
	faculties: tuple[str, ...]
	categories: tuple[str, ...]
	outcomes: tuple[str, ...]


OPEN_STATUSES = ("Open", "Waiting on Student", "Waiting on Third Party")
CHANNELS = ("Drop-in", "Email", "Phone", "Online")
ENTRY_KINDS = (("Event", EVENTS), ("Advice Offered", ADVICE), ("Action Taken", ACTIONS))


def random_name(rng: random.Random) -> str:
	"""32 hex digits, as naming.random_name makes them (uuid4), drawn from the plan's generator."""
	return f"{rng.getrandbits(128):032x}"


def student_rows(rng: random.Random, plan: Plan, masters: Masters, today: date) -> list[dict]:
	"""Fictional students; names may repeat (a large service has two Maya Patels), emails never."""
	rows = []
	for index in range(plan.students):
		rows.append(
			{
				"name": random_name(rng),
				"full_name": f"{rng.choice(FIRST)} {rng.choice(FAMILY)}",
				"email": f"student{index + 1}.{rng.getrandbits(24):06x}@example.org",
				"college": rng.choice(masters.colleges),
				"faculty": rng.choice(masters.faculties),
				"year_of_study": str(rng.randint(1, 4)),
				"email_only": int(rng.random() < 0.3),
				"no_voicemail": int(rng.random() < 0.3),
				"creation": _at(days_back(rng, today), 9),
			}
		)
	return rows


def _at(day: date, hour: int, minute: int = 0) -> datetime:
	return datetime.combine(day, time(hour, minute))


def case_rows(rng: random.Random, plan: Plan, students: list[dict], masters: Masters, officers: list[str],
              now: datetime):  # fmt: skip
	"""Yields (case, its entries, the enquiry it came from or None), one case at a time: a case is
	opened by an officer on a day of the last three academic years, logged by that officer from then
	on (never after today), and closed with an outcome after at least two weeks, three times in five."""
	today = now.date()
	for index in range(plan.cases):
		officer = officers[index % len(officers)]
		student = students[index % len(students)] if index < len(students) else rng.choice(students)
		opened = days_back(rng, today)
		category = rng.choice(masters.categories)
		case = {
			"name": random_name(rng),
			"student": student["name"],
			"category": category,
			"opened_on": opened,
			"summary_number": index + 1,
			"needs_confidential_space": int(rng.random() < 0.2),
			"owner": officer,
			"creation": _at(opened, 9, rng.randrange(60)),
		}
		enquiry = None
		if index % CONVERTED_SHARE == 1:
			received = min(_at(opened, 9 + rng.randrange(8), rng.randrange(60)), now - timedelta(minutes=5))
			enquiry = {
				"name": random_name(rng),
				"received_on": received,
				"channel": rng.choice(CHANNELS),
				"category": category,
				"anonymous": 0,
				"student": student["name"],
				"advice_case": case["name"],
				"officer": officer,
				"owner": officer,
				"creation": received,
				"modified": case["creation"],
			}
			case["opened_on"] = received.date()
			case["creation"] = max(case["creation"], received)
			case["enquiry"] = enquiry["name"]
		entries = []
		day = case["opened_on"]
		for number in range(rng.randint(1, plan.max_entries)):
			kind, texts = ENTRY_KINDS[number % 3]
			day = min(day + timedelta(days=rng.randint(0, 10)), today)
			entries.append(
				{
					"name": random_name(rng),
					"advice_case": case["name"],
					"student": student["name"],
					"entry_type": kind,
					"entry_date": day,
					"details": rng.choice(texts),
					"officer": officer,
					"owner": officer,
					"creation": max(_at(day, 17), case["creation"]),
				}
			)
		if rng.random() < 0.6 and (today - case["opened_on"]).days > 14:
			case["status"] = "Closed"
			case["outcome"] = rng.choice(masters.outcomes)
			case["closed_on"] = min(day + timedelta(days=3), today)
		else:
			case["status"] = rng.choice(OPEN_STATUSES)
		case["modified"] = min(max(_at(case.get("closed_on") or day, 17), case["creation"]), now)
		yield case, entries, enquiry


def enquiry_rows(rng: random.Random, count: int, students: list[dict], masters: Masters, officers: list[str],
                 now: datetime):  # fmt: skip
	"""`count` quick contacts that never became a case; one in four anonymous."""
	today = now.date()
	for index in range(count):
		anonymous = index % 4 == 0
		received = min(
			_at(days_back(rng, today), 9 + rng.randrange(8), rng.randrange(60)), now - timedelta(minutes=5)
		)
		officer = officers[index % len(officers)]
		yield {
			"name": random_name(rng),
			"received_on": received,
			"channel": CHANNELS[index % 4],
			"category": rng.choice(masters.categories),
			"anonymous": int(anonymous),
			"student": None if anonymous else rng.choice(students)["name"],
			"summary_number": index + 1,
			"officer": officer,
			"owner": officer,
			"creation": received,
			"modified": received,
		}
