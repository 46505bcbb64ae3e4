"""When a statistics reader may be shown the figures computed before the latest change.

Suppressing a year jointly means reading all of its contacts and searching complements: far
more work than the plain count a reader asks for. So the year is computed in the background
(statistics/cache.py refresh) after every committed change, and a reader who arrives before that job has
finished is shown the year as it was computed just before the change: a complete, jointly
suppressed snapshot of committed data, as if the report had been opened a moment earlier.

That is safe because every snapshot is a publication the suppression already allows: it is the
same data a reader could have seen seconds before. It is only allowed when all of these hold,
otherwise the reader computes the current figures while they wait:
- the reader's own transaction has written nothing (a transaction always sees its own writes);
- a change has been committed since the snapshot's data were read (the difference is a change
  the refresh job was told about, not data changed behind the hooks' back, which nobody would
  ever refresh);
- the snapshot's data were read at most `max_stale` seconds ago (a stopped worker never leaves
  readers with old figures for long).
"""

MAX_STALE_SECONDS = 600


def may_serve_earlier(
	*,
	read_at: float | None,
	changed_at: float | None,
	now: float,
	own_writes: int,
	max_stale: float = MAX_STALE_SECONDS,
) -> bool:
	"""True when the snapshot whose data were read at `read_at` may stand in for the current figures.

	changed_at: when the latest change to the data the statistics read was committed (None: no
	change announced). Times are seconds since the epoch."""
	if own_writes or read_at is None or changed_at is None:
		return False
	if changed_at < read_at:
		return False
	return 0 <= now - read_at <= max_stale
