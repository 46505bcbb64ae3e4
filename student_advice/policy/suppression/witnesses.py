"""The witness search: for a figure to protect, the cheapest change to the records that alters it
and no published figure (the certificate of the package's guarantee). A mixin of Family.
"""

from itertools import product

from student_advice.policy.suppression.figures import Witness, _add_lists, _bit, _key2


class WitnessSearch:
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
