"""Load and faults (issue 15): 8 officer sessions and 50 website users at once, for a bounded time, on
127.0.0.1, while the RQ worker and the web workers are restarted and the site's database connections
are cut; then a check that nothing acknowledged was lost or duplicated and that the denial stayed
uniform. NOT a test; a dedicated site only (it commits users, case entries and casework forms):

    cd ~/frappe-bench/sites
    ../env/bin/python <checkout>/benchmarks/load_fault.py --site scale.localhost [--seconds 60] [--port 8803]

Officers read the case list and a case, and add a Case Entry with a unique text; students submit the
casework form with a unique text, and ask for an existing and a missing case (one uniform 403).
Faults, at a third, a half and two thirds of the run: the RQ worker is stopped and a new one started;
gunicorn is told to replace its workers (HUP); every database connection of the site's own database
user is killed (MariaDB's KILL: the database server itself is shared with other sites on this machine,
so it is not restarted here). Afterwards: every acknowledged entry exists exactly once, no
unacknowledged one more than once; each student has one record and one open form, holding their last
acknowledged text or a later one; every denial had the same status and body. Requests that failed
(during a fault) are counted and printed; --smoke runs 2 officers and 3 students for a few seconds.
"""

import argparse
import contextlib
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import frappe
import requests

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from scale_benchmark import PASSWORD, connect, free_port, make_user, served  # noqa: E402

OFFICERS, STUDENTS = 8, 50


class Run:
	def __init__(self, base, site, seconds):
		self.base, self.site, self.stop = base, site, time.time() + seconds
		self.lock = threading.Lock()
		self.acknowledged_entries: list[str] = []
		self.sent_entries: list[str] = []
		self.forms: dict[str, list[tuple[int, bool]]] = {}
		self.denials: Counter = Counter()
		self.failures: Counter = Counter()
		self.requests = 0
		self.examples: dict[str, str] = {}

	def session(self, user):
		session = requests.Session()
		session.headers["Host"] = self.site
		for _ in range(20):
			with contextlib.suppress(requests.RequestException):
				if session.post(
					f"{self.base}/api/method/login", data={"usr": user, "pwd": PASSWORD}, timeout=30
				).ok:
					return session
			time.sleep(0.5)
		raise SystemExit(f"{user} could not log in")

	def call(self, session, method, path, **kw):
		try:
			response = session.request(method, f"{self.base}{path}", timeout=60, **kw)
		except requests.RequestException as error:
			with self.lock:
				self.requests += 1
				self.failures[type(error).__name__] += 1
			return None
		with self.lock:
			self.requests += 1
			if response.status_code >= 500 or response.status_code in (401, 417, 429):
				cause = re.search(r"(?:frappe\.exceptions|pymysql\.err)\.(\w+)", response.text)
				what = f"HTTP {response.status_code} {path.split('?')[0]} {cause.group(1) if cause else ''}".strip()
				self.failures[what] += 1
				self.examples.setdefault(what, response.text[-600:])
		return response


def officer(run, session, user, cases, tag):
	rng = random.Random(user)
	number = 0
	while time.time() < run.stop:
		run.call(session, "GET", "/api/resource/Case", params={"fields": json.dumps(["name", "title", "status"]),
		         "order_by": "modified desc", "limit_page_length": 20})  # fmt: skip
		case = rng.choice(cases)
		run.call(
			session,
			"GET",
			"/api/method/frappe.desk.form.load.getdoc",
			params={"doctype": "Case", "name": case},
		)
		number += 1
		marker = f"load {tag} {user} {number}"
		with run.lock:
			run.sent_entries.append(marker)
		entry = {"advice_case": case, "entry_type": "Event", "entry_date": run.today, "details": marker}
		response = run.call(session, "POST", "/api/resource/Case Entry", data={"data": json.dumps(entry)})
		if response is not None and response.status_code == 200:
			with run.lock:
				run.acknowledged_entries.append(marker)


