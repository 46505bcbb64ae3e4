"""Small-number suppression of statistics, joint across every table and period (decision 10).

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

Proof, by certificate. For every suppressed figure the algorithm keeps a WITNESS: a change
to the underlying records (in whole numbers, touching no structurally impossible combination)
that changes that figure and changes no published figure. Two datasets that agree on every
published figure but differ on the suppressed one show that no arithmetic on published figures
can determine it. The witnesses are products of a change in time and a change in attributes:

    time:       +1 in month m                    changes m, its period and the year
                +1 in month m, -1 in month m'    changes only the buckets holding exactly one of them
                                                 (two months of one term: just those two months)
    attributes: +1 in one combination z of all   changes the total and every 1-D and 2-D figure of z
                dimensions (for a total)
                +1 at R=r1, -1 at R=r2, both with the other dimensions at z
                                                 changes (r1), (r2) and (r1, z_D), (r2, z_D) for every
                                                 other dimension D; no total, no other 1-D figure
                the 2x2 interaction +(r1,c1) -(r1,c2) -(r2,c1) +(r2,c2)
                                                 changes those four cells of the R x C tables only:
                                                 every row, column and grand total cancels

The figures such a product changes are exactly {buckets changed in time} x {figures changed
in attributes}. For each primary figure not yet covered, the algorithm picks the cheapest
witness that changes it (it prefers figures already suppressed, then small non-zero figures,
zeros last) and suppresses everything that witness changes (SECONDARY suppression). A
witness stays valid when more figures are suppressed later, so at the end every suppressed
figure, primary or secondary, has a witness. In every table this implies the familiar rule:
each suppressed cell has another suppressed cell in its row and in its column, margins
included, and the suppressed cells of a table never form a pattern one line can unlock.

Display and rounding
--------------------
Primary figures show as "<k"; secondary figures as "[c]" (withheld so that a small number
elsewhere cannot be worked out). Rounding to the nearest 5 (HESA/Ofqual style; a setting) is
applied AFTER suppression to each published figure independently, totals included: totals are
computed from the unrounded data and rounded themselves, so rounded cells need not add up to
rounded totals. Since every published figure is 0 or at least k >= 3, rounding never turns a
published small number into something new, and it blurs every difference an attacker takes.

What this does not claim
------------------------
The guarantee is about exact recovery by arithmetic. An attacker who also uses the fact that
counts cannot be negative may narrow a suppressed figure to an interval; primary figures are
already shown as the interval 1..k-1, the algorithm avoids zeros as complements, and rounding
widens every interval by 2 either way. Figures published at different times are different data:
comparing last week's table with this week's reveals what changed (rounding blurs it); the
suppression pattern is recomputed, never frozen.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import product

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


@dataclass
class Figure:
	count: int
	status: str

	def shown(self, threshold: int, rounding: bool):
		if self.status == PRIMARY:
			return primary_mark(threshold)
		if self.status == SECONDARY:
			return SECONDARY_MARK
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
		self._coupled = sorted({d for pair in self._forbidden for d, _ in pair})
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
		"""Fast path: (month, value-index tuple, count) rows, already validated by the caller."""
		pairs = self.pairs
		dims = range(len(self.domains))
		month_counts = self._month_counts
		for month, idx, count in rows:
			c = month_counts[month]
			c[()] = c.get((), 0) + count
			for d in dims:
				key = (d, idx[d])
				c[key] = c.get(key, 0) + count
			for a, b in pairs:
				key = (a, idx[a], b, idx[b])
				c[key] = c.get(key, 0) + count

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
		return self

	def _withhold_everything(self):
		"""No witness could be built (a degenerate year): publish nothing at all for it."""
		self.withheld = True
		for b, counts in enumerate(self.counts):
			for key in counts:
				self.status[b].setdefault(key, SECONDARY)

	withheld = False

	def _cost(self, b: int, key: tuple) -> float:
		"""Information lost by withholding one more figure: its size (zeros count as 2k, since a
		zero is a weak complement), weighted by how much readers rely on the bucket (the year's
		figures most, then the terms', then the months')."""
		if key in self.status[b]:
			return 0
		n = self.counts[b].get(key, 0)
		return (n + 1 if n else 2 * self.threshold) * self._weight[b]

	def _time_patterns(self, b: int) -> list[tuple[frozenset, tuple[tuple[int, int], ...]]]:
		"""Every time change that alters bucket b: (buckets changed, tau)."""
		if b not in self._patterns:
			months = self.bucket_months[b]
			out = {}
			for m in sorted(months & self._open):
				single = self.containing[m]
				out.setdefault(single, ((m, 1),))
				for m2 in sorted(self._open - months):
					changed = self.containing[m] ^ self.containing[m2]
					out.setdefault(changed, ((m, 1), (m2, -1)))
			self._patterns[b] = sorted(out.items(), key=lambda item: (len(item[0]), sorted(item[0])))
		return self._patterns[b]

	def _best_times(self, b: int, key: tuple, keep: int = 3):
		scored = []
		for changed, tau in self._time_patterns(b):
			cost = sum(self._cost(x, key) for x in changed if x != b)
			scored.append((cost, len(changed), sorted(changed), changed, tau))
		scored.sort(key=lambda s: s[:3])
		return [(s[0], s[3], s[4]) for s in scored[:keep]]

	def _protect(self, b: int, key: tuple) -> bool:
		if len(key) == 4:
			found = self._witness_cell(b, key)
		elif len(key) == 2:
			found = self._witness_line(b, key)
		else:
			found = self._witness_total(b)
		if found is None:
			return False
		changed_buckets, attribute_keys, tau, atoms = found
		for x in changed_buckets:
			status = self.status[x]
			for akey in attribute_keys:
				status.setdefault(akey, SECONDARY)
				self._covered[x].add(akey)
		self.witnesses.append(Witness(tau=tuple(tau), atoms=tuple(atoms)))
		return True

	# 2-D cell: the 2x2 interaction
	def _witness_cell(self, b, key):
		R, r1, C, c1 = key
		best = None
		for base, changed, tau in self._best_times(b, key):
			if best is not None and base >= best[0]:
				continue
			col = {
				c: sum(self._cost(x, (R, r1, C, c)) for x in changed)
				for c in range(len(self.domains[C]))
				if c != c1
			}
			row = {
				r: sum(self._cost(x, (R, r, C, c1)) for x in changed)
				for r in range(len(self.domains[R]))
				if r != r1
			}
			for r2 in sorted(row, key=lambda r: (row[r], r))[:4]:
				for c2 in sorted(col, key=lambda c: (col[c], c))[:4]:
					cost = base + row[r2] + col[c2] + sum(self._cost(x, (R, r2, C, c2)) for x in changed)
					if best is not None and cost >= best[0]:
						continue
					partials = [{R: r, C: c} for r in (r1, r2) for c in (c1, c2)]
					z = self._completion(partials)
					if z is None:
						continue
					best = (cost, changed, tau, r2, c2, z)
		if best is None:
			return None
		_, changed, tau, r2, c2, z = best
		keys = [(R, r1, C, c1), (R, r1, C, c2), (R, r2, C, c1), (R, r2, C, c2)]
		atoms = [
			(self._atom({R: r1, C: c1}, z), 1),
			(self._atom({R: r1, C: c2}, z), -1),
			(self._atom({R: r2, C: c1}, z), -1),
			(self._atom({R: r2, C: c2}, z), 1),
		]
		return changed, keys, tau, atoms

	# 1-D figure (a row or column total): swap one record between two values of R
	def _witness_line(self, b, key):
		R, r1 = key
		others = [d for d in range(len(self.domains)) if d != R]
		best = None
		for base, changed, tau in self._best_times(b, key):
			if best is not None and base >= best[0]:
				continue
			line = {
				r: sum(self._cost(x, (R, r)) for x in changed) for r in range(len(self.domains[R])) if r != r1
			}
			for r2 in sorted(line, key=lambda r: (line[r], r))[:3]:
				per_dim = {}
				for D in others:
					per_dim[D] = {
						v: sum(
							self._cost(x, _key2(R, r1, D, v)) + self._cost(x, _key2(R, r2, D, v))
							for x in changed
						)
						for v in range(len(self.domains[D]))
					}
				z = self._choose_z(per_dim, [{R: r1}, {R: r2}])
				if z is None:
					continue
				cost = base + line[r2] + sum(per_dim[D][z[D]] for D in others)
				if best is None or cost < best[0]:
					best = (cost, changed, tau, r2, z)
		if best is None:
			return None
		_, changed, tau, r2, z = best
		keys = [(R, r1), (R, r2)]
		for D in others:
			keys += [_key2(R, r1, D, z[D]), _key2(R, r2, D, z[D])]
		atoms = [(self._atom({R: r1}, z), 1), (self._atom({R: r2}, z), -1)]
		return changed, keys, tau, atoms

	# the total of a bucket: one record more, somewhere
	def _witness_total(self, b):
		dims = range(len(self.domains))
		best = None
		for base, changed, tau in self._best_times(b, ()):
			per_dim = {
				D: {v: sum(self._cost(x, (D, v)) for x in changed) for v in range(len(self.domains[D]))}
				for D in dims
			}
			z = self._choose_z(per_dim, [{}])
			if z is None:
				continue
			keys = self._atom_keys(self._atom({}, z))
			cost = base + sum(self._cost(x, k) for x in changed for k in keys if k != ())
			if best is None or cost < best[0]:
				best = (cost, changed, tau, z, keys)
		if best is None:
			return None
		_, changed, tau, z, keys = best
		return changed, keys, tau, [(self._atom({}, z), 1)]

	# ---------------------------------------------------------------- atoms and structural zeros
	def _atom_forbidden(self, assignment: dict) -> bool:
		if not self._forbidden:
			return False
		items = list(assignment.items())
		for i in range(len(items)):
			for j in range(i + 1, len(items)):
				if frozenset((items[i], items[j])) in self._forbidden:
					return True
		return False

	def _completion(self, partials: list[dict]) -> dict | None:
		"""Values for the remaining dimensions making every partial atom possible, or None."""
		fixed = set(partials[0])
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
		return tuple(fixed[d] if d in fixed else z[d] for d in range(len(self.domains)))

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


def _key2(d1: int, v1: int, d2: int, v2: int) -> tuple[int, int, int, int]:
	return (d1, v1, d2, v2) if d1 < d2 else (d2, v2, d1, v1)


def _transpose(t: Table) -> Table:
	cells = [[t.cells[i][j] for i in range(len(t.row_labels))] for j in range(len(t.column_labels))]
	return Table(t.column_labels, t.row_labels, cells, t.column_totals, t.row_totals, t.grand_total)
