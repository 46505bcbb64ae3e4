"""Family: every figure publishable for one academic year, and its joint suppression."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from student_advice.policy.suppression.figures import (
	DEFAULT_THRESHOLD,
	PERIOD,
	PRIMARY,
	PUBLISHED,
	SECONDARY,
	Figure,
	Table,
	Witness,
	_key2,
	_move_bits,
	_TimeChange,
	_transpose,
	effective_threshold,
)
from student_advice.policy.suppression.movements import Movements
from student_advice.policy.suppression.witnesses import WitnessSearch


@dataclass
class Family(Movements, WitnessSearch):
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
