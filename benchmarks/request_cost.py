"""What the app costs one request, counted rather than timed on a shared machine (issue 15). NOT a test.

Each request goes through Frappe's whole WSGI application in this process (werkzeug's test client on
frappe.app.application: the session cookie, init_request, the auth hooks, dispatch, the after_request
hooks), and each pair of sides is run alternately, one request each in turn:

  desk      a non-member desk user's Note list, frappe.desk.reportview.get on Note, User list and User
            link search (scale_benchmark.py's "rest of the desk"), on the site with the app against a
            site of the same bench without it;
  officers  an officer's case list (GET /api/resource/Case, first page and status Open), for an
            officer and for one with a declared conflict, against the same request with the app's
            hooks bypassed (bypass.py, swapped in for the baseline's requests only).

Per request it reports what does not move with the machine's load, and CPU time, which moves far less
than wall-clock time:

  sql     calls of frappe.db.sql (every query Frappe and the app send), and the queries only the app's
          side sends;
  redis   commands sent to Redis;
  cpu     CPU time of this thread (waits on MariaDB and Redis left out), median, and its ratio;
  wall    wall-clock time, median, and its ratio (the noisy one: for comparison only);
  app     (desk, with --profile) the app's own per-request work under cProfile: the auth hooks
          (gate.guard_request, audit.watch_request), the after_request hook (audit.log_request), and
          the overridden whitelisted methods minus the Frappe function each one calls.

With --http it also serves both desk sites with one gunicorn worker on 127.0.0.1 and runs the desk
requests as interleaved pairs in --rounds blocks of --repeat pairs, printing each block's ratio of
medians and the median and quartiles over blocks, so that a burst of the shared machine's other work
moves one block and not the figure.

    cd ~/frappe-bench/sites
    ../env/bin/python <checkout>/benchmarks/request_cost.py --site scale.localhost \\
        --plain-site plain.localhost [--requests 300] [--profile] [--http --rounds 10 --repeat 30] \\
        [--only desk,officers] [--out figures.json]

--smoke: two requests per figure, no profile (the integration tier runs it so that it cannot rot).
"""

import argparse
import contextlib
import cProfile
import json
import os
import pstats
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import bypass  # noqa: E402
import frappe  # noqa: E402
import redis  # noqa: E402
import scale_benchmark as sb  # noqa: E402
from frappe.database.database import Database  # noqa: E402
from werkzeug.test import Client  # noqa: E402

DESK_CALLS = sb.DESK_CALLS  # the rest of the desk: the same four requests as the scale benchmark
OFFICER_CALLS = (
	("case list, GET /api/resource/Case, first page", "GET", "/api/resource/Case", sb.case_list_params()),
	(
		"case list, GET /api/resource/Case, status Open",
		"GET",
		"/api/resource/Case",
		sb.case_list_params("Open"),
	),
)

# The app's per-request entry points, and what an override wraps (that cost is Frappe's own).
APP_ENTRIES = {
	"guard_request": "confidentiality/gate.py",
	"watch_request": "confidentiality/audit.py",
	"log_request": "confidentiality/audit.py",
	"search_link": "confidentiality/overrides.py",
	"search_widget": "confidentiality/overrides.py",
	"get_count": "confidentiality/overrides.py",
}
WRAPPED = ("frappe/desk/search.py", "frappe/client.py", "frappe/utils/typing_validations.py")


class Counted:
	"""Counts frappe.db.sql calls and Redis commands (observed, never changed)."""

	def __init__(self):
		self.sql: list[str] = []
		self.redis = 0
		self._sql, self._redis = Database.sql, redis.Redis.execute_command

	def __enter__(self):
		counter, sql, execute = self, self._sql, self._redis

		def counted_sql(db, query, *args, **kwargs):
			counter.sql.append(" ".join(str(query).split())[:160])
			return sql(db, query, *args, **kwargs)

		def counted_redis(client, *args, **kwargs):
			counter.redis += 1
			return execute(client, *args, **kwargs)

		Database.sql = counted_sql
		redis.Redis.execute_command = counted_redis
		return self

	def __exit__(self, *exc):
		Database.sql, redis.Redis.execute_command = self._sql, self._redis

	def reset(self):
		self.sql, self.redis = [], 0


class Session:
	"""A logged-in session on one site, through frappe.app.application in this process."""

	def __init__(self, site, user, bypassed=False):
		from frappe.app import application

		self.site, self.user, self.bypassed = site, user, bypassed
		self.client = Client(application)
		self.request("POST", "/api/method/login", {"usr": user, "pwd": sb.PASSWORD})

	def request(self, method, path, params):
		kwargs = {"query_string": params} if method == "GET" else {"data": params}
		with bypass.bypassed() if self.bypassed else contextlib.nullcontext():
			response = self.client.open(path, method=method, base_url=f"http://{self.site}", **kwargs)
			body = response.get_data()
			response.close()
		if response.status_code != 200:
			raise SystemExit(f"{method} {path} on {self.site}: {response.status_code} {body[:300]!r}")
		return body


