"""What a request names, read from its structure the way Frappe will use it (issue 11).

The gate (confidentiality/gate.py) has already identified the endpoint through Frappe's own
URL maps and resolved the whitelisted function; this module takes the arguments and says
which strings Frappe will treat as a DocType: DocType parameters (by name, and by the
function's signature), a document's `doctype` key and its reference fields, a filter's
DocType, `tabX` and `link.field` paths in fields, filters, order and group-by, and report
columns. Free text (titles, descriptions, content, search text) is never read as a name:
"College ball" is a Note's title, not the College DocType.

Templates, SQL and scripts are the residual (docs/decisions.md): strings under a code key
are still scanned for a quoted or `tab`-prefixed name. Pure: no Frappe import.
"""

import functools
import json
import re
from dataclasses import dataclass, field

# Parameters and document keys that Frappe reads as a DocType name.
DOCTYPE_KEYS = frozenset(
	{
		"doctype",
		"dt",
		"doc_type",
		"reference_doctype",
		"ref_doctype",
		"reference_type",
		"document_type",
		"parent",
		"parenttype",
		"parent_doctype",
		"link_doctype",
		"share_doctype",
		"deleted_doctype",
		"attached_to_doctype",
		"export_from",
		"from_doctype",
		"to_doctype",
		"source_doctype",
		"target_doctype",
		"report_doctype",
		"quick_entry_doctype",
		"dashboard_doctype",
	}
)
# Inside a document, `parent` is a record name, not a DocType (its DocType is `parenttype`).
_TOP_LEVEL_ONLY = frozenset({"parent"})

# Arguments and document keys whose value is a filter list or dict (possibly JSON).
FILTER_KEYS = frozenset(
	{"filters", "or_filters", "filter", "stats_filter", "filters_json", "dynamic_filters_json", "conditions"}
)
# Arguments and keys whose value is a field list or an SQL fragment naming columns.
PATH_KEYS = frozenset(
	{"fields", "field", "columns", "order_by", "group_by", "sort_by", "sort_field", "pluck", "aggregate_on"}
)
# Arguments and keys holding a JSON document of settings (Report's `json`, Kanban columns).
NESTED_KEYS = frozenset({"json", "settings", "doc", "docs", "doclist", "data", "args", "values"})
# Templates, SQL and scripts: the residual, scanned for quoted names only.
CODE_KEYS = frozenset(
	{
		"query",
		"script",
		"condition",
		"html",
		"template",
		"message",
		"subject",
		"response",
		"response_html",
		"javascript",
		"sql",
		"command",
		"main_section",
		"main_section_html",
		"context_script",
	}
)

_TAB = re.compile(r"`?tab([^`.,()]+?)`?\s*\.")
_QUOTED_TAB = re.compile(r"`tab([^`]+)`")
# `student.contact_notes` or `student`.`contact_notes`: Frappe joins the Link field `student`.
_LINK_PATH = re.compile(r"^\s*`?([a-z_][a-z0-9_]*)`?\s*\.\s*`?([a-z_][a-z0-9_]*|\*)`?", re.IGNORECASE)
_MAX_DEPTH = 20


class Unreadable(ValueError):
	"""A structured argument Frappe would parse that cannot be parsed: denied to outsiders."""


@dataclass
class Shape:
	doctypes: set = field(default_factory=set)  # strings Frappe reads as a DocType
	link_paths: set = field(default_factory=set)  # (link fieldname, target fieldname) joins
	code: list = field(default_factory=list)  # template / SQL / script text (residual)

	def merge(self, other: "Shape"):
		self.doctypes |= other.doctypes
		self.link_paths |= other.link_paths
		self.code += other.code


def doctype_parameters(signature: list[str] | tuple | None) -> frozenset:
	"""A function's parameters that Frappe reads as DocTypes: known names, `*doctype`, `*_dt`."""
	found = {p for p in signature or () if p.endswith(("doctype", "_dt"))}
	return DOCTYPE_KEYS | found


def _load(value, strict: bool):
	"""A JSON string as Frappe's parse_json would read it; other strings stay strings."""
	if isinstance(value, str | bytes):
		text = value.strip() if isinstance(value, str) else value.decode("utf-8", "replace").strip()
		if text[:1] in ("[", "{"):
			try:
				return json.loads(text)
			except ValueError:
				if strict:
					raise Unreadable(text[:40]) from None
				return value
	return value


