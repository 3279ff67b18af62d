"""Guards for real servers: every accepted request to the real service places a paid call.

A non-loopback base URL is refused unless the run is `--live`; in a live run a request is
sent only when it must be rejected (no valid key, or a body the spec forbids) or while the
budget of valid calls (`--max-live-calls`) lasts. Nothing here touches the network.
"""

from __future__ import annotations

import ipaddress
import json
import re
import threading
from collections.abc import Mapping
from urllib.parse import urlsplit

from contract_tests import spec

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback_url(url: str) -> bool:
    """Whether `url` names a loopback host (by name or address; no DNS lookup)."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a base URL, or `None`."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"--base-url must be an http(s) URL with a host, got {url!r}"
    return None


def refusal(url: str, *, live: bool) -> str | None:
    """Why the run must not start against `url`, or `None`."""
    problem = url_problem(url)
    if problem is not None:
        return problem
    if not live and not is_loopback_url(url):
        host = urlsplit(url).hostname
        return (
            f"refusing to test non-loopback host {host}: accepted requests place real, paid "
            "phone calls; pass --live to send only requests that must be rejected "
            "(plus --max-live-calls N valid ones)"
        )
    return None


def must_be_rejected(
    path: str, headers: Mapping[str, str], body: bytes | None, api_key: str
) -> bool:
    """Whether a request cannot create a call: wrong/missing key, unknown path or invalid body."""
    authorization = {name.lower(): value for name, value in headers.items()}.get("authorization")
    if authorization != f"Bearer {api_key}":
        return True
    operation = spec.operation_for_path(path)
    if operation is None:
        return True
    try:
        document = json.loads(body) if body else None
    except (ValueError, UnicodeDecodeError):
        return True
    if not spec.validator_for(operation.request_schema_name).is_valid(document):
        return True
    return not _numbers_are_e164(document)


def _numbers_are_e164(document: object) -> bool:
    """E.164 with JSON Schema's (ECMA) anchors: Python's `$` would accept a trailing newline."""
    pattern = re.compile(spec.e164_pattern())
    if not isinstance(document, dict):
        return False
    return all(
        isinstance(document.get(name), str) and pattern.fullmatch(document[name]) is not None
        for name in ("from_number", "to_number")
    )


class ValidCallBudget:
    """Counts the valid (call-placing) requests a live run may still send. Thread-safe."""

    def __init__(self, limit: int) -> None:
        self._remaining = limit
        self._lock = threading.Lock()

    def take(self) -> bool:
        """Spend one valid call; `False` when the budget is exhausted."""
        with self._lock:
            if self._remaining <= 0:
                return False
            self._remaining -= 1
            return True


class LiveGuard:
    """Decides, request by request, whether a live run may send it."""

    def __init__(self, api_key: str, max_live_calls: int) -> None:
        self.api_key = api_key
        self.budget = ValidCallBudget(max_live_calls)

    def permits(self, path: str, headers: Mapping[str, str], body: bytes | None) -> bool:
        if must_be_rejected(path, headers, body, self.api_key):
            return True
        return self.budget.take()
