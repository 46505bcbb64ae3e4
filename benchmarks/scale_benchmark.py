"""Scale benchmark (issue 15): what the confidentiality layer costs officers, the rest of the union's
desk and a loaded server, on the large demo. NOT a test; it needs dedicated sites, never a shared one
(it commits benchmark users, ToDos, Notes and Users, and serves the bench on 127.0.0.1):

    cd ~/frappe-bench
    bench new-site scale.localhost --install-app student_advice       # the service, once
    bench --site scale.localhost student-advice demo --scale large       # 720,000 records, once
    bench new-site plain.localhost                                       # the same bench without the app
    cd sites
    ../env/bin/python <checkout>/benchmarks/scale_benchmark.py --site scale.localhost \\
        --plain-site plain.localhost [--port 8802] [--repeat 20] [--out docs/benchmarks/scale-figures.md]

Each figure is the median of --repeat runs after --warmup runs, beside its baseline and their ratio:
  officers   the case list (first page in the default sort, and filtered by status) through
             frappe.get_list and GET /api/resource/Case, for an officer and for an officer with one
             declared conflict; a case form's getdoc (with its docinfo: the timeline); a student
             link search by name; each against the same call with the app's hooks bypassed
             (bypass.py: Frappe reading every app's hooks but this one's; over HTTP a second
             gunicorn, bypassed_wsgi.py). The Casework Access Audit for one month against the plain
             SQL reading the same rows.
  the desk   a non-member's Note list, frappe.desk.reportview.get on Note, User list and User link
             search over HTTP, on the site with the app against the site without it (same bench,
             same data).
  load       requests per second for the case list with 8 concurrent officer sessions (gunicorn with
             the bench's workers) against Frappe's ToDo list of the same size for the same sessions.
  statistics the Advice Statistics report (warm) against the plain SQL GROUP BY of
             statistics_benchmark.py, per view.
--smoke runs every figure once on tiny data (the integration tier runs it so it cannot rot): it adds a
tiny bulk demo to --site when it holds less than that, and writes its figures to --out only.
"""

import argparse
import contextlib
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import frappe
import requests

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import bypass  # noqa: E402

PASSWORD = "Scale-benchmark-1"
OFFICER = "scale-benchmark-officer@example.test"
CONFLICTED = "scale-benchmark-conflicted@example.test"
MANAGER = "scale-benchmark-manager@example.test"
OUTSIDER = "scale-benchmark-desk-user@example.test"  # a desk user of the rest of the union
LIST_FIELDS = ["name", "title", "student_name", "category", "status", "opened_on", "_assign", "modified"]
TODO_FIELDS = ["name", "description", "status", "priority", "date", "_assign", "modified"]
SESSIONS = 8

# The rest of the union's desk: what a non-member sends (name, verb, path, arguments).
DESK_CALLS = (
	("Note list (GET /api/resource/Note)", "GET", "/api/resource/Note",
	 {"fields": json.dumps(["name", "title", "modified"]), "order_by": "modified desc", "limit_page_length": 20}),
	("frappe.desk.reportview.get on Note", "POST", "/api/method/frappe.desk.reportview.get",
	 {"doctype": "Note", "fields": json.dumps(["`tabNote`.`name`", "`tabNote`.`title`"]),
	  "order_by": "`tabNote`.`modified` desc", "start": 0, "page_length": 20}),
	("User list (GET /api/resource/User)", "GET", "/api/resource/User",
	 {"fields": json.dumps(["name", "full_name"]), "order_by": "modified desc", "limit_page_length": 20}),
	("User link search", "GET", "/api/method/frappe.desk.search.search_link",
	 {"doctype": "User", "txt": "member 1", "page_length": 10}),
)  # fmt: skip

# goals of issue 15
OFFICER_GOAL, DESK_GOAL, LOAD_GOAL, STATISTICS_GOAL = 1.2, 1.05, 0.8, 1.5


class Figures:
	def __init__(self):
		self.rows: list[dict] = []

	def add(self, section, name, value, baseline, unit, goal, higher_is_better=False, baseline_name=""):
		ratio = value / baseline if baseline else float("inf")
		met = ratio >= goal if higher_is_better else ratio <= goal
		row = dict(section=section, name=name, value=value, baseline=baseline, unit=unit, ratio=ratio,
		           goal=goal, higher=higher_is_better, met=met, baseline_name=baseline_name)  # fmt: skip
		self.rows.append(row)
		print(format_row(row), flush=True)
		return row


