"""The scale benchmark's baseline: Frappe with this app's hooks left out (benchmarks only).

`frappe.get_hooks` is swapped for one that reads every installed app's hooks.py except
student_advice's, so the same call runs as Frappe alone would run it: no permission query
conditions or has_permission hooks of the app, no request gate, no overridden whitelisted
methods, no after_request audit. The app's DocTypes and controllers stay as they are.

    with bypass.bypassed(): ...          # in the benchmark's own process
    gunicorn ... bypassed_wsgi:application   # a server of the baseline (scale_benchmark.py)

Never imported by the app: it exists to measure what the confidentiality layer costs.
"""

import contextlib

import frappe

APP = "student_advice"
CACHE_KEY = "app_hooks_without_student_advice"
_original_get_hooks = frappe.get_hooks
_cache: dict[tuple, dict] = {}


def _hooks_without_app() -> dict:
	apps = tuple(app for app in frappe.get_installed_apps() if app != APP)
	if apps not in _cache:
		hooks: dict = {}
		for app in apps:
			for key, value in frappe._load_app_hooks(app).items():
				frappe.append_hook(hooks, key, value)
		_cache[apps] = hooks
	return _cache[apps]


def get_hooks_without_app(hook=None, default="_KEEP_DEFAULT_LIST", app_name=None):
	"""frappe.get_hooks as Frappe without the app answers it: read from Redis once per request (and
	unpickled) as frappe.get_hooks reads "app_hooks", under a key of its own. Kept in this process
	instead, the baseline would skip a Redis round trip that every real request pays, and the
	layer's figures would carry it."""
	if app_name:
		return _original_get_hooks(hook, default, app_name)
	if frappe.conf.developer_mode:
		hooks = frappe._dict(_hooks_without_app())
	else:
		hooks = frappe._dict(frappe.cache.get_value(CACHE_KEY, _hooks_without_app))
	if hook:
		return hooks.get(hook, ([] if default == "_KEEP_DEFAULT_LIST" else default))
	return hooks


def install() -> None:
	frappe.get_hooks = get_hooks_without_app


def uninstall() -> None:
	frappe.get_hooks = _original_get_hooks


@contextlib.contextmanager
def bypassed():
	install()
	try:
		yield
	finally:
		uninstall()