def prepare(site, plain_site, smoke):
	"""The users and the same Notes and Users on both sites (scale_benchmark.py's preparation)."""
	notes, users = (30, 20) if smoke else (2_000, 1_000)
	for name in (plain_site, site):
		sb.connect(name)
		if (name == plain_site) == ("student_advice" in frappe.get_installed_apps()):
			sys.exit(f"{name}: expected the app {'not ' if name == plain_site else ''}to be installed")
		sb.prepare_desk(notes, users)
		if name == site:
			sb.prepare_service(smoke, 1 if smoke else 100_000)
			frappe.cache.delete_value(bypass.CACHE_KEY)
		frappe.destroy()


def _shape(query: str) -> str:
	"""A query with its literal values left out, to compare the two sides' queries."""
	return re.sub(r"'[^']*'|\b\d+\b", "?", query)


def measure(pair, call, requests):
	"""Both sides of a pair, one request each in turn: medians of CPU and wall time, counts."""
	method, path, params = call
	samples = {side: {"cpu": [], "wall": [], "sql": [], "redis": [], "queries": Counter()} for side in pair}
	with Counted() as counted:
		for side in pair:
			for _ in range(3):
				side.request(method, path, params)  # warm Frappe's caches (meta, hooks, roles)
		for _ in range(requests):
			for side in pair:
				counted.reset()
				cpu, wall = time.thread_time(), time.perf_counter()
				side.request(method, path, params)
				cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
				sample = samples[side]
				sample["cpu"].append(cpu)
				sample["wall"].append(wall)
				sample["sql"].append(len(counted.sql))
				sample["redis"].append(counted.redis)
				sample["queries"] = Counter(_shape(q) for q in counted.sql)
	app, base = (samples[side] for side in pair)
	median = statistics.median
	return {
		"sql": median(app["sql"]), "baseline_sql": median(base["sql"]),
		"redis": median(app["redis"]), "baseline_redis": median(base["redis"]),
		"cpu_ms": median(app["cpu"]) * 1000, "baseline_cpu_ms": median(base["cpu"]) * 1000,
		"cpu_ratio": median(app["cpu"]) / median(base["cpu"]),
		"wall_ms": median(app["wall"]) * 1000, "baseline_wall_ms": median(base["wall"]) * 1000,
		"wall_ratio": median(app["wall"]) / median(base["wall"]),
		"only_with_app": sorted((app["queries"] - base["queries"]).elements()),
	}  # fmt: skip


def profile(session, call, requests):
	"""The app's own work per request under cProfile, by entry point (ms per request)."""
	method, path, params = call
	session.request(method, path, params)
	profiler = cProfile.Profile()
	profiler.enable()
	for _ in range(requests):
		session.request(method, path, params)
	profiler.disable()
	stats = pstats.Stats(profiler).stats
	total = sum(tt for (_cc, _nc, tt, _ct, _callers) in stats.values())
	entries = {}
	for (filename, _line, function), (_cc, _nc, _tt, cumulative, _callers) in stats.items():
		if "student_advice" not in filename or not filename.endswith(APP_ENTRIES.get(function, "\0")):
			continue
		inner = sum(
			v[3]
			for (f, _l, _n), (_c, _n2, _t, _ct, callers) in stats.items()
			if f.endswith(WRAPPED)
			for k, v in callers.items()
			if k[0] == filename and k[2] == function
		)
		entries[function] = (cumulative - inner) / requests * 1000
	own = sum(tt for (f, _l, _n), (_cc, _nc, tt, _ct, _callers) in stats.items() if "/student_advice/" in f)
	return {
		"entries_ms": entries,
		"app_self_ms": own / requests * 1000,
		"request_ms": total / requests * 1000,
	}


def http_blocks(args, calls):
	"""Interleaved wall-clock pairs over gunicorn, in blocks; each block's ratio of medians."""
	port = sb.free_port(args.port)
	with sb.served(port, 1) as base:  # one worker: every pair meets the same process and warm caches
		app_client = sb.Client(base, args.site, sb.OUTSIDER)
		plain_client = sb.Client(base, args.plain_site, sb.OUTSIDER)
		results = {}
		for name, method, path, params in calls:

			def call(client, m=method, p=path, q=params):
				send = client.session.get if m == "GET" else client.session.post
				response = send(f"{base}{p}", **({"params": q} if m == "GET" else {"data": q}), timeout=120)
				if response.status_code != 200:
					raise SystemExit(f"{m} {p} on {client.site}: {response.status_code}")

			blocks = []
			for _ in range(args.rounds):
				value, baseline = sb.timed_pair(
					lambda: call(app_client), lambda: call(plain_client), args.repeat, args.warmup
				)
				blocks.append(value / baseline)
			results[name] = blocks
		return results


