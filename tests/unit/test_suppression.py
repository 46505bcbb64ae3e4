"""The suppression algorithm against the attacks on published statistics.

Two independent checks back every family built here:
- the AUDITOR plays the attacker: it writes every published figure as an equation over the
  finest cells (month x every dimension), adds what the reader knows anyway (impossible
  combinations, months that have not begun), and tests by exact linear algebra (modulo a large
  prime) whether any suppressed figure is a combination of the published ones;
- the CERTIFICATES: every witness the algorithm kept is replayed over the whole family and
  must change suppressed figures only, and every suppressed figure must be changed by one.
Random families use fixed seeds (no hypothesis needed), so a failure is reproducible.
"""

import itertools
import random

import pytest

from student_advice.policy import suppression as sup
from student_advice.policy.suppression import PERIOD, PRIMARY, PUBLISHED, SECONDARY, Family

P = (1 << 61) - 1


# ------------------------------------------------------------------ the attacker
def all_keys(family):
	dims = range(len(family.domains))
	keys = [()]
	keys += [(d, v) for d in dims for v in range(len(family.domains[d]))]
	for a, b in family.pairs:
		keys += [
			(a, va, b, vb) for va in range(len(family.domains[a])) for vb in range(len(family.domains[b]))
		]
	return keys


def atoms_of(family):
	return list(itertools.product(range(family.months), *[range(len(d)) for d in family.domains]))


def matches(atom, bucket_months, key):
	month, values = atom[0], atom[1:]
	if month not in bucket_months:
		return False
	for i in range(0, len(key), 2):
		if values[key[i]] != key[i + 1]:
			return False
	return True


class Span:
	"""Row space over GF(P) of 0/1 vectors, by incremental Gaussian elimination."""

	def __init__(self, size):
		self.size = size
		self.rows = {}  # pivot -> row with 1 at pivot

	def _reduce(self, vec):
		vec = list(vec)
		for pivot in sorted(self.rows):
			if vec[pivot]:
				factor = vec[pivot]
				row = self.rows[pivot]
				vec = [(a - factor * b) % P for a, b in zip(vec, row, strict=True)]
		return vec

	def add(self, vec):
		vec = self._reduce(vec)
		for pivot, x in enumerate(vec):
			if x:
				inverse = pow(x, P - 2, P)
				vec = [(y * inverse) % P for y in vec]
				for other, row in list(self.rows.items()):
					if row[pivot]:
						self.rows[other] = [(a - row[pivot] * b) % P for a, b in zip(row, vec, strict=True)]
				self.rows[pivot] = vec
				return

	def contains(self, vec):
		return not any(self._reduce(vec))


def audit(family):
	"""Suppressed figures that some arithmetic on published figures recovers (should be none)."""
	atoms = atoms_of(family)
	index = {a: i for i, a in enumerate(atoms)}
	span = Span(len(atoms))
	known_empty = set(range(family.months)) - set(family._open)
	for atom in atoms:  # what every reader knows: impossible combinations, months not begun
		if atom[0] in known_empty or family._atom_forbidden(dict(enumerate(atom[1:]))):
			vec = [0] * len(atoms)
			vec[index[atom]] = 1
			span.add(vec)
	figures = []
	for b, months in enumerate(family.bucket_months):
		for key in all_keys(family):
			vec = [1 if matches(a, months, key) else 0 for a in atoms]
			figures.append(((b, key), vec))
	for (b, key), vec in figures:
		if family.figure(b, key).published:
			span.add(vec)
	return [
		(b, key) for (b, key), vec in figures if not family.figure(b, key).published and span.contains(vec)
	]


def in_shown_range(count, threshold):
	"""What a reader learns from a withheld figure's mark: "<k" is 0..k-1, "[c]" is k or more."""
	return (lambda v: 0 <= v < threshold) if count < threshold else (lambda v: v >= threshold)


