"""Serve an ASGI app with uvicorn: in a background thread for tests, or in the foreground."""

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

LOOPBACK = "127.0.0.1"
_START_TIMEOUT_S = 10.0
_STOP_TIMEOUT_S = 10.0


class _HideDeliberateDrops(logging.Filter):
    """Keep uvicorn from logging a traceback for a connection the fault plan drops on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, DroppedConnection)


_HIDE_DELIBERATE_DROPS = _HideDeliberateDrops()


def quiet_uvicorn_config(
    app: ASGIApp, *, access_log: bool = False, **options: object
) -> uvicorn.Config:
    """A uvicorn config without per-request logging, whose logs hide deliberate drops."""
    config = uvicorn.Config(
        app,
        access_log=access_log,
        log_level="info" if access_log else "warning",
        lifespan="off",
        server_header=False,
        **options,  # type: ignore[arg-type]
    )
    logging.getLogger("uvicorn.error").addFilter(_HIDE_DELIBERATE_DROPS)  # once: same object
    return config


def bind_loopback(port: int = 0) -> socket.socket:
    """A listening TCP socket on 127.0.0.1 (port 0: a free port chosen by the kernel)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((LOOPBACK, port))
    sock.listen(1024)
    sock.setblocking(False)
    return sock


@contextlib.contextmanager
def running_server(app: ASGIApp) -> Iterator[str]:
    """Serve `app` on 127.0.0.1 and a free port in a background thread.

    Yields the base URL ("http://127.0.0.1:PORT") once the server accepts
    connections, and stops the server when the block exits.
    """
    sock = bind_loopback()
    port = sock.getsockname()[1]
    server = uvicorn.Server(quiet_uvicorn_config(app))
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
