"""running_server and the `python -m mock_server` command line."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from starlette.responses import PlainTextResponse
from starlette.types import Receive, Scope, Send

from mock_server import DEFAULT_API_KEY, answers, create_app, running_server
from mock_server.server import bind_loopback
from tests.mock_server.conftest import API, FROM, TO, V1, V2
from tests.mock_server.specs import WIDGETS

ROOT = Path(__file__).resolve().parents[2]
BODY = {"from_number": FROM, "to_number": TO}
DEV = {API.auth_header: f"Bearer {DEFAULT_API_KEY}"}


async def hello(scope: Scope, receive: Receive, send: Send) -> None:
    await PlainTextResponse("hello")(scope, receive, send)


def test_running_server_serves_any_asgi_app_on_loopback_and_stops() -> None:
    with running_server(hello) as url:
        assert url.startswith("http://127.0.0.1:")
        assert httpx.get(url).text == "hello"
    with pytest.raises(httpx.ConnectError):
        httpx.get(url, timeout=2)


def test_two_servers_get_different_ports() -> None:
    with running_server(hello) as first, running_server(hello) as second:
        assert first != second


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def recorded(logger_name: str) -> Iterator[list[logging.LogRecord]]:
    """What the logger passes on to its handlers (after its own level) during the block."""
    handler = Records()
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


def hostile_request(url: str) -> bytes:
    """Send bytes that are no HTTP request; the server's whole answer."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"\x16\x03\x01 NOT HTTP AT ALL\r\n\r\n")
        chunks = []
        while chunk := sock.recv(4096):
            chunks.append(chunk)
    return b"".join(chunks)


def test_running_server_keeps_uvicorn_quiet_about_hostile_requests() -> None:
    with running_server(hello) as url, recorded("uvicorn.error") as records:
        assert hostile_request(url).startswith(b"HTTP/1.1 400")
    assert [r.getMessage() for r in records] == []


def test_running_server_can_be_made_to_log_them() -> None:
    with running_server(hello, log_level=logging.WARNING) as url, recorded("uvicorn.error") as rec:
        assert hostile_request(url).startswith(b"HTTP/1.1 400")
    assert "Invalid HTTP request received." in [r.getMessage() for r in rec]


async def broken(scope: Scope, receive: Receive, send: Send) -> None:
    raise RuntimeError("planted bug")


def test_running_server_still_logs_an_exception_escaping_the_app() -> None:
    with running_server(broken) as url, recorded("uvicorn.error") as records:
        assert httpx.get(url).status_code == 500
    assert [r.levelno for r in records] == [logging.ERROR]
    assert records[0].exc_info is not None
    assert "planted bug" in str(records[0].exc_info[1])


def test_running_server_leaves_the_mocks_own_errors_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def planted() -> str:
        raise RuntimeError("planted bug")

    app = create_app()
    monkeypatch.setattr(answers, "new_id", planted)
    headers = {"Authorization": f"Bearer {DEFAULT_API_KEY}"}
    with caplog.at_level(logging.ERROR, logger="mock_server"), running_server(app) as url:
        assert httpx.post(url + V2, json=BODY, headers=headers).status_code == 500
    assert [r.levelno for r in caplog.records if r.name == "mock_server"] == [logging.ERROR]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Run:
    """A `python -m mock_server` process: its URL, and its output once it has exited."""

    def __init__(self, url: str, process: subprocess.Popen[str]) -> None:
        self.url = url
        self.process = process
        self.stdout: list[str] = []
        self.stderr = ""
        self.returncode: int | None = None


