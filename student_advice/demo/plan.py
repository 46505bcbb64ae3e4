"""What the demo service holds: fictional people and dates, decided here without Frappe.

Everything is drawn from one seeded random generator, so a demo is the same on every site and
a test can predict its counts. Nobody here is real: first and family names are combined at
random from short lists, and every email address is on example.org (RFC 2606).
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

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
	# students, cases, enquiries, entries per case (at most)
	"small": (30, 40, 20, 5),
}

OFFICERS = (
	("Advice Service Manager", ("Advice Officer", "Advice Service Manager")),
	("Student Advisor", ("Advice Officer",)),
	("Welfare and Rights Officer", ("Advice Officer",)),
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


def plan_for(scale: str) -> Plan:
	if scale not in SCALES:
		raise ValueError(scale)
	return Plan(*SCALES[scale])


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
