"""How the figures of a family may move: costs, grids, movement masks and time changes.

A mixin of Family (family.py): it reads the family's counts and marks and never changes them.
"""

from student_advice.policy.suppression.figures import _SWAP, SECONDARY, _key2, _TimeChange


class Movements:
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
