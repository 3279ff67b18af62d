"""`python -m contract_tests`: exit codes, outputs, key masking and the --live guard."""

from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from starlette.types import ASGIApp

from contract_tests import cli
from contract_tests.mutants.asgi import (
    HttpRequest,
    HttpResponse,
    answer_before,
    rewrite_request,
    rewrite_response,
)
from contract_tests.safety import LiveGuard, LiveNumbers
from contract_tests.vector_runner import VectorRunner
from contract_tests.vectors import VALID_FROM, VALID_TO, Expect, all_vectors
from mock_server import create_app, running_server
from tests.contract.conftest import TEST_KEY

SMALL_RUN = ["--max-examples", "5", "--seed", "7"]


def _main(argv: list[str]) -> tuple[int, str]:
    buffer = io.StringIO()
    code = cli.main(argv, console=Console(file=buffer, width=200))
    return code, buffer.getvalue()


def _leaky_and_wrong(app: ASGIApp) -> ASGIApp:
    """Echoes the Authorization header in every answer and answers call_status 'queued'."""

    def rewrite(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        document = response.json()
        if not isinstance(document, dict):
            return response
        document["echoed_authorization"] = request.headers.get("authorization", "")
        if 200 <= response.status < 300:
            document["call_status"] = "queued"
        return response.with_json(document)

    return rewrite_response(app, rewrite)


@pytest.fixture(scope="module")
def leaky_url() -> Iterator[str]:
    with running_server(_leaky_and_wrong(create_app(api_key=TEST_KEY))) as url:
        yield url


def test_compliant_server_exits_0_with_reports(mock_url: str, tmp_path: Path) -> None:
    junit, report = tmp_path / "junit.xml", tmp_path / "report.md"
    argv = [
        "--base-url",
        mock_url,
        "--api-key",
        TEST_KEY,
        *SMALL_RUN,
        "--junit-xml",
        str(junit),
        "--report",
        str(report),
    ]
    code, out = _main(argv)
    assert code == cli.EXIT_COMPLIANT, out
    assert "COMPLIANT" in out
    assert "coverage: done" in out
    assert "fuzzing: done" in out
    assert "vectors:" in out
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    assert suite.get("failures") == "0"
    assert int(suite.get("tests", "0")) > 20
    assert "**compliant**" in report.read_text()


def test_violations_exit_1_and_the_key_never_shows(leaky_url: str, tmp_path: Path) -> None:
    junit, report = tmp_path / "junit.xml", tmp_path / "report.md"
    argv = [
        "--base-url",
        leaky_url,
        "--api-key",
        TEST_KEY,
        *SMALL_RUN,
        "--junit-xml",
        str(junit),
        "--report",
        str(report),
    ]
    code, out = _main(argv)
    assert code == cli.EXIT_VIOLATIONS
    texts = {"console": out, "report": report.read_text(), "junit": junit.read_text()}
    for name, text in texts.items():
        assert TEST_KEY not in text, f"the API key leaked into the {name} output"
        assert "closed_enums" in text
        assert "Bearer ***" in text
    assert '-H "Authorization: Bearer $RETELL_API_KEY"' in out
    assert "FAIL closed_enums on POST /v2/create-phone-call" in out
    assert "rule broken:" in out
    assert "response: 201" in out
    assert "reproduce: curl" in out


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_unreachable_server_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _main(["--base-url", f"http://127.0.0.1:{_closed_port()}", "--api-key", TEST_KEY])
    err = capsys.readouterr().err.strip()
    assert code == cli.EXIT_USAGE
    assert len(err.splitlines()) == 1
    assert "unreachable" in err
    assert TEST_KEY not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--max-examples", "0"],
        ["--bogus"],
        ["--seed", "x"],
        ["--max-live-calls", "-1"],
        ["--base-url", "ftp://x"],
    ],
)
def test_misuse_exits_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _main([*argv, "--api-key", TEST_KEY])
    err = capsys.readouterr().err.strip()
    assert code == cli.EXIT_USAGE
    assert len(err.splitlines()) == 1
    assert "usage error" in err


