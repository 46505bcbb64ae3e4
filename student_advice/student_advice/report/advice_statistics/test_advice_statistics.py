"""The report's rendering of a table of family figures (collected by tests/integration/test_reports.py)."""

from student_advice.policy.suppression import PRIMARY, PUBLISHED, SECONDARY, SECONDARY_MARK, Figure, Table
from student_advice.student_advice.report.advice_statistics import advice_statistics as report


def spec(rows="by_college", columns=None, threshold=5):
	return {
		"settings": {"threshold": threshold},
		"rows": rows,
		"columns": columns,
		"period_type": "academic_year",
		"bucket_label": "2015-16",
	}


def table(columns=False):
	rows = [Figure(12, PUBLISHED), Figure(3, PRIMARY), Figure(7, SECONDARY)]
	cells = [[Figure(6, PUBLISHED), Figure(6, PUBLISHED)], [Figure(2, PRIMARY), Figure(1, PRIMARY)], [
		Figure(6, SECONDARY), Figure(1, SECONDARY)]] if columns else []  # fmt: skip
	return Table(
		["Trinity", "Girton", "King's"],
		["Phone", "Email"] if columns else [],
		cells,
		rows,
		[Figure(12, PUBLISHED), Figure(10, PUBLISHED)] if columns else [],
		Figure(22, PUBLISHED),
	)


def test_one_dimension_lists_each_row_and_a_bold_total_with_withheld_figures_marked():
	columns = report.get_columns(spec(), table())
	assert [c["fieldname"] for c in columns] == ["label", "total"]
	data = report.get_data(spec(), table(), rounding=False)
	assert [(r["label"], r["total"]) for r in data] == [
		("Trinity", 12),
		("Girton", "<5"),
		("King's", SECONDARY_MARK),
		("Total", 22),
	]
	assert data[-1]["bold"] == 1 and "bold" not in data[0]


def test_two_dimensions_add_a_column_per_value_and_their_totals():
	columns = report.get_columns(spec(columns="by_channel"), table(columns=True))
	assert [c["fieldname"] for c in columns] == ["label", "c0", "c1", "total"]
	data = report.get_data(spec(columns="by_channel"), table(columns=True), rounding=True)
	assert data[0] == {"label": "Trinity", "total": 10, "c0": 5, "c1": 5}  # rounded to the nearest 5
	# the mark follows the value, never the reason: a withheld 1 shows "<5", a withheld 6 "[c]"
	assert data[1]["c0"] == "<5" and data[2]["c0"] == SECONDARY_MARK and data[2]["c1"] == "<5"
	assert data[-1] == {"label": "Total", "total": 20, "bold": 1, "c0": 10, "c1": 10}


def test_the_chart_draws_published_row_totals_only_and_the_summary_names_the_period():
	chart = report.get_chart_data(spec(), table(), rounding=False)
	assert chart["data"]["labels"] == ["Trinity"]
	assert chart["data"]["datasets"][0]["values"] == [12]
	withheld = Table(["Girton"], [], [], [Figure(3, PRIMARY)], [], Figure(3, PRIMARY))
	assert report.get_chart_data(spec(), withheld, rounding=False) is None
	summary = report.get_summary(spec(), table(), rounding=True)
	assert [s["value"] for s in summary] == ["2015-16", 20]


def test_the_legend_says_what_the_marks_mean_and_whether_figures_are_rounded():
	rounded, exact = report.get_message(5, True), report.get_message(5, False)
	assert "&lt;5: fewer than 5 contacts." in rounded and "[c]" in rounded
	assert "rounded to the nearest 5" in rounded and "rounded" not in exact