@contextmanager
def cli_run(*args: str, env: dict[str, str] | None = None) -> Iterator[Run]:
    """Run `python -m mock_server` on a free port; stopped (SIGTERM) at the end of the block
    unless the block stopped it."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k != "RETELL_MOCK_API_KEY"}
    command = [sys.executable, "-m", "mock_server", "--port", str(port), *args]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(
            command, cwd=ROOT, env={**environment, **(env or {})}, stdout=out, stderr=err, text=True
        )
        run = Run(f"http://127.0.0.1:{port}", process)
        try:
            wait_for(run.url, process)
            yield run
        finally:
            if process.poll() is None:
                process.terminate()
            run.returncode = process.wait(timeout=20)
            out.seek(0)
            err.seek(0)
            run.stdout.extend(out.read().splitlines())
            run.stderr = err.read()


@contextmanager
def cli(*args: str, env: dict[str, str] | None = None) -> Iterator[tuple[str, list[str]]]:
    """Run `python -m mock_server` on a free port; the list fills with its output at exit."""
    with cli_run(*args, env=env) as run:
        yield run.url, run.stdout


def wait_for(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the mock exited with {process.returncode} before serving")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise TimeoutError(url)


def test_cli_uses_and_prints_the_development_key_by_default() -> None:
    with cli() as (url, lines):
        headers = {"Authorization": f"Bearer {DEFAULT_API_KEY}"}
        assert httpx.post(url + V2, json=BODY, headers=headers).status_code == 201
    assert any(DEFAULT_API_KEY in line for line in lines)


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_cli_never_prints_a_users_key(how: str) -> None:
    key = "user-secret-key-123"
    args = ("--api-key", key) if how == "flag" else ()
    env = {"RETELL_MOCK_API_KEY": key} if how == "environment" else None
    with cli(*args, env=env) as (url, lines):
        good = {"Authorization": f"Bearer {key}"}
        dev = {"Authorization": f"Bearer {DEFAULT_API_KEY}"}
        assert httpx.post(url + V2, json=BODY, headers=good).status_code == 201
        assert httpx.post(url + V2, json=BODY, headers=dev).status_code == 401
    assert not any(key in line for line in lines)
    assert not any(DEFAULT_API_KEY in line for line in lines)


def test_cli_strict_mode_and_fault_options(tmp_path: Path) -> None:
    numbers = tmp_path / "numbers.json"
    numbers.write_text('{"numbers": {"+14157774444": "agent_a"}}', encoding="utf-8")
    with cli("--numbers", str(numbers), "--fault", "500;count=1") as (url, _):
        headers = {"Authorization": f"Bearer {DEFAULT_API_KEY}"}
        assert httpx.post(url + V2, json=BODY, headers=headers).status_code == 500
        response = httpx.post(url + V2, json=BODY, headers=headers)
        assert response.json()["agent_id"] == "agent_a"
        other = {"from_number": "+14155550000", "to_number": TO}
        assert httpx.post(url + V2, json=other, headers=headers).status_code == 422


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "RETELL_MOCK_API_KEY"}
    return subprocess.run(
        [sys.executable, "-m", "mock_server", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--numbers", "/nonexistent.json"),
        ("--fault", "x"),
        ("--api-key", ""),
        ("--max-calls", "0"),
        ("--host", "0.0.0.0"),  # with the development key: refused before listening
    ],
)
def test_cli_refuses_bad_options_with_one_line(option: str, value: str) -> None:
    result = run_cli(option, value)
    assert result.returncode == 2
    assert result.stderr.startswith("retell-mock:")
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""


def test_cli_refuses_a_port_in_use_with_one_line() -> None:
    with bind_loopback() as taken:
        port = taken.getsockname()[1]
        result = run_cli("--port", str(port))
    assert result.returncode == 2  # not uvicorn's 3 after an ERROR log
    assert (
        result.stderr == f"retell-mock: cannot listen on 127.0.0.1:{port}: Address already in use\n"
    )
    assert result.stdout == ""


def test_cli_help_explains_every_option() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mock_server", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    for option in [
        "--host",
        "--port",
        "--api-key",
        "--numbers",
        "--max-calls",
        "--fault",
        "--access-log",
        "--allow-public-dev-key",
        "RETELL_MOCK_API_KEY",
        DEFAULT_API_KEY,
        "X-Mock-Fault",
    ]:
        assert option in result.stdout


def test_ctrl_c_stops_the_mock_quietly_with_status_130() -> None:
    with cli_run() as run:
        assert httpx.post(run.url + V2, json=BODY, headers=DEV).status_code == 201
        run.process.send_signal(signal.SIGINT)
        run.process.wait(timeout=20)
    assert run.returncode == 130
    assert "Traceback" not in run.stderr
    assert "KeyboardInterrupt" not in run.stderr


def test_ctrl_c_during_start_up_is_quiet_too() -> None:
    """Before uvicorn handles signals (here: while the spec loads) Ctrl-C is a KeyboardInterrupt."""
    environment = {k: v for k, v in os.environ.items() if k != "RETELL_MOCK_API_KEY"}
    code = (
        "import sys, generator.ir\n"
        "def interrupted(*a, **k): raise KeyboardInterrupt\n"
        "generator.ir.load_api = interrupted\n"
        "import mock_server.__main__ as cli\n"
        "cli.load_api = interrupted\n"
        "sys.exit(cli.main(['--port', '0']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 130
    assert result.stderr == ""


def test_access_log_writes_one_line_per_request_without_the_key() -> None:
    key = "access-log-secret-key"
    encoded = "".join(f"%{byte:02x}" for byte in key.encode())
    with cli_run("--access-log", env={"RETELL_MOCK_API_KEY": key}) as run:
        good = {API.auth_header: f"Bearer {key}"}
        assert httpx.post(run.url + V2, json=BODY, headers=good).status_code == 201
        assert httpx.post(run.url + V1 + f"?k={key}", json=BODY, headers=good).status_code == 201
        assert httpx.post(run.url + f"/{encoded}", headers=good).status_code == 404
    requests = [line for line in run.stdout if "HTTP/1.1" in line]
    assert len(requests) == 4  # the three above, and wait_for's GET
    assert requests[1].endswith(f'"POST {V2} HTTP/1.1" 201 Created')
    assert requests[2].endswith(f'"POST {V1}?k=[redacted] HTTP/1.1" 201 Created')
    assert requests[3].endswith('"POST /[redacted] HTTP/1.1" 404 Not Found')
    everything = "\n".join(run.stdout) + run.stderr
    assert key not in everything
    assert encoded not in everything.lower()


def test_without_access_log_requests_are_not_logged() -> None:
    with cli_run() as run:
        assert httpx.post(run.url + V2, json=BODY, headers=DEV).status_code == 201
    assert not any("HTTP/1.1" in line for line in run.stdout)


def test_cli_serves_another_spec(tmp_path: Path) -> None:
    spec = tmp_path / "widgets.yaml"
    spec.write_text(WIDGETS, encoding="utf-8")
    with cli_run("--spec", str(spec)) as run:
        made = httpx.post(
            run.url + "/v1/widgets", json={"name": "bolt", "line": "+1415"}, headers=DEV
        )
        assert made.status_code == 201
        assert made.json()["kind"] == "widget"
        assert httpx.post(run.url + V2, json=BODY, headers=DEV).status_code == 404
    assert run.stdout[0].startswith("mock server of Widgets on http://127.0.0.1:")
