# generated from spec/openapi.yaml by `make generate`; do not edit
"""Keep the API key out of everything that came from the server before it reaches an error,
a log line or a repr: bodies, headers and reason phrases.

A server may echo the key as sent, JSON-escaped (inside a string of a JSON body) or
URL-encoded (a query string, a form body, a redirect target), so every one of those forms is
replaced, percent-escapes in either case.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from urllib.parse import quote, quote_plus

import httpx

__all__ = ["REDACTED", "Redactor", "key_forms", "redacted_response"]

REDACTED = "[REDACTED]"


def key_forms(key: str) -> tuple[str, ...]:
    """The key as it may come back, longest first."""
    escaped = json.dumps(key)[1:-1]
    forms = {key, escaped, escaped.replace("/", "\\/"), quote(key, safe=""), quote(key)}
    forms.add(quote_plus(key))
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


@lru_cache(maxsize=32)
def _pattern(key: str) -> re.Pattern[str]:
    parts = [
        re.sub(
            r"%([0-9A-F])([0-9A-F])",
            lambda hit: f"%[{hit[1]}{hit[1].lower()}][{hit[2]}{hit[2].lower()}]",
            re.escape(form),
        )
        for form in key_forms(key)
    ]
    return re.compile("|".join(parts))


class Redactor:
    """Replaces one key, in any of its forms, with REDACTED."""

    __slots__ = ("_pattern",)

    def __init__(self, key: str) -> None:
        self._pattern = _pattern(key)

    def __repr__(self) -> str:
        return "Redactor()"

    def text(self, text: str) -> str:
        return self._pattern.sub(REDACTED, text)

    def data(self, raw: bytes) -> bytes:
        """Bytes as sent: invalid UTF-8 survives untouched (surrogateescape)."""
        text = raw.decode("utf-8", errors="surrogateescape")
        return self.text(text).encode("utf-8", errors="surrogateescape")

    def value(self, value: object) -> object:
        """A copy of a parsed JSON value (or of tuples and bytes, as log records hold them)
        with every string and key redacted."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, bytes):
            return self.data(value)
        if isinstance(value, dict):
            return {self.value(key): self.value(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, tuple):
            return tuple(self.value(item) for item in value)
        return value


_REDONE = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def redacted_response(
    response: httpx.Response, content: bytes, redactor: Redactor
) -> httpx.Response:
    """A copy of a response whose body (`content`, as read), headers and reason phrase are
    redacted: what an error carries. The body is the decoded one, so its headers say so."""
    headers = [
        (name, redactor.text(value))
        for name, value in response.headers.multi_items()
        if name.lower() not in _REDONE
    ]
    reason = response.extensions.get("reason_phrase", b"")
    extensions = {
        "http_version": response.extensions.get("http_version", b"HTTP/1.1"),
        "reason_phrase": redactor.data(reason) if isinstance(reason, bytes) else b"",
    }
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=redactor.data(content),
        request=response.request,
        extensions=extensions,
    )