def format_value(value, unit):
	return f"{value * 1000:.1f} ms" if unit == "s" else f"{value:.1f} {unit}"


def format_row(row):
	goal = f"{'>=' if row['higher'] else '<='} {row['goal']}"
	return (
		f"FIGURE {row['section']} | {row['name']} | {format_value(row['value'], row['unit'])} | "
		f"{row['baseline_name']} {format_value(row['baseline'], row['unit'])} | {row['ratio']:.2f}x | "
		f"goal {goal} | {'met' if row['met'] else 'NOT MET'}"
	)


def timed(fn, repeat, warmup):
	for _ in range(warmup):
		fn()
	times = []
	for _ in range(repeat):
		started = time.perf_counter()
		fn()
		times.append(time.perf_counter() - started)
	return statistics.median(times)


def timed_pair(fn, baseline_fn, repeat, warmup):
	"""Medians of `fn` and `baseline_fn`, run alternately so that whatever else the machine is doing
	weighs on both alike."""
	for _ in range(warmup):
		fn()
		baseline_fn()
	times, baseline_times = [], []
	for _ in range(repeat):
		for call, into in ((fn, times), (baseline_fn, baseline_times)):
			started = time.perf_counter()
			call()
			into.append(time.perf_counter() - started)
	return statistics.median(times), statistics.median(baseline_times)


def as_request(user):
	"""What a request starts with: the user, no request-scoped caches."""
	frappe.set_user(user)
	frappe.local.student_advice_conflicts = {}
	frappe.local.response = frappe._dict(docs=[])


# ---------------------------------------------------------------------------- data
def connect(site):
	frappe.init(site=site, sites_path=os.getcwd())
	frappe.connect()
	frappe.set_user("Administrator")


def make_user(email, roles, first_name):
	if frappe.db.exists("User", email):
		return email
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"enabled": 1,
			"first_name": first_name,
			"send_welcome_email": 0,
			"new_password": PASSWORD,
			"roles": [{"role": role} for role in roles],
		}
	)
	user.flags.no_welcome_mail = True
	user.insert(ignore_permissions=True)
	return email


def prepare_service(smoke, cases_wanted):
	"""Benchmark users on the service's site; a tiny demo in smoke mode; the officer's ToDos."""
	from student_advice.demo import plan as demo_plan
	from student_advice.demo import service as demo

	if frappe.db.count("Case") < cases_wanted:
		if not smoke:
			sys.exit(f"the site holds fewer than {cases_wanted} cases: run the large demo first")
		tiny = demo_plan.Plan(40, 200, 100, 9, 8, 1, 3, bulk=True)
		demo.build("large", force=True, plan=tiny, progress=lambda *a: None)
	for email, roles, title in (
		(OFFICER, ["Advice Officer"], "Student Advisor"),
		(CONFLICTED, ["Advice Officer"], "Welfare and Rights Officer"),
		(MANAGER, ["Advice Officer", "Advice Service Manager"], "Advice Service Manager"),
	):
		make_user(email, roles, "Scale benchmark")
		if not frappe.db.exists("Advice Officer", {"user": email}):
			frappe.get_doc(
				{"doctype": "Advice Officer", "user": email, "job_title": title, "active": 1}
			).insert(ignore_permissions=True)
	make_user(OUTSIDER, ["System Manager"], "Union desk user")
	frappe.db.commit()
	frappe.clear_cache()
	# One declared conflict, with the student of the newest case (so the first page loses a row).
	newest = frappe.get_all("Case", fields=["name", "student"], order_by="modified desc", limit=1)[0]
	if not frappe.db.exists("Conflict Declaration", {"officer": CONFLICTED, "active": 1}):
		frappe.set_user(CONFLICTED)
		frappe.get_doc(
			{"doctype": "Conflict Declaration", "student": newest.student, "reason": "Scale benchmark"}
		).insert()
		frappe.set_user("Administrator")
	cases = frappe.db.count("Case")
	todos = frappe.db.count("ToDo", {"allocated_to": OFFICER})
	if todos < cases:  # Frappe's own list of the same size, for the same officer
		now = datetime.now()
		rows = [
			(uuid.uuid4().hex[:10], "Open", "Medium", (now - timedelta(days=i % 900)).date(), OFFICER,
			 OFFICER, f"Scale benchmark to-do {i}", OFFICER, OFFICER, now - timedelta(minutes=i), now - timedelta(minutes=i))
			for i in range(todos, cases)
		]  # fmt: skip
		fields = ["name", "status", "priority", "date", "allocated_to", "assigned_by", "description", "owner",
		          "modified_by", "creation", "modified"]  # fmt: skip
		frappe.db.bulk_insert("ToDo", fields, rows, chunk_size=10_000)
	frappe.db.commit()
	return newest


