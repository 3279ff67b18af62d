# generated from spec/openapi.yaml by `make generate`; do not edit
"""What Retell and AsyncRetell share: their settings, the request each call sends, the
retry loop, and the typed error of each failure.

Every call is checked before anything is sent: its arguments (and `extra_body`) become the
JSON body, which must be JSON-only and follow the spec (`ValidationError` otherwise). Each
attempt has one deadline (the timeout), covering connecting, sending and reading the whole
answer, and reads at most `max_response_bytes`; redirects are never followed, so the key
never travels to another origin. Retries follow `_retry`: a call that is not idempotent
(creating a phone call) is retried only when it cannot have reached the server or on 429,
because a retry after it may have reached the server can place a second, paid call.
`retry_unsafe=True` opts into retrying it like an idempotent one, accepting that risk.
"""

from __future__ import annotations

import logging
import math
import os
import re
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import anyio
import httpx

from ._constants import (
    API_KEY_ENV,
    AUTH_HEADER,
    BASE_URL_ENV,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    ERROR_MESSAGE_FIELDS,
    USER_AGENT,
)
from ._exceptions import (
    APIConnectionError,
    APIResponseTooLargeError,
    APIStatusError,
    APITimeoutError,
    RetellError,
    error_class,
)
from ._json import encode, to_json
from ._redact import Redactor, redacted_response
from ._response import APIResponse, AsyncAPIResponse
from ._retry import UNSENDABLE, retry_delay, should_retry_error, should_retry_status
from ._rules import check_request
from ._transport import (
    DEADLINE,
    default_async_http_client,
    default_http_client,
    redact_reason,
    trace_extension,
    tracing,
)
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, TimeoutTypes

__all__ = ["AsyncAPIClient", "Operation", "RequestOptions", "SyncAPIClient", "async_sleep", "sleep"]

log = logging.getLogger("retell_client")

# Looked up at each retry, so that tests can patch them and see the waits without waiting.
sleep = time.sleep


async def async_sleep(seconds: float) -> None:
    await anyio.sleep(seconds)


R = TypeVar("R")
# What an API key may hold: visible ASCII (no whitespace, control or non-ASCII characters).
_KEY = re.compile(r"[\x21-\x7e]+")
# Header names are tokens; values visible ASCII with inner spaces or tabs.
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HEADER_VALUE = re.compile(r"(?:[\x21-\x7e](?:[\x20\x21-\x7e\t]*[\x21-\x7e])?)?")
_QUERY_SCALARS = (str, int, float, bool)


@dataclass(frozen=True, slots=True)
class Operation(Generic[R]):
    """One operation of the spec, as its methods send it (built from the IR in resources.py).
    `R` is what it returns: `response_type` evaluated (None without a success body)."""

    method: str
    path: str
    request_schema: str | None  # $defs key of the request body (None: no body)
    response_schema: str | None  # $defs key of the success body (None: no body)
    response_type: object
    idempotent: bool
    drop_none: frozenset[str] = frozenset()  # optional fields that None leaves out
    idempotency_header: str | None = None


@dataclass(frozen=True, slots=True)
class RequestOptions:
    """The per-request options every method takes."""

    extra_headers: Headers | None = None
    extra_query: Query | None = None
    extra_body: Body | None = None
    timeout: TimeoutTypes | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    idempotency_key: str | NotGiven = NOT_GIVEN


@dataclass(frozen=True, slots=True)
class _Attempts:
    """How one call's attempts run."""

    timeouts: dict[str, float | None]  # httpx's per-phase timeouts
    deadline: float | None  # seconds per attempt (None: none)
    max_retries: int
    safe: bool  # may be retried after it may have reached the server


class _Secret:
    """The API key, out of sight: no repr, str, vars() or inspect shows it."""

    __slots__ = ("reveal",)

    def __init__(self, value: str) -> None:
        self.reveal: Callable[[], str] = lambda: value

    def __repr__(self) -> str:
        return "<secret>"