def replay_witnesses(family):
	"""Every witness changes suppressed figures only; every suppressed figure is changed by one;
	taken in its orientation, it keeps every figure it changes non-negative and inside the range
	its mark shows (so non-negativity and the marks do not pin the figure either)."""
	changed_somewhere = set()
	weak = 0
	for w in family.witnesses:
		tau = dict(w.tau)
		weak += w.orientation == 0
		for month in tau:
			assert month in family._open, "a witness may not touch a month known to be empty"
		for atom, _ in w.atoms:
			assert not family._atom_forbidden(dict(enumerate(atom))), (
				"a witness may not use an impossible record"
			)
		for b, months in enumerate(family.bucket_months):
			t = sum(tau.get(m, 0) for m in months)
			if not t:
				continue
			for key in all_keys(family):
				change = sum(
					sign
					for atom, sign in w.atoms
					if all(atom[key[i]] == key[i + 1] for i in range(0, len(key), 2))
				)
				if change:
					figure = family.figure(b, key)
					assert not figure.published, f"witness changes published {b} {key}"
					changed_somewhere.add((b, key))
					if w.orientation:
						moved = figure.count + w.orientation * t * change
						assert in_shown_range(figure.count, family.threshold)(moved), (
							b,
							key,
							figure.count,
							moved,
						)
	assert set(family.suppressed_cells()) <= changed_somewhere
	assert weak == family.range_weak
	return weak


def check_primary(family):
	for b in range(len(family.bucket_months)):
		for key in all_keys(family):
			f = family.figure(b, key)
			if 0 < f.count < family.threshold:
				assert f.status == PRIMARY
			if f.published:
				assert f.count == 0 or f.count >= family.threshold


# ------------------------------------------------------------------ builders
DIMS = [("category", ["Housing", "Finance", "Welfare"]), ("college", ["Clare", "King's"])]


def family(months=4, periods=((0, 1), (2, 3)), dims=DIMS, threshold=5, forbidden=(), open_months=None):
	return Family(
		months=months,
		periods=[tuple(p) for p in periods],
		open_months=range(months) if open_months is None else open_months,
		dimensions=dims,
		threshold=threshold,
		forbidden=forbidden,
	)


def fill(f, rows):
	for month, values, count in rows:
		f.add(month, values, count)
	return f.suppress()


def assert_safe(f):
	check_primary(f)
	replay_witnesses(f)
	assert audit(f) == []


# ------------------------------------------------------------------ basics
def test_threshold_never_below_minimum_and_rounding_is_hesa_style():
	assert sup.effective_threshold(1) == sup.MIN_THRESHOLD
	assert sup.effective_threshold(None) == sup.DEFAULT_THRESHOLD
	assert sup.effective_threshold("7") == 7
	assert [sup.round_to_base(v) for v in (0, 1, 2, 3, 4, 5, 7, 8, 12, 13)] == [
		0,
		0,
		0,
		5,
		5,
		5,
		5,
		10,
		10,
		15,
	]


def test_large_counts_are_published_and_small_ones_marked():
	f = fill(
		family(),
		[(0, ("Housing", "Clare"), 40), (1, ("Finance", "King's"), 30), (2, ("Welfare", "Clare"), 2)],
	)
	year = f.year_bucket
	assert f.figure(year, ()).shown(5, False) == 72
	assert f.figure(year, ()).shown(5, True) == 70
	small = f.figure(year, f.named_key(category="Welfare"))
	assert small.status == PRIMARY and small.shown(5, True) == "<5"
	assert_safe(f)


def test_a_zero_complement_cannot_be_used_to_split_a_sum():
	"""Two withheld cells of a line add up to a known number. If one were a zero that only the
	mark told apart ("[c]" would mean 5 or more), the other would follow: a zero withheld shows
	"<5" and a witness may only make it larger."""
	rows = [
		(m, (cat, col), 30) for m in range(4) for cat in ("Housing", "Finance") for col in ("Clare", "King's")
	]
	rows.append((0, ("Welfare", "Clare"), 2))
	f = fill(family(), rows)
	for b, key in f.suppressed_cells():
		figure = f.figure(b, key)
		assert figure.shown(5, False) == ("<5" if figure.count < 5 else sup.SECONDARY_MARK)
	assert f.range_weak == 0
	assert_safe(f)


def test_every_suppressed_figure_shows_a_mark_never_a_number():
	f = fill(
		family(), [(0, ("Housing", "Clare"), 1), (1, ("Finance", "King's"), 9), (3, ("Welfare", "Clare"), 12)]
	)
	for b, key in f.suppressed_cells():
		shown = f.figure(b, key).shown(5, True)
		assert shown in ("<5", sup.SECONDARY_MARK)


# ------------------------------------------------------------------ the attacks
def test_totals_minus_visible_cells():
	"""One small cell in a cross-table: its row and column total would give it away."""
	rows = [
		(m, (cat, col), 20) for m in range(4) for cat in ("Housing", "Finance") for col in ("Clare", "King's")
	]
	rows.append((1, ("Welfare", "Clare"), 2))
	rows.append((1, ("Welfare", "King's"), 30))
	f = fill(family(), rows)
	target = (f.month_buckets[1], f.named_key(category="Welfare", college="Clare"))
	assert f.figure(*target).status == PRIMARY
	t = f.table(f.month_buckets[1], "category", "college")
	r = t.row_labels.index("Welfare")
	row_hidden = [not c.published for c in t.cells[r]] + [not t.row_totals[r].published]
	assert sum(row_hidden) >= 2, "the row total minus the other cells would give the small cell"
	assert_safe(f)