def prepare_desk(notes, users):
	"""The same Notes and Users on both sites (the rest of the union's desk)."""
	make_user(OUTSIDER, ["System Manager"], "Union desk user")
	have = frappe.db.count("Note", {"title": ("like", "Scale benchmark note%")})
	rng = random.Random(15)
	now = datetime(2026, 1, 1)
	if have < notes:
		rows = [
			(f"scale-note-{i}", f"Scale benchmark note {i} about the {rng.choice(['ball', 'elections', 'budget'])}",
			 "<p>Minutes of the union's committee.</p>", 1, "Administrator", "Administrator",
			 now + timedelta(minutes=i), now + timedelta(minutes=i))
			for i in range(have, notes)
		]  # fmt: skip
		frappe.db.bulk_insert(
			"Note",
			["name", "title", "content", "public", "owner", "modified_by", "creation", "modified"],
			rows,
		)
	have = frappe.db.count("User", {"name": ("like", "scale-user-%")})
	if have < users:
		rows = [
			(f"scale-user-{i}@example.test", f"scale-user-{i}@example.test", f"Member {i}", f"Member {i}",
			 1, "Website User", "Administrator", "Administrator", now, now)
			for i in range(have, users)
		]  # fmt: skip
		frappe.db.bulk_insert(
			"User",
			["name", "email", "first_name", "full_name", "enabled", "user_type", "owner", "modified_by",
			 "creation", "modified"],
			rows,
		)  # fmt: skip
	frappe.db.commit()


# ---------------------------------------------------------------------------- in-process figures
def resolved(method):
	"""The function Frappe dispatches `method` to (override_whitelisted_methods included)."""
	return frappe.get_attr(frappe.get_hooks("override_whitelisted_methods", {}).get(method, [method])[-1])


def wanted(args, part):
	return not args.only or part in args.only.split(",")


def in_process_figures(fig, args, newest):
	repeat, warmup = args.repeat, args.warmup

	def both(section, name, user, call):
		def with_app():
			as_request(user)
			call()

		def without_app():
			with bypass.bypassed():
				as_request(user)
				call()

		value, baseline = timed_pair(with_app, without_app, repeat, warmup)
		frappe.db.rollback()
		fig.add(section, name, value, baseline, "s", OFFICER_GOAL, baseline_name="bypassed")

	for label, user in (
		(("officer", OFFICER), ("officer with a conflict", CONFLICTED)) if wanted(args, "list") else ()
	):
		both("officers", f"{label}: case list, get_list, first page", user,
		     lambda: frappe.get_list("Case", fields=LIST_FIELDS, order_by="`tabCase`.`modified` desc", limit_page_length=20))  # fmt: skip
		both("officers", f"{label}: case list, get_list, status Open", user,
		     lambda: frappe.get_list("Case", fields=LIST_FIELDS, filters={"status": "Open"},
		                             order_by="`tabCase`.`modified` desc", limit_page_length=20))  # fmt: skip
	case = frappe.get_all("Case", order_by="modified desc", pluck="name", limit=2)[-1]

	def getdoc():
		resolved("frappe.desk.form.load.getdoc")(doctype="Case", name=case)
		assert frappe.response.docs, "getdoc returned no document"

	if wanted(args, "form"):
		both("officers", "officer: case form (getdoc with its docinfo and timeline)", OFFICER, getdoc)
	student_name = frappe.db.get_value("Advice Student", newest.student, "full_name")

	def search():
		found = resolved("frappe.desk.search.search_link")(
			doctype="Advice Student", txt=student_name, page_length=10
		)
		assert found, "the link search found nobody"

	if wanted(args, "form"):
		both("officers", "officer: student link search by name", OFFICER, search)
	if wanted(args, "audit"):
		audit_figure(fig, repeat, warmup)


