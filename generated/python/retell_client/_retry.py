# generated from spec/openapi.yaml by `make generate`; do not edit
"""When to retry, and how long to wait first: the same policy in every generated language.

| failure | idempotent operation | not idempotent (default) | not idempotent, `retry_unsafe=True` |
|---|---|---|---|
| connection failed before the request was sent | retry | retry | retry |
| 429 Too Many Requests | retry | retry | retry |
| 408, 409, 5xx | retry | no | retry |
| timeout or dropped connection after the request was sent | retry | no | retry |
| other 4xx, validation errors, too-large responses | no | no | no |

Creating a call is not idempotent: a retry after the request may have reached the server
can place a second, paid call, so by default it is retried only when it certainly did not
(httpx's ConnectError, ConnectTimeout, PoolTimeout) or when the server said 429.

Waits: `retry-after-ms` (milliseconds) or `Retry-After` (seconds or an HTTP date) when the
server sends one of at most MAX_RETRY_AFTER seconds; otherwise exponential backoff from
INITIAL_RETRY_DELAY doubling up to MAX_RETRY_DELAY, minus up to 25 % jitter.
"""

from __future__ import annotations

import email.utils
import random
import re
import time
from collections.abc import Mapping

import httpx

from ._constants import INITIAL_RETRY_DELAY, MAX_RETRY_AFTER, MAX_RETRY_DELAY

__all__ = ["retry_after_seconds", "retry_delay", "should_retry_error", "should_retry_status"]

# Raised before any byte of the request left: retrying cannot repeat it.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# The request could not be written (an invalid header or URL): it would fail again.
UNSENDABLE = (httpx.LocalProtocolError, httpx.UnsupportedProtocol)
UNSAFE_STATUSES = frozenset({408, 409})


def should_retry_status(status: int, safe: bool) -> bool:
    """`safe`: the operation is idempotent, or the client has `retry_unsafe=True`."""
    if status == 429:
        return True
    return safe and (status in UNSAFE_STATUSES or status >= 500)


def should_retry_error(error: httpx.TransportError, safe: bool) -> bool:
    if isinstance(error, UNSENDABLE):
        return False
    return safe or isinstance(error, NOT_SENT)


def retry_delay(retries_taken: int, headers: Mapping[str, str] | None = None) -> float:
    """Seconds to wait before retry number `retries_taken` + 1."""
    asked = retry_after_seconds(headers) if headers is not None else None
    if asked is not None:
        return asked
    delay = min(INITIAL_RETRY_DELAY * 2.0**retries_taken, MAX_RETRY_DELAY)
    return delay * (1.0 - 0.25 * random.random())  # noqa: S311 - jitter, not cryptography


# A wait is an unsigned decimal number; `Retry-After` may instead be an HTTP date
# (IMF-fixdate), and a date in the past means "now". The first of `retry-after-ms` and
# `Retry-After` that parses wins; a negative, malformed or empty value is ignored; a wait
# beyond MAX_RETRY_AFTER seconds is not honoured (backoff instead).
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_HTTP_DATE = re.compile(
    r"[A-Za-z]{3}, [0-9]{2} [A-Za-z]{3} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT"
)


def retry_after_seconds(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds the server asks to wait before the next attempt, or None to back off instead."""
    millis = headers.get("retry-after-ms", "").strip()
    value = headers.get("retry-after", "").strip()
    if _DECIMAL.fullmatch(millis):
        seconds = float(millis) / 1000.0
    elif _DECIMAL.fullmatch(value):
        seconds = float(value)
    elif _HTTP_DATE.fullmatch(value):
        try:
            date = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = max(date.timestamp() - (time.time() if now is None else now), 0.0)
    else:
        return None
    return seconds if seconds <= MAX_RETRY_AFTER else None
