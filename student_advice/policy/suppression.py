"""Small-number suppression of statistics, joint across every table and period (docs/decisions.md, decision 10).

What is published
-----------------
The statistics count *contacts*: every case, and every enquiry that never became a case (a
converted enquiry counts once, as its case). Each contact has a month and one value on each
of a few dimensions (category, college, faculty, outcome, channel). For one academic year the
reports, charts and cards can only ever show figures of this FAMILY:

    n(B, Q)  =  the number of contacts dated in bucket B that satisfy Q

where B is the year, one of its periods (terms, and "out of term") or one of its months, and
Q fixes the value of at most two dimensions (Q = nothing: the bucket's total; one dimension:
a 1-D count, which is also the row or column total of every cross-table on that dimension;
two: a cell of a cross-table). Months nest in periods and periods in the year (see
policy/periods.py), and nothing else is ever published: no arbitrary date range, no third
dimension, no figure that is not a member of the family (a card or a chart shows family
figures only). Different academic years share no contact, and no figure spans two years.

The guarantee
-------------
Let k be the threshold (settings; never below MIN_THRESHOLD).

1. PRIMARY suppression: no figure with 0 < n < k is published. Zeros are published.
2. No suppressed figure can be calculated from the published ones by any sequence of
   additions and subtractions (formally: it is not a linear combination of published figures),
   whichever figures are combined: totals minus visible cells, a row or column of any table,
   a year minus its terms, a term minus its months, the months of a year against its terms,
   one table against another (a college x category table against a college x faculty table
   share their college totals), the 1-D list against the margins of a cross-table, a chart
   against a report. Structural zeros the reader knows are taken into account: an enquiry that
   never became a case always has a channel, and months that have not begun hold no contact.

3. Nor when the reader also uses what the marks say and that counts cannot be negative: a
   withheld figure below k shows "<k" (0 to k-1), one of k or more shows "[c]". The mark
   follows the value, never the reason, so a zero withheld as a complement also shows "<k".

Proof, by certificate. For every suppressed figure the algorithm keeps a WITNESS: a change
to the underlying records (in whole numbers, touching no structurally impossible combination)
that changes that figure and changes no published figure. Two datasets that agree on every
published figure but differ on the suppressed one show that no arithmetic on published figures
can determine it (2). Each witness also carries an orientation (+1 or -1) in which every figure
it changes stays non-negative and inside the range its mark shows, so the second dataset looks
exactly like the first to the reader (3). The witnesses are products of a change in time and a
change in attributes:

    time:       +1 in month m                    changes m, its period and the year
                +1 in month m, -1 in month m'    changes only the buckets holding exactly one of them
                                                 (two months of one term: just those two months)
    attributes: +1 in one combination z of all   changes the total and every 1-D and 2-D figure of z
                dimensions (a record more)
                +1 at R=r1, -1 at R=r2, both with the other dimensions at z (a record moved)
                                                 changes (r1), (r2) and (r1, z_D), (r2, z_D) for every
                                                 other dimension D; no total, no other 1-D figure
                the 2x2 interaction +(r1,c1) -(r1,c2) -(r2,c1) +(r2,c2)
                                                 changes those four cells of the R x C tables only:
                                                 every row, column and grand total cancels

The figures such a product changes are exactly {buckets changed in time} x {figures changed
in attributes}. For each primary figure not yet covered, the algorithm picks the cheapest
witness that changes it (preferring figures already suppressed, then small non-zero figures,
zeros last; weighting the year's figures above the terms' and the terms' above the months'),
among the range-consistent ones when there are any, and suppresses everything that witness
changes (SECONDARY suppression). The kinds are tried in the order of what they withhold: an
interaction, then a moved record, then a record more or fewer (which withholds the totals of
every bucket it changes), each first over the few time changes cheapest for the figure itself,
then over every time change. So a witness that withholds a bucket's total is used only when the
search finds no range-consistent interaction or move for any time change, and one that withholds
1-D figures only when it finds no interaction. A witness stays valid when more figures are
suppressed later, so at the end every suppressed figure, primary or secondary, has a witness.
In every table this implies the familiar rule: each suppressed cell has another suppressed cell
in its row and in its column, margins included, and the withheld cells never form a pattern one
line can unlock.
When no range-consistent witness exists (a figure of k-1 hemmed in by other figures of k-1 or
by zeros), the linear witness is kept and counted in `range_weak`: guarantee (2) still holds
for that figure, (3) is then not proven (rounding, below, covers it for the viewer).

Rounding
--------
Rounding to the nearest 5 (HESA/Ofqual style; a setting, on by default for the statistics
viewer) is applied AFTER suppression to each published figure independently, totals included:
totals are computed from the unrounded data and rounded themselves, so rounded cells need not
add up to rounded totals. Every published figure is 0 or at least k >= 3, so rounding never
turns a small number into something new, and it blurs every difference an attacker takes.

What this does not claim
------------------------
The guarantee is about the published tables. An attacker reasoning over the full hidden
cross-classification of all dimensions at once (an integer programme over combinations that no
table shows) may narrow some withheld figures further; rounding widens every published figure
by 2 either way. Figures published at different times are different data: comparing last week's
table with this week's reveals what changed (rounding blurs it); the suppression pattern is
recomputed whenever the data change, never frozen.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import product
from operator import itemgetter

MIN_THRESHOLD = 3
DEFAULT_THRESHOLD = 5
ROUNDING_BASE = 5

PUBLISHED = "published"
PRIMARY = "primary"
SECONDARY = "secondary"
SECONDARY_MARK = "[c]"

PERIOD = "period"  # the pseudo-dimension of tables whose rows are the periods or months of a year


def effective_threshold(value) -> int:
	try:
		value = int(value)
	except (TypeError, ValueError):
		return DEFAULT_THRESHOLD
	return max(value, MIN_THRESHOLD)


def round_to_base(value: int, base: int = ROUNDING_BASE) -> int:
	"""Nearest multiple of `base` (0, 1, 2 -> 0; 3..7 -> 5; 8 -> 10)."""
	return ((value + base // 2) // base) * base


def primary_mark(threshold: int) -> str:
	return f"<{threshold}"


@dataclass(frozen=True)
class Witness:
	"""A change to the records that alters only suppressed figures (the certificate).

	tau: month index -> +1/-1; atoms: full value-index tuples -> +1/-1. The change is
	tau (x) atoms: in month m the count of atom a moves by tau[m] * atoms[a].
	"""

	tau: tuple[tuple[int, int], ...]
	atoms: tuple[tuple[tuple[int, ...], int], ...]
	orientation: int = 1  # +1/-1: the direction that keeps every figure in its shown range; 0: none does


@dataclass
class Figure:
	count: int
	status: str

	def shown(self, threshold: int, rounding: bool):
		"""The mark follows the value, never the reason: a withheld figure below the threshold
		(primary, or a zero withheld as a complement) shows "<k"; one of k or more, "[c]"."""
		if self.status != PUBLISHED:
			return primary_mark(threshold) if self.count < threshold else SECONDARY_MARK
		return round_to_base(self.count) if rounding else self.count

	@property
	def published(self) -> bool:
		return self.status == PUBLISHED


@dataclass
class Table:
	"""A rendered table: labels, figures, margins (all family figures)."""

	row_labels: list[str]
	column_labels: list[str]  # empty for a 1-D table
	cells: list[list[Figure]]  # [row][column]; empty rows for a 1-D table
	row_totals: list[Figure]
	column_totals: list[Figure]
	grand_total: Figure

	def figures(self) -> list[Figure]:
		out = [f for row in self.cells for f in row]
		return out + self.row_totals + self.column_totals + [self.grand_total]


@dataclass
class Family:
	"""Every figure publishable for one academic year, with its joint suppression.

	months: number of months (12 for a year); periods: tuples of month indexes partitioning
	the months (may be empty: no terms); open_months: months that can hold records (the rest
	are known to be empty); dimensions: (name, values) in a fixed order; forbidden: pairs of
	((dimension, value), (dimension, value)) that no record can have together.
	"""

	months: int
	periods: Sequence[Sequence[int]]
	open_months: Iterable[int]
	dimensions: Sequence[tuple[str, Sequence[str]]]
	threshold: int = DEFAULT_THRESHOLD
	forbidden: Iterable[tuple[tuple[str, str], tuple[str, str]]] = ()
	witnesses: list[Witness] = field(default_factory=list)

	def __post_init__(self):
		self.threshold = effective_threshold(self.threshold)
		self.dim_names = [name for name, _ in self.dimensions]
		self.domains = [list(values) for _, values in self.dimensions]
		for name, values in zip(self.dim_names, self.domains, strict=True):
			if len(values) < 2 or len(set(values)) != len(values):
				raise ValueError(f"dimension {name} needs at least two distinct values")
		self.dim_index = {name: i for i, name in enumerate(self.dim_names)}
		self.value_index = [{v: i for i, v in enumerate(values)} for values in self.domains]
		self.pairs = [(a, b) for a in range(len(self.domains)) for b in range(a + 1, len(self.domains))]
		self._forbidden = set()
		for (d1, v1), (d2, v2) in self.forbidden:
			a = (self.dim_index[d1], self.value_index[self.dim_index[d1]][v1])
			b = (self.dim_index[d2], self.value_index[self.dim_index[d2]][v2])
			self._forbidden.add(frozenset((a, b)))
		# the same pairs, looked up by either side (a pair of one dimension with itself can never
		# match an assignment, which has one value per dimension)
		self._forbidden_with: dict[tuple[int, int], set[tuple[int, int]]] = {}
		for pair in self._forbidden:
			if len(pair) == 2:
				a, b = pair
				self._forbidden_with.setdefault(a, set()).add(b)
				self._forbidden_with.setdefault(b, set()).add(a)
		self._coupled = sorted({d for pair in self._forbidden for d, _ in pair})
		self._completions: dict[tuple, dict | None] = {}
		self._build_buckets()
		self.counts = [dict() for _ in self.bucket_months]
		self._month_counts = [dict() for _ in range(self.months)]
		self.status: list[dict] = []
		self._done = False

	# ---------------------------------------------------------------- buckets
	def _build_buckets(self):
		ids: dict[frozenset, int] = {}
		self.bucket_months: list[frozenset] = []

		def bucket(months: frozenset) -> int:
			if months not in ids:
				ids[months] = len(self.bucket_months)
				self.bucket_months.append(months)
			return ids[months]

		self.month_buckets = [bucket(frozenset({m})) for m in range(self.months)]
		covered = sorted(m for p in self.periods for m in p)
		if self.periods and covered != list(range(self.months)):
			raise ValueError("periods must partition the months")
		self.period_buckets = [bucket(frozenset(p)) for p in self.periods]
		self.year_bucket = bucket(frozenset(range(self.months)))
		self.containing = [
			frozenset(b for b, ms in enumerate(self.bucket_months) if m in ms) for m in range(self.months)
		]
		self._weight = [1] * len(self.bucket_months)
		for b in self.period_buckets:
			self._weight[b] = 2
		self._weight[self.year_bucket] = 4

	# ---------------------------------------------------------------- data
	def add(self, month: int, values: Sequence[str], count: int = 1):
		"""Add `count` contacts of one month with one value on every dimension."""
		if self._done:
			raise RuntimeError("family already suppressed")
		idx = tuple(self.value_index[d][v] for d, v in enumerate(values))
		if self._atom_forbidden(dict(enumerate(idx))):
			raise ValueError(f"impossible combination {values}")
		c = self._month_counts[month]
		c[()] = c.get((), 0) + count
		for d, v in enumerate(idx):
			key = (d, v)
			c[key] = c.get(key, 0) + count
		for a, b in self.pairs:
			key = (a, idx[a], b, idx[b])
			c[key] = c.get(key, 0) + count

	def add_index_rows(self, rows: Iterable[tuple[int, tuple[int, ...], int]]):
		"""Fast path: (month, value-index tuple, count) rows, already validated by the caller.

		Rows of one contact (the most common) are counted per month and per figure key with
		Counter, in C; other rows one by one. Same counts as add()."""
		pairs = self.pairs
		dims = range(len(self.domains))
		month_counts = self._month_counts
		singles: list[list[tuple[int, ...]]] = [[] for _ in month_counts]
		for month, idx, count in rows:
			if count == 1:
				singles[month].append(idx)
				continue
			c = month_counts[month]
			c[()] = c.get((), 0) + count
			for d in dims:
				key = (d, idx[d])
				c[key] = c.get(key, 0) + count
			for a, b in pairs:
				key = (a, idx[a], b, idx[b])
				c[key] = c.get(key, 0) + count
		for month, atoms in enumerate(singles):
			if not atoms:
				continue
			c = month_counts[month]
			c[()] = c.get((), 0) + len(atoms)
			for d in dims:
				for v, n in Counter(map(itemgetter(d), atoms)).items():
					key = (d, v)
					c[key] = c.get(key, 0) + n
			for a, b in pairs:
				for (va, vb), n in Counter(map(itemgetter(a, b), atoms)).items():
					key = (a, va, b, vb)
					c[key] = c.get(key, 0) + n

	def _aggregate(self):
		for b, months in enumerate(self.bucket_months):
			if len(months) == 1:
				self.counts[b] = self._month_counts[next(iter(months))]
				continue
			total: dict = {}
			for m in sorted(months):
				for key, n in self._month_counts[m].items():
					total[key] = total.get(key, 0) + n
			self.counts[b] = total

	# ---------------------------------------------------------------- suppression
	def suppress(self) -> "Family":
		if self._done:
			return self
		self._aggregate()
		k = self.threshold
		with_records = {m for m in range(self.months) if self._month_counts[m].get((), 0)}
		self._open = frozenset(set(self.open_months) | with_records)
		self.status = [dict() for _ in self.bucket_months]
		self._covered = [set() for _ in self.bucket_months]
		self.range_weak = 0
		# Working caches (speed only, no effect on the outcome): the costs of every figure of a
		# bucket's tables and lines, kept current as figures are withheld; the directions each
		# figure may move in (fixed by the counts); per time change, the same directions combined
		# over the buckets it changes (_TimeChange).
		self._grids: dict[tuple, list[list[int]]] = {}
		self._lines: dict[tuple, list[int]] = {}
		self._masks: dict[tuple, list[list[int]]] = {}
		self._zero_cost = [2 * k * w for w in self._weight]
		self._moves = [_move_bits(v, k) for v in range(k + 2)]
		self._time_changes: dict[tuple, _TimeChange] = {}
		self._bit_indices: dict[int, list[int]] = {}
		primaries = []
		for b, counts in enumerate(self.counts):
			for key, n in counts.items():
				if 0 < n < k:
					self.status[b][key] = PRIMARY
					primaries.append((len(key), -len(self.bucket_months[b]), b, key))
		primaries.sort()
		self._patterns: dict[int, list[tuple]] = {}
		for _, _, b, key in primaries:
			if key in self._covered[b]:
				continue
			if not self._protect(b, key):
				self._withhold_everything()
				break
		self._done = True
		self._release_working_caches()
		return self

	_WORKING_CACHES = (
		"_grids", "_lines", "_masks", "_time_changes", "_bit_indices", "_patterns", "_covered", "_completions",
	)  # fmt: skip

	def _release_working_caches(self):
		"""A suppressed family is kept in memory and Redis by every reader: it keeps its figures,
		statuses and witnesses, not the search's working state (several times their size)."""
		for name in self._WORKING_CACHES:
			self.__dict__.pop(name, None)

	def _withhold_everything(self):
		"""No witness could be built (a degenerate year): publish nothing at all for it."""
		self.withheld = True
		for b, counts in enumerate(self.counts):
			for key in counts:
				self.status[b].setdefault(key, SECONDARY)

	withheld = False
	range_weak = 0  # witnesses that exist only in the linear sense (see "The guarantee", 3)

	def _cost(self, b: int, key: tuple) -> int:
		"""Information lost by withholding one more figure: its size (zeros count as 2k, since a
		zero is a weak complement), weighted by how much readers rely on the bucket (the year's
		figures most, then the terms', then the months')."""
		if key in self.status[b]:
			return 0
		n = self.counts[b].get(key, 0)
		return (n + 1) * self._weight[b] if n else self._zero_cost[b]

	def _grid(self, b: int, R: int, C: int) -> list[list[int]]:
		"""Costs of the R x C table of bucket b (rows R, columns C; either R < C or R > C), kept
		current as figures are withheld (_mark_withheld)."""
		grid = self._grids.get((b, R, C))
		if grid is None:
			if R > C:
				grid = [list(column) for column in zip(*self._grid(b, C, R), strict=True)]
			else:
				counts, status, weight = self.counts[b], self.status[b], self._weight[b]
				zero = self._zero_cost[b]
				grid = []
				for r in range(len(self.domains[R])):
					row = []
					for c in range(len(self.domains[C])):
						key = (R, r, C, c)
						n = counts.get(key, 0)
						row.append(0 if key in status else ((n + 1) * weight if n else zero))
					grid.append(row)
			self._grids[(b, R, C)] = grid
		return grid

	def _line(self, b: int, D: int) -> list[int]:
		"""Costs of the 1-D figures (D, v) of bucket b, for every value v, kept current."""
		line = self._lines.get((b, D))
		if line is None:
			line = [self._cost(b, (D, v)) for v in range(len(self.domains[D]))]
			self._lines[(b, D)] = line
		return line

	def _mask_rows(self, b: int, R: int, C: int) -> list[tuple[int, int, int]]:
		"""Directions the figures of the R x C table of bucket b (rows R, columns C) may move
		within their shown range (see _allowed), one row at a time as bit sets over the columns:
		row[1] holds the columns c whose figure (R=r, C=c) may move up, row[2] those that may
		move down (row[0] is unused, so that row[_bit(direction)] reads the right set)."""
		rows = self._masks.get((b, R, C))
		if rows is None:
			counts, moves, top = self.counts[b], self._moves, self.threshold + 1
			rows = []
			for r in range(len(self.domains[R])):
				up = down = 0
				for c in range(len(self.domains[C])):
					v = counts.get(_key2(R, r, C, c), 0)
					m = moves[v] if v <= top else 3
					if m & 1:
						up |= 1 << c
					if m & 2:
						down |= 1 << c
				rows.append((0, up, down))
			self._masks[(b, R, C)] = rows
		return rows

	def _mask(self, b: int, key: tuple) -> int:
		v = self.counts[b].get(key, 0)
		return self._moves[v] if v <= self.threshold + 1 else 3

	def _mark_withheld(self, b: int, key: tuple):
		self.status[b].setdefault(key, SECONDARY)
		self._covered[b].add(key)
		if len(key) == 4:
			R, r, C, c = key
			grid = self._grids.get((b, R, C))
			if grid is not None:
				grid[r][c] = 0
			grid = self._grids.get((b, C, R))
			if grid is not None:
				grid[c][r] = 0
		elif len(key) == 2:
			line = self._lines.get((b, key[0]))
			if line is not None:
				line[key[1]] = 0

	def _time_patterns(self, b: int) -> list[tuple["_TimeChange", tuple[int, ...]]]:
		"""Every time change that alters bucket b, as (time change, the other buckets it changes)."""
		if b not in self._patterns:
			months = self.bucket_months[b]
			out = {}
			for m in sorted(months & self._open):
				out.setdefault(self.containing[m], ((m, 1),))
				for m2 in sorted(self._open - months):
					out.setdefault(self.containing[m] ^ self.containing[m2], ((m, 1), (m2, -1)))
			patterns = []
			for changed, tau in out.items():
				tc = self._time_changes.get(tau)
				if tc is None:
					signs = {x: sum(sign for m, sign in tau if m in self.bucket_months[x]) for x in changed}
					tc = self._time_changes[tau] = _TimeChange(changed, tau, signs)
				patterns.append(tc)
			patterns.sort(key=lambda tc: (len(tc.changed), tc.buckets))
			self._patterns[b] = [(tc, tuple(x for x in tc.buckets if x != b)) for tc in patterns]
		return self._patterns[b]

	def _ranked_times(self, b: int, key: tuple, keep: int | None) -> list[tuple[int, "_TimeChange"]]:
		"""The time changes altering bucket b, cheapest first by what they withhold of `key` in the
		other buckets (ties: fewer buckets, then the lower bucket numbers)."""
		patterns = self._time_patterns(b)
		cost = [
			0 if key in status else ((n + 1) * weight if (n := counts.get(key, 0)) else zero)
			for status, counts, weight, zero in zip(
				self.status, self.counts, self._weight, self._zero_cost, strict=True
			)
		]
		scores = [sum(map(cost.__getitem__, others)) for _tc, others in patterns]
		# the patterns are sorted by (size, buckets) already, so a stable sort on the cost alone
		# gives the order of (cost, size, buckets)
		order = sorted(range(len(patterns)), key=scores.__getitem__)
		if keep is not None:
			order = order[:keep]
		return [(scores[i], patterns[i][0]) for i in order]

	def _indices(self, bits: int) -> list[int]:
		"""The positions of the set bits, in increasing order (memoised: rows repeat a lot)."""
		out = self._bit_indices.get(bits)
		if out is None:
			out = self._bit_indices[bits] = [i for i in range(bits.bit_length()) if bits >> i & 1]
		return out

	def _tc_row(self, tc: "_TimeChange", R: int, C: int, r: int) -> tuple[int, int, int]:
		"""Directions the figures (R=r, C=c) may move, combined over the buckets tc changes: as
		in _mask_rows, but row[_bit(eps)] holds the columns c whose figure may move by
		eps * sign in every bucket."""
		row = tc.rows.get((R, C, r))
		if row is None:
			along = against = -1
			for x in tc.buckets:
				_, up, down = self._mask_rows(x, R, C)[r]
				if tc.signs[x] < 0:
					up, down = down, up
				along &= up
				against &= down
			row = tc.rows[(R, C, r)] = (0, along, against)
		return row

	def _tc_line(self, tc: "_TimeChange", D: int) -> list[int]:
		"""Directions the 1-D figures (D, v) may move, combined over the buckets tc changes."""
		line = tc.lines.get(D)
		if line is None:
			line = [3] * len(self.domains[D])
			for x in tc.buckets:
				swap = tc.signs[x] < 0
				for v in range(len(line)):
					m = self._mask(x, (D, v))
					line[v] &= _SWAP[m] if swap else m
			tc.lines[D] = line
		return line

	def _tc_total(self, tc: "_TimeChange") -> int:
		if tc.total is None:
			total = 3
			for x in tc.buckets:
				m = self._mask(x, ())
				total &= _SWAP[m] if tc.signs[x] < 0 else m
			tc.total = total
		return tc.total

	# A figure may move by +1 or -1 in the witness only if its displayed range still holds:
	# below k it shows "<k" (0 to k-1), from k on it shows "[c]" (k or more).
	def _allowed(self, b: int, key: tuple, change: int) -> bool:
		v = self.counts[b].get(key, 0)
		k = self.threshold
		if change > 0:
			return v <= k - 2 or v >= k
		return 1 <= v <= k - 1 or v >= k + 1

	def _orientation(self, changes) -> int | None:
		"""+1 or -1 when the witness, taken that way, keeps every figure in its displayed range."""
		for eps in (1, -1):
			if all(self._allowed(x, key, eps * sign) for x, key, sign in changes):
				return eps
		return None

	def _protect(self, b: int, key: tuple) -> bool:
		"""Find a witness (range-consistent if one exists), then suppress what it changes.

		A cell is protected by a 2x2 interaction if possible, else by moving one record between
		two values of one of its dimensions, else by one record more or fewer; a line total by a
		move, else by a record more or fewer; a total by a record more or fewer."""
		if len(key) == 4:
			R, r1, C, c1 = key
			finders = [
				lambda t, s: self._witness_cell(b, key, t, s),
				lambda t, s: self._witness_line(b, (R, r1), t, s, fix={C: c1}),
				lambda t, s: self._witness_line(b, (C, c1), t, s, fix={R: r1}),
				lambda t, s: self._witness_total(b, key, t, s, fix={R: r1, C: c1}),
			]
		elif len(key) == 2:
			finders = [
				lambda t, s: self._witness_line(b, key, t, s),
				lambda t, s: self._witness_total(b, key, t, s, fix={key[0]: key[1]}),
			]
		else:
			finders = [lambda t, s: self._witness_total(b, key, t, s)]
		found = None
		# range-consistent first; the cheapest kind of witness first, a narrow search (a few time
		# changes) before a wide one (every time change: an interaction or a move in one month
		# often withholds far less than a record fewer there, which withholds the year's total);
		# a merely linear witness only when no range-consistent one turns up
		for strict in (True, False):
			for finder in finders:
				for thorough in (False, True):
					found = finder(thorough, strict)
					if found:
						break
				if found:
					break
			if found:
				break
		if not found:
			return False
		if not strict:
			self.range_weak += 1
		changed, keys, tau, atoms, eps = found
		for x in changed:
			for akey in keys:
				self._mark_withheld(x, akey)
		self.witnesses.append(Witness(tau=tuple(tau), atoms=tuple(atoms), orientation=eps))
		return True

	def _accept(self, strict, changes):
		eps = self._orientation(changes)
		if eps is None and strict:
			return None
		return eps or 0

	# In the finders below, a witness taken in orientation eps moves each figure (x, key) it
	# changes by eps * tc.signs[x] * (the attribute change's sign on key): it is range-consistent
	# when every such move is allowed (_allowed). The combined masks of the time change tc
	# (_tc_row, _tc_line, _tc_total) answer that for all its buckets at once: a figure's bit
	# _bit(eps) says "may move by eps * sign in every bucket", _bit(-eps) "by -eps * sign".

	# 2-D cell: the 2x2 interaction
	def _witness_cell(self, b, key, thorough, strict):
		R, r1, C, c1 = key
		n_rows, n_cols = len(self.domains[R]), len(self.domains[C])
		width = 10 if thorough else 4
		# The witness is the candidate (time change, eps, r2, c2) cheapest by (cost, size of the
		# time change, r2, c2), the first found among equals, among those whose four atoms can be
		# completed into possible records. Costs are never negative and c2s, r2s are sorted by the
		# cost they add, so the search stops along a row (or down the rows) as soon as the cost
		# already exceeds the best one: what it skips could never be chosen. `lowest` (the lowest
		# cost seen, completion or not) only decides whether the narrow search may stop early.
		best = None
		lowest = None
		# the completion of the four atoms depends on (r2, c2) only; without impossible
		# combinations it is always the same (see _completion)
		completions = {}
		anywhere = None if self._forbidden else self._completion([{R: r1, C: c1}])
		indices = self._indices
		for base, tc in self._ranked_times(b, key, None if thorough else 3):
			changed, size, tau = tc.changed, len(tc.changed), tc.tau
			grids = [self._grid(x, R, C) for x in tc.buckets]
			col = _add_lists([g[r1] for g in grids])
			row = _add_lists([self._grid(x, C, R)[c1] for x in tc.buckets])
			for eps in (1, -1) if strict else (0,):
				if eps:
					along, against = _bit(eps), _bit(-eps)
					masks = tc.rows.get((R, C, r1)) or self._tc_row(tc, R, C, r1)
					if not masks[along] >> c1 & 1:
						continue
					# the cell's row and column partners move against it, the opposite corner with it
					c2s = indices(masks[against] & ~(1 << c1))
					ok = (tc.rows.get((C, R, c1)) or self._tc_row(tc, C, R, c1))[against]
					r2s = indices(ok & ~(1 << r1))
				else:
					c2s = indices(((1 << n_cols) - 1) & ~(1 << c1))
					r2s = indices(((1 << n_rows) - 1) & ~(1 << r1))
				if not c2s:
					continue
				c2s = sorted(c2s, key=col.__getitem__)[:width]
				r2s = sorted(r2s, key=row.__getitem__)[:width]
				for r2 in r2s:
					fixed = base + row[r2]
					if best is not None and fixed + col[c2s[0]] > best[0]:
						break
					corners = [g[r2] for g in grids]
					ok = (tc.rows.get((R, C, r2)) or self._tc_row(tc, R, C, r2))[along] if eps else -1
					for c2 in c2s:
						cost = fixed + col[c2]
						if best is not None and cost > best[0]:
							break
						if not ok >> c2 & 1:
							continue
						for corner in corners:
							cost += corner[c2]
						if lowest is None or cost < lowest:
							lowest = cost
						if best is None or cost < best[0] or (cost == best[0] and (size, r2, c2) < best[1:4]):
							z = anywhere or completions.get((r2, c2), completions)
							if z is completions:
								partials = [{R: r, C: c} for r in (r1, r2) for c in (c1, c2)]
								z = completions[(r2, c2)] = self._completion(partials)
							if z is not None:
								best = (cost, size, r2, c2, changed, tau, eps, z)
			if not thorough and lowest == 0:
				break  # nothing new to withhold: no other time change can do better
		if best is None:
			return None
		_cost, _size, r2, c2, changed, tau, eps, z = best
		pattern = [((R, r1, C, c1), 1), ((R, r1, C, c2), -1), ((R, r2, C, c1), -1), ((R, r2, C, c2), 1)]
		atoms = [(self._atom({R: k4[1], C: k4[3]}, z), sign) for k4, sign in pattern]
		return changed, [k4 for k4, _sign in pattern], tau, atoms, eps

	# 1-D figure (a row or column total): one record of value r1 would have value r2 instead
	def _witness_line(self, b, key, thorough, strict, fix=None):
		R, r1 = key
		fix = fix or {}
		target = _key2(R, r1, *next(iter(fix.items()))) if fix else key
		others = [d for d in range(len(self.domains)) if d != R]
		best = None
		# the cheapest candidate wins, the first found among equals; costs are never negative and
		# time changes come cheapest first, r2s too, so the search stops once the cost so far
		# exceeds the best: nothing it skips could be chosen
		for base, tc in self._ranked_times(b, target, None if thorough else 2):
			if best is not None and base > best[0]:
				break
			buckets = tc.buckets
			line = _add_lists([self._line(x, R) for x in buckets])
			r2s = [r for r in range(len(line)) if r != r1]
			r2s = sorted(r2s, key=line.__getitem__)[: 10 if thorough else 2]
			moves = self._tc_line(tc, R) if strict else None
			# per orientation, the values of each other dimension D whose figure (R=r1, D=v) may
			# move with the record (a fixed dimension keeps its one value): bit sets, as in _tc_row
			firsts = {}
			if strict:
				for eps in (1, -1):
					along = _bit(eps)
					firsts[eps] = {
						D: self._tc_row(tc, R, D, r1)[along] & (1 << fix[D] if D in fix else -1)
						for D in others
					}
			for r2 in r2s:
				if best is not None and base + line[r2] > best[0]:
					break
				dim_costs = None
				for eps in (1, -1) if strict else (0,):
					if eps:
						along, against = _bit(eps), _bit(-eps)
						if not (moves[r1] & along and moves[r2] & against):
							continue
						# and whose figure (R=r2, D=v) may move against it: none for some D, no witness
						oks = {}
						for D, first in firsts[eps].items():
							ok = first & self._tc_row(tc, R, D, r2)[against]
							if not ok:
								break
							oks[D] = ok
						if len(oks) < len(others):
							continue
					if dim_costs is None:
						dim_costs = {}
						for D in others:
							grids = [self._grid(x, R, D) for x in buckets]
							dim_costs[D] = _add_lists([g[r1] for g in grids] + [g[r2] for g in grids])
					per_dim = {}
					for D in others:
						costs = dim_costs[D]
						values = [fix[D]] if D in fix else range(len(costs))
						if eps:
							ok = oks[D]
							values = [v for v in values if ok >> v & 1]
						per_dim[D] = {v: costs[v] for v in sorted(values, key=costs.__getitem__)[:3]}
					if any(not options for options in per_dim.values()):
						continue
					z = self._choose_z(per_dim, [{R: r1}, {R: r2}])
					if z is None:
						continue
					cost = base + line[r2] + sum(per_dim[D][z[D]] for D in others)
					if best is None or cost < best[0]:
						best = (cost, tc.changed, tc.tau, r2, z, eps)
		if best is None:
			return None
		_, changed, tau, r2, z, eps = best
		keys = [(R, r1), (R, r2)]
		for D in others:
			keys += [_key2(R, r1, D, z[D]), _key2(R, r2, D, z[D])]
		atoms = [(self._atom({R: r1}, z), 1), (self._atom({R: r2}, z), -1)]
		return changed, keys, tau, atoms, eps

	# the total of a bucket: one record more (or fewer), somewhere
	def _witness_total(self, b, key, thorough, strict, fix=None):
		dims = range(len(self.domains))
		pairs = self.pairs
		fix = fix or {}
		best = None
		# as in _witness_line, what costs more than the best so far is skipped
		for base, tc in self._ranked_times(b, key, None if thorough else 3):
			if best is not None and base > best[0]:
				break
			buckets = tc.buckets
			if key:
				# a record more or fewer also changes the total of every bucket tc changes
				base += sum(self._cost(x, ()) for x in buckets)
				if best is not None and base > best[0]:
					continue
			lines = None
			for eps in (1, -1) if strict else (0,):
				if eps:
					along = _bit(eps)
					if not self._tc_total(tc) & along:
						continue
				if lines is None:
					lines = [_add_lists([self._line(x, D) for x in buckets]) for D in dims]
				per_dim = {}
				for D in dims:
					costs = lines[D]
					values = [fix[D]] if D in fix else range(len(costs))
					if eps:
						moves = self._tc_line(tc, D)
						values = [v for v in values if moves[v] & along]
					per_dim[D] = {v: costs[v] for v in values}
				if any(not options for options in per_dim.values()):
					continue
				if (
					best is not None
					and base + sum(min(options.values()) for options in per_dim.values()) > best[0]
				):
					continue
				z = self._first_z(per_dim, thorough, tc, along if eps else 0)
				if z is None:
					continue
				cost = base + sum(per_dim[D][z[D]] for D in dims)
				cost += sum(self._grid(x, a, c)[z[a]][z[c]] for x in buckets for a, c in pairs)
				if best is None or cost < best[0]:
					keys = self._atom_keys(self._atom({}, z))
					best = (cost, tc.changed, tc.tau, z, keys, eps)
		if best is None:
			return None
		_, changed, tau, z, keys, eps = best
		return changed, keys, tau, [(self._atom({}, z), 1)], eps

	def _first_z(self, per_dim, thorough, tc, along):
		"""The first possible atom whose 2-D figures may all move in direction `along` under the
		time change tc (any possible atom when `along` is 0), or None; per_dim covers every
		dimension. The candidates, in order: the cheapest value of each dimension (_choose_z),
		then the product of the 2 (3 when thorough) cheapest values of each, in lexicographic
		order. The product is walked depth-first, so that an impossible or immovable pair of
		values rules out at once every atom containing it: the same atom as trying them in turn."""
		pairs = self.pairs

		def fits(z):
			return not along or all(self._tc_row(tc, a, c, z[a])[along] >> z[c] & 1 for a, c in pairs)

		first = self._choose_z(per_dim, [{}])
		if first is not None and fits(first):
			return first
		width = 3 if thorough else 2
		dims = sorted(per_dim)
		ranked = [sorted(per_dim[D], key=lambda v: (per_dim[D][v], v))[:width] for D in dims]
		partners = self._forbidden_with
		z = {}

		def extend(i):
			if i == len(dims):
				return True
			D = dims[i]
			for v in ranked[i]:
				others = partners.get((D, v))
				if others and any((d, z[d]) in others for d in dims[:i]):
					continue
				if along and not all(self._tc_row(tc, a, D, z[a])[along] >> v & 1 for a in dims[:i]):
					continue
				z[D] = v
				if extend(i + 1):
					return True
				del z[D]
			return False

		return z if extend(0) else None

	# ---------------------------------------------------------------- atoms and structural zeros
	def _atom_forbidden(self, assignment: dict) -> bool:
		"""Whether two of the (dimension, value) items of the assignment are a forbidden pair."""
		if not self._forbidden:
			return False
		partners = self._forbidden_with
		for item in assignment.items():
			others = partners.get(item)
			if others is not None and any(other in others for other in assignment.items()):
				return True
		return False

	def _completion(self, partials: list[dict]) -> dict | None:
		"""Values for the remaining dimensions making every partial atom possible, or None (the
		dict returned may be shared: read it, never change it)."""
		fixed = set(partials[0])
		if not self._forbidden:
			return {d: 0 for d in range(len(self.domains)) if d not in fixed}
		# only the values of dimensions in a forbidden pair matter: memoise on those
		coupled = self._coupled
		memo_key = (
			tuple(sorted(fixed)),
			tuple(tuple((d, p[d]) for d in coupled if d in p) for p in partials),
		)
		if memo_key not in self._completions:
			self._completions[memo_key] = self._complete(partials, fixed)
		return self._completions[memo_key]

	def _complete(self, partials: list[dict], fixed: set) -> dict | None:
		"""_completion, computed: the first combination of the free coupled dimensions that works."""
		for p in partials:
			if self._atom_forbidden(p):
				return None
		free_coupled = [d for d in self._coupled if d not in fixed]
		free_other = [d for d in range(len(self.domains)) if d not in fixed and d not in free_coupled]
		for combo in product(*(range(len(self.domains[d])) for d in free_coupled)):
			z = dict(zip(free_coupled, combo, strict=True))
			if all(not self._atom_forbidden({**p, **z}) for p in partials):
				z.update({d: 0 for d in free_other})
				return z
		return None

	def _choose_z(self, per_dim: dict[int, dict[int, float]], partials: list[dict]) -> dict | None:
		"""Cheapest value per dimension, keeping every atom (partial + z) possible."""
		z = {D: min(costs, key=lambda v: (costs[v], v)) for D, costs in per_dim.items()}
		if all(not self._atom_forbidden({**p, **z}) for p in partials):
			return z
		coupled = [D for D in self._coupled if D in per_dim]
		best = None
		for combo in product(*(sorted(per_dim[D], key=lambda v: (per_dim[D][v], v)) for D in coupled)):
			trial = {**z, **dict(zip(coupled, combo, strict=True))}
			if any(self._atom_forbidden({**p, **trial}) for p in partials):
				continue
			cost = sum(per_dim[D][trial[D]] for D in coupled)
			if best is None or cost < best[0]:
				best = (cost, trial)
		return best[1] if best else None

	def _atom(self, fixed: dict, z: dict) -> tuple[int, ...]:
		return tuple(map({**z, **fixed}.__getitem__, range(len(self.domains))))

	def _atom_keys(self, atom: tuple[int, ...]) -> list[tuple]:
		keys = [()] + [(d, atom[d]) for d in range(len(atom))]
		return keys + [(a, atom[a], b, atom[b]) for a, b in self.pairs]

	# ---------------------------------------------------------------- reading figures
	def figure(self, bucket: int, key: tuple) -> Figure:
		if not self._done:
			raise RuntimeError("call suppress() first")
		return Figure(self.counts[bucket].get(key, 0), self.status[bucket].get(key, PUBLISHED))

	def named_key(self, **values: str) -> tuple:
		"""The figure key for dimension values given by name, e.g. named_key(college="Clare")."""
		parts = sorted((self.dim_index[d], self.value_index[self.dim_index[d]][v]) for d, v in values.items())
		if len(parts) > 2:
			raise ValueError("figures fix at most two dimensions")
		return tuple(x for part in parts for x in part)

	def bucket_of(self, kind: str, index: int = 0) -> int:
		if kind == "year":
			return self.year_bucket
		if kind == "period":
			return self.period_buckets[index]
		return self.month_buckets[index]

	def suppressed_cells(self) -> list[tuple[int, tuple]]:
		return [(b, key) for b, st in enumerate(self.status) for key in st]

	def table(self, bucket: int, rows: str, columns: str | None = None, period_buckets=None) -> Table:
		"""A table of family figures. rows/columns are dimension names or PERIOD; for PERIOD the
		rows are `period_buckets` ((bucket, label) pairs: the periods or the months of the year)
		and `bucket` is the year, whose figures are the margins."""
		if rows == columns:
			raise ValueError("rows and columns must differ")
		if columns == PERIOD:
			return _transpose(self.table(bucket, PERIOD, rows, period_buckets))
		grand = self.figure(bucket, ())
		if rows == PERIOD:
			if bucket != self.year_bucket:
				raise ValueError("a table by period covers the whole year")
			buckets = [x for x, _ in period_buckets]
			labels = [label for _, label in period_buckets]
			row_totals = [self.figure(x, ()) for x in buckets]
			if columns is None:
				return Table(labels, [], [], row_totals, [], grand)
			C = self.dim_index[columns]
			col_values = self._shown_values(bucket, C)
			cells = [[self.figure(x, (C, c)) for c in col_values] for x in buckets]
			col_totals = [self.figure(bucket, (C, c)) for c in col_values]
			return Table(
				labels, [self.domains[C][c] for c in col_values], cells, row_totals, col_totals, grand
			)
		R = self.dim_index[rows]
		row_values = self._shown_values(bucket, R)
		row_totals = [self.figure(bucket, (R, r)) for r in row_values]
		row_labels = [self.domains[R][r] for r in row_values]
		if columns is None:
			return Table(row_labels, [], [], row_totals, [], grand)
		C = self.dim_index[columns]
		col_values = self._shown_values(bucket, C)
		cells = [[self.figure(bucket, _key2(R, r, C, c)) for c in col_values] for r in row_values]
		col_totals = [self.figure(bucket, (C, c)) for c in col_values]
		return Table(
			row_labels, [self.domains[C][c] for c in col_values], cells, row_totals, col_totals, grand
		)

	def _shown_values(self, bucket: int, dim: int) -> list[int]:
		"""Values of a dimension worth a row: all but those whose published total is zero."""
		out = []
		for v in range(len(self.domains[dim])):
			f = self.figure(bucket, (dim, v))
			if f.published and f.count == 0:
				continue
			out.append(v)
		return out