def test_missing_key_for_a_given_server_is_misuse(
    mock_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("RETELL_API_KEY", raising=False)
    code, _ = _main(["--base-url", mock_url])
    assert code == cli.EXIT_USAGE
    assert "RETELL_API_KEY" in capsys.readouterr().err


def test_key_comes_from_the_environment(mock_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETELL_API_KEY", TEST_KEY)
    code, out = _main(["--base-url", mock_url, *SMALL_RUN])
    assert code == cli.EXIT_COMPLIANT, out
    assert TEST_KEY not in out


def test_without_base_url_it_tests_a_mock_it_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RETELL_API_KEY", raising=False)
    code, out = _main(SMALL_RUN)
    assert code == cli.EXIT_COMPLIANT, out
    assert "contract_tests: http://127.0.0.1:" in out
    assert "rerun: RETELL_API_KEY=... python -m contract_tests --seed 7 --max-examples 5" in out


LIVE_FROM, LIVE_TO = "+14155550100", "+14155550199"
LIVE_NUMBERS = ["--from-number", LIVE_FROM, "--live-to-number", LIVE_TO]


def _counting(app: ASGIApp, accepted: list[HttpRequest]) -> ASGIApp:
    def rewrite(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if 200 <= response.status < 300:
            accepted.append(request)
        return response

    return rewrite_response(app, rewrite)


def _live_run(budget: int, numbers: list[str]) -> tuple[int, str, list[HttpRequest]]:
    accepted: list[HttpRequest] = []
    with running_server(_counting(create_app(api_key=TEST_KEY), accepted)) as url:
        live = ["--live", "--max-live-calls", str(budget), *numbers]
        code, out = _main(["--base-url", url, "--api-key", TEST_KEY, *live, *SMALL_RUN])
    return code, out, accepted


def test_live_run_without_a_budget_places_no_call() -> None:
    code, out, accepted = _live_run(0, [])
    assert accepted == []
    assert code == cli.EXIT_COMPLIANT, out


def test_live_run_places_at_most_its_budget_and_only_to_the_named_numbers() -> None:
    budget = 5
    code, out, accepted = _live_run(budget, LIVE_NUMBERS)
    assert 1 <= len(accepted) <= budget, out
    dialled = {(r.json()["from_number"], r.json()["to_number"]) for r in accepted}
    assert dialled == {(LIVE_FROM, LIVE_TO)}
    assert code == cli.EXIT_COMPLIANT, out
    assert f"--live --max-live-calls {budget} {' '.join(LIVE_NUMBERS)}" in out


@pytest.mark.parametrize("budget", [1, 3])
def test_live_vectors_spend_the_whole_budget_on_the_named_numbers(budget: int) -> None:
    accepted: list[HttpRequest] = []
    guard = LiveGuard(TEST_KEY, budget, LiveNumbers(LIVE_FROM, LIVE_TO))
    with running_server(_counting(create_app(api_key=TEST_KEY), accepted)) as url:
        outcome = VectorRunner(url, TEST_KEY, guard).run(all_vectors())
    assert len(accepted) == budget  # the valid vectors outnumber any small budget
    assert {(r.json()["from_number"], r.json()["to_number"]) for r in accepted} == {
        (LIVE_FROM, LIVE_TO)
    }
    assert outcome.findings == []
    assert any("withheld" in error for error in outcome.errors)


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["--live", "--max-live-calls", "1"], "--live-to-number"),
        (["--live", "--max-live-calls", "1", "--from-number", LIVE_FROM], "a phone you own"),
        (
            ["--live", "--max-live-calls", "1", *LIVE_NUMBERS[:2], "--live-to-number", "5550199"],
            "--live-to-number must be an E.164 number",
        ),
        (LIVE_NUMBERS, "--live-to-number goes with --live --max-live-calls N"),
    ],
)
def test_live_numbers_are_required_and_checked_before_any_traffic(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _main(
        ["--base-url", f"http://127.0.0.1:{_closed_port()}", "--api-key", TEST_KEY, *argv]
    )
    err = capsys.readouterr().err.strip()
    assert code == cli.EXIT_USAGE
    assert len(err.splitlines()) == 1
    assert complaint in err
    assert "unreachable" not in err


def test_module_entry_point_exits_2_on_misuse() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "contract_tests", "--max-examples", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == cli.EXIT_USAGE
    assert completed.stderr.count("\n") == 1


@pytest.mark.parametrize("option", ["--junit-xml", "--report"])
@pytest.mark.parametrize("where", ["missing parent", "a directory", "parent is a file"])
def test_output_paths_are_checked_before_the_run(
    option: str, where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file.txt").write_text("x")
    path = {
        "missing parent": tmp_path / "no" / "such" / "out.xml",
        "a directory": tmp_path,
        "parent is a file": tmp_path / "file.txt" / "out.xml",
    }[where]
    closed = f"http://127.0.0.1:{_closed_port()}"
    code, _ = _main(["--base-url", closed, "--api-key", TEST_KEY, option, str(path)])
    err = capsys.readouterr().err.strip()
    assert code == cli.EXIT_USAGE
    assert len(err.splitlines()) == 1
    assert option in err
    assert "unreachable" not in err  # checked before any traffic
    assert not (tmp_path / "no").exists()  # no directory is created


def _lenient_on_numbers(app: ASGIApp, log: list[tuple[HttpRequest, int]]) -> ASGIApp:
    """Strips spaces from to_number before the mock sees it (so '+1 415 ...' is accepted),
    and logs every request with the status it got."""

    def clean(request: HttpRequest) -> HttpRequest:
        document = request.json()
        if isinstance(document, dict) and isinstance(document.get("to_number"), str):
            return request.with_json(
                document | {"to_number": document["to_number"].replace(" ", "")}
            )
        return request

    def record(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        log.append((request, response.status))
        return response

    return rewrite_response(rewrite_request(app, clean), record)


def test_live_run_stops_at_the_first_accepted_request_that_had_to_be_rejected() -> None:
    log: list[tuple[HttpRequest, int]] = []
    with running_server(_lenient_on_numbers(create_app(api_key=TEST_KEY), log)) as url:
        argv = ["--base-url", url, "--api-key", TEST_KEY, "--live", *SMALL_RUN]
        code, out = _main(argv)
    accepted = [index for index, (_, status) in enumerate(log) if 200 <= status < 300]
    assert code == cli.EXIT_VIOLATIONS, out
    assert len(accepted) == 1, out
    assert accepted[0] == len(log) - 1  # nothing was sent after it
    assert "FAIL live_rejection_required" in out
    assert "live run stopped" in out


def test_live_run_stops_when_the_preflight_is_accepted() -> None:
    log: list[HttpRequest] = []

    def accept_everything(request: HttpRequest) -> HttpResponse:
        log.append(request)
        return HttpResponse(201).with_json({"call_id": "c"})

    with running_server(answer_before(create_app(api_key=TEST_KEY), accept_everything)) as url:
        code, out = _main(["--base-url", url, "--api-key", TEST_KEY, "--live", *SMALL_RUN])
    assert code == cli.EXIT_VIOLATIONS, out
    posts = [request for request in log if request.method == "POST"]
    assert len(posts) == 1, out  # the pre-flight, then nothing
    assert "FAIL live_rejection_required" in out


def test_vectors_use_fictional_numbers() -> None:
    fictional = re.compile(r"\+1\d{3}55501\d\d")
    for vector in all_vectors():
        if vector.expect is Expect.ACCEPTED and not vector.probes_numbers:
            body = vector.body
            numbers = [body.get("from_number"), body.get("to_number")]
            if vector.name.startswith("spec example"):
                continue  # the spec's own examples, sent as written
            assert all(fictional.fullmatch(str(number)) for number in numbers), vector
    assert fictional.fullmatch(VALID_FROM)
    assert fictional.fullmatch(VALID_TO)


@pytest.mark.slow
def test_the_mock_the_cli_starts_prints_no_uvicorn_warnings() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "contract_tests", "--max-examples", "5", "--seed", "3"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={key: value for key, value in os.environ.items() if key != "RETELL_API_KEY"},
    )
    assert completed.returncode == cli.EXIT_COMPLIANT, completed.stdout[-2000:]
    assert "Invalid HTTP request received" not in completed.stdout + completed.stderr
