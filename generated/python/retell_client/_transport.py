# generated from spec/openapi.yaml by `make generate`; do not edit
"""The transports of the clients' own httpx clients (used unless `http_client` is given).

- The reason phrase of every response is redacted of the API key the request carried,
  before httpx sees it: httpx logs `"HTTP/1.1 400 <reason>"` at INFO, so a server echoing
  the key in its status line cannot put it in a log.
- (sync) Each socket operation's timeout is cut to what is left of the attempt's deadline
  (`DEADLINE`, set by the client around each attempt), so the deadline covers connecting,
  sending and reading all of the body: a server that sends a byte now and then cannot hold
  an attempt past it. The async client gets the same from a cancel scope instead.
- No redirects are followed (the clients pass `follow_redirects=False` on every send too),
  and proxies come from the environment for the one origin the client talks to.
"""

from __future__ import annotations

import http
import logging
import ssl
import time
from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

from ._redact import Redactor

__all__ = [
    "DEADLINE",
    "AsyncHardenedTransport",
    "HardenedTransport",
    "default_async_http_client",
    "default_http_client",
    "redact_reason",
    "trace_extension",
]

DEADLINE: ContextVar[float | None] = ContextVar("retell_client_deadline", default=None)
"""The time.monotonic() by which the current attempt must end (None: no deadline)."""

_BEARER = "bearer "
# The standard phrases hold no key: most answers skip the redaction (it costs per response).
_STANDARD_REASONS = frozenset(status.phrase.encode("ascii") for status in http.HTTPStatus)
_HTTPCORE = logging.getLogger("httpcore")


def default_http_client(base_url: httpx.URL) -> httpx.Client:
    return httpx.Client(
        transport=HardenedTransport(proxy=_proxy_for(base_url)),
        follow_redirects=False,
        trust_env=False,  # proxies: _proxy_for; never .netrc credentials
    )


def default_async_http_client(base_url: httpx.URL) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=AsyncHardenedTransport(proxy=_proxy_for(base_url)),
        follow_redirects=False,
        trust_env=False,
    )


def _proxy_for(url: httpx.URL) -> str | None:
    """The environment's proxy for this origin (HTTPS_PROXY, ALL_PROXY, NO_PROXY, ...)."""
    import urllib.request  # only when a client is made

    if urllib.request.proxy_bypass(url.host):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(url.scheme) or proxies.get("all")


def redact_reason(response: httpx.Response, redactor: Redactor) -> None:
    """Replace, in place, the key in the response's reason phrase."""
    reason = response.extensions.get("reason_phrase")
    if isinstance(reason, bytes) and reason not in _STANDARD_REASONS:
        response.extensions["reason_phrase"] = redactor.data(reason)


def _redact_sent_key(response: httpx.Response, request: httpx.Request) -> None:
    """The same, for the key this request carried (a transport serves every client copy)."""
    if response.extensions.get("reason_phrase") in _STANDARD_REASONS:
        return
    key = _sent_key(request)
    if key:
        redact_reason(response, Redactor(key))


def _sent_key(request: httpx.Request) -> str:
    value = request.headers.get("authorization", "")
    return value[len(_BEARER) :] if value.lower().startswith(_BEARER) else ""


def trace_extension(redactor: Redactor, is_async: bool) -> Any:
    """An httpcore `trace` extension that redacts what httpcore is about to log at DEBUG
    (the status line and the headers of a response): httpcore logs the `info` it passes."""

    def redact(name: str, info: dict[str, Any]) -> None:
        if "return_value" in info:
            info["return_value"] = redactor.value(info["return_value"])

    async def redact_async(name: str, info: dict[str, Any]) -> None:
        redact(name, info)

    return redact_async if is_async else redact


def tracing() -> bool:
    return _HTTPCORE.isEnabledFor(logging.DEBUG)


class HardenedTransport(httpx.HTTPTransport):
    def __init__(self, proxy: str | None = None) -> None:
        super().__init__(proxy=proxy)
        # httpx builds its httpcore pool itself and offers no way to pass a network backend;
        # wrap the one it chose. Were the attribute to move, the deadline would still hold
        # between the chunks the client reads, only less tightly.
        pool = getattr(self, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if pool is not None and isinstance(backend, httpcore.NetworkBackend):
            pool._network_backend = _DeadlineBackend(backend)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        _redact_sent_key(response, request)
        return response


class AsyncHardenedTransport(httpx.AsyncHTTPTransport):
    def __init__(self, proxy: str | None = None) -> None:
        super().__init__(proxy=proxy)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        _redact_sent_key(response, request)
        return response


def _left(timeout: float | None, expired: type[Exception]) -> float | None:
    """`timeout`, cut to what is left of the deadline; past it, `expired` is raised."""
    deadline = DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the attempt's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        stream = self._backend.connect_tcp(host, port, left, local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, left, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)
