"""Suppression benchmark: Family.suppress() on a synthetic academic year.

NOT a test, and it needs no site: it imports only the pure policy module
(student_advice/policy/suppression/), so it runs with any Python 3.10+:

    python3 benchmarks/suppression_benchmark.py [--contacts 40000] [--seed 1] [--repeat 3]
        [--no-periods] [--forbidden] [--profile]

The year is realistic in shape: 12 months in 4 terms of 3 months, 5 dimensions of 9, 32, 23, 10
and 5 values (category, college, faculty, outcome, channel), each value drawn with a random
weight (so some values are rare), threshold 5; one month is quieter than the others.
--forbidden adds one impossible pair of values (like an enquiry that never became a case and has
no channel), which the statistics report nearly always has. The same seed gives the same data.

It prints the time to load the rows (add_index_rows) and to suppress, as the median of --repeat
runs on fresh families, and the counts of primary and secondary suppressions, of witnesses and
of range-weak witnesses (see "The guarantee" in the module docstring), and how many totals and
1-D figures of 50 or more the year, its terms and its months withhold; --profile runs cProfile
on one more suppression and prints the 25 most expensive calls.
"""

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from student_advice.policy.suppression import PRIMARY, Family  # noqa: E402

DIMENSIONS = [
	("category", [f"cat{i}" for i in range(9)]),
	("college", [f"col{i}" for i in range(32)]),
	("faculty", [f"fac{i}" for i in range(23)]),
	("outcome", [f"out{i}" for i in range(10)]),
	("channel", [f"ch{i}" for i in range(5)]),
]
PERIODS = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (9, 10, 11)]
QUIET_MONTH = 10
# an outcome that no record of the first channel can have (index 9 of outcome, 0 of channel)
FORBIDDEN = [(("outcome", "out9"), ("channel", "ch0"))]
BIG = 50


def make_rows(contacts: int, seed: int, forbidden: bool) -> dict[tuple[int, tuple[int, ...]], int]:
	"""(month, value-index tuple) -> count for `contacts` random contacts."""
	rnd = random.Random(seed)
	weights = [[rnd.uniform(0.3, 3) for _ in values] for _, values in DIMENSIONS]
	choices = [range(len(values)) for _, values in DIMENSIONS]
	counts: dict[tuple[int, tuple[int, ...]], int] = {}
	for _ in range(contacts):
		month = rnd.randrange(12)
		if month == QUIET_MONTH and rnd.random() > 0.3:
			month = rnd.randrange(12)
		idx = tuple(rnd.choices(choices[d], weights=weights[d])[0] for d in range(len(DIMENSIONS)))
		if forbidden and idx[3] == 9 and idx[4] == 0:
			idx = idx[:4] + (1,)
		counts[(month, idx)] = counts.get((month, idx), 0) + 1
	return counts


def build(counts, periods: bool, forbidden: bool) -> Family:
	family = Family(
		months=12,
		periods=PERIODS if periods else [],
		open_months=range(12),
		dimensions=DIMENSIONS,
		threshold=5,
		forbidden=FORBIDDEN if forbidden else (),
	)
	family.add_index_rows((month, idx, n) for (month, idx), n in counts.items())
	return family


def main():
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("--contacts", type=int, default=40000, help="contacts in the year (40000)")
	parser.add_argument("--seed", type=int, default=1, help="random seed of the data (1)")
	parser.add_argument("--repeat", type=int, default=3, help="runs; the median is shown (3)")
	parser.add_argument("--no-periods", action="store_true", help="a year without terms")
	parser.add_argument("--forbidden", action="store_true", help="one impossible pair of values")
	parser.add_argument("--profile", action="store_true", help="cProfile one more suppression")
	args = parser.parse_args()

	counts = make_rows(args.contacts, args.seed, args.forbidden)
	periods = not args.no_periods
	load, suppress = [], []
	for _ in range(max(args.repeat, 1)):
		t0 = time.perf_counter()
		family = build(counts, periods, args.forbidden)
		t1 = time.perf_counter()
		family.suppress()
		t2 = time.perf_counter()
		load.append(t1 - t0)
		suppress.append(t2 - t1)

	primaries = sum(1 for st in family.status for v in st.values() if v == PRIMARY)
	secondaries = sum(1 for st in family.status for v in st.values() if v != PRIMARY)
	print(
		f"contacts {args.contacts} seed {args.seed} periods {periods} forbidden {args.forbidden}: "
		f"{len(counts)} rows (month x combination)"
	)
	print(
		f"add_index_rows {statistics.median(load):.3f}s  suppress {statistics.median(suppress):.3f}s "
		f"(median of {len(suppress)}; all: {', '.join(f'{t:.3f}' for t in suppress)})"
	)
	print(
		f"primaries {primaries}  secondaries {secondaries}  witnesses {len(family.witnesses)}  "
		f"range_weak {family.range_weak}"
	)
	# what a manager misses most: a withheld total or 1-D figure of BIG or more (the grand total
	# "[c]", a whole college's contacts "[c]")
	big = {
		level: sum(
			1
			for b in buckets
			for key in family.status[b]
			if len(key) <= 2 and family.counts[b].get(key, 0) >= BIG
		)
		for level, buckets in (
			("year", [family.year_bucket]),
			("terms", family.period_buckets),
			("months", family.month_buckets),
		)
	}
	print(
		f"totals and 1-D figures of {BIG} or more withheld: " + "  ".join(f"{k} {v}" for k, v in big.items())
	)

	if args.profile:
		family = build(counts, periods, args.forbidden)
		profiler = cProfile.Profile()
		profiler.runcall(family.suppress)
		pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
	main()
