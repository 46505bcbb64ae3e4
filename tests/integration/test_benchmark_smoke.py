"""The scale benchmark in its smoke mode (tiny data, one run of every figure), so that it cannot rot.

It runs as the benchmark runs, a script with the bench's Python from sites/, against two sites of its
own made here when missing and kept between runs (never the test sites): one with the app, which
the smoke fills with a tiny bulk demo once, and one without it, the rest of the desk's baseline.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "scale_benchmark.py"
SERVICE_SITE = "student-advice-smoke.localhost"
PLAIN_SITE = "student-advice-plain.localhost"

# Every figure issue 15 asks for; a figure the script stops printing fails this test.
EXPECTED = [
	*(
		f"{who}: case list, {route}, {variant}"
		for who in ("officer", "officer with a conflict")
		for route in ("get_list", "GET /api/resource/Case")
		for variant in ("first page", "status Open")
	),
	"officer: case form (getdoc with its docinfo and timeline)",
	"officer: student link search by name",
	"manager: Casework Access Audit, one month",
	"non-member: Note list (GET /api/resource/Note)",
	"non-member: frappe.desk.reportview.get on Note",
	"non-member: User list (GET /api/resource/User)",
	"non-member: User link search",
	"case list over HTTP, 8 officer sessions",
]
FIGURE = re.compile(
	r"^FIGURE (?P<section>[^|]+) \| (?P<name>[^|]+) \| (?P<value>[\d.]+) (?:ms|req/s) \| .* \| (?P<ratio>[\d.]+|inf)x \|"
)


def _bench(*args, check=True):
	command = [sys.executable, "-m", "frappe.utils.bench_helper", "frappe", *args]
	return subprocess.run(command, cwd=os.getcwd(), capture_output=True, text=True, check=check, timeout=1200)


def _site(name, with_app):
	if not (Path(os.getcwd()) / name / "site_config.json").exists():
		root_user = os.environ.get("FRAPPE_DB_ROOT_USER", "root")
		root_password = os.environ.get("FRAPPE_DB_ROOT_PASSWORD", "root")
		_bench("new-site", name, "--db-root-username", root_user, "--db-root-password", root_password,
		       "--admin-password", "admin", *(["--install-app", "student_advice"] if with_app else []), "--force")  # fmt: skip
	elif with_app:
		_bench("--site", name, "migrate")


@pytest.fixture(scope="module")
def smoke_sites():
	_site(SERVICE_SITE, with_app=True)
	_site(PLAIN_SITE, with_app=False)
	return SERVICE_SITE, PLAIN_SITE


def test_the_scale_benchmark_prints_every_figure(smoke_sites, tmp_path):
	service, plain = smoke_sites
	out = tmp_path / "figures.md"
	result = subprocess.run(
		[sys.executable, str(SCRIPT), "--smoke", "--site", service, "--plain-site", plain, "--port", "0",
		 "--out", str(out)],
		cwd=os.getcwd(), capture_output=True, text=True, timeout=1200,
	)  # fmt: skip
	assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
	figures = [m.groupdict() for m in map(FIGURE.match, result.stdout.splitlines()) if m]
	names = [figure["name"] for figure in figures]
	assert sorted(set(names) - {n for n in names if n.startswith("Advice Statistics")}) == sorted(EXPECTED)
	assert any(name.startswith("Advice Statistics (warm)") for name in names)  # the statistics beside it
	assert all(float(figure["value"]) > 0 and figure["ratio"] != "inf" for figure in figures)
	written = out.read_text()
	assert "Machine:" in written and all(name in written for name in EXPECTED)


COST = re.compile(
	r"^(?P<section>DESK|OFFICERS) (?P<name>.+?) \(against [^)]+\): sql (?P<sql>[\d.]+) \(baseline (?P<base_sql>[\d.]+)\), "
	r"redis (?P<redis>[\d.]+) \(baseline [\d.]+\), cpu (?P<cpu>[\d.]+) ms \(baseline (?P<base_cpu>[\d.]+) ms"
)


def test_the_request_cost_script_counts_every_request(smoke_sites, tmp_path):
	"""benchmarks/request_cost.py: queries, Redis commands and CPU time per request, for the rest of
	the desk against the site without the app and for officers against the hooks bypassed."""
	service, plain = smoke_sites
	out = tmp_path / "cost.json"
	result = subprocess.run(
		[sys.executable, str(ROOT / "benchmarks" / "request_cost.py"), "--smoke", "--site", service,
		 "--plain-site", plain, "--out", str(out)],
		cwd=os.getcwd(), capture_output=True, text=True, timeout=1200,
	)  # fmt: skip
	assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
	rows = [m.groupdict() for m in map(COST.match, result.stdout.splitlines()) if m]
	names = {(row["section"], row["name"]) for row in rows}
	assert names == {
		*(("DESK", f"non-member: {name}") for name in (
			"Note list (GET /api/resource/Note)", "frappe.desk.reportview.get on Note",
			"User list (GET /api/resource/User)", "User link search")),
		*(("OFFICERS", f"{who}: case list, GET /api/resource/Case, {variant}")
		  for who in ("officer", "officer with a conflict") for variant in ("first page", "status Open")),
	}  # fmt: skip
	assert all(float(row["sql"]) > 0 and float(row["cpu"]) > 0 and float(row["base_cpu"]) > 0 for row in rows)
	# the rest of the desk sends the site without the app's queries, not one more
	assert all(row["sql"] == row["base_sql"] for row in rows if row["section"] == "DESK"), rows
	written = json.loads(out.read_text())
	assert set(written["desk"]) and set(written["officers"])
