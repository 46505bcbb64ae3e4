"""Does a request mention one of the service's DocTypes anywhere in its arguments?

Used by the request gate to give outsiders one uniform denial before Frappe runs the
method (and before any "not found" / "not permitted" difference can arise). Arguments
arrive as strings, JSON strings, lists and dicts; all are walked.
"""

import json
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import unquote

_API_PREFIXES = ("api/resource/", "api/v2/document/", "api/v2/doctype/", "app/")


def fold(value: str) -> str:
	"""Compare as MariaDB's utf8mb4_unicode_ci does, roughly: no accents, no case, no width."""
	decomposed = unicodedata.normalize("NFKD", value)
	return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _normalise(value: str) -> str:
	return re.sub(r"[\s_\-]+", " ", fold(unquote(value))).strip().strip("`'\"").strip()


def _walk(value, depth=0):
	if depth > 20:
		return
	if isinstance(value, str):
		yield value
		text = value.strip()
		if text[:1] in ("[", "{"):
			try:
				parsed = json.loads(text)
			except ValueError:
				return
			yield from _walk(parsed, depth + 1)
	elif isinstance(value, dict):
		for key, item in value.items():
			yield from _walk(key, depth + 1)
			yield from _walk(item, depth + 1)
	elif isinstance(value, list | tuple | set):
		for item in value:
			yield from _walk(item, depth + 1)


class DoctypeMatcher:
	"""Matches strings that name any of the given DocTypes (or their tables)."""

	def __init__(self, doctypes: Iterable[str]):
		names = sorted({d.casefold() for d in doctypes}, key=len, reverse=True)
		self.names = frozenset(names)
		alternatives = "|".join(re.escape(n).replace(r"\ ", r"[\s_\-]") for n in names)
		# `tabCase` in raw SQL, or 'Case' / "Case" quoted inside a template or code text.
		self._embedded = re.compile(rf"(tab|[`'\"])({alternatives})(?![\w])", re.IGNORECASE)

	def names_doctype(self, value: str) -> bool:
		return _normalise(value) in self.names or bool(self._embedded.search(fold(value)))

	def in_arguments(self, arguments) -> bool:
		return any(self.names_doctype(s) for s in _walk(arguments))

	def in_path(self, path: str) -> bool:
		"""REST and desk routes that carry a DocType in the path."""
		path = unquote(path or "").lstrip("/")
		for prefix in _API_PREFIXES:
			if path.startswith(prefix):
				segment = path[len(prefix) :].split("/", 1)[0]
				return _normalise(segment) in self.names
		return False
