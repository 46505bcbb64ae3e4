"""Thresholds, marks and rounding; the figures, tables and witnesses of a family; time changes."""

from dataclasses import dataclass

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