def student(run, session, user, existing, tag):
	number = 0
	while time.time() < run.stop:
		number += 1
		form = {
			"full_name": f"Load Student {user.split('@')[0]}",
			"help_needed": f"load {tag} {user} {number}",
		}
		response = run.call(
			session, "POST", "/api/method/student_advice.api.portal.submit_casework_form", data=form
		)
		with run.lock:
			run.forms.setdefault(user, []).append(
				(number, response is not None and response.status_code == 200)
			)
		for name in (existing, uuid.uuid4().hex):
			response = run.call(session, "GET", f"/api/resource/Case/{name}")
			if response is not None and response.status_code < 500:
				with run.lock:
					run.denials[(response.status_code, response.text)] += 1
		time.sleep(0.2)


def faults(run, seconds, worker_holder, web_pid, db_user):
	started = time.time()
	plan = [(seconds / 3, "restart the RQ worker"), (seconds / 2, "replace the web workers (HUP)"),
	        (2 * seconds / 3, "kill the site's database connections")]  # fmt: skip
	for at, what in plan:
		time.sleep(max(0, started + at - time.time()))
		print(f"  t={time.time() - started:5.1f}s fault: {what}", flush=True)
		if what.startswith("restart"):
			worker_holder[0].terminate()
			worker_holder[0].wait(30)
			worker_holder[0] = start_worker()
		elif what.startswith("replace"):
			os.kill(web_pid(), 1)
		else:
			kill_connections(db_user)


def kill_connections(db_user):
	root = os.environ.get("FRAPPE_DB_ROOT_USER", "root")
	password = os.environ.get("FRAPPE_DB_ROOT_PASSWORD", "root")
	ids = subprocess.run(
		["mysql", f"-u{root}", f"-p{password}", "-N", "-e",
		 f"select id from information_schema.processlist where user = '{db_user}'"],
		capture_output=True, text=True,
	).stdout.split()  # fmt: skip
	for connection in ids:
		subprocess.run(
			["mysql", f"-u{root}", f"-p{password}", "-e", f"kill {int(connection)}"], capture_output=True
		)
	print(f"    killed {len(ids)} connections of {db_user}", flush=True)


def start_worker():
	bench = Path.cwd().parent
	log = open(bench / "logs" / "load-fault-worker.log", "a")
	return subprocess.Popen(
		[str(bench / "env" / "bin" / "python"), "-m", "frappe.utils.bench_helper", "frappe", "worker",
		 "--queue", "short,default,long"],
		cwd=os.getcwd(), stdout=log, stderr=subprocess.STDOUT,
	)  # fmt: skip


def prepare(officers, students):
	from student_advice.policy import roles

	frappe.flags.in_import = True  # 58 accounts at once: Frappe throttles sign-ups past 60 an hour
	officer_users = []
	for index in range(officers):
		email = make_user(f"load-officer-{index}@example.test", [roles.OFFICER], "Load officer")
		if not frappe.db.exists("Advice Officer", {"user": email}):
			frappe.get_doc(
				{"doctype": "Advice Officer", "user": email, "job_title": "Student Advisor", "active": 1}
			).insert(ignore_permissions=True)
		officer_users.append(email)
	student_users = []
	for index in range(students):
		email = f"load-student-{index}@example.test"
		if not frappe.db.exists("User", email):
			user = frappe.get_doc({"doctype": "User", "email": email, "first_name": "Load student", "new_password": PASSWORD, "enabled": 1,
			                       "send_welcome_email": 0, "user_type": "Website User"})  # fmt: skip
			user.flags.no_welcome_mail = True
			user.insert(ignore_permissions=True)
		student_users.append(email)
	frappe.db.commit()
	frappe.flags.in_import = False
	cases = frappe.get_all("Case", order_by="modified desc", pluck="name", limit=200)
	return officer_users, student_users, cases