def audit_figure(fig, repeat, warmup):
	from frappe.desk.query_report import run

	from student_advice.policy import registry

	end = frappe.utils.getdate()
	start = end - timedelta(days=30)
	filters = {"from_date": str(start), "to_date": str(end)}

	def report():
		as_request(MANAGER)
		run("Casework Access Audit", filters=json.dumps(filters))

	def plain():
		as_request("Administrator")
		after = end + timedelta(days=1)
		for doctype in sorted(registry.SERVICE_DOCTYPES):
			meta = frappe.get_meta(doctype)
			if meta.issingle or meta.istable:
				continue
			frappe.db.sql(
				f"select creation, owner, name from `tab{doctype}` where creation >= %s and creation < %s"
				" order by creation desc limit 10001",
				(start, after),
			)
		for table, user, dt in (("View Log", "viewed_by", "reference_doctype"), ("Access Log", "user", "export_from"),
		                        ("Version", "owner", "ref_doctype")):  # fmt: skip
			frappe.db.sql(
				f"select creation, `{user}` from `tab{table}` where `{dt}` in %s and creation >= %s and creation < %s"
				" order by creation desc limit 10001",
				(tuple(registry.SERVICE_DOCTYPES), start, after),
			)

	value, baseline = timed_pair(report, plain, repeat, warmup)
	fig.add("officers", "manager: Casework Access Audit, one month", value, baseline, "s", OFFICER_GOAL,
	        baseline_name="plain SQL")  # fmt: skip


def statistics_figures(fig, args):
	import statistics_benchmark as sb
	from frappe.desk.query_report import run

	viewer = sb.viewer()
	frappe.db.set_value("Report", sb.REPORT, "prepared_report", 0, update_modified=False)
	frappe.db.commit()
	# statistics_benchmark.py's views name the years of its own data; the demo's are the last three
	# academic years, so its earlier year is read as the demo's middle one.
	middle = sb.VIEWS[0]["academic_year"][:4]
	middle = f"{int(middle) + 1}-{(int(middle) + 2) % 100:02d}"
	views = [
		dict(v, academic_year=middle) if v["academic_year"] < sb.VIEWS[0]["academic_year"] else v
		for v in sb.VIEWS
	]
	for filters in views[:1] if args.smoke else views:
		first, last = sb.bucket_bounds(filters)

		def report(f=filters):
			frappe.set_user(viewer)
			run(sb.REPORT, filters=json.dumps(f))

		def plain(f=filters, a=first, b=last):
			frappe.set_user("Administrator")
			sb.plain_query(f, a, b)

		report()  # the year computed once, as the worker does after a change
		value, baseline = timed_pair(report, plain, args.repeat, args.warmup)
		label = " ".join(str(v) for v in filters.values())
		fig.add("statistics", f"Advice Statistics (warm): {label}", value, baseline, "s", STATISTICS_GOAL,
		        baseline_name="plain SQL")  # fmt: skip


# ---------------------------------------------------------------------------- HTTP figures
def free_port(preferred=None):
	for port in ([preferred] if preferred else []) + [0]:
		with socket.socket() as sock:
			try:
				sock.bind(("127.0.0.1", port))
				return sock.getsockname()[1]
			except OSError:
				continue
	raise SystemExit("no free port")


@contextlib.contextmanager
def served(port, workers, bypassed=False, pid_file=None):
	bench = Path.cwd().parent
	log = open(bench / "logs" / f"scale-benchmark-{'bypassed' if bypassed else 'web'}.log", "w")
	app = "bypassed_wsgi:application" if bypassed else "frappe.app:application_with_statics()"
	env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]))
	process = subprocess.Popen(
		[str(bench / "env" / "bin" / "python"), "-m", "gunicorn", "-b", f"127.0.0.1:{port}", "-w", str(workers),
		 "-t", "120", app, "--preload", *(["--pid", str(pid_file)] if pid_file else [])],
		cwd=os.getcwd(), stdout=log, stderr=subprocess.STDOUT, env=env,
	)  # fmt: skip
	try:
		deadline = time.time() + 90
		while time.time() < deadline:
			with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
				break
			if process.poll() is not None:
				raise SystemExit(f"gunicorn stopped; see {log.name}")
			time.sleep(0.3)
		else:
			raise SystemExit(f"gunicorn did not start; see {log.name}")
		yield f"http://127.0.0.1:{port}"
	finally:
		process.terminate()
		with contextlib.suppress(subprocess.TimeoutExpired):
			process.wait(20)
		if process.poll() is None:
			process.kill()