def test_a_row_or_column_never_holds_exactly_one_suppressed_figure():
	rnd = random.Random(11)
	for _ in range(25):
		f = family()
		for _ in range(rnd.randrange(5, 60)):
			f.add(rnd.randrange(4), (rnd.choice(DIMS[0][1]), rnd.choice(DIMS[1][1])))
		f.suppress()
		buckets = range(len(f.bucket_months))
		tables = [f.table(b, "category", "college") for b in buckets]
		tables.append(f.table(f.year_bucket, PERIOD, "category", [(b, str(b)) for b in f.month_buckets]))
		tables.append(f.table(f.year_bucket, PERIOD, "college", [(b, str(b)) for b in f.period_buckets]))
		for t in tables:
			lines = [row + [total] for row, total in zip(t.cells, t.row_totals, strict=True)]
			lines.append(t.column_totals + [t.grand_total])
			columns = [list(col) for col in zip(*t.cells, strict=True)] if t.cells else []
			lines += [col + [total] for col, total in zip(columns, t.column_totals, strict=True)]
			lines.append(t.row_totals + [t.grand_total])
			for line in lines:
				assert sum(not x.published for x in line) != 1


def test_a_one_row_selection_cannot_be_read_off_its_total():
	"""A month where every contact comes from one college: the college row is the whole month."""
	rows = [(m, ("Housing", "King's"), 25) for m in range(4)]
	rows.append((2, ("Finance", "Clare"), 3))
	f = fill(family(), rows)
	month = f.month_buckets[2]
	clare = f.figure(month, f.named_key(college="Clare"))
	assert clare.status == PRIMARY
	# the 1-D table, the margin of every cross-table and the chart all read the same figure
	assert f.table(month, "college").row_totals[0].status == clare.status
	assert f.table(month, "category", "college").column_totals[0].status == clare.status
	assert_safe(f)


def test_differencing_nested_buckets_year_minus_terms_and_term_minus_months():
	"""Small numbers only in the difference of nested buckets."""
	rows = [(m, ("Housing", "Clare"), 30) for m in range(6)]
	rows.append((4, ("Welfare", "King's"), 2))  # month 4 = second month of the last term
	f = fill(family(months=6, periods=((0, 1, 2), (3, 4), (5,))), rows)
	key = f.named_key(category="Welfare")
	for bucket in (f.month_buckets[4], f.period_buckets[1], f.year_bucket):
		assert f.figure(bucket, key).status == PRIMARY
	year_total = f.figure(f.year_bucket, ())
	term_totals = [f.figure(b, ()) for b in f.period_buckets]
	month_totals = [f.figure(b, ()) for b in f.month_buckets]
	# published totals do not let an attacker isolate the small count by subtraction
	if year_total.published and all(t.published for t in term_totals):
		assert sum(t.count for t in term_totals) == year_total.count  # consistent, nothing hidden
	assert not all(m.published for m in month_totals) or all(t.published for t in term_totals)
	assert_safe(f)


def test_differencing_when_a_term_is_a_single_month():
	"""A one-month period is the same figure as its month: same status, no difference to take."""
	rows = [(m, ("Housing", "Clare"), 12) for m in range(3)] + [(2, ("Finance", "Clare"), 1)]
	f = fill(family(months=3, periods=((0, 1), (2,))), rows)
	assert f.period_buckets[1] == f.month_buckets[2]
	assert_safe(f)


def test_one_table_minus_another():
	"""Three dimensions: the college x category and college x faculty tables share college totals."""
	dims = [("category", ["A", "B", "C"]), ("college", ["X", "Y"]), ("faculty", ["F", "G"])]
	rows = []
	for m in range(2):
		for cat, col, fac in itertools.product("ABC", "XY", "FG"):
			rows.append((m, (cat, col, fac), 2 if (m, cat, col, fac) == (1, "A", "X", "F") else 8))
	f = family(months=2, periods=(), dims=dims)
	for month, values, count in rows:
		f.add(month, values, count)
	f.suppress()
	assert_safe(f)
	# every published cell of one table against every published cell of another never
	# isolates a suppressed figure (the auditor tried all combinations at once)


