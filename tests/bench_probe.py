"""What tests/run.py needs to know of a bench before it plans (run with the bench's Python from sites/).

    python bench_probe.py SITE...   ->  one line of JSON:
    {"root_error": null | "...", "db_host": ..., "db_port": ..., "sites": {SITE: "missing" | "unopenable" | "ready"}}

Reads only: the root login is tried and closed, each site's database is opened with its own
credentials, as Frappe opens it, and closed.
"""

import json
import os
import sys


def root_error(host: str, port: int) -> str | None:
	import pymysql

	try:
		pymysql.connect(
			host=host,
			port=port,
			user=os.environ.get("FRAPPE_DB_ROOT_USER", "root"),
			password=os.environ.get("FRAPPE_DB_ROOT_PASSWORD", "root"),
			connect_timeout=10,
		).close()
	except pymysql.err.MySQLError as error:
		return str(error.args[-1] if error.args else error)
	return None


def site_state(site: str) -> str:
	if not os.path.isdir(site):
		return "missing"
	if not os.path.isfile(os.path.join(site, "site_config.json")):
		return "unopenable"
	import frappe

	try:
		frappe.init(site=site, sites_path=os.getcwd())
		frappe.connect()
		frappe.db.sql("select 1")
	except Exception:
		return "unopenable"
	finally:
		frappe.destroy()
	return "ready"


def main(sites: list[str]) -> None:
	with open("common_site_config.json") as f:
		common = json.load(f)
	host = common.get("db_host") or "127.0.0.1"
	port = int(common.get("db_port") or 3306)
	found = {"db_host": host, "db_port": port, "root_error": root_error(host, port)}
	found["sites"] = {site: site_state(site) for site in sites}
	print(json.dumps(found))


if __name__ == "__main__":
	main(sys.argv[1:])
