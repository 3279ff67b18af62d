"""Loopback servers the benchmarks run against, each in a process of its own.

`python -m benchmarks.servers KIND [--delay-ms MS]` listens on 127.0.0.1 and a free port, prints
its base URL on one line, then serves until its standard input closes (so it also ends when the
benchmark that started it dies); the mock's key comes from $BENCHMARK_SERVER_API_KEY (a key
never goes on a command line). `serving(KIND, ...)` does all of that from the benchmark's
side. A process of its own keeps the server off the benchmark's GIL, and the
client under test off the server's.

Kinds:
- `mock`: `mock_server.create_app()`, as a test or a developer runs it.
- `latency`: the same app behind an ASGI wrapper that sleeps `--delay-ms` (asynchronously, so
  requests in flight overlap) before every answer: a server far away.
- `huge`: every request is answered 201 with a 300 MiB body, delimited by the connection's
  close (no Content-Length, so a client learns the size only by reading it), written as fast
  as the client takes it.
- `drip`: every request is answered one byte every 2 s, from the first byte of the status
  line: a complete answer would take minutes, and every read sees progress.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import select
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from starlette.types import ASGIApp, Receive, Scope, Send

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("mock", "latency", "huge", "drip")
API_KEY_VARIABLE = "BENCHMARK_SERVER_API_KEY"
LOOPBACK = "127.0.0.1"
HUGE_BODY_BYTES = 300 * 1024 * 1024
DRIP_INTERVAL_S = 2.0
_CHUNK = b"x" * (1024 * 1024)
_MAX_HEAD_BYTES = 64 * 1024
_START_TIMEOUT_S = 30.0
_STOP_TIMEOUT_S = 10.0
# The drip server's answer: an ordinary error, were it ever complete.
DRIP_ANSWER = (
    b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}"
)
HUGE_HEAD = b"HTTP/1.1 201 Created\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n"


# --- the benchmark's side ------------------------------------------------------------------


@contextlib.contextmanager
def serving(kind: str, *, api_key: str = "", delay_ms: float = 0.0) -> Iterator[str]:
    """Run a server of `kind` in a child process; yields its base URL, stops it on exit."""
    command = [sys.executable, "-m", "benchmarks.servers", kind, "--delay-ms", str(delay_ms)]
    environment = os.environ | {API_KEY_VARIABLE: api_key}
    with tempfile.TemporaryFile("w+") as errors:
        child = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        try:
            yield _read_url(child, errors)
        finally:
            _stop(child)


def _read_url(child: subprocess.Popen[str], errors: IO[str]) -> str:
    assert child.stdout is not None
    ready, _, _ = select.select([child.stdout], [], [], _START_TIMEOUT_S)
    line = child.stdout.readline().strip() if ready else ""
    if not line.startswith(f"http://{LOOPBACK}:"):
        errors.seek(0)
        reason = errors.read()[-1000:].strip() or f"it printed {line!r}"
        raise RuntimeError(f"the benchmark server did not start: {reason}")
    return line


def _stop(child: subprocess.Popen[str]) -> None:
    if child.stdin is not None:
        with contextlib.suppress(OSError):
            child.stdin.close()  # the child's signal to stop
    try:
        child.wait(_STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    if child.stdout is not None:
        child.stdout.close()


# --- the server's side ---------------------------------------------------------------------


class Delayed:
    """An ASGI app that answers as `app` does, `delay_s` later."""

    def __init__(self, app: ASGIApp, delay_s: float) -> None:
        self.app = app
        self.delay_s = delay_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await asyncio.sleep(self.delay_s)
        await self.app(scope, receive, send)


async def _read_head(reader: asyncio.StreamReader) -> bool:
    """Read a request's head (what these servers need before answering); False at EOF."""
    try:
        await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        return False
    return True


async def answer_huge(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        if await _read_head(reader):
            writer.write(HUGE_HEAD)
            for _ in range(HUGE_BODY_BYTES // len(_CHUNK)):
                writer.write(_CHUNK)
                await writer.drain()  # as fast as the client reads, never buffered whole
    writer.close()


async def answer_drip(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while await _read_head(reader):
            for index in range(len(DRIP_ANSWER)):
                writer.write(DRIP_ANSWER[index : index + 1])
                await writer.drain()
                await asyncio.sleep(DRIP_INTERVAL_S)
    writer.close()


def _serve_streams(kind: str) -> str:
    """Start the raw-socket server of `kind` in a daemon thread; its base URL."""
    handler = answer_huge if kind == "huge" else answer_drip
    sock = socket.create_server((LOOPBACK, 0))
    loop = asyncio.new_event_loop()
    started = threading.Event()

    async def main() -> None:
        server = await asyncio.start_server(handler, sock=sock, limit=_MAX_HEAD_BYTES)
        started.set()
        await server.serve_forever()

    threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True).start()
    started.wait(_START_TIMEOUT_S)
    return f"http://{LOOPBACK}:{sock.getsockname()[1]}"


def _mock_app(kind: str, api_key: str, delay_ms: float) -> ASGIApp:
    from mock_server import create_app

    app = create_app(api_key=api_key) if api_key else create_app()
    return Delayed(app, delay_ms / 1000) if kind == "latency" else app


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.servers")
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("--delay-ms", type=float, default=20.0, help="latency: the delay")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str]) -> int:
    arguments = _parse(argv)
    api_key = os.environ.get(API_KEY_VARIABLE, "")
    if arguments.kind in ("huge", "drip"):
        print(_serve_streams(arguments.kind), flush=True)
        sys.stdin.read()
        return 0
    from mock_server import running_server

    with running_server(_mock_app(arguments.kind, api_key, arguments.delay_ms)) as url:
        print(url, flush=True)
        sys.stdin.read()  # until the benchmark closes it
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
