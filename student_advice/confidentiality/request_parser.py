"""A request as Frappe will dispatch it: endpoint, DocType in the path, method, arguments (issue 11).

The path is matched against Frappe's own werkzeug map (frappe.api.API_URL_MAP: /api, /api/v1
and /api/v2), so every alias Frappe mounts is seen; `cmd` and desk, print and website routes
are read as frappe.app and frappe.website route them. The body is read as the endpoint
reads it (v1 create and update read the raw body themselves, whatever its content type),
and a whitelisted method is resolved through override_whitelisted_methods and
frappe.get_attr as frappe.handler does, so its signature says which arguments it takes.
The structural reading of the arguments is pure: policy/request_shape.py.
"""

import functools
import inspect
from dataclasses import dataclass, field
from urllib.parse import unquote

import frappe
from werkzeug.exceptions import MethodNotAllowed, NotFound

from student_advice.policy import request_shape

# Endpoints of frappe.api's map (module.qualname), by what their path arguments mean.
# A rule whose endpoint is not here fails tests/over_http/test_completeness.py.
KNOWN_API_ENDPOINTS = {
	"frappe.api.v1.handle_rpc_call": "method",
	"frappe.api.v1.document_list": "doctype",
	"frappe.api.v1.create_doc": "raw_body",
	"frappe.api.v1.read_doc": "doctype",
	"frappe.api.v1.update_doc": "raw_body",
	"frappe.api.v1.delete_doc": "doctype",
	"frappe.api.v1.execute_doc_method": "doctype",
	"frappe.api.v2.login": "none",
	"frappe.api.v2.logout": "none",
	"frappe.ping": "none",
	"frappe.handler.upload_file": "upload",
	"frappe.api.v2.handle_rpc_call": "method",
	"frappe.api.v2.<lambda>": "run_doc_method",
	"frappe.api.v2.document_list": "doctype",
	"frappe.api.v2.create_doc": "doctype",
	"frappe.api.v2.read_doc": "doctype",
	"frappe.api.v2.update_doc": "doctype",
	"frappe.api.v2.delete_doc": "doctype",
	"frappe.api.v2.execute_doc_method": "doctype",
	"frappe.api.v2.get_meta": "doctype",
	"frappe.api.v2.count": "doctype",
}

# Where frappe.api mounts the rules: a new version or alias fails the completeness gate.
KNOWN_API_MOUNTS = frozenset({"/api", "/api/v1", "/api/v2"})
# Website route rules of installed apps (hooks.website_route_rules), read as arguments only.
# Frappe's own: the desk (read as /app/<doctype>) and portal pages that take no DocType.
KNOWN_WEBSITE_ROUTE_RULES = frozenset(
	{"/app/<path:app_path>", "/blog/<category>", "/profile", "/kb/<category>", "/newsletters"}
)

# Website routes whose first path segment after the prefix is a DocType (desk and print).
_DOCTYPE_ROUTES = ("/app/", "/desk/")
_PRINT_ROUTES = ("/printview", "/printpreview")


def endpoint_key(endpoint) -> str:
	return f"{getattr(endpoint, '__module__', '')}.{getattr(endpoint, '__qualname__', repr(endpoint))}"


@dataclass
class Parsed:
	method: str = ""  # the whitelisted function's dotted path, after overrides
	arguments: dict = field(default_factory=dict)
	shape: request_shape.Shape = field(default_factory=request_shape.Shape)
	unreadable: bool = False

	def code_mentions(self):
		return [t for t in self.shape.code if t]


def _signature(method: str) -> list[str]:
	"""The resolved function's parameters, as frappe.handler would call it (overrides first)."""
	for hook in reversed(frappe.get_hooks("override_whitelisted_methods", {}).get(method, [])):
		method = hook
		break
	if "." not in method:
		return []
	try:
		function = frappe.get_attr(method)
	except Exception:
		return []  # Frappe answers the same "not found" to everyone
	return list(_parameters(function))


