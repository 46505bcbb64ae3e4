from student_advice.policy import access
from student_advice.policy.roles import ADMINISTRATOR, MANAGER, OFFICER, STATISTICS_VIEWER


def quote(value):
	return "'" + value.replace("'", "''") + "'"


def test_only_service_roles_may_access():
	assert access.may_access([OFFICER], [], "s1")
	assert access.may_access([MANAGER], [], "s1")
	assert access.may_access([ADMINISTRATOR], [], "s1")
	for outsider in (
		[],
		["System Manager"],
		["Website Manager", "Report Manager"],
		[STATISTICS_VIEWER],
		["Guest"],
	):
		assert not access.may_access(outsider, [], "s1")
		assert not access.may_access(outsider, [], None)


def test_conflict_denies_only_that_students_records():
	assert not access.may_access([OFFICER], ["s1"], "s1")
	assert access.may_access([OFFICER], ["s1"], "s2")
	assert access.may_access([OFFICER], ["s1"], None)


def test_query_condition_denies_outsiders_with_a_real_condition():
	# An empty string would remove Frappe's restriction: outsiders must get a condition that is false.
	for outsider in ([], ["System Manager"], [STATISTICS_VIEWER]):
		assert access.query_condition(outsider, [], "`tabCase`.`student`", quote) == access.DENY_ALL


def test_query_condition_for_members():
	assert access.query_condition([OFFICER], [], "`tabCase`.`student`", quote) == ""
	condition = access.query_condition([OFFICER], ["b", "a'x"], "`tabCase`.`student`", quote)
	assert condition == "(ifnull(`tabCase`.`student`, '') not in ('a''x', 'b'))"


def test_both_renderings_agree(tmp_path):
	"""The SQL rendering selects exactly the rows the per-record predicate allows."""
	import sqlite3

	students = ["s1", "s2", "s3", None]
	db = sqlite3.connect(tmp_path / "t.db")
	db.execute("create table t (student text)")
	db.executemany("insert into t values (?)", [(s,) for s in students])
	for roles, conflicts in (
		([OFFICER], []),
		([OFFICER], ["s2"]),
		(["System Manager"], []),
		([MANAGER], ["s1", "s3"]),
	):
		condition = access.query_condition(roles, conflicts, "student", quote) or "1=1"
		rows = {
			r[0] for r in db.execute(f"select student from t where {condition.replace('ifnull', 'ifnull')}")
		}
		assert rows == {s for s in students if access.may_access(roles, conflicts, s)}
