# generated from spec/openapi.yaml by `make generate`; do not edit
"""What RetellClient and AsyncRetellClient share: settings, request validation, retry policy,
and turning responses into models or typed errors. No I/O happens here."""

from __future__ import annotations

import email.utils
import os
import random
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


def resolve_api_key(api_key: str | None) -> str:
    key = api_key if api_key is not None else os.environ.get(API_KEY_ENV, "")
    if not key:
        raise APIError(f"no API key: pass api_key=... or set {API_KEY_ENV}")
    return key


def resolve_base_url(base_url: str | None) -> str:
    return (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")


def request_body(model: type[BaseModel], arguments: Mapping[str, Any]) -> dict[str, Any]:
    """Validate the arguments (None means: leave out) and return the JSON body to send.

    Raises pydantic's ValidationError, naming the field, before anything is sent."""
    given = {name: value for name, value in arguments.items() if value is not None}
    body: dict[str, Any] = model.model_validate(given).model_dump(mode="json", exclude_unset=True)
    return body


def request_headers(api_key: str, idempotency_key: str | None) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {api_key}",
        "Idempotency-Key": idempotency_key or f"retell-python-{uuid.uuid4()}",
        "User-Agent": USER_AGENT,
        "Accept": "application/json",
    }


def should_retry(status: int) -> bool:
    return status in RETRY_STATUSES or (RETRY_SERVER_ERRORS and status >= 500)


def retry_delay(attempt: int, response: httpx.Response | None = None) -> float:
    """Seconds to wait before retry number `attempt` + 1: Retry-After when the server sent a
    usable one, else exponential backoff with jitter."""
    retry_after = _retry_after(response) if response is not None else None
    if retry_after is not None:
        return retry_after
    delay = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
    return delay * (1.0 - 0.25 * random.random())  # noqa: S311 - jitter, not cryptography


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        date = email.utils.parsedate_tz(value)
        if date is None:
            return None
        seconds = email.utils.mktime_tz(date) - time.time()
    return max(seconds, 0.0) if seconds <= MAX_RETRY_AFTER else None


def transport_error(exc: httpx.TransportError) -> APIConnectionError:
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"request timed out ({type(exc).__name__})")
    return APIConnectionError(f"connection error ({type(exc).__name__})")


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
