# generated from spec/openapi.yaml by `make generate`; do not edit
"""What RetellClient and AsyncRetellClient share: settings, request validation, retry policy,
and turning responses into models or typed errors. No I/O happens here.

Retries: connection errors, timeouts, 408, 409, 429 and 5xx are retried with the same
Idempotency-Key. A retried create may place a second call when the first attempt reached the
server but its answer was lost (a read timeout, a dropped connection): pass `max_retries=0`
to send every request exactly once.
"""

from __future__ import annotations

import email.utils
import os
import random
import re
import time
import uuid
from collections.abc import Mapping
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    error_class,
)

DEFAULT_BASE_URL = "https://api.retellai.com"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
RETRY_STATUSES = frozenset((408, 409, 429))
RETRY_SERVER_ERRORS = True
API_KEY_ENV = "RETELL_API_KEY"
BASE_URL_ENV = "RETELL_BASE_URL"
USER_AGENT = "retell-client-python/2.0.0"
REDACTED = "[REDACTED]"

# Looked up at call time, so tests can patch them.
sleep = time.sleep


async def async_sleep(seconds: float) -> None:
    import anyio  # only async users pay for it

    await anyio.sleep(seconds)


ModelT = TypeVar("ModelT", bound=BaseModel)


# What an HTTP header value may hold here: visible ASCII, no whitespace or control characters.
_HEADER_SAFE = re.compile(r"[\x21-\x7e]+")


def resolve_api_key(api_key: str | None) -> str:
    """The key from `api_key` or the environment, checked before any request carries it.

    A key that cannot be a header value (a trailing newline read from a file, a space, a
    non-ASCII character) is refused here with an error that names its source, never the key."""
    source = "api_key" if api_key is not None else API_KEY_ENV
    key = api_key if api_key is not None else os.environ.get(API_KEY_ENV, "")
    if not isinstance(key, str):
        raise APIError(f"{source}: must be a str, not {type(key).__name__}")
    if not key:
        raise APIError(f"no API key: pass api_key=... or set {API_KEY_ENV}")
    problem = header_value_problem(key)
    if problem is not None:
        raise APIError(f"{source}: {problem} (the key is not shown)")
    return key


def header_value_problem(value: str) -> str | None:
    """Why `value` cannot be sent as a header value, or None when it can."""
    if _HEADER_SAFE.fullmatch(value):
        return None
    if value != value.strip():
        return "has leading or trailing whitespace (a newline read from a file?): strip it"
    return "may hold only visible ASCII characters (no whitespace, control or non-ASCII characters)"


def resolve_base_url(base_url: str | None) -> str:
    return (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")


def request_body(model: type[BaseModel], arguments: Mapping[str, Any]) -> dict[str, Any]:
    """Validate the arguments (None means: leave out) and return the JSON body to send.

    Raises pydantic's ValidationError, naming the field, before anything is sent."""
    given = {name: value for name, value in arguments.items() if value is not None}
    body: dict[str, Any] = model.model_validate(given).model_dump(mode="json", exclude_unset=True)
    return body


def request_headers(api_key: str, idempotency_key: str | None) -> dict[str, str]:
    if idempotency_key is not None:
        problem = header_value_problem(idempotency_key)
        if problem is not None:
            raise APIError(f"idempotency_key: {problem}")
    return {
        "Authorization": f"Bearer {api_key}",
        "Idempotency-Key": idempotency_key or f"retell-python-{uuid.uuid4()}",
        "User-Agent": USER_AGENT,
        "Accept": "application/json",
    }


def should_retry(status: int) -> bool:
    return status in RETRY_STATUSES or (RETRY_SERVER_ERRORS and status >= 500)


def should_retry_transport_error(exc: httpx.TransportError) -> bool:
    """A request that could not even be written (an invalid header or URL) fails again."""
    return not isinstance(exc, httpx.LocalProtocolError | httpx.UnsupportedProtocol)


def retry_delay(attempt: int, response: httpx.Response | None = None) -> float:
    """Seconds to wait before retry number `attempt` + 1: what the server asked for when it
    sent a usable `retry-after-ms` or `Retry-After`, else exponential backoff with jitter."""
    retry_after = retry_after_seconds(response.headers) if response is not None else None
    if retry_after is not None:
        return retry_after
    delay = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
    return delay * (1.0 - 0.25 * random.random())  # noqa: S311 - jitter, not cryptography


# The rule both generated clients follow. A wait is an unsigned decimal number; `Retry-After`
# may instead be an HTTP date (IMF-fixdate), and a date in the past means "now". The first of
# `retry-after-ms` (milliseconds) and `Retry-After` (seconds or date) that parses wins; a
# negative, malformed or empty value is ignored; a wait beyond MAX_RETRY_AFTER seconds is not
# honoured (backoff instead).
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


def transport_error(exc: httpx.TransportError, api_key: str) -> APIConnectionError:
    """Our error for httpx's; raise it `from None`: httpx's own message may quote a header
    (an invalid header value, say), so it is neither chained nor quoted when the request
    could not be written, and redacted otherwise."""
    name = type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"request timed out ({name})")
    if not should_retry_transport_error(exc):
        return APIConnectionError(f"the request could not be sent ({name}: invalid header or URL)")
    return APIConnectionError(f"connection error ({name}: {redact(str(exc), api_key)})")


def parse_response(response: httpx.Response, model: type[ModelT], api_key: str) -> ModelT:
    if not response.is_success:
        raise status_error(response, api_key)
    body = _json(response)
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        message = f"response does not match {model.__name__}: {exc.error_count()} error(s)"
        raise APIResponseValidationError(
            redact(f"{message}\n{exc}", api_key),
            status=response.status_code,
            body=redact(body, api_key),
        ) from None


def status_error(response: httpx.Response, api_key: str) -> APIStatusError:
    body = redact(_json(response), api_key)
    message = body.get("error_message") if isinstance(body, dict) else None
    if not isinstance(message, str):
        message = response.reason_phrase or "error"
    text = f"HTTP {response.status_code}: {message}"
    return error_class(response.status_code)(text, response=response, body=body)


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return response.text


def redact(value: Any, secret: str) -> Any:
    """A copy of a JSON value with every occurrence of `secret` in its strings replaced."""
    if isinstance(value, str):
        return value.replace(secret, REDACTED) if secret else value
    if isinstance(value, list):
        return [redact(item, secret) for item in value]
    if isinstance(value, dict):
        return {redact(k, secret): redact(v, secret) for k, v in value.items()}
    return value