_TOP_COMMAS = re.compile(r",(?![^(]*\))")
_AGGREGATE = re.compile(r"^\s*(?:(?:distinct|count|sum|avg|max|min)\b\s*\(?\s*)+", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _names_in_path(value: str) -> tuple[frozenset, frozenset]:
	"""(DocTypes, `link.field` joins) one fields / order-by / group-by string names. Desk requests
	send the same few strings again and again: each is read once per process (issue 15)."""
	doctypes, link_paths = set(), set()
	for part in _TOP_COMMAS.split(value):
		for name in _TAB.findall(part) + _QUOTED_TAB.findall(part):
			doctypes.add(name.strip())
		match = _LINK_PATH.match(_AGGREGATE.sub("", part))
		if match and not match.group(1).lower().startswith("tab"):
			link_paths.add((match.group(1), match.group(2)))
	return frozenset(doctypes), frozenset(link_paths)


def _path_strings(value, shape: Shape, depth=0):
	"""Fields, order-by and group-by: `tabX`.y names X; `link.field` is a join to resolve."""
	if depth > _MAX_DEPTH:
		raise Unreadable("too deep")
	value = _load(value, strict=False)
	if isinstance(value, str):
		doctypes, link_paths = (
			_names_in_path(value) if len(value) <= 1000 else _names_in_path.__wrapped__(value)
		)
		shape.doctypes |= doctypes
		shape.link_paths |= link_paths
	elif isinstance(value, list | tuple):
		# Report Builder columns: [fieldname, doctype] pairs.
		if len(value) == 2 and all(isinstance(v, str) for v in value) and " " not in value[0]:
			shape.doctypes.add(value[1])
		for item in value:
			_path_strings(item, shape, depth + 1)
	elif isinstance(value, dict):
		for key, item in value.items():
			if key in ("doctype", "parent", "reference_doctype") and isinstance(item, str):
				shape.doctypes.add(item)
			elif key in ("fieldname", "field", "id", "name"):
				_path_strings(item, shape, depth + 1)


def _filters(value, shape: Shape, depth=0):
	"""[doctype, field, op, value], {field: value}, {`tabX`.field: value}, nested lists."""
	if depth > _MAX_DEPTH:
		raise Unreadable("too deep")
	value = _load(value, strict=True)
	if isinstance(value, dict):
		for key, item in value.items():
			_path_strings(str(key), shape)
			if key in DOCTYPE_KEYS:
				_filter_value(item, shape)
	elif isinstance(value, list | tuple):
		strings = len(value) >= 3 and all(isinstance(v, str) for v in value[:2])
		if strings and len(value) in (4, 5) and isinstance(value[2], str):
			shape.doctypes.add(value[0])  # [doctype, field, operator, value]
			_path_strings(value[1], shape)
			if value[1] in DOCTYPE_KEYS:
				_filter_value(value[3], shape)
		elif strings and len(value) == 3:
			_path_strings(value[0], shape)  # [field, operator, value]
			if value[0] in DOCTYPE_KEYS:
				_filter_value(value[2], shape)
		else:
			for item in value:
				_filters(item, shape, depth + 1)


def _filter_value(value, shape: Shape):
	"""A reference field filtered on a DocType: `reference_type = Case`, `in [...]`, `[op, value]`."""
	if isinstance(value, str):
		shape.doctypes.add(value)
	elif isinstance(value, list | tuple):
		for item in value:
			_filter_value(item, shape)


def _document(value, shape: Shape, doctype_keys: frozenset, depth=0, top=False):
	"""A document (or list of them, child rows included): structural keys only."""
	if depth > _MAX_DEPTH:
		raise Unreadable("too deep")
	if isinstance(value, list | tuple):
		for item in value:
			_document(_load(item, strict=False), shape, doctype_keys, depth + 1)
		return
	if not isinstance(value, dict):
		return
	for key, item in value.items():
		if not isinstance(key, str):
			continue
		is_doctype_key = key in doctype_keys or key.endswith("_doctype")  # reminder_doctype, ...
		if is_doctype_key and (top or key not in _TOP_LEVEL_ONLY):
			if isinstance(item, str):
				shape.doctypes.add(item)
		elif key in FILTER_KEYS:
			_filters(item, shape, depth + 1)
		elif key in PATH_KEYS:
			_path_strings(item, shape, depth + 1)
		elif key in CODE_KEYS and isinstance(item, str):
			shape.code.append(item)
		elif key == "link_to" and value.get("type") in (None, "DocType") and isinstance(item, str):
			shape.doctypes.add(item)  # a Workspace shortcut or link to a DocType
		elif top and key == "doc" and isinstance(item, str) and item.strip()[:1] not in ("[", "{"):
			shape.doctypes.add(item)  # get_html_and_style(doc, name) and others: `doc` is a DocType
		elif key in NESTED_KEYS or isinstance(item, list | dict):
			_document(_load(item, strict=key in NESTED_KEYS), shape, doctype_keys, depth + 1)


def read(arguments: dict, signature: list[str] | tuple | None = None) -> Shape:
	"""The structural names of one request's arguments (raises Unreadable on a malformed one)."""
	shape = Shape()
	keys = doctype_parameters(signature)
	_document(dict(arguments or {}), shape, keys, top=True)
	return shape
