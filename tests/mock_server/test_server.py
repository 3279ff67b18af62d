"""running_server and the `python -m mock_server` command line."""

from __future__ import annotations

import os
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

from mock_server import DEFAULT_API_KEY, running_server
from tests.mock_server.conftest import FROM, TO, V2

ROOT = Path(__file__).resolve().parents[2]
BODY = {"from_number": FROM, "to_number": TO}


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def cli(*args: str, env: dict[str, str] | None = None) -> Iterator[tuple[str, list[str]]]:
    """Run `python -m mock_server` on a free port; the list fills with its output at exit."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k != "RETELL_MOCK_API_KEY"}
    command = [sys.executable, "-m", "mock_server", "--port", str(port), *args]
    lines: list[str] = []
    with tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env={**environment, **(env or {})}, stdout=output, text=True
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for(url)
            yield url, lines
        finally:
            process.terminate()
            process.wait(timeout=10)
            output.seek(0)
            lines.extend(output.read().splitlines())


def wait_for(url: str) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
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


@pytest.mark.parametrize(
    ("option", "value"), [("--numbers", "/nonexistent.json"), ("--fault", "x")]
)
def test_cli_refuses_bad_options(option: str, value: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mock_server", option, value],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "mock_server:" in result.stderr


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
        "RETELL_MOCK_API_KEY",
        DEFAULT_API_KEY,
        "X-Mock-Fault",
    ]:
        assert option in result.stdout