def verify(run, tag) -> list[str]:
	problems = []
	rows = Counter(
		frappe.get_all("Case Entry", filters={"details": ("like", f"load {tag} %")}, pluck="details", limit=0)
	)
	lost = [m for m in run.acknowledged_entries if rows[m] != 1]
	twice = [m for m, n in rows.items() if n > 1]
	if lost:
		problems.append(f"{len(lost)} acknowledged case entries missing or duplicated, e.g. {lost[:3]}")
	if twice:
		problems.append(f"{len(twice)} case entries stored more than once")
	for user, sent in run.forms.items():
		students = frappe.get_all("Advice Student", filters={"email": user}, pluck="name")
		if len(students) != 1:
			problems.append(f"{user}: {len(students)} student records")
			continue
		forms = frappe.get_all(
			"Casework Form", filters={"student": students[0], "status": "New"}, pluck="help_needed"
		)
		acknowledged = [n for n, ok in sent if ok]
		if len(forms) != 1:
			problems.append(f"{user}: {len(forms)} open casework forms")
		elif acknowledged:
			held = int(forms[0].rsplit(" ", 1)[-1]) if forms[0].startswith(f"load {tag} ") else -1
			if held < max(acknowledged):
				problems.append(
					f"{user}: the form holds submission {held}, the last acknowledged was {max(acknowledged)}"
				)
	if len(run.denials) != 1:
		problems.append(
			f"the denial was not uniform: {[(s, b[:80], n) for (s, b), n in run.denials.items()]}"
		)
	elif next(iter(run.denials))[0] != 403:
		problems.append(f"the denial was HTTP {next(iter(run.denials))[0]}, not 403")
	return problems


def main():
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", default="scale.localhost")
	parser.add_argument("--seconds", type=float, default=60)
	parser.add_argument("--port", type=int, default=8803)
	parser.add_argument("--smoke", action="store_true")
	args = parser.parse_args()
	if args.site in ("student-advice-test.localhost", "student-advice-http.localhost"):
		sys.exit("use a dedicated site, never a test site")
	officers, students = (2, 3) if args.smoke else (OFFICERS, STUDENTS)
	seconds = min(args.seconds, 15) if args.smoke else args.seconds
	connect(args.site)
	officer_users, student_users, cases = prepare(officers, students)
	if not cases:
		sys.exit("the site holds no case: run the demo first")
	db_user = frappe.conf.db_name
	today = frappe.utils.today()
	workers = int(frappe.conf.get("gunicorn_workers") or 2)
	frappe.destroy()
	tag = uuid.uuid4().hex[:8]
	worker = [start_worker()]
	port = free_port(args.port)
	pid_file = Path.cwd().parent / "logs" / "load-fault-gunicorn.pid"
	try:
		with served(port, workers, pid_file=pid_file) as base:
			run = Run(base, args.site, seconds)
			run.today = today
			# signed in and served once before the clock starts (a fresh web worker's first request is slow)
			sessions = {user: run.session(user) for user in officer_users + student_users}
			for session in sessions.values():
				run.call(session, "GET", "/api/method/frappe.auth.get_logged_user")
			run.requests, run.failures = 0, Counter()
			run.stop = time.time() + seconds
			threads = [
				threading.Thread(target=officer, args=(run, sessions[u], u, cases, tag))
				for u in officer_users
			]
			threads += [
				threading.Thread(target=student, args=(run, sessions[u], u, cases[0], tag))
				for u in student_users
			]
			threads.append(
				threading.Thread(
					target=faults, args=(run, seconds, worker, lambda: int(pid_file.read_text()), db_user)
				)
			)
			print(
				f"{officers} officers and {students} students for {seconds:.0f}s on {base} ({args.site}, {workers} web workers)"
			)
			for thread in threads:
				thread.start()
			for thread in threads:
				thread.join()
	finally:
		worker[0].terminate()
		with contextlib.suppress(subprocess.TimeoutExpired):
			worker[0].wait(20)
	connect(args.site)
	problems = verify(run, tag)
	frappe.destroy()
	forms = sum(ok for sent in run.forms.values() for _n, ok in sent)
	print(
		f"RESULT requests {run.requests}, acknowledged case entries {len(run.acknowledged_entries)} "
		f"(sent {len(run.sent_entries)}), acknowledged casework forms {forms}, denials {sum(run.denials.values())}, "
		f"failed requests {sum(run.failures.values())} {dict(run.failures)}"
	)
	for what, body in run.examples.items():
		print(f"  first {what}: {body[-300:]}")
	for problem in problems:
		print(f"PROBLEM {problem}")
	print("LOAD-FAULT " + ("passed" if not problems else "FAILED"))
	sys.exit(1 if problems else 0)


if __name__ == "__main__":
	main()