def quartiles(values):
	if len(values) < 2:
		return values[0], values[0], values[0]
	low, middle, high = statistics.quantiles(values, n=4)
	return low, statistics.median(values), high


def show(section, name, row):
	print(
		f"{section} {name}: sql {row['sql']:g} (baseline {row['baseline_sql']:g}), redis {row['redis']:g} "
		f"(baseline {row['baseline_redis']:g}), cpu {row['cpu_ms']:.2f} ms (baseline {row['baseline_cpu_ms']:.2f} ms, "
		f"{row['cpu_ratio']:.3f}x), wall {row['wall_ms']:.2f} ms ({row['baseline_wall_ms']:.2f} ms, {row['wall_ratio']:.3f}x)",
		flush=True,
	)
	for query in row["only_with_app"]:
		print(f"    only with the app: {query}")
	if "profile" in row:
		entries = ", ".join(f"{k} {v:.3f} ms" for k, v in sorted(row["profile"]["entries_ms"].items()))
		print(
			f"    profiled: {entries}; the app's own code {row['profile']['app_self_ms']:.3f} ms (self time) "
			f"of {row['profile']['request_ms']:.2f} ms per request under cProfile",
			flush=True,
		)


def main():
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", default="scale.localhost")
	parser.add_argument("--plain-site", default="plain.localhost")
	parser.add_argument("--requests", type=int, default=300, help="requests per figure and side")
	parser.add_argument("--profile", action="store_true", help="also profile the desk requests (cProfile)")
	parser.add_argument("--only", default="desk,officers")
	parser.add_argument(
		"--http", action="store_true", help="also interleaved wall-clock desk pairs over gunicorn"
	)
	parser.add_argument("--rounds", type=int, default=10)
	parser.add_argument("--repeat", type=int, default=30)
	parser.add_argument("--warmup", type=int, default=3)
	parser.add_argument("--port", type=int, default=8803)
	parser.add_argument("--out", default="", help="also write the figures as JSON to this file")
	parser.add_argument("--smoke", action="store_true")
	args = parser.parse_args()
	if args.site in ("student-advice-test.localhost", "student-advice-http.localhost"):
		sys.exit("use a dedicated benchmark site, never a test site")
	if args.smoke:
		args.requests, args.profile, args.rounds, args.repeat, args.warmup = 2, False, 1, 1, 0
	parts = set(args.only.split(","))
	prepare(args.site, args.plain_site, args.smoke)
	report = {
		"machine": f"{os.uname().nodename}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}",
		"requests": args.requests,
		"desk": {},
		"officers": {},
	}
	print(f"# {report['machine']}; {args.requests} requests per figure and side, alternately", flush=True)
	if "desk" in parts:
		pair = (Session(args.site, sb.OUTSIDER), Session(args.plain_site, sb.OUTSIDER))
		for name, *call in DESK_CALLS:
			row = measure(pair, call, args.requests)
			if args.profile:
				row["profile"] = profile(pair[0], call, max(args.requests // 2, 1))
			report["desk"][name] = row
			show("DESK", f"non-member: {name} (against the site without the app)", row)
	if "officers" in parts:
		for label, user in (("officer", sb.OFFICER), ("officer with a conflict", sb.CONFLICTED)):
			pair = (Session(args.site, user), Session(args.site, user, bypassed=True))
			for name, *call in OFFICER_CALLS:
				row = measure(pair, call, args.requests)
				report["officers"][f"{label}: {name}"] = row
				show("OFFICERS", f"{label}: {name} (against the app's hooks bypassed)", row)
	if args.http and "desk" in parts:
		for name, blocks in http_blocks(args, DESK_CALLS).items():
			low, middle, high = quartiles(blocks)
			report["desk"][name]["http_block_ratios"] = blocks
			print(
				f"HTTP non-member: {name}: median of {len(blocks)} blocks of {args.repeat} interleaved pairs "
				f"{middle:.3f}x (quartiles {low:.3f}-{high:.3f}); blocks {' '.join(f'{b:.2f}' for b in blocks)}",
				flush=True,
			)
	if args.out:
		Path(args.out).write_text(json.dumps(report, indent=1, default=str) + "\n")
		print(f"figures written to {args.out}")
	with contextlib.suppress(Exception):
		frappe.destroy()


if __name__ == "__main__":
	main()