class Client:
	def __init__(self, base, site, user):
		self.base, self.site = base, site
		self.session = requests.Session()
		self.session.headers["Host"] = site
		response = self.session.post(
			f"{base}/api/method/login", data={"usr": user, "pwd": PASSWORD}, timeout=60
		)
		if response.status_code != 200:
			raise SystemExit(
				f"{user} could not log in on {site}: {response.status_code} {response.text[:200]}"
			)

	def get(self, path, params=None, base=None):
		response = self.session.get(f"{base or self.base}{path}", params=params, timeout=120)
		if response.status_code != 200:
			raise SystemExit(f"GET {path} on {self.site}: {response.status_code} {response.text[:300]}")
		return response

	def post(self, path, data=None, base=None):
		response = self.session.post(f"{base or self.base}{path}", data=data, timeout=120)
		if response.status_code != 200:
			raise SystemExit(f"POST {path} on {self.site}: {response.status_code} {response.text[:300]}")
		return response


def case_list_params(status=None):
	params = {"fields": json.dumps(LIST_FIELDS), "order_by": "modified desc", "limit_page_length": 20}
	if status:
		params["filters"] = json.dumps([["status", "=", status]])
	return params


def http_figures(fig, args, workers):
	repeat, warmup = args.repeat, args.warmup
	port = free_port(args.port)
	with served(port, workers) as base:
		bypassed_port = free_port(port + 1)
		# The baseline server runs as many workers as the app's: with one worker against five, the
		# baseline's requests always met a warm process and the layer was charged the difference.
		with served(bypassed_port, workers, bypassed=True) as bypassed_base:
			for label, user in (
				(("officer", OFFICER), ("officer with a conflict", CONFLICTED))
				if wanted(args, "http")
				else ()
			):
				client = Client(base, args.site, user)
				for name, params in (
					("first page", case_list_params()),
					("status Open", case_list_params("Open")),
				):
					value, baseline = timed_pair(
						lambda p=params: client.get("/api/resource/Case", p),
						lambda p=params: client.get("/api/resource/Case", p, base=bypassed_base),
						repeat,
						warmup,
					)
					fig.add("officers", f"{label}: case list, GET /api/resource/Case, {name}", value, baseline, "s",
					        OFFICER_GOAL, baseline_name="bypassed")  # fmt: skip
		if wanted(args, "desk"):
			desk_figures(fig, args, base)
		if wanted(args, "load"):
			load_figures(fig, args, base)


def desk_figures(fig, args, base):
	repeat, warmup = args.repeat, args.warmup
	with_app = Client(base, args.site, OUTSIDER)
	without_app = Client(base, args.plain_site, OUTSIDER)
	for name, verb, path, params in DESK_CALLS:

		def call(client, v=verb, p=path, q=params):
			return client.get(p, q) if v == "GET" else client.post(p, q)

		value, baseline = timed_pair(lambda: call(with_app), lambda: call(without_app), repeat, warmup)
		fig.add("the rest of the desk", f"non-member: {name}", value, baseline, "s", DESK_GOAL,
		        baseline_name="site without the app")  # fmt: skip


def requests_per_second(clients, path, params, seconds):
	done, failed = [0], [0]
	stop = time.perf_counter() + seconds
	lock = threading.Lock()

	def worker(client):
		while time.perf_counter() < stop:
			response = client.session.get(f"{client.base}{path}", params=params, timeout=120)
			with lock:
				if response.status_code == 200:
					done[0] += 1
				else:
					failed[0] += 1

	started = time.perf_counter()
	threads = [threading.Thread(target=worker, args=(client,)) for client in clients]
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join()
	elapsed = time.perf_counter() - started
	if failed[0]:
		raise SystemExit(f"{failed[0]} requests to {path} failed under load")
	return done[0] / elapsed


def load_figures(fig, args, base):
	clients = [Client(base, args.site, OFFICER) for _ in range(SESSIONS)]
	todo = {"fields": json.dumps(TODO_FIELDS), "order_by": "modified desc", "limit_page_length": 20}
	requests_per_second(clients, "/api/resource/Case", case_list_params(), min(args.seconds, 2))  # warm-up
	rounds = 1 if args.smoke else 4  # alternated, so that the machine's other work weighs on both alike
	cases = todos = 0.0
	for _ in range(rounds):
		cases += requests_per_second(clients, "/api/resource/Case", case_list_params(), args.seconds / rounds)
		todos += requests_per_second(clients, "/api/resource/ToDo", todo, args.seconds / rounds)
	cases, todos = cases / rounds, todos / rounds
	fig.add("load", f"case list over HTTP, {SESSIONS} officer sessions", cases, todos, "req/s", LOAD_GOAL,
	        higher_is_better=True, baseline_name="ToDo list, same size")  # fmt: skip