def test_impossible_combinations_are_not_used_to_hide_figures():
	"""An enquiry that never became a case always has a channel: the reader knows that cell is 0."""
	dims = [("outcome", ["Open", "Enquiry only"]), ("channel", ["Email", "Not recorded"])]
	forbidden = [(("outcome", "Enquiry only"), ("channel", "Not recorded"))]
	rows = [(0, ("Open", "Email"), 9), (0, ("Open", "Not recorded"), 9), (0, ("Enquiry only", "Email"), 2)]
	rows += [(1, ("Open", "Email"), 9), (1, ("Open", "Not recorded"), 2), (1, ("Enquiry only", "Email"), 9)]
	f = family(months=2, periods=(), dims=dims, forbidden=forbidden)
	for month, values, count in rows:
		f.add(month, values, count)
	f.suppress()
	assert_safe(f)
	with pytest.raises(ValueError):
		family(dims=dims, forbidden=forbidden).add(0, ("Enquiry only", "Not recorded"))


def test_months_not_yet_begun_are_never_complements():
	rows = [(0, ("Housing", "Clare"), 20), (0, ("Finance", "King's"), 3)]
	f = fill(family(open_months={0}), rows)
	for w in f.witnesses:
		assert {m for m, _ in w.tau} == {0}
	assert_safe(f)


def test_a_tiny_month_total_is_protected_by_another_month():
	rows = [(m, ("Housing", "Clare"), 15) for m in (0, 1, 3)] + [(2, ("Welfare", "King's"), 2)]
	f = fill(family(), rows)
	assert f.figure(f.month_buckets[2], ()).status == PRIMARY
	hidden_months = [m for m in range(4) if not f.figure(f.month_buckets[m], ()).published]
	assert len(hidden_months) >= 2
	assert_safe(f)


def test_rendered_tables_match_family_figures_and_hide_only_published_zero_rows():
	rows = [(0, ("Housing", "Clare"), 15), (1, ("Finance", "Clare"), 2)]
	f = fill(family(), rows)
	t = f.table(f.year_bucket, "category", "college")
	assert "Finance" in t.row_labels  # suppressed, never hidden
	for value in DIMS[0][1]:  # a row is left out only when its published total is zero
		total = f.figure(f.year_bucket, f.named_key(category=value))
		assert (value not in t.row_labels) == (total.published and total.count == 0)
	assert (
		"King's" not in t.column_labels
		or not f.figure(f.year_bucket, f.named_key(college="King's")).published
	)
	by_month = f.table(
		f.year_bucket, PERIOD, "category", [(b, f"m{i}") for i, b in enumerate(f.month_buckets)]
	)
	assert by_month.row_labels == ["m0", "m1", "m2", "m3"]
	assert by_month.grand_total == f.figure(f.year_bucket, ())
	transposed = f.table(
		f.year_bucket, "category", PERIOD, [(b, f"m{i}") for i, b in enumerate(f.month_buckets)]
	)
	assert transposed.column_labels == by_month.row_labels


# ------------------------------------------------------------------ property checks
@pytest.mark.parametrize("seed", range(60))
def test_random_families_are_safe(seed):
	rnd = random.Random(seed)
	months = rnd.choice([2, 3, 4, 5])
	cut = sorted(rnd.sample(range(1, months), rnd.randrange(0, months - 1))) if months > 2 else []
	bounds = [0, *cut, months]
	periods = [tuple(range(a, b)) for a, b in zip(bounds, bounds[1:], strict=False)] if cut else []
	dims = [("a", ["a0", "a1", "a2"][: rnd.choice([2, 3])]), ("b", ["b0", "b1"])]
	if rnd.random() < 0.5:
		dims.append(("c", ["c0", "c1"]))
	forbidden = [(("a", "a0"), ("b", "b1"))] if rnd.random() < 0.3 else []
	open_months = set(range(rnd.randrange(1, months + 1)))
	f = family(
		months=months,
		periods=periods,
		dims=dims,
		threshold=rnd.choice([3, 5]),
		forbidden=forbidden,
		open_months=open_months,
	)
	for _ in range(rnd.randrange(1, 50)):
		values = tuple(rnd.choice(domain) for _, domain in dims)
		if forbidden and values[0] == "a0" and values[1] == "b1":
			continue
		f.add(rnd.choice(sorted(open_months)), values, rnd.choice([1, 1, 1, 2, 4, 7]))
	f.suppress()
	assert_safe(f)


