"""Guards for real servers: every accepted request to the real service places a paid call.

A non-loopback base URL is refused unless the run is `--live`; in a live run a request is
sent only when it must be rejected (no valid key, or a body the spec forbids) or, while the
budget of valid calls (`--max-live-calls`) lasts, when it dials only the numbers the tester
named (`LiveNumbers`): a live run never rings a number nobody chose. Nothing here touches
the network.
"""

from __future__ import annotations

import ipaddress
import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from contract_tests import spec

# The finding of a live server that accepted a request it had to reject.
LIVE_LENIENCY_RULE = "live_rejection_required"
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
    path: str, headers: Mapping[str, str], body: bytes | None, api_key: str, method: str = "POST"
) -> bool:
    """Whether a request cannot create a call: another method than the spec's POST (as the
    unsupported-method check sends), wrong/missing key, unknown path or invalid body."""
    if method.upper() != "POST":
        return True
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


@dataclass(frozen=True)
class LiveNumbers:
    """The only numbers a live run's valid calls may use: a number the account manages and
    a phone the tester owns."""

    from_number: str
    to_number: str

    def problem(self) -> str | None:
        """Why these numbers cannot be used, or `None`."""
        pattern = re.compile(spec.e164_pattern())
        for option, number in (
            ("--from-number", self.from_number),
            ("--live-to-number", self.to_number),
        ):
            if pattern.fullmatch(number) is None:
                return f"{option} must be an E.164 number such as +14155550100, got {number!r}"
        return None

    def aim(self, document: dict[str, object]) -> dict[str, object]:
        """The body with its numbers replaced by these."""
        return document | {"from_number": self.from_number, "to_number": self.to_number}

    def dialled_by(self, body: bytes | None) -> bool:
        try:
            document = json.loads(body) if body else None
        except (ValueError, UnicodeDecodeError):
            return False
        return isinstance(document, dict) and self.aim(document) == document


class LiveGuard:
    """Decides, request by request, whether a live run may send it."""

    def __init__(
        self, api_key: str, max_live_calls: int, numbers: LiveNumbers | None = None
    ) -> None:
        if max_live_calls > 0 and numbers is None:
            raise ValueError("valid live calls need the numbers they may dial (LiveNumbers)")
        self.api_key = api_key
        self.budget = ValidCallBudget(max_live_calls)
        self.numbers = numbers
        # why the run stopped sending (a 2xx to a request that had to be rejected), if it did
        self.tripped: str | None = None

    def trip(self, reason: str) -> None:
        """Stop the run: from now on nothing is sent, not even requests that must be rejected."""
        if self.tripped is None:
            self.tripped = reason

    def permits(
        self, path: str, headers: Mapping[str, str], body: bytes | None, method: str = "POST"
    ) -> bool:
        """Send as it is? Nothing once the run was stopped; always when it must be rejected;
        a valid call only when it dials the tester's numbers and the budget lasts."""
        if self.tripped is not None:
            return False
        if must_be_rejected(path, headers, body, self.api_key, method):
            return True
        return self.numbers is not None and self.numbers.dialled_by(body) and self.budget.take()
