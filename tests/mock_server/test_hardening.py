"""Connection hardening: the header cap (431), read deadlines (408), the connection bound.

Deadlines are set short here so the tests are quick; what is asserted is what the client
receives (a status, a closed connection), never how long it took. A socket that waits in
vain times out after `WAIT_S`, which fails the test.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest
from starlette.responses import PlainTextResponse
from starlette.types import Receive, Scope, Send

from mock_server import DEFAULT_API_KEY, Limits, create_app, running_server
from tests.mock_server.conftest import API, ERROR_FIELD, V2, V2_OPERATION, minimal

ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 10.0
BODY = json.dumps(minimal(V2_OPERATION)).encode()
AUTH = f"{API.auth_header}: Bearer {DEFAULT_API_KEY}\r\n".encode()
QUICK = Limits(header_timeout_s=0.3, body_timeout_s=0.3, max_connections=50)


def request(extra_headers: bytes = b"", body: bytes = BODY, path: str = V2) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: mock\r\n".encode()
        + AUTH
        + b"Content-Type: application/json\r\n"
        + b"Content-Length: %d\r\n" % len(body)
        + extra_headers
        + b"\r\n"
        + body
    )


def connect(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=WAIT_S)
    return sock


def until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    chunks = []
    try:
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    except ConnectionResetError:
        pass
    return b"".join(chunks)


def status_and_json(answer: bytes) -> tuple[int, dict[str, object]]:
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    assert b"content-type: application/json" in head
    assert b"connection: close" in head
    return status, json.loads(body)


@pytest.fixture(scope="module")
def quick_url() -> Iterator[str]:
    with running_server(create_app(), limits=QUICK) as url:
        yield url


def test_a_valid_request_keeps_working_with_keep_alive_and_pipelining(quick_url: str) -> None:
    with connect(quick_url) as sock:
        sock.sendall(request())
        assert sock.recv(65536).startswith(b"HTTP/1.1 201 ")
        sock.sendall(request() + request())  # two at once
        answers = b""
        while answers.count(b"HTTP/1.1 201 ") < 2:
            answers += sock.recv(65536)


def test_a_head_within_the_limit_is_served(quick_url: str) -> None:
    padding = b"X-Padding: " + b"p" * (QUICK.max_header_bytes - 500) + b"\r\n"
    with connect(quick_url) as sock:
        sock.sendall(request(padding))
        assert sock.recv(65536).startswith(b"HTTP/1.1 201 ")


def test_a_head_over_the_limit_is_431(quick_url: str) -> None:
    padding = b"X-Padding: " + b"p" * QUICK.max_header_bytes + b"\r\n"
    with connect(quick_url) as sock:
        sock.sendall(request(padding))
        status, body = status_and_json(until_closed(sock))
    assert status == 431
    assert body == {
        ERROR_FIELD: f"Request header fields are larger than {QUICK.max_header_bytes} bytes"
    }


def test_an_endless_head_is_431_before_it_ends(quick_url: str) -> None:
    """A header line that never ends is refused once it passes the limit, not buffered."""
    with connect(quick_url) as sock:
        sock.sendall(f"POST {V2} HTTP/1.1\r\nX-Endless: ".encode())
        for _ in range(4):
            sock.sendall(b"e" * (QUICK.max_header_bytes // 2))
        status, _ = status_and_json(until_closed(sock))
    assert status == 431


def test_many_small_headers_over_the_limit_are_431(quick_url: str) -> None:
    many = b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 60) for i in range(400))
    with connect(quick_url) as sock:
        sock.sendall(f"POST {V2} HTTP/1.1\r\n".encode())
        for index in range(0, len(many), 1000):  # in pieces: the head spans many chunks
            sock.sendall(many[index : index + 1000])
            time.sleep(0.001)
        sock.sendall(b"\r\n")
        status, _ = status_and_json(until_closed(sock))
    assert status == 431


def test_a_slow_head_is_408(quick_url: str) -> None:
    with connect(quick_url) as sock:
        sock.sendall(f"POST {V2} HTTP/1.1\r\nHost: mock\r\n".encode())
        status, body = status_and_json(until_closed(sock))
    assert status == 408
    assert body == {ERROR_FIELD: "Request headers not received within 0.3 s"}


def test_a_head_sent_a_byte_at_a_time_still_has_only_its_deadline(quick_url: str) -> None:
    """Trickling does not extend the deadline: it runs from the head's first byte."""
    head = request()
    with connect(quick_url) as sock:
        sock.settimeout(0.05)
        answer = b""
        for byte in head[:-50]:
            try:
                sock.sendall(bytes([byte]))
                answer += sock.recv(65536)
            except TimeoutError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                break
            if answer.endswith(b"}"):
                break
    assert answer.startswith(b"HTTP/1.1 408 ")


def test_a_slow_body_is_408(quick_url: str) -> None:
    with connect(quick_url) as sock:
        sock.sendall(request()[:-5])  # all but the last bytes of the body
        status, body = status_and_json(until_closed(sock))
    assert status == 408
    assert body == {ERROR_FIELD: "Request body not received within 0.3 s"}


def test_a_connection_that_sends_nothing_is_closed(quick_url: str) -> None:
    with connect(quick_url) as sock:
        assert until_closed(sock) == b""


