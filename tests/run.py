#!/usr/bin/env python3
"""The project's one test command: ruff, the unit tier, then the integration tiers.

    python3 tests/run.py            # everything
    python3 tests/run.py --unit     # ruff and the unit tier only
    python3 tests/run.py --frappe-tests  # ruff, unit, then Frappe's own test modules with and without the app

It uses a Frappe bench that already exists (FRAPPE_BENCH_PATH, default ~/frappe-bench) and
never builds one. With no bench it says so in one line and still runs the unit tier. With
a bench it starts MariaDB and the bench's Redis when they do not answer, links this
checkout into the bench as apps/student_advice (putting any previous link back at the
end), installs it editable into the bench's Python, makes the test sites, runs the
in-process tier and then the HTTP tier against a served site with a worker, and records
the run in <bench>/logs/student_advice-last-run.json.
"""

import argparse
import contextlib
import datetime
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import runner_plan  # noqa: E402  (pure: the unit tier tests its decisions)

APP = "student_advice"
TEST_SITE = "student-advice-test.localhost"
HTTP_SITE = "student-advice-http.localhost"
# The same bench without the app, served by the same gunicorn: the HTTP tier compares the rest of the desk
# on both (issue 11). Reused when it opens, migrated every run; lifecycle steps never touch it.
PLAIN_SITE = "student-advice-plain.localhost"
# --frappe-tests: Frappe's own test modules on a site with the app and on one without (made afresh).
FRAPPE_TEST_SITES = {
	"with": "frappe-tests-with-app.localhost",
	"without": "frappe-tests-without-app.localhost",
}
HTTP_PORT = int(os.environ.get("STUDENT_ADVICE_HTTP_PORT", "8765"))
DB_ROOT_USER = os.environ.get("FRAPPE_DB_ROOT_USER", "root")
DB_ROOT_PASSWORD = os.environ.get("FRAPPE_DB_ROOT_PASSWORD", "root")
CHROMIUM = os.environ.get("STUDENT_ADVICE_CHROMIUM", "/usr/bin/chromium")
SUMMARY = re.compile(r"^=+ (.*(passed|failed|error|skipped|no tests ran).*) =+$", re.MULTILINE)


def say(text: str) -> None:
	print(f"\n== {text}", flush=True)


def run(cmd, cwd=None, env=None, capture=False, check=False, quiet=False) -> subprocess.CompletedProcess:
	print("$ " + " ".join(str(c) for c in cmd), flush=True)
	result = subprocess.run(
		[str(c) for c in cmd],
		cwd=cwd,
		env=env,
		text=True,
		stdout=subprocess.PIPE if capture else None,
		stderr=subprocess.STDOUT if capture else None,
	)
	if capture and result.stdout and not quiet:
		print(result.stdout, end="", flush=True)
	if check and result.returncode != 0:
		raise SystemExit(f"command failed ({result.returncode}): {' '.join(str(c) for c in cmd)}")
	return result


def ensure_module(python: str, module: str, package: str) -> None:
	if subprocess.run([python, "-c", f"import {module}"], capture_output=True).returncode != 0:
		run([python, "-m", "pip", "install", "--quiet", package], check=True)


def pytest_tier(python: str, args: list, cwd=None, env=None, selected=False) -> tuple[bool, str]:
	result = run([python, "-m", "pytest", *args], cwd=cwd, env=env, capture=True)
	found = SUMMARY.findall(result.stdout or "")
	summary = found[-1][0] if found else f"pytest exited {result.returncode}"
	# Exit 5 is "no tests collected": a tier that ran nothing has not passed, unless -k selected elsewhere.
	return runner_plan.tier_outcome(result.returncode, summary, selected)


# --- services ---------------------------------------------------------------------------


def port_open(host: str, port: int) -> bool:
	with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
		return True
	return False


def wait_for(host: str, port: int, seconds: float = 60) -> bool:
	deadline = time.time() + seconds
	while time.time() < deadline:
		if port_open(host, port):
			return True
		time.sleep(0.5)
	return False


def ensure_mariadb() -> None:
	if port_open("127.0.0.1", 3306):
		return
	say("starting MariaDB")
	run(["start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd"])
	if not wait_for("127.0.0.1", 3306):
		raise SystemExit("MariaDB did not start")