class _BaseClient:
    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Headers | None = None,
        strict_response_validation: bool = False,
        retry_unsafe: bool = False,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        key = resolve_api_key(api_key)
        self._api_key = _Secret(key)
        self._redactor = Redactor(key)
        self.base_url = resolve_base_url(base_url)
        self.timeout = resolve_timeout(timeout, "timeout")
        self.max_retries = _count(max_retries, "max_retries", minimum=0)
        self.default_headers = dict(checked_headers(default_headers or {}, "default_headers"))
        self.strict_response_validation = _flag(
            strict_response_validation, "strict_response_validation"
        )
        self.retry_unsafe = _flag(retry_unsafe, "retry_unsafe")
        self.max_response_bytes = _count(max_response_bytes, "max_response_bytes", minimum=1)
        self._base = str(self.base_url).rstrip("/")
        self._urls: dict[str, httpx.URL] = {}  # per path, parsed once
        # The headers of every request, `default_headers` merged over ours, with and without
        # a body; the key is added per request, unless `default_headers` sets its header.
        ours = {"Accept": "application/json", "User-Agent": USER_AGENT}
        self._headers = merged(ours, self.default_headers)
        self._body_headers = merged(
            {**ours, "Content-Type": "application/json"}, self.default_headers
        )
        self._sends_key = not any(
            name.lower() == AUTH_HEADER.lower() for name in self.default_headers
        )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self._base!r}, timeout={self.timeout!r}, "
            f"max_retries={self.max_retries})"
        )

    def _settings(self, changes: Mapping[str, object]) -> dict[str, Any]:
        """The constructor's arguments for a copy of this client with `changes`."""
        settings: dict[str, Any] = {
            "api_key": self._api_key.reveal(),
            "base_url": self.base_url,
            "timeout": self.timeout,
            "max_retries": self.max_retries,
            "default_headers": self.default_headers,
            "strict_response_validation": self.strict_response_validation,
            "retry_unsafe": self.retry_unsafe,
            "max_response_bytes": self.max_response_bytes,
        }
        for name, value in changes.items():
            if isinstance(value, NotGiven):
                continue
            if name == "default_headers" and isinstance(value, Mapping):
                value = {**self.default_headers, **value}
            settings[name] = value
        return settings

    def _build(
        self, operation: Operation[Any], arguments: Mapping[str, object], options: RequestOptions
    ) -> tuple[dict[str, Any], _Attempts]:
        """The request's parts (for build_request) and how to attempt it; raises
        ValidationError or RetellError before anything is sent."""
        content = request_body(operation, arguments, options.extra_body)
        headers = dict(self._headers if content is None else self._body_headers)
        if self._sends_key:
            headers[AUTH_HEADER] = f"Bearer {self._api_key.reveal()}"
        if operation.idempotency_header is not None:
            key = options.idempotency_key
            given = not isinstance(key, NotGiven)
            value = checked_header(key, "idempotency_key") if given else f"retry-{uuid.uuid4()}"
            headers = merged(headers, {operation.idempotency_header: value})
        if options.extra_headers:
            headers = merged(headers, checked_headers(options.extra_headers, "extra_headers"))
        timeout = self.timeout
        if not isinstance(options.timeout, NotGiven):
            timeout = resolve_timeout(options.timeout, "timeout")
        retries = self.max_retries
        if not isinstance(options.max_retries, NotGiven):
            retries = _count(options.max_retries, "max_retries", minimum=0)
        url = self._urls.get(operation.path)
        if url is None:
            url = self._urls[operation.path] = httpx.URL(self._base + operation.path)
        parts = {
            "method": operation.method,
            "url": url,
            "params": checked_query(options.extra_query),
            "headers": headers,
            "content": content,
        }
        safe = operation.idempotent or self.retry_unsafe
        return parts, _Attempts(timeout.as_dict(), attempt_deadline(timeout), retries, safe)

    def _retry_wait(
        self,
        request: httpx.Request,
        retries_taken: int,
        attempts: _Attempts,
        why: str,
        response: httpx.Response | None = None,
    ) -> float:
        wait = retry_delay(retries_taken, response.headers if response is not None else None)
        log.info(
            "retrying %s %s in %.2f s after %s (retry %d of %d)",
            request.method,
            request.url.path,
            wait,
            why,
            retries_taken + 1,
            attempts.max_retries,
        )
        return wait

    def _api_response_args(self, operation: Operation[Any]) -> dict[str, Any]:
        return {
            "cast_to": operation.response_type,
            "schema": operation.response_schema,
            "strict": self.strict_response_validation,
            "redactor": self._redactor,
        }