def test_a_body_left_unsent_after_an_early_answer_is_cut_off(quick_url: str) -> None:
    """Answered 401 before its body was read, a request that then trickles its body loses the
    connection (uvicorn alone cancels its keep-alive timer on each byte: open for ever)."""
    with connect(quick_url) as sock:
        sock.sendall(f"POST {V2} HTTP/1.1\r\nContent-Length: 100\r\n\r\n0123456789".encode())
        assert sock.recv(65536).startswith(b"HTTP/1.1 401 ")
        sock.sendall(b"0")
        assert until_closed(sock) == b""


def test_time_spent_answering_is_not_the_client_s() -> None:
    """A slow answer (here a 1 s `slow` fault) outlasts the deadlines without a 408."""
    with running_server(create_app(), limits=QUICK) as url, connect(url) as sock:
        sock.sendall(request(b"X-Mock-Fault: slow;delay=1;id=%s\r\n" % uuid.uuid4().hex.encode()))
        assert sock.recv(65536).startswith(b"HTTP/1.1 201 ")


def test_beyond_the_bound_the_stalest_connection_is_closed_and_requests_served() -> None:
    limits = Limits(max_connections=20)
    with running_server(create_app(), limits=limits) as url, ExitStack() as stack:
        stalled = [stack.enter_context(connect(url)) for _ in range(30)]
        for sock in stalled:
            sock.sendall(f"POST {V2} HTTP/1.1\r\n".encode())
        time.sleep(0.2)  # let the server accept them all
        assert httpx.post(url + V2, content=BODY, headers=headers()).status_code == 201
        time.sleep(0.2)  # let the closes arrive
        closed = [index for index, sock in enumerate(stalled) if _closed_now(sock)]
    assert closed == list(range(11))  # the 10 over the bound and one for the real request,
    # the longest waiting first


def headers() -> dict[str, str]:
    return {API.auth_header: f"Bearer {DEFAULT_API_KEY}", "Content-Type": "application/json"}


def test_a_connection_being_answered_is_never_closed_for_another() -> None:
    """Bound 1, one request being answered (slowly): a newcomer is refused with 503 instead."""
    limits = Limits(max_connections=1)
    fault = b"X-Mock-Fault: slow;delay=1;id=%s\r\n" % uuid.uuid4().hex.encode()
    with running_server(create_app(), limits=limits) as url, connect(url) as busy:
        busy.sendall(request(fault))
        time.sleep(0.3)  # the slow answer is under way
        with connect(url) as newcomer:
            status, body = status_and_json(until_closed(newcomer))
        assert busy.recv(65536).startswith(b"HTTP/1.1 201 ")
    assert status == 503
    assert body == {ERROR_FIELD: "Too many connections are being answered; retry later."}


async def hello(scope: Scope, receive: Receive, send: Send) -> None:
    await PlainTextResponse("hello")(scope, receive, send)


def test_another_app_s_refusals_are_plain_text() -> None:
    with running_server(hello, limits=QUICK) as url, connect(url) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nX-Padding: " + b"p" * 20000 + b"\r\n\r\n")
        answer = until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 431 ")
    assert b"content-type: text/plain; charset=utf-8" in answer
    assert answer.endswith(b"Request header fields are larger than 16384 bytes")


@pytest.mark.parametrize(
    "options",
    [
        {"max_header_bytes": 0},
        {"max_connections": 0},
        {"header_timeout_s": 0},
        {"body_timeout_s": -1.0},
        {"keep_alive_s": 0.0},
    ],
)
def test_limits_must_be_positive(options: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        Limits(**options)  # type: ignore[arg-type]


@contextmanager
def mock_process_with_fd_limit(limit: int) -> Iterator[str]:
    """`python -m mock_server` (default limits) in a process that may open `limit` files, as
    on many machines by default."""

    def lower_limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {k: v for k, v in os.environ.items() if k != "RETELL_MOCK_API_KEY"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mock_server", "--port", str(port)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=lower_limit,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the mock did not start") from None
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def _enough_files_for(count: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < count:
        if hard != resource.RLIM_INFINITY and hard < count:
            pytest.fail(f"this test needs {count} open files; the hard limit is {hard}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (count, hard))


@pytest.mark.parametrize("files", [1024, 512], ids=["1024-files", "512-files"])
def test_1100_slow_sockets_do_not_starve_a_real_client(files: int) -> None:
    """1,100 connections each holding a partial head, against a mock limited to 1,024 open
    files (a common default), or 512 (fewer than the default bound of 1,000 connections,
    which the mock then lowers): a real request is still answered at once. Without the
    bound, the server could not even accept it."""
    _enough_files_for(1500)
    with mock_process_with_fd_limit(files) as url, ExitStack() as stack:
        slow = [stack.enter_context(connect(url)) for _ in range(1100)]
        for sock in slow:
            sock.sendall(f"POST {V2} HTTP/1.1\r\nHost: mock\r\n".encode())
        response = httpx.post(url + V2, content=BODY, headers=headers(), timeout=WAIT_S)
        assert response.status_code == 201
        assert sum(1 for sock in slow[:200] if _closed_now(sock)) > 100  # the oldest went


def _closed_now(sock: socket.socket) -> bool:
    sock.settimeout(0.01)
    try:
        return sock.recv(1) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
