"""`python -m mock_server` misuse: exit 2 with a one-line reason, and the host warning.

`main()` runs in process here; `bind` is replaced so that no test ever starts a server
or listens beyond loopback (a check that wrongly passed would stop at the fake bind).
"""

from __future__ import annotations

import json
import resource
import socket
from pathlib import Path

import pytest

from mock_server import DEFAULT_API_KEY
from mock_server import __main__ as cli
from mock_server.server import bind_loopback


class Bound(Exception):
    """Raised by the fake bind: main() got as far as listening."""


@pytest.fixture
def binds(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    calls: list[tuple[str, int]] = []

    def fake_bind(host: str, port: int) -> socket.socket:
        calls.append((host, port))
        raise Bound

    monkeypatch.delenv(cli.KEY_VARIABLE, raising=False)
    monkeypatch.setattr(cli, "bind", fake_bind)
    return calls


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run main(argv), expect exit 2 and return its one line of stderr."""
    assert cli.main(list(argv)) == cli.EXIT_USAGE
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("retell-mock: ")
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    return err


@pytest.mark.usefixtures("binds")
def test_an_empty_api_key_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert "--api-key is empty" in refused(capsys, "--api-key", "")


@pytest.mark.usefixtures("binds")
def test_an_empty_key_variable_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.KEY_VARIABLE, "")
    assert f"${cli.KEY_VARIABLE} is empty" in refused(capsys)


@pytest.mark.usefixtures("binds")
@pytest.mark.parametrize("key", ["two words", "tab\tkey", "new\nline", "kéy"])
def test_a_key_no_bearer_token_can_carry_is_refused(
    capsys: pytest.CaptureFixture[str], key: str
) -> None:
    assert "printable ASCII" in refused(capsys, "--api-key", key)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--max-calls", "0"),
        ("--max-calls", "-5"),
        ("--max-calls", "many"),
        ("--port", "70000"),
        ("--port", "-1"),
        ("--max-connections", "0"),
        ("--header-timeout", "0"),
        ("--header-timeout", "soon"),
        ("--body-timeout", "-1"),
        ("--body-timeout", "7200"),
    ],
)
@pytest.mark.usefixtures("binds")
def test_bad_numbers_in_options_are_refused(
    capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    line = refused(capsys, option, value)
    assert option in line
    assert value in line


@pytest.mark.usefixtures("binds")
def test_an_unknown_option_is_one_line_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert "--colour" in refused(capsys, "--colour", "red")


@pytest.mark.parametrize(
    ("document", "named"),
    [
        ({"numbers": {"12": "agent_a"}}, "numbers['12']: not a valid from_number"),
        ({"numbers": {"+0123": "agent_a"}}, "numbers['+0123']"),
        ({"numbers": {"+14157774444": ""}}, "numbers['+14157774444']: the agent id is empty"),
        ({"numbers": {"+14157774444": "  "}}, "the agent id is empty"),
        ({"agents": ["agent_a", ""]}, "agents[1]: the agent id is empty"),
    ],
)
def test_a_numbers_file_with_a_bad_entry_is_refused_naming_it(
    capsys: pytest.CaptureFixture[str],
    binds: list[tuple[str, int]],
    tmp_path: Path,
    document: object,
    named: str,
) -> None:
    path = tmp_path / "numbers.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert named in refused(capsys, "--numbers", str(path))
    assert binds == []


def test_a_numbers_file_repeating_a_number_is_refused(
    capsys: pytest.CaptureFixture[str], binds: list[tuple[str, int]], tmp_path: Path
) -> None:
    path = tmp_path / "numbers.json"
    path.write_text('{"numbers": {"+14157774444": "a", "+14157774444": "b"}}', encoding="utf-8")
    assert "'+14157774444' appears twice" in refused(capsys, "--numbers", str(path))
    assert binds == []


def test_a_port_in_use_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with bind_loopback() as taken:  # the real bind: this test listens on loopback only
        port = taken.getsockname()[1]
        line = refused(capsys, "--host", "127.0.0.1", "--port", str(port))
    assert f"cannot listen on 127.0.0.1:{port}" in line
    assert "in use" in line


@pytest.mark.parametrize("host", ["", " ", "bad host"])
def test_a_host_that_is_no_address_is_refused(
    capsys: pytest.CaptureFixture[str], binds: list[tuple[str, int]], host: str
) -> None:
    assert "--host" in refused(capsys, "--host", host)
    assert binds == []


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.1", "mock.example"])
def test_a_public_host_with_the_development_key_is_refused(
    capsys: pytest.CaptureFixture[str], binds: list[tuple[str, int]], host: str
) -> None:
    line = refused(capsys, "--host", host)
    assert "not a loopback address" in line
    assert "--allow-public-dev-key" in line
    assert binds == []  # refused before listening


def test_a_public_host_with_a_key_of_ones_own_is_warned_about(
    capsys: pytest.CaptureFixture[str], binds: list[tuple[str, int]]
) -> None:
    with pytest.raises(Bound):
        cli.main(["--host", "0.0.0.0", "--port", "9999", "--api-key", "own-key"])
    assert binds == [("0.0.0.0", 9999)]
    err = capsys.readouterr().err
    assert err.startswith("retell-mock: warning: --host 0.0.0.0 is not a loopback address")
    assert err.count("\n") == 1
    assert "own-key" not in err


def test_the_development_key_on_a_public_host_needs_the_explicit_flag(
    capsys: pytest.CaptureFixture[str], binds: list[tuple[str, int]]
) -> None:
    with pytest.raises(Bound):
        cli.main(["--host", "0.0.0.0", "--allow-public-dev-key"])
    assert binds == [("0.0.0.0", 8080)]
    err = capsys.readouterr().err
    assert "warning" in err
    assert "public development key" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"])
def test_a_loopback_host_is_neither_refused_nor_warned_about(
    capsys: pytest.CaptureFixture[str], binds: list[tuple[str, int]], host: str
) -> None:
    with pytest.raises(Bound):
        cli.main(["--host", host])
    assert binds == [(host.strip("[]"), 8080)]
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.255.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("LOCALHOST.", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.0.0.1", False),
        ("localhost.example", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert cli.is_loopback(host) is loopback


def test_the_development_key_is_still_the_default_on_loopback(
    binds: list[tuple[str, int]],
) -> None:
    assert cli.resolve_api_key(None) == (DEFAULT_API_KEY, True)
    assert cli.resolve_api_key("own-key") == ("own-key", False)


def test_a_spec_that_cannot_be_read_is_refused(
    capsys: pytest.CaptureFixture[str], binds: list[tuple[str, int]], tmp_path: Path
) -> None:
    line = refused(capsys, "--spec", str(tmp_path / "absent.yaml"))
    assert "--spec" in line
    assert "No such file" in line
    assert binds == []


def test_a_spec_that_is_not_valid_is_refused_naming_where(
    capsys: pytest.CaptureFixture[str], binds: list[tuple[str, int]], tmp_path: Path
) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n", encoding="utf-8")
    line = refused(capsys, "--spec", str(spec))
    assert line.startswith(f"retell-mock: --spec: {spec}")
    assert binds == []


def test_a_spec_the_mock_cannot_answer_is_refused_naming_the_operation(
    capsys: pytest.CaptureFixture[str], binds: list[tuple[str, int]], tmp_path: Path
) -> None:
    from tests.mock_server.specs import WIDGETS

    spec = tmp_path / "widgets.yaml"
    spec.write_text(WIDGETS.replace("const: widget", "minLength: 2"), encoding="utf-8")
    line = refused(capsys, "--spec", str(spec))
    assert "POST /v1/widgets (makeWidget): cannot build a valid answer: kind: is required" in line
    assert binds == []


@pytest.mark.parametrize(("soft", "wanted", "expected"), [(1024, 1000, 960), (20000, 1000, 1000)])
def test_the_connection_bound_fits_the_open_file_limit(
    monkeypatch: pytest.MonkeyPatch, soft: int, wanted: int, expected: int
) -> None:
    monkeypatch.setattr(resource, "getrlimit", lambda _: (soft, soft))
    assert cli.connection_bound(wanted) == expected


def test_the_soft_open_file_limit_is_raised_to_the_hard_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_to: list[tuple[int, int]] = []
    monkeypatch.setattr(resource, "getrlimit", lambda _: (1024, 4096))
    monkeypatch.setattr(resource, "setrlimit", lambda _, limits: set_to.append(limits))
    assert cli.connection_bound(5000) == 4096 - 64
    assert set_to == [(4096, 4096)]
