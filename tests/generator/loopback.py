"""A raw HTTP/1.1 server on 127.0.0.1 for the tests that need real bytes on a real socket: a
hostile status line, a body dripped a byte at a time, an endless body, a redirect.

`serving(answer)` runs `answer(connection, request)` for each request in a thread of its own
and yields the base URL; it stops, closing every connection, when the block ends. Every
loop here is bounded in count and time.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

Answer = Callable[[socket.socket, bytes], None]
STOP_AFTER_S = 30.0  # no connection is served longer than this, whatever the answer


@dataclass
class Served:
    url: str
    requests: list[bytes] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)  # bytes each answer managed to send


@contextlib.contextmanager
def serving(answer: Answer) -> Iterator[Served]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    served = Served(f"http://127.0.0.1:{listener.getsockname()[1]}")
    stop = threading.Event()
    workers: list[threading.Thread] = []
    connections: list[socket.socket] = []

    def serve(connection: socket.socket) -> None:
        connection.settimeout(STOP_AFTER_S)
        with contextlib.suppress(OSError):
            request = _read_request(connection)
            if request:
                served.requests.append(request)
                answer(connection, request)

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connections.append(connection)
            worker = threading.Thread(target=serve, args=(connection,), daemon=True)
            workers.append(worker)
            worker.start()

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield served
    finally:
        stop.set()
        acceptor.join(timeout=5)
        listener.close()
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()
        for worker in workers:
            worker.join(timeout=5)


def _read_request(connection: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def respond(status_line: str, body: bytes, headers: dict[str, str] | None = None) -> Answer:
    """An answer sent at once: `status_line` is e.g. "400 Bad Request"."""

    def answer(connection: socket.socket, request: bytes) -> None:
        lines = [f"HTTP/1.1 {status_line}", f"Content-Length: {len(body)}"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)

    return answer


def drip(head: bytes, body: bytes, every_s: float, served: list[int]) -> Answer:
    """Send `head` then `body` one byte every `every_s` seconds (until the client leaves)."""

    def answer(connection: socket.socket, request: bytes) -> None:
        connection.sendall(head)
        sent = 0
        try:
            for index in range(len(body)):
                time.sleep(every_s)
                connection.sendall(body[index : index + 1])
                sent += 1
        finally:
            served.append(sent)

    return answer


def endless(head: bytes, total: int, served: list[int]) -> Answer:
    """Send `head` then up to `total` bytes of body, as fast as the client reads them."""
    chunk = b"x" * 65536

    def answer(connection: socket.socket, request: bytes) -> None:
        connection.sendall(head)
        sent = 0
        try:
            while sent < total:
                connection.sendall(chunk)
                sent += len(chunk)
        finally:
            served.append(sent)

    return answer


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
