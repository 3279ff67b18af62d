"""Serve an ASGI app with uvicorn: in a background thread for tests, or in the foreground.

Both ways use `hardening.HardenedProtocol` with `Limits` (header size, read deadlines, a
bound on connections); its refusals (408, 431, 503) carry the app's error body when the app
is the mock's (`app.state.errors`), else plain text as uvicorn's own.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Iterator

import uvicorn
from starlette.types import ASGIApp

from mock_server.faults import DroppedConnection
from mock_server.hardening import ErrorBody, Limits, plain_text, protocol_for

__all__ = [
    "LOOPBACK",
    "bind",
    "bind_loopback",
    "quiet_uvicorn_config",
    "refusal_body",
    "running_server",
]

LOOPBACK = "127.0.0.1"
_START_TIMEOUT_S = 10.0
_STOP_TIMEOUT_S = 10.0


class _HideDeliberateDrops(logging.Filter):
    """Keep uvicorn from logging a traceback for a connection the fault plan drops on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, DroppedConnection)


_HIDE_DELIBERATE_DROPS = _HideDeliberateDrops()


def refusal_body(app: ASGIApp) -> ErrorBody:
    """How the connection-level refusals of `app`'s server are worded: with the mock's error
    body when `app` is a mock (not wrapped), else as plain text."""
    errors = getattr(getattr(app, "state", None), "errors", None)
    refusal = getattr(errors, "refusal", None)
    return refusal if callable(refusal) else plain_text


def quiet_uvicorn_config(
    app: ASGIApp,
    *,
    access_log: bool = False,
    log_level: int | None = None,
    limits: Limits | None = None,
    **options: object,
) -> uvicorn.Config:
    """A uvicorn config with the hardened protocol, without per-request logging, whose logs
    hide deliberate drops.

    `log_level` is the level of uvicorn's loggers (default: INFO with the access log,
    else WARNING). Uvicorn sets it on its loggers, which are global to the process.
    """
    if log_level is None:
        log_level = logging.INFO if access_log else logging.WARNING
    limits = limits or Limits()
    config = uvicorn.Config(
        app,
        http=protocol_for(limits, refusal_body(app)),
        ws="none",
        timeout_keep_alive=limits.keep_alive_s,  # type: ignore[arg-type]  # a float works
        # no proxy sits in front of a mock: X-Forwarded-* would only let a client name another
        # address in the access log, and the middleware costs every request
        proxy_headers=False,
        access_log=access_log,
        log_level=log_level,
        lifespan="off",
        server_header=False,
        **options,  # type: ignore[arg-type]
    )
    logging.getLogger("uvicorn.error").addFilter(_HIDE_DELIBERATE_DROPS)  # once: same object
    return config


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (port 0: a free port chosen by the kernel).

    Raises OSError (socket.gaierror for an unknown host) when it cannot listen there,
    for example when the port is already in use.
    """
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(1024)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


def bind_loopback(port: int = 0) -> socket.socket:
    """A listening TCP socket on 127.0.0.1 (port 0: a free port chosen by the kernel)."""
    return bind(LOOPBACK, port)


@contextlib.contextmanager
def running_server(
    app: ASGIApp, *, log_level: int = logging.ERROR, limits: Limits | None = None
) -> Iterator[str]:
    """Serve `app` on 127.0.0.1 and a free port in a background thread, with `limits`
    (default `Limits()`).

    Yields the base URL ("http://127.0.0.1:PORT") once the server accepts
    connections, and stops the server when the block exits.

    Uvicorn's loggers are set to `log_level`, ERROR by default: the warnings uvicorn
    logs for a client's fault (such as "Invalid HTTP request received." for a hostile
    request) stay out of a test run's output, while an exception escaping `app` is still
    logged. The mock's own errors go to the `mock_server` logger, which this leaves alone.
    """
    sock = bind_loopback()
    port = sock.getsockname()[1]
    server = uvicorn.Server(quiet_uvicorn_config(app, log_level=log_level, limits=limits))
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name=f"mock-server-{port}", daemon=True
    )
    thread.start()
    try:
        _wait_until_started(server, thread)
        yield f"http://{LOOPBACK}:{port}"
    finally:
        server.should_exit = True
        thread.join(_STOP_TIMEOUT_S)
        sock.close()


def _wait_until_started(server: uvicorn.Server, thread: threading.Thread) -> None:
    deadline = time.monotonic() + _START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the server thread exited before it started serving")
        if time.monotonic() > deadline:
            raise TimeoutError(f"the server did not start within {_START_TIMEOUT_S} s")
        time.sleep(0.005)