class SyncAPIClient(_BaseClient):
    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Headers | None = None,
        http_client: httpx.Client | None = None,
        strict_response_validation: bool = False,
        retry_unsafe: bool = False,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            strict_response_validation=strict_response_validation,
            retry_unsafe=retry_unsafe,
            max_response_bytes=max_response_bytes,
        )
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise RetellError(
                f"http_client: must be an httpx.Client, not {type(http_client).__name__}"
            )
        self._owns_http_client = http_client is None
        self._http = http_client if http_client is not None else default_http_client(self.base_url)

    def with_options(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        base_url: str | httpx.URL | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Headers | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | NotGiven = NOT_GIVEN,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
        retry_unsafe: bool | NotGiven = NOT_GIVEN,
        max_response_bytes: int | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy of this client with these settings changed (`default_headers` are merged
        into this client's). It shares this client's connection pool, unless it is given
        its own `http_client` or talks to another base URL with a pool of its own."""
        settings = self._settings(
            {
                "api_key": api_key,
                "base_url": base_url,
                "timeout": timeout,
                "max_retries": max_retries,
                "default_headers": default_headers,
                "strict_response_validation": strict_response_validation,
                "retry_unsafe": retry_unsafe,
                "max_response_bytes": max_response_bytes,
            }
        )
        shared: httpx.Client | None = self._http
        if not isinstance(http_client, NotGiven):
            shared = http_client
        elif self._owns_http_client and not isinstance(base_url, NotGiven):
            shared = None  # its own pool, with the proxy settings of its origin
        return type(self)(**settings, http_client=shared)

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as `http_client`)."""
        if self._owns_http_client:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _request(
        self, operation: Operation[R], arguments: Mapping[str, object], options: RequestOptions
    ) -> APIResponse[R]:
        parts, attempts = self._build(operation, arguments, options)
        request = self._http.build_request(**parts)
        retries_taken = 0
        while True:
            try:
                response, content = self._attempt(request, attempts)
            except httpx.TransportError as error:
                if retries_taken < attempts.max_retries and should_retry_error(
                    error, attempts.safe
                ):
                    sleep(self._retry_wait(request, retries_taken, attempts, type(error).__name__))
                    retries_taken += 1
                    continue
                raise connection_error(error, request, self._redactor) from None
            if response.is_success:
                return APIResponse(
                    raw=response,
                    content=content,
                    retries_taken=retries_taken,
                    **self._api_response_args(operation),
                )
            status = response.status_code
            if retries_taken < attempts.max_retries and should_retry_status(status, attempts.safe):
                sleep(self._retry_wait(request, retries_taken, attempts, str(status), response))
                retries_taken += 1
                continue
            raise status_error(response, content, self._redactor)

    def _attempt(self, request: httpx.Request, attempts: _Attempts) -> tuple[httpx.Response, bytes]:
        request.extensions["timeout"] = dict(attempts.timeouts)
        if tracing():
            request.extensions["trace"] = trace_extension(self._redactor, is_async=False)
        deadline = None if attempts.deadline is None else time.monotonic() + attempts.deadline
        token = DEADLINE.set(deadline)
        try:
            response = self._http.send(request, stream=True, follow_redirects=False)
            try:
                redact_reason(response, self._redactor)
                content = read_body(response, self.max_response_bytes, deadline, self._redactor)
            finally:
                response.close()
        finally:
            DEADLINE.reset(token)
        return response, content


class AsyncAPIClient(_BaseClient):
    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Headers | None = None,
        http_client: httpx.AsyncClient | None = None,
        strict_response_validation: bool = False,
        retry_unsafe: bool = False,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            strict_response_validation=strict_response_validation,
            retry_unsafe=retry_unsafe,
            max_response_bytes=max_response_bytes,
        )
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            kind = type(http_client).__name__
            raise RetellError(f"http_client: must be an httpx.AsyncClient, not {kind}")
        self._owns_http_client = http_client is None
        self._http = (
            http_client if http_client is not None else default_async_http_client(self.base_url)
        )

    def with_options(
        self,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        base_url: str | httpx.URL | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Headers | NotGiven = NOT_GIVEN,
        http_client: httpx.AsyncClient | NotGiven = NOT_GIVEN,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
        retry_unsafe: bool | NotGiven = NOT_GIVEN,
        max_response_bytes: int | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy of this client with these settings changed (`default_headers` are merged
        into this client's). It shares this client's connection pool, unless it is given
        its own `http_client` or talks to another base URL with a pool of its own."""
        settings = self._settings(
            {
                "api_key": api_key,
                "base_url": base_url,
                "timeout": timeout,
                "max_retries": max_retries,
                "default_headers": default_headers,
                "strict_response_validation": strict_response_validation,
                "retry_unsafe": retry_unsafe,
                "max_response_bytes": max_response_bytes,
            }
        )
        shared: httpx.AsyncClient | None = self._http
        if not isinstance(http_client, NotGiven):
            shared = http_client
        elif self._owns_http_client and not isinstance(base_url, NotGiven):
            shared = None
        return type(self)(**settings, http_client=shared)

    async def aclose(self) -> None:
        """Close the connection pool (unless it was passed in as `http_client`)."""
        if self._owns_http_client:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def _request(
        self, operation: Operation[R], arguments: Mapping[str, object], options: RequestOptions
    ) -> AsyncAPIResponse[R]:
        parts, attempts = self._build(operation, arguments, options)
        request = self._http.build_request(**parts)
        retries_taken = 0
        while True:
            try:
                response, content = await self._attempt(request, attempts)
            except httpx.TransportError as error:
                if retries_taken < attempts.max_retries and should_retry_error(
                    error, attempts.safe
                ):
                    wait = self._retry_wait(request, retries_taken, attempts, type(error).__name__)
                    await async_sleep(wait)
                    retries_taken += 1
                    continue
                raise connection_error(error, request, self._redactor) from None
            if response.is_success:
                return AsyncAPIResponse(
                    raw=response,
                    content=content,
                    retries_taken=retries_taken,
                    **self._api_response_args(operation),
                )
            status = response.status_code
            if retries_taken < attempts.max_retries and should_retry_status(status, attempts.safe):
                wait = self._retry_wait(request, retries_taken, attempts, str(status), response)
                await async_sleep(wait)
                retries_taken += 1
                continue
            raise status_error(response, content, self._redactor)

    async def _attempt(
        self, request: httpx.Request, attempts: _Attempts
    ) -> tuple[httpx.Response, bytes]:
        request.extensions["timeout"] = dict(attempts.timeouts)
        if tracing():
            request.extensions["trace"] = trace_extension(self._redactor, is_async=True)
        try:
            with anyio.fail_after(attempts.deadline):
                response = await self._http.send(request, stream=True, follow_redirects=False)
                try:
                    redact_reason(response, self._redactor)
                    content = await read_body_async(
                        response, self.max_response_bytes, self._redactor
                    )
                finally:
                    with anyio.CancelScope(shield=True):
                        await response.aclose()
        except TimeoutError:
            raise httpx.ReadTimeout("the attempt's deadline passed", request=request) from None
        return response, content


# --- settings --------------------------------------------------------------------------------


def resolve_api_key(api_key: str | None) -> str:
    """The key from `api_key` or the environment, checked before any request carries it.

    A key that cannot be a header value (a trailing newline read from a file, a space, a
    non-ASCII character) is refused here with an error that names its source, never the key."""
    source = "api_key" if api_key is not None else API_KEY_ENV
    key = api_key if api_key is not None else os.environ.get(API_KEY_ENV, "")
    if not isinstance(key, str):
        raise RetellError(f"{source}: must be a str, not {type(key).__name__}")
    if not key:
        raise RetellError(f"no API key: pass api_key=... or set {API_KEY_ENV}")
    if not _KEY.fullmatch(key):
        if key != key.strip():
            problem = "has leading or trailing whitespace (a newline read from a file?): strip it"
        else:
            problem = "may hold only visible ASCII characters (no whitespace, control or non-ASCII)"
        raise RetellError(f"{source}: {problem} (the key is not shown)")
    return key


def resolve_base_url(base_url: str | httpx.URL | None) -> httpx.URL:
    """The base URL from `base_url`, the environment or the spec. It is never shown in an
    error: it might hold a password."""
    source = "base_url" if base_url is not None else BASE_URL_ENV
    raw = base_url if base_url is not None else os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    if not isinstance(raw, str | httpx.URL):
        raise RetellError(f"{source}: must be a str or httpx.URL, not {type(raw).__name__}")
    try:
        url = httpx.URL(raw)
    except httpx.InvalidURL:
        raise RetellError(f"{source}: is not a valid URL") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise RetellError(f"{source}: must be an http:// or https:// URL with a host")
    if url.userinfo:
        raise RetellError(
            f"{source}: must not hold user info (user:password@); pass the key as api_key"
        )
    if url.query or url.fragment:
        raise RetellError(f"{source}: must not have a query or a fragment")
    return url


def resolve_timeout(timeout: object, name: str) -> httpx.Timeout:
    """Seconds per attempt, or an httpx.Timeout for per-phase limits."""
    if isinstance(timeout, httpx.Timeout):
        values = [value for value in timeout.as_dict().values() if value is not None]
        if all(_positive(value) for value in values):
            return timeout
    elif _positive(timeout):
        return httpx.Timeout(float(timeout))  # type: ignore[arg-type]
    raise RetellError(f"{name}: must be a positive number of seconds or an httpx.Timeout")


def attempt_deadline(timeout: httpx.Timeout) -> float | None:
    """Seconds an attempt may take in all: the largest of the phases' limits (None when a
    phase has none)."""
    values = timeout.as_dict().values()
    if any(value is None for value in values):
        return None
    return max(value for value in values if value is not None)


def _positive(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value > 0
    )


def _count(value: object, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise RetellError(f"{name}: must be an int >= {minimum}")
    return value


def _flag(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise RetellError(f"{name}: must be True or False")
    return value


def merged(base: Mapping[str, str], extra: Mapping[str, str]) -> dict[str, str]:
    """`extra` over `base`: a header of `extra` replaces any of `base` named alike, whatever
    the case of its name."""
    replaced = {name.lower() for name in extra}
    result = {name: value for name, value in base.items() if name.lower() not in replaced}
    result.update(extra)
    return result


def checked_headers(headers: Mapping[str, str], option: str) -> Mapping[str, str]:
    """Header names and values that can be sent as they are (values are never shown)."""
    if not isinstance(headers, Mapping):
        raise RetellError(f"{option}: must be a mapping of header names to str values")
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise RetellError(f"{option}: {name!r} is not a valid header name")
        checked_header(value, f"{option}[{name!r}]")
    return headers


def checked_header(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise RetellError(f"{where}: must be a str, not {type(value).__name__}")
    if not _HEADER_VALUE.fullmatch(value):
        raise RetellError(
            f"{where}: a header value may hold only visible ASCII characters, with inner"
            " spaces or tabs (no line breaks or control characters; the value is not shown)"
        )
    return value


def checked_query(query: Query | None) -> dict[str, Any] | None:
    if not query:
        return None
    if not isinstance(query, Mapping):
        raise RetellError("extra_query: must be a mapping of parameter names to values")
    for name, value in query.items():
        values = value if isinstance(value, list | tuple) else [value]
        if not isinstance(name, str) or not all(isinstance(v, _QUERY_SCALARS) for v in values):
            raise RetellError(
                f"extra_query[{name!r}]: must be a str, int, float or bool, or a list of them"
            )
    return dict(query)


# --- the request body ------------------------------------------------------------------------


def request_body(
    operation: Operation[Any], arguments: Mapping[str, object], extra_body: Body | None
) -> bytes | None:
    """The JSON body to send: the given arguments (NOT_GIVEN and, for optional fields that
    are not nullable, None leave a field out), `extra_body` merged over them, checked to be
    JSON-only and then against the spec's rules."""
    if operation.request_schema is None and not extra_body:
        return None
    body: dict[str, object] = {}
    for name, value in arguments.items():
        if isinstance(value, NotGiven) or (value is None and name in operation.drop_none):
            continue
        body[name] = to_json(value, (name,))
    if extra_body:
        if not isinstance(extra_body, Mapping):
            raise RetellError("extra_body: must be a mapping of property names to values")
        extra = to_json(extra_body, ())
        if isinstance(extra, dict):
            body.update(extra)
    if operation.request_schema is not None:
        check_request(operation.request_schema, body)
    return encode(body)


# --- reading the answer ----------------------------------------------------------------------


def read_body(
    response: httpx.Response, limit: int, deadline: float | None, redactor: Redactor
) -> bytes:
    """The whole (decoded) body, refused past `limit` bytes without reading further, and
    checked against the deadline between chunks (for transports that do not enforce it)."""
    _check_declared_size(response, limit, redactor)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise too_large(response, limit, redactor)
        chunks.append(chunk)
        if deadline is not None and time.monotonic() > deadline:
            raise httpx.ReadTimeout("the attempt's deadline passed", request=response.request)
    return _keep(response, chunks)


async def read_body_async(response: httpx.Response, limit: int, redactor: Redactor) -> bytes:
    _check_declared_size(response, limit, redactor)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            raise too_large(response, limit, redactor)
        chunks.append(chunk)
    return _keep(response, chunks)


def _check_declared_size(response: httpx.Response, limit: int, redactor: Redactor) -> None:
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise too_large(response, limit, redactor)


def _keep(response: httpx.Response, chunks: list[bytes]) -> bytes:
    content = b"".join(chunks)
    response._content = content  # what httpx's own read() stores: .text and .json() work
    return content


def too_large(response: httpx.Response, limit: int, redactor: Redactor) -> APIResponseTooLargeError:
    return APIResponseTooLargeError(
        f"the response is larger than max_response_bytes ({limit} bytes): reading stopped",
        response=redacted_response(response, b"", redactor),
        limit=limit,
    )


# --- errors ----------------------------------------------------------------------------------


def connection_error(
    error: httpx.TransportError, request: httpx.Request, redactor: Redactor
) -> APIConnectionError:
    """Our error for httpx's, to raise `from None`: httpx's message may quote a header (an
    invalid header value, say), so it is not chained, and it is redacted or left out."""
    name = type(error).__name__
    if isinstance(error, UNSENDABLE):
        return APIConnectionError(
            f"the request could not be sent ({name}: an invalid header or URL)", request=request
        )
    detail = redactor.text(str(error)) or "no detail"
    if isinstance(error, httpx.TimeoutException):
        return APITimeoutError(f"request timed out ({name}: {detail})", request=request)
    return APIConnectionError(f"connection error ({name}: {detail})", request=request)


def status_error(response: httpx.Response, content: bytes, redactor: Redactor) -> APIStatusError:
    safe = redacted_response(response, content, redactor)
    body = redactor.value(_body_of(content, response))  # parsed, then redacted: both forms
    message = _message_of(body) or safe.reason_phrase or "no message"
    text = f"HTTP {response.status_code}: {message}"
    if response.is_redirect:
        text += " (redirects are not followed)"
    return error_class(response.status_code)(text, response=safe, body=body)


def _body_of(content: bytes, response: httpx.Response) -> object:
    """The parsed JSON body, else its text (None when empty)."""
    if not content:
        return None
    try:
        return response.json()
    except ValueError:
        return response.text


def _message_of(body: object) -> str | None:
    if isinstance(body, dict):
        for name in ERROR_MESSAGE_FIELDS:
            value = body.get(name)
            if isinstance(value, str) and value:
                return value
    return None
