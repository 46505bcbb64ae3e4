"""When an earlier snapshot of the statistics may stand in for the current figures."""

from student_advice.policy.freshness import MAX_STALE_SECONDS, may_serve_earlier

NOW = 1_800_000_000.0


def serve(**overrides):
	args = {"read_at": NOW - 5, "changed_at": NOW - 2, "now": NOW, "own_writes": 0}
	args.update(overrides)
	return may_serve_earlier(**args)


def test_a_change_committed_after_the_snapshot_was_read_lets_readers_see_the_snapshot():
	assert serve() is True


def test_a_transaction_that_wrote_sees_its_own_writes():
	assert serve(own_writes=1) is False


def test_no_snapshot_or_no_announced_change_means_computing_now():
	assert serve(read_at=None) is False
	assert serve(changed_at=None) is False


def test_data_changed_behind_the_hooks_back_is_never_left_to_a_refresh():
	# the last announced change is older than the snapshot: the difference was not announced
	assert serve(changed_at=NOW - 10) is False


def test_a_change_at_the_very_moment_of_reading_counts_as_newer():
	assert serve(changed_at=NOW - 5) is True


def test_an_old_snapshot_is_not_served_when_the_refresh_never_came():
	assert serve(read_at=NOW - MAX_STALE_SECONDS, changed_at=NOW - 1) is True
	assert serve(read_at=NOW - MAX_STALE_SECONDS - 1, changed_at=NOW - 1) is False
	assert serve(read_at=NOW - 30, changed_at=NOW - 1, max_stale=10) is False


def test_a_snapshot_from_the_future_is_not_trusted():
	# clocks of two machines disagree: never serve a snapshot claiming to be read after now
	assert serve(read_at=NOW + 60, changed_at=NOW + 61) is False