# ---------------------------------------------------------------------------- report
def machine() -> str:
	cpu = ""
	with contextlib.suppress(OSError):
		for line in open("/proc/cpuinfo"):
			if line.startswith("model name"):
				cpu = line.split(":", 1)[1].strip()
				break
	memory = ""
	with contextlib.suppress(OSError):
		kib = int(open("/proc/meminfo").readline().split()[1])
		memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
	return (
		f"{platform.node()}: {os.cpu_count()} cores ({cpu or platform.processor()}){memory}, "
		f"Python {platform.python_version()}, Frappe {frappe.__version__}, {frappe.db.sql('select version()')[0][0]}"
	)


def write(fig, args, counts, described):
	lines = [
		"# Scale benchmark figures",
		"",
		f"Written by `benchmarks/scale_benchmark.py` on {datetime.now():%Y-%m-%d %H:%M} "
		f"({'SMOKE: tiny data, one run' if args.smoke else f'median of {args.repeat} runs after {args.warmup} warm-up runs'}).",
		"",
		f"Machine: {described}.",
		"",
		"Data on `" + args.site + "`: " + ", ".join(f"{n:,} {d}" for d, n in counts.items()) + ".",
		"",
		"| Section | Figure | Value | Baseline | Ratio | Goal | |",
		"|---|---|---|---|---|---|---|",
	]
	for row in fig.rows:
		goal = f"{'≥' if row['higher'] else '≤'} {row['goal']}"
		lines.append(
			f"| {row['section']} | {row['name']} | {format_value(row['value'], row['unit'])} | "
			f"{row['baseline_name']}: {format_value(row['baseline'], row['unit'])} | {row['ratio']:.2f}× | {goal} | "
			f"{'met' if row['met'] else '**not met**'} |"
		)
	missed = [row for row in fig.rows if not row["met"]]
	lines += ["", f"{len(fig.rows) - len(missed)} of {len(fig.rows)} figures meet their goal."]
	if args.notes and Path(args.notes).exists():
		lines += ["", Path(args.notes).read_text().strip()]
	out = Path(args.out)
	out.parent.mkdir(parents=True, exist_ok=True)
	out.write_text("\n".join(lines) + "\n")
	print(f"figures written to {out}")


def main():
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", default="scale.localhost")
	parser.add_argument(
		"--plain-site", default="plain.localhost", help="a site of the same bench without the app"
	)
	parser.add_argument("--port", type=int, default=8802)
	parser.add_argument("--repeat", type=int, default=20)
	parser.add_argument("--warmup", type=int, default=3)
	parser.add_argument("--seconds", type=float, default=20, help="how long each load phase runs")
	parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks" / "scale-figures.md"))
	parser.add_argument("--notes", default=str(HERE / "scale-notes.md"), help="appended to the figures file")
	parser.add_argument("--smoke", action="store_true", help="tiny data, one run of every figure")
	parser.add_argument("--skip-statistics", action="store_true")
	parser.add_argument(
		"--only", default="", help="comma-separated parts: list,form,audit,statistics,http,desk,load"
	)
	args = parser.parse_args()
	if args.site in ("student-advice-test.localhost", "student-advice-http.localhost"):
		sys.exit("use a dedicated benchmark site, never a test site")
	if args.smoke:
		args.repeat, args.warmup, args.seconds = 1, 0, 1
	started = time.perf_counter()
	connect(args.plain_site)
	if "student_advice" in frappe.get_installed_apps():
		sys.exit(f"{args.plain_site} has the app installed: the desk's baseline needs a site without it")
	notes, users = (30, 20) if args.smoke else (2_000, 1_000)
	prepare_desk(notes, users)
	frappe.destroy()
	connect(args.site)
	frappe._scale_benchmark = True
	frappe.cache.delete_value(bypass.CACHE_KEY)  # the baseline's hooks as the code now has them
	prepare_desk(notes, users)
	newest = prepare_service(args.smoke, 1 if args.smoke else 100_000)
	counts = {d: frappe.db.count(d) for d in ("Advice Student", "Case", "Case Entry", "Enquiry", "ToDo")}
	described = machine()
	workers = int(frappe.conf.get("gunicorn_workers") or 2)
	print(f"{described}\n{args.site}: {counts}; gunicorn workers: {workers}", flush=True)
	fig = Figures()
	in_process_figures(fig, args, newest)
	if not args.skip_statistics and wanted(args, "statistics"):
		statistics_figures(fig, args)
	frappe.db.rollback()
	frappe.destroy()
	http_figures(fig, args, workers)
	write(fig, args, counts, described)
	print(f"{len(fig.rows)} figures in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
	main()