def _bit(direction: int) -> int:
	return 1 if direction > 0 else 2


def _key2(d1: int, v1: int, d2: int, v2: int) -> tuple[int, int, int, int]:
	return (d1, v1, d2, v2) if d1 < d2 else (d2, v2, d1, v1)


def _transpose(t: Table) -> Table:
	cells = [[t.cells[i][j] for i in range(len(t.row_labels))] for j in range(len(t.column_labels))]
	return Table(t.column_labels, t.row_labels, cells, t.column_totals, t.row_totals, t.grand_total)


def _move_bits(v: int, k: int) -> int:
	"""The directions a figure of value v may move within its shown range (see Family._allowed)."""
	return (1 if v <= k - 2 or v >= k else 0) | (2 if 1 <= v <= k - 1 or v >= k + 1 else 0)


_SWAP = (0, 2, 1, 3)  # the same directions, seen from a bucket the time change moves the other way


def _add_lists(lists: list[list[int]]) -> list[int]:
	"""Element-wise sum (the list itself when there is one: callers only read it)."""
	if len(lists) == 1:
		return lists[0]
	if len(lists) == 2:
		return [a + b for a, b in zip(lists[0], lists[1], strict=True)]
	return list(map(sum, zip(*lists, strict=True)))


class _TimeChange:
	"""A time change of a witness (tau: month -> +1/-1), the buckets it changes with its sign in
	each, and caches of the movement masks combined over those buckets (the counts are fixed
	during suppression, so these never go stale)."""

	__slots__ = ("changed", "tau", "signs", "buckets", "rows", "lines", "total")

	def __init__(self, changed: frozenset, tau: tuple, signs: dict):
		self.changed = changed
		self.tau = tau
		self.signs = signs
		self.buckets = sorted(changed)
		self.rows: dict[tuple[int, int, int], list[int]] = {}
		self.lines: dict[int, list[int]] = {}
		self.total: int | None = None