@functools.lru_cache(maxsize=1024)
def _parameters(function) -> tuple[str, ...]:
	"""A function's parameters, read once per function and process (a function's signature never
	changes; inspect.signature costs more than the rest of the gate for an ordinary request)."""
	try:
		return tuple(inspect.signature(function).parameters)
	except (TypeError, ValueError):
		return ()


def _desk_doctype(path: str) -> str | None:
	"""/app/case-entry/x is the Case Entry DocType, slug unscrubbed as the desk router does."""
	for prefix in _DOCTYPE_ROUTES:
		if path.startswith(prefix):
			segment = path[len(prefix) :].split("/", 1)[0]
			return segment.replace("-", " ") if segment else None
	return None


_ADAPTERS: dict = {}


def _api_adapter():
	"""Frappe's API map bound once per process (matching does not change the adapter)."""
	from frappe.api import API_URL_MAP

	adapter = _ADAPTERS.get(id(API_URL_MAP))
	if adapter is None or adapter.map is not API_URL_MAP:
		adapter = _ADAPTERS[id(API_URL_MAP)] = API_URL_MAP.bind("localhost")
	return adapter


def _api_match(path: str, method: str) -> tuple:
	"""(endpoint, path arguments) of an API path; the few paths the desk sends again and again are
	matched once per process (the map never changes while it serves)."""
	if len(path) > 300:
		return _api_adapter().match(path, method=method)
	endpoint, path_args = _cached_match(path, method)
	return endpoint, dict(path_args)


@functools.lru_cache(maxsize=2048)
def _cached_match(path: str, method: str) -> tuple:
	endpoint, path_args = _api_adapter().match(path, method=method)
	return endpoint, tuple(path_args.items())


def parse(request, form_dict) -> Parsed:
	parsed = Parsed(arguments=dict(form_dict or {}))
	path = unquote(request.path or "")
	doctypes = set()
	if getattr(request, "method", None) == "OPTIONS":
		return parsed  # a CORS preflight: frappe.app answers it without dispatching anything
	if form_dict.get("cmd"):
		parsed.method = str(form_dict.get("cmd"))
	elif path.startswith("/api/"):
		try:
			# Bound by path and method rather than environ: the same answer, and it also reads
			# requests replayed in-process (tests/integration/test_statistics.py).
			endpoint, path_args = _api_match(request.path, getattr(request, "method", None) or "GET")
		except (NotFound, MethodNotAllowed):
			parsed.unreadable = True  # an API version or route the parser does not know
			return parsed
		kind = KNOWN_API_ENDPOINTS.get(endpoint_key(endpoint), "unknown")
		if kind == "unknown":
			parsed.unreadable = True
			return parsed
		if path_args.get("doctype"):
			doctypes.add(path_args["doctype"])
		method = path_args.get("method")
		if kind == "method" and method:
			# v2's /method/<doctype>/<method> calls a controller method of that DocType.
			parsed.method = method
		elif kind == "run_doc_method":
			parsed.method = "run_doc_method"
		elif kind == "upload":
			parsed.method = "upload_file"
		if kind == "raw_body" and form_dict.get("data") is None:
			# v1 create and update read the body themselves, whatever its content type says.
			body = request.get_data(as_text=True) if hasattr(request, "get_data") else ""
			if body and not getattr(request, "is_json", False):
				try:
					data = request_shape._load(body, strict=True)
				except request_shape.Unreadable:
					parsed.unreadable = True
					return parsed
				if isinstance(data, dict):
					parsed.arguments = {**parsed.arguments, "data": data}
	else:
		doctype = _desk_doctype(path)
		if doctype:
			doctypes.add(doctype)
	try:
		parsed.shape = request_shape.read(
			parsed.arguments, _signature(parsed.method) if parsed.method else None
		)
	except request_shape.Unreadable:
		parsed.unreadable = True
	parsed.shape.doctypes |= doctypes
	return parsed