def ensure_redis(bench: Path) -> None:
	config = json.loads((bench / "sites" / "common_site_config.json").read_text())
	for key in ("redis_cache", "redis_queue"):
		url = urlparse(config.get(key, ""))
		if not url.port or port_open(url.hostname or "127.0.0.1", url.port):
			continue
		say(f"starting the bench's {key} on port {url.port}")
		conf = bench / "config" / f"{key}.conf"
		args = [conf] if conf.exists() else ["--port", url.port]
		run(["redis-server", *args, "--bind", "127.0.0.1", "--daemonize", "yes"], cwd=bench)
		if not wait_for("127.0.0.1", url.port, 20):
			raise SystemExit(f"Redis {key} did not start")


# --- the bench --------------------------------------------------------------------------


class Bench:
	def __init__(self, path: Path):
		self.path = path
		self.sites = path / "sites"
		self.python = str(path / "env" / "bin" / "python")
		self.link = path / "apps" / APP
		self.previous_link = None

	def frappe(self, *args, site=None, check=True, capture=False, quiet=False):
		"""A Frappe CLI command; `quiet` keeps its progress bars in logs/student_advice-setup.log."""
		cmd = [self.python, "-m", "frappe.utils.bench_helper", "frappe"]
		if site:
			cmd += ["--site", site]
		if not quiet:
			return run([*cmd, *args], cwd=self.sites, check=check, capture=capture)
		result = run([*cmd, *args], cwd=self.sites, capture=True, quiet=True)
		with open(self.path / "logs" / "student_advice-setup.log", "a") as log:
			log.write(result.stdout or "")
		if check and result.returncode != 0:
			print((result.stdout or "")[-4000:], flush=True)
			raise SystemExit(f"command failed ({result.returncode}): {' '.join(str(c) for c in args)}")
		return result

	def link_checkout(self) -> None:
		if self.link.is_symlink():
			self.previous_link = os.readlink(self.link)
			self.link.unlink()
		elif self.link.exists():
			backup = self.link.with_name(f"{APP}.before-tests")
			shutil.rmtree(backup, ignore_errors=True)
			self.link.rename(backup)
			self.previous_link = str(backup)
		self.link.symlink_to(ROOT)
		run(
			[self.python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", ROOT],
			check=True,
			capture=True,
			quiet=True,
		)
		ensure_module(self.python, "pytest", "pytest")
		if Path(CHROMIUM).exists():  # the browser flows drive Debian's Chromium; never a browser download
			ensure_module(self.python, "playwright", "playwright")
		if not shutil.which("wkhtmltopdf"):  # Frappe renders every PDF with it; the PDF tests will fail
			say("wkhtmltopdf is missing: the PDF tests will fail (apt-get install wkhtmltopdf)")
		# what `bench build` links for an app: the desk loads desk_search.js from /assets (hooks.py)
		assets = self.sites / "assets" / APP
		if not (assets.is_symlink() and assets.resolve() == (ROOT / APP / "public").resolve()):
			if assets.is_symlink() or assets.is_file():
				assets.unlink()
			elif assets.exists():
				shutil.rmtree(assets)
			assets.parent.mkdir(parents=True, exist_ok=True)
			assets.symlink_to(self.link / APP / "public")
		apps_txt = self.sites / "apps.txt"
		apps = apps_txt.read_text().split()
		if APP not in apps:
			apps_txt.write_text("\n".join([*apps, APP]) + "\n")

	def restore_link(self) -> None:
		if self.previous_link is None or os.readlink(self.link) == self.previous_link:
			return
		self.link.unlink()
		if self.previous_link.endswith(".before-tests"):
			Path(self.previous_link).rename(self.link)
		else:
			self.link.symlink_to(self.previous_link)

	def probe(self, sites: list[str]) -> runner_plan.Findings:
		"""What the plan is made from: built assets, the root login, the state of each test site."""
		result = run(
			[self.python, ROOT / "tests" / "bench_probe.py", *sites], cwd=self.sites, capture=True, quiet=True
		)
		if result.returncode != 0:
			print((result.stdout or "")[-3000:], flush=True)
			raise SystemExit("could not probe the bench (tests/bench_probe.py)")
		found = json.loads(result.stdout.strip().splitlines()[-1])
		return runner_plan.Findings(
			assets_built=(self.sites / "assets" / "assets.json").exists(),
			apps_with_bundles=(APP,) if any((ROOT / APP / "public").rglob("*.bundle.*")) else (),
			root_user=DB_ROOT_USER,
			db_host=found["db_host"],
			db_port=found["db_port"],
			root_error=found["root_error"],
			sites=found["sites"],
			fresh_sites=(HTTP_SITE,),
		)

	def frappe_version(self) -> dict:
		source = (self.path / "apps" / "frappe" / "frappe" / "__init__.py").read_text()
		version = re.search(r"^__version__ = \"([^\"]+)\"", source, re.MULTILINE)
		commit = subprocess.run(
			["git", "rev-parse", "HEAD"], cwd=self.path / "apps" / "frappe", capture_output=True, text=True
		).stdout.strip()
		return {"version": version.group(1) if version else None, "commit": commit or None}

	def build_assets(self, apps) -> None:
		for app in apps:
			self.frappe("build", "--app", app, quiet=True)

	def make_site(self, site: str, action: str) -> None:
		"""Create a test site, or drop what is left of it first (runner_plan decides which)."""
		if action == runner_plan.RECREATE:
			self.drop_site(site)
		self.new_site(site)

	def new_site(self, site: str, with_app: bool = True) -> None:
		self.frappe(
			"new-site", site,
			"--db-root-username", DB_ROOT_USER, "--db-root-password", DB_ROOT_PASSWORD,
			"--admin-password", "admin", *(("--install-app", APP) if with_app else ()), "--force", quiet=True,
		)  # fmt: skip
		self.frappe("set-config", "allow_tests", "True", "--parse", site=site)
		# Frappe refuses more than 60 new users an hour; every run makes its personas afresh.
		self.frappe("set-config", "throttle_user_limit", "100000", "--parse", site=site)

	def drop_site(self, site: str) -> None:
		dropped = self.frappe(
			"drop-site", site, "--db-root-username", DB_ROOT_USER,
			"--db-root-password", DB_ROOT_PASSWORD, "--force", "--no-backup", quiet=True, check=False,
		)  # fmt: skip
		if dropped.returncode != 0 and (self.sites / site).exists():
			# drop-site opens the site first, which an interrupted new-site left unopenable: move the
			# folder aside; new-site --force then drops the database and user of the same name.
			archive = self.path / "archived" / "sites"
			archive.mkdir(parents=True, exist_ok=True)
			(self.sites / site).rename(archive / f"{site}-{int(time.time())}")

	def prepare_test_site(self, action: str) -> None:
		if action != runner_plan.KEEP:
			self.make_site(TEST_SITE, action)
		self.frappe("set-config", "throttle_user_limit", "100000", "--parse", site=TEST_SITE)
		installed = self.frappe("list-apps", site=TEST_SITE, capture=True).stdout or ""
		if APP not in installed:
			self.frappe("install-app", APP, site=TEST_SITE, quiet=True)
		self.frappe("migrate", site=TEST_SITE, quiet=True)

	def prepare_plain_site(self, action: str) -> None:
		if action == runner_plan.KEEP:
			installed = self.frappe("list-apps", site=PLAIN_SITE, capture=True, quiet=True).stdout or ""
			action = runner_plan.plain_site_action(action, APP in installed)
			if action != runner_plan.KEEP:
				say(f"{PLAIN_SITE}: {APP} is installed on it: dropping and recreating it without the app")
		if action != runner_plan.KEEP:
			if action == runner_plan.RECREATE:
				self.drop_site(PLAIN_SITE)
			self.new_site(PLAIN_SITE, with_app=False)
		else:
			self.frappe("set-config", "allow_tests", "True", "--parse", site=PLAIN_SITE)
			self.frappe("set-config", "throttle_user_limit", "100000", "--parse", site=PLAIN_SITE)
		self.frappe("migrate", site=PLAIN_SITE, quiet=True)

	def pytest_tier(self, tier: str, site: str, selector: list, env: dict | None = None) -> tuple[bool, str]:
		"""One integration tier (tests/<tier>) with the bench's Python from sites/."""
		return pytest_tier(
			self.python,
			["-p", "no:cacheprovider", "-c", ROOT / "tests" / tier / "pytest.ini",
			 "--rootdir", ROOT, *selector, ROOT / "tests" / tier],
			cwd=self.sites, env={**os.environ, "STUDENT_ADVICE_SITE": site, **(env or {})}, selected=bool(selector),
		)  # fmt: skip

	def lifecycle(self, command: str, site: str):
		result = run(
			[self.python, ROOT / "tests" / "lifecycle.py", command, site],
			cwd=self.sites,
			capture=True,
			quiet=True,
		)
		if result.returncode != 0:
			print(result.stdout[-3000:], flush=True)
			return None
		return json.loads(result.stdout.strip().splitlines()[-1])

	def migrate_changes_nothing(self, site: str) -> str:
		before = self.lifecycle("snapshot", site)
		self.frappe("migrate", site=site, quiet=True)
		after = self.lifecycle("snapshot", site)
		if before is None or after is None:
			return "failed: could not take a snapshot"
		changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
		print("changed by the second migrate: " + (", ".join(changed) or "nothing"), flush=True)
		return "passed" if not changed else "failed: changed " + ", ".join(changed)

	def uninstall_leaves_nothing(self, site: str) -> str:
		self.frappe(
			"uninstall-app", APP, "--yes", "--no-backup", "--force", site=site, quiet=True, check=False
		)
		left = self.lifecycle("leftovers", site)
		print(f"left behind after uninstall-app: {left}", flush=True)
		if left is None:
			return "failed: could not check"
		return "passed" if not left else "failed: left " + ", ".join(left)


@contextlib.contextmanager
def served(bench: Bench):
	"""gunicorn on 127.0.0.1 and an RQ worker for the HTTP site, stopped at the end."""
	logs = bench.path / "logs"
	web_log = open(logs / "student_advice-http-web.log", "w")
	worker_log = open(logs / "student_advice-http-worker.log", "w")
	web = subprocess.Popen(
		[bench.python, "-m", "gunicorn", "-b", f"127.0.0.1:{HTTP_PORT}", "-w", "2", "-t", "120",
		 "frappe.app:application_with_statics()", "--preload"],
		cwd=bench.sites, stdout=web_log, stderr=subprocess.STDOUT,
	)  # fmt: skip
	worker = subprocess.Popen(
		[bench.python, "-m", "frappe.utils.bench_helper", "frappe", "worker", "--queue", "short,default,long"],
		cwd=bench.sites, stdout=worker_log, stderr=subprocess.STDOUT,
	)  # fmt: skip
	try:
		if not wait_for("127.0.0.1", HTTP_PORT, 60):
			raise SystemExit("gunicorn did not start; see logs/student_advice-http-web.log")
		yield f"http://127.0.0.1:{HTTP_PORT}"
	finally:
		for process in (web, worker):
			process.terminate()
			with contextlib.suppress(subprocess.TimeoutExpired):
				process.wait(20)
			if process.poll() is None:
				process.kill()


# --- the command ------------------------------------------------------------------------


def git(*args) -> str:
	result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
	return result.stdout.strip()


def main() -> int:
	parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	parser.add_argument("--unit", action="store_true", help="ruff and the unit tier only")
	parser.add_argument("-k", help="only integration tests matching this expression")
	parser.add_argument(
		"--frappe-tests",
		action="store_true",
		help="instead of the app's integration tiers: Frappe's own test modules (permissions, client, db_query,"
		" search, assign, listview, reportview, api, global search) on a site with the app and on one"
		" without, compared test by test (slow: tens of minutes)",
	)
	options = parser.parse_args()
	record = {
		"commit": git("rev-parse", "HEAD"),
		"clean_tree": git("status", "--porcelain") == "",
		"started": datetime.datetime.now(datetime.timezone.utc).isoformat(),
		"tiers": {},
	}
	ok = True

	say("ruff")
	ensure_module(sys.executable, "ruff", "ruff")
	lint = run([sys.executable, "-m", "ruff", "check", ROOT], cwd=ROOT).returncode == 0
	fmt = run([sys.executable, "-m", "ruff", "format", "--check", ROOT], cwd=ROOT).returncode == 0
	record["tiers"]["ruff"] = "passed" if lint and fmt else "failed"
	ok &= lint and fmt

	say("unit tier")
	ensure_module(sys.executable, "pytest", "pytest")
	passed, summary = pytest_tier(
		sys.executable, ["-p", "no:cacheprovider", ROOT / "tests" / "unit"], cwd=ROOT
	)
	record["tiers"]["unit"] = summary
	ok &= passed

	bench_path = Path(os.environ.get("FRAPPE_BENCH_PATH", Path.home() / "frappe-bench")).expanduser()
	if options.unit and not options.frappe_tests:
		reason = "skipped: --unit was given"
		record["tiers"]["integration"] = record["tiers"]["http"] = reason
	elif (
		not (bench_path / "apps" / "frappe").is_dir() or not (bench_path / "env" / "bin" / "python").exists()
	):
		reason = f"skipped: no Frappe bench at {bench_path} (set FRAPPE_BENCH_PATH)"
		print(f"\nIntegration tier {reason}.", flush=True)
		record["tiers"]["integration"] = record["tiers"]["http"] = reason
	elif options.frappe_tests:
		ok &= run_frappe_tests(Bench(bench_path), record)
	else:
		bench = Bench(bench_path)
		ok &= run_integration(bench, record, options)

	record["finished"] = datetime.datetime.now(datetime.timezone.utc).isoformat()
	record["result"] = "passed" if ok else "failed"
	if bench_path.is_dir() and (bench_path / "logs").is_dir():
		(bench_path / "logs" / "student_advice-last-run.json").write_text(json.dumps(record, indent=1) + "\n")
	say("summary")
	for tier, summary in record["tiers"].items():
		print(f"{tier}: {summary}")
	print("RESULT: " + record["result"])
	return 0 if ok else 1


def run_integration(bench: Bench, record: dict, options) -> bool:
	ensure_mariadb()
	ensure_redis(bench.path)
	record["frappe"] = bench.frappe_version()
	record["assets_built_by_this_run"] = False
	plan = runner_plan.plan(bench.probe([TEST_SITE, HTTP_SITE, PLAIN_SITE]))
	if plan.stop:
		print(plan.stop, flush=True)
		record["tiers"]["integration"] = record["tiers"]["http"] = "stopped: " + plan.stop
		return False
	for note in plan.notes:
		say(note)
	bench.link_checkout()
	try:
		if plan.build:
			bench.build_assets(plan.build)
			record["assets_built_by_this_run"] = True
		say(f"in-process integration tier on {TEST_SITE}")
		bench.prepare_test_site(plan.sites[TEST_SITE])
		selector = ["-k", options.k] if options.k else []
		passed, record["tiers"]["integration"] = bench.pytest_tier("integration", TEST_SITE, selector)

		say("lifecycle: a second migrate changes nothing")
		record["tiers"]["migrate_twice"] = bench.migrate_changes_nothing(TEST_SITE)
		passed &= record["tiers"]["migrate_twice"] == "passed"

		say(f"HTTP tier on {HTTP_SITE}")
		bench.make_site(HTTP_SITE, plan.sites[HTTP_SITE])
		say(f"{PLAIN_SITE}: the same bench without the app, for the HTTP tier's comparisons")
		bench.prepare_plain_site(plan.sites[PLAIN_SITE])
		with served(bench) as base_url:
			http_passed, record["tiers"]["http"] = bench.pytest_tier(
				"over_http",
				HTTP_SITE,
				selector,
				{"STUDENT_ADVICE_URL": base_url, "STUDENT_ADVICE_PLAIN_SITE": PLAIN_SITE,
				 "STUDENT_ADVICE_PLAIN_URL": base_url},
			)  # fmt: skip

		if not runner_plan.runs_something((record["tiers"]["integration"], record["tiers"]["http"])):
			print(f"no integration or HTTP test matches -k {options.k!r}", flush=True)
			passed = False

		say("lifecycle: uninstall leaves nothing behind")
		record["tiers"]["uninstall"] = bench.uninstall_leaves_nothing(HTTP_SITE)
		return passed and http_passed and record["tiers"]["uninstall"] == "passed"
	finally:
		bench.restore_link()
		frappe_status = subprocess.run(
			["git", "status", "--porcelain"],
			cwd=bench.path / "apps" / "frappe",
			capture_output=True,
			text=True,
		).stdout.strip()
		if frappe_status:
			print("WARNING: apps/frappe has local changes:\n" + frappe_status, flush=True)


@contextlib.contextmanager
def serving(bench: Bench, site: str):
	"""The site served on 127.0.0.1 while its tests run: Frappe's API tests also call get_url() over HTTP."""
	bench.frappe("set-config", "host_name", f"http://127.0.0.1:{HTTP_PORT}", site=site)
	log = open(bench.path / "logs" / "student_advice-frappe-tests-web.log", "a")
	server = subprocess.Popen(
		[bench.python, "-m", "frappe.utils.bench_helper", "frappe", "--site", site, "serve",
		 "--port", str(HTTP_PORT), "--noreload"],
		cwd=bench.sites, stdout=log, stderr=subprocess.STDOUT,
	)  # fmt: skip
	try:
		if not wait_for("127.0.0.1", HTTP_PORT, 60):
			print(f"{site} could not be served on port {HTTP_PORT}: its HTTP tests will fail", flush=True)
		yield
	finally:
		server.terminate()
		with contextlib.suppress(subprocess.TimeoutExpired):
			server.wait(20)
		if server.poll() is None:
			server.kill()


def frappe_test_outcomes(bench: Bench, site: str) -> dict[str, str]:
	outcomes = {}
	for module in runner_plan.FRAPPE_TEST_MODULES:
		started = time.time()
		result = bench.frappe(
			"--verbose",
			"run-tests",
			"--module",
			module,
			site=site,
			check=False,
			capture=True,
			quiet=True,
		)
		raw = bench.path / "logs" / "student_advice-frappe-tests" / site / f"{module}.log"
		raw.parent.mkdir(parents=True, exist_ok=True)
		raw.write_text(result.stdout or "")  # what each failure said, read after the run
		found = runner_plan.outcomes_of(result.stdout or "")
		if not found:
			print((result.stdout or "")[-2000:], flush=True)
			found = {f"{module} (did not run)": runner_plan.FAILED}
		outcomes.update(found)
		failed = sorted(t for t, o in found.items() if o == runner_plan.FAILED)
		print(
			f"{site} {module}: {len(found)} tests, {len(failed)} failed ({time.time() - started:.0f}s)"
			+ "".join(f"\n    failed: {t}" for t in failed),
			flush=True,
		)
	return outcomes


def run_frappe_tests(bench: Bench, record: dict) -> bool:
	"""Frappe's own test modules on a fresh site with the app and a fresh site without it; a test that
	passes without the app and fails (or does not run) with it fails the run (issue 11)."""
	ensure_mariadb()
	ensure_redis(bench.path)
	record["frappe"] = bench.frappe_version()
	sites = list(FRAPPE_TEST_SITES.values())
	plan = runner_plan.plan(bench.probe(sites))
	if plan.stop:
		print(plan.stop, flush=True)
		record["tiers"]["frappe_tests"] = "stopped: " + plan.stop
		return False
	bench.link_checkout()
	ensure_module(bench.python, "faker", "Faker")  # Frappe's test dependency (frappe.mock), not the app's
	try:
		if plan.build:
			bench.build_assets(plan.build)
		results = {}
		for side, site in FRAPPE_TEST_SITES.items():
			say(f"Frappe's own tests on {site} ({side} the app)")
			if plan.sites[site] != runner_plan.CREATE:
				bench.drop_site(site)
			bench.new_site(site, with_app=side == "with")
			with serving(bench, site):
				results[side] = frappe_test_outcomes(bench, site)
		comparison = runner_plan.compare(results["with"], results["without"])
		say("Frappe's own tests: with the app against without it")
		print(f"with the app:    {comparison.with_app}\nwithout the app: {comparison.without_app}")
		for label, tests in (
			("fail only with the app (regressions)", comparison.regressions),
			("fail only without the app", comparison.fixed),
			("fail both ways (not the app's doing)", comparison.same_failures),
		):
			print(f"{label}: {len(tests)}" + "".join(f"\n    {t}" for t in tests))
		record["tiers"]["frappe_tests"] = (
			f"with the app {comparison.with_app}, without {comparison.without_app}, "
			f"{len(comparison.regressions)} regressions"
			+ (f": {', '.join(comparison.regressions)}" if comparison.regressions else "")
		)
		return not comparison.regressions
	finally:
		bench.restore_link()


if __name__ == "__main__":
	sys.exit(main())