def test_range_consistent_certificates_are_the_rule():
	"""Over many sparse random years, nearly every witness also respects the marks' ranges."""
	weak = total = 0
	for seed in range(120):
		rnd = random.Random(5000 + seed)
		dims = [("a", ["a0", "a1", "a2"]), ("b", ["b0", "b1", "b2"]), ("c", ["c0", "c1"])]
		f = family(
			months=6, periods=((0, 1, 2), (3, 4, 5)), dims=dims, forbidden=[(("a", "a0"), ("c", "c1"))]
		)
		for _ in range(rnd.randrange(5, 150)):
			values = (rnd.choice(dims[0][1]), rnd.choice(dims[1][1]), rnd.choice(dims[2][1]))
			if values[0] == "a0" and values[2] == "c1":
				continue
			f.add(rnd.randrange(6), values)
		f.suppress()
		assert not f.withheld
		weak += replay_witnesses(f)
		total += len(f.witnesses)
	assert total > 500 and weak <= total // 20


@pytest.mark.parametrize("seed", range(8))
def test_random_larger_families_keep_their_certificates(seed):
	"""Bigger than the auditor can afford: the certificates alone prove them."""
	rnd = random.Random(1000 + seed)
	dims = [
		("category", [f"cat{i}" for i in range(6)]),
		("college", [f"col{i}" for i in range(8)]),
		("outcome", [f"out{i}" for i in range(4)]),
		("channel", [f"ch{i}" for i in range(3)]),
	]
	forbidden = [(("outcome", "out3"), ("channel", "ch2"))]
	f = family(
		months=12, periods=((0, 1, 2), (3, 4, 5), (6, 7, 8), (9, 10, 11)), dims=dims, forbidden=forbidden
	)
	for _ in range(rnd.randrange(50, 600)):
		values = tuple(rnd.choice(domain) for _, domain in dims)
		if values[2] == "out3" and values[3] == "ch2":
			continue
		f.add(rnd.randrange(12), values)
	f.suppress()
	check_primary(f)
	replay_witnesses(f)


def test_auditor_catches_a_naive_suppression():
	"""Positive control: primary suppression alone is recovered by the attacker."""
	f = family()
	for month, values, count in [(0, ("Housing", "Clare"), 20), (0, ("Finance", "Clare"), 2)]:
		f.add(month, values, count)
	f._aggregate()
	f._open = frozenset(range(4))
	f.status = [dict() for _ in f.bucket_months]
	for b, counts in enumerate(f.counts):
		for key, n in counts.items():
			if 0 < n < 5:
				f.status[b][key] = PRIMARY
	f._done = True
	assert audit(f), "the auditor must find what primary suppression alone leaves open"


def test_statuses_are_deterministic():
	rows = [
		(m, (cat, col), (m * 7 + len(cat) + len(col)) % 6)
		for m in range(4)
		for cat, col in [("Housing", "Clare"), ("Finance", "King's"), ("Welfare", "Clare")]
	]
	rows = [r for r in rows if r[2]]
	first = fill(family(), rows)
	second = fill(family(), list(reversed(rows)))
	assert first.status == second.status
	assert all(s in (PRIMARY, SECONDARY) for st in first.status for s in st.values())
	assert PUBLISHED == "published"


def test_a_small_term_cell_never_costs_the_year_its_totals():
	"""A cell of 4 in every term (2 + 1 + 1 by month, 16 in the year), everything else large.
	Moving a record between terms would push another term's 4 to 5, so the only range-consistent
	2x2 witnesses for a term's cell change one month, its term and the year: cheap (cells only),
	but not among the few time changes cheapest by the cell's own cost. Missing them, the search
	once fell through to "a record fewer in one month" and withheld the year's grand total and
	its 1-D figures (976, 256, 256) for a cell of 4."""
	dims = [("category", ["A", "B", "C"]), ("college", ["X", "Y", "Z"])]
	f = family(months=12, periods=((0, 1, 2), (3, 4, 5), (6, 7, 8), (9, 10, 11)), dims=dims)
	for month in range(12):
		for cat, col in itertools.product("ABC", "XYZ"):
			small = (cat, col) == ("A", "X")
			f.add(month, (cat, col), (2 if month % 3 == 0 else 1) if small else 10)
	f.suppress()
	for term in f.period_buckets:
		assert f.figure(term, f.named_key(category="A", college="X")).status == PRIMARY
	year = f.year_bucket
	assert f.figure(year, ()).published and f.figure(year, ()).count == 976
	for dim, values in dims:
		for value in values:
			assert f.figure(year, f.named_key(**{dim: value})).published
	for term in f.period_buckets:
		assert f.figure(term, ()).published
	assert f.range_weak == 0
	assert_safe(f)
