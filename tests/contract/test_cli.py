"""`retell-contract`: exit codes, an honest verdict, misuse, scope, baseline, hostile servers."""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.types import ASGIApp, Receive, Scope, Send

from contract_tests import cli
from contract_tests.contract import Contract
from contract_tests.mutants.asgi import HttpRequest, HttpResponse, answer_before, rewrite_response
from mock_server import create_app, running_server
from tests.contract.conftest import TEST_KEY, run_cli

WORKERS = 4

ROOT = Path(__file__).resolve().parents[2]
SMALL_RUN = ["--max-examples", "6", "--seed", "7"]
CONTRACT = Contract.load()


def _leaky_and_wrong(app: ASGIApp) -> ASGIApp:
    """Echoes the Authorization header in every answer, JSON-escaped and URL-encoded too, and
    answers an enum value the spec does not list."""
    from urllib.parse import quote

    operation = CONTRACT.operations[0]
    enum_path = CONTRACT.enum_paths(operation.success.body.type)[0]  # type: ignore[union-attr]

    def rewrite(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        document = response.json()
        if not isinstance(document, dict):
            return response
        header = request.headers.get("authorization", "")
        document["echoed"] = [header, quote(header), header.replace("_", "\\u005f")]
        if 200 <= response.status < 300 and request.path == operation.path:
            document[enum_path[0]] = "queued"
        return response.with_json(document)

    return rewrite_response(app, rewrite)


@pytest.fixture(scope="module")
def leaky_url() -> Iterator[str]:
    with running_server(_leaky_and_wrong(create_app(api_key=TEST_KEY))) as url:
        yield url


def test_a_compliant_server_exits_0_with_reports(mock_url: str, tmp_path: Path) -> None:
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
    code, out = run_cli(argv)
    assert code == cli.EXIT_COMPLIANT, out
    assert "COMPLIANT" in out
    assert "vectors:" in out
    assert "fuzzing:" in out
    suite = ET.parse(junit).getroot().find("testsuite")
    assert suite is not None
    assert suite.get("failures") == "0"
    assert report.read_text().startswith("# Contract report: COMPLIANT")


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
    code, out = run_cli(argv)
    assert code == cli.EXIT_VIOLATIONS, out
    texts = {"console": out, "report": report.read_text(), "junit": junit.read_text()}
    for name, text in texts.items():
        assert TEST_KEY not in text, f"the API key leaked into the {name} output"
        assert TEST_KEY.replace("_", "\\u005f") not in text
        assert "closed_enums" in text
    assert "${RETELL_API_KEY}" in out


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--seed", "-1"], "argument --seed: must be at least 0"),
        (["--workers", "abc"], "argument --workers: must be an integer"),
        (["--max-time", "0"], "argument --max-time"),
        (["--max-live-calls", "2"], "--max-live-calls goes with --live"),
        (["--live-to-number", "+14155550123"], "--live-to-number goes with"),
        (
            [
                "--live",
                "--max-live-calls",
                "1",
                "--base-url",
                "https://api.example.com",
                "--api-key",
                "sk_test_misuse_key_0001",
            ],
            "name --from-number",
        ),
        (["--include-operation-id", "noSuchOperation"], "no operation 'noSuchOperation'"),
        (["--exclude-checks", "no_such_rule"], "no rule 'no_such_rule'"),
        (
            ["--base-url", "https://api.example.com", "--api-key", "sk_test_misuse_key_0001"],
            "refusing to test non-loopback host",
        ),
        (
            [
                "--base-url",
                "http://api.retellai.com\\@127.0.0.1:9",
                "--api-key",
                "sk_test_misuse_key_0001",
            ],
            "backslash",
        ),
        (
            [
                "--base-url",
                "http://u:sk_secret_in_url@127.0.0.1:9",
                "--api-key",
                "sk_test_misuse_key_0001",
            ],
            "user info",
        ),
        (
            ["--base-url", "http://localhost.:9", "--api-key", "sk_test_misuse_key_0001"],
            "non-loopback",
        ),
        (["--junit-xml", f"{__file__}/j.xml"], "is not a directory"),
        (["--baseline-update"], "needs --baseline"),
        (["--from-number", "14155550100"], "--from-number"),
        (["--spec", "/no/such/spec.yaml"], "cannot read the spec"),
    ],
)
def test_misuse_exits_2_with_one_line_naming_the_option(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run_cli(argv)
    error = capsys.readouterr().err
    assert code == cli.EXIT_USAGE
    assert says in error
    assert error.count("\n") == 1
    assert "sk_secret_in_url" not in error
    assert "_positive" not in error
    assert "_count" not in error
    assert "Traceback" not in error


@pytest.mark.slow
def test_a_run_leaves_no_hypothesis_folder_in_the_working_directory(
    tmp_path: Path, mock_url: str
) -> None:
    workspace, cache = tmp_path / "workspace", tmp_path / "cache"
    workspace.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "HYPOTHESIS_STORAGE_DIRECTORY"}
    done = subprocess.run(
        [sys.executable, "-m", "contract_tests", "--base-url", mock_url, *SMALL_RUN],
        cwd=workspace,
        env=env
        | {"RETELL_API_KEY": TEST_KEY, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == cli.EXIT_COMPLIANT, done.stdout + done.stderr
    assert list(workspace.iterdir()) == []
    assert (cache / "retell-contract" / "hypothesis").is_dir()


def test_a_report_in_a_missing_directory_gets_its_directory(tmp_path: Path, mock_url: str) -> None:
    """The README's `--junit-xml reports/contract.xml` must work without a `mkdir` first."""
    junit, report = tmp_path / "reports" / "contract.xml", tmp_path / "out" / "deep" / "r.md"
    argv = ["--base-url", mock_url, "--api-key", TEST_KEY, *SMALL_RUN]
    code, out = run_cli([*argv, "--junit-xml", str(junit), "--report", str(report)])
    assert code == cli.EXIT_COMPLIANT, out
    assert ET.parse(junit).getroot().tag == "testsuites"
    assert report.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("key", ["bad\nkey-0000000000", "bad key-0000000000", "bäd-key-0000000000"])
def test_a_key_a_header_cannot_carry_is_refused_without_showing_it(
    key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run_cli(["--api-key", key, *SMALL_RUN])
    error = capsys.readouterr().err
    assert code == cli.EXIT_USAGE
    assert "--api-key must be printable ASCII" in error
    assert "key-0000000000" not in error


def test_an_unreachable_server_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run_cli(
        [
            "--base-url",
            f"http://127.0.0.1:{_closed_port()}",
            "--api-key",
            "sk_test_misuse_key_0001",
            *SMALL_RUN,
        ]
    )
    assert code == cli.EXIT_USAGE
    assert "unreachable" in capsys.readouterr().err


def test_a_rejected_key_exits_2(mock_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run_cli(["--base-url", mock_url, "--api-key", "not-the-key", *SMALL_RUN])
    assert code == cli.EXIT_USAGE
    assert "API key rejected by the server (401)" in capsys.readouterr().err


def test_version_and_help_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("--version", "--help"):
        with pytest.raises(SystemExit) as exited:
            cli.build_parser().parse_args([flag])
        assert exited.value.code == 0
    assert "retell-contract" in capsys.readouterr().out


# --- scope -----------------------------------------------------------------------------------


def _only_first_operation(app: ASGIApp) -> ASGIApp:
    """A server that implements only the spec's first operation."""
    first = CONTRACT.operations[0].path

    def answer(request: HttpRequest) -> HttpResponse | None:
        if request.path != first:
            return HttpResponse(404).with_json({"error_message": "Not Found"})
        return None

    return answer_before(app, answer)


def test_a_server_implementing_one_operation_passes_when_scoped_to_it() -> None:
    first = CONTRACT.operations[0].operation_id
    with running_server(_only_first_operation(create_app(api_key=TEST_KEY))) as url:
        scoped, out = run_cli(
            ["--base-url", url, "--api-key", TEST_KEY, *SMALL_RUN, "--include-operation-id", first]
        )
        unscoped, _ = run_cli(["--base-url", url, "--api-key", TEST_KEY, *SMALL_RUN])
    assert scoped == cli.EXIT_COMPLIANT, out
    assert unscoped == cli.EXIT_VIOLATIONS


def test_a_base_url_with_no_operation_is_one_finding(mock_url: str) -> None:
    code, out = run_cli(
        ["--base-url", mock_url + "/wrong/prefix", "--api-key", TEST_KEY, *SMALL_RUN]
    )
    assert code == cli.EXIT_VIOLATIONS
    assert "operations_found" in out
    assert out.count("FAIL") <= 3


def test_a_baseline_round_trip(leaky_url: str, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    argv = ["--base-url", leaky_url, "--api-key", TEST_KEY, *SMALL_RUN, "--baseline", str(baseline)]
    written, _ = run_cli([*argv, "--baseline-update"])
    assert written == cli.EXIT_VIOLATIONS
    known = json.loads(baseline.read_text())["known"]
    assert {"rule": "closed_enums", "operation": CONTRACT.operations[0].label} in known
    again, out = run_cli(argv)
    assert again == cli.EXIT_COMPLIANT, out
    with running_server(create_app(api_key=TEST_KEY)) as fixed:
        stale, out = run_cli(
            ["--base-url", fixed, "--api-key", TEST_KEY, *SMALL_RUN, "--baseline", str(baseline)]
        )
    assert stale == cli.EXIT_COMPLIANT
    assert "stale entry closed_enums" in out


# --- an honest verdict: interrupts and hostile servers ------------------------------------------


def test_an_interrupt_before_the_run_starts_is_one_line_and_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_run", interrupted)
    assert cli.main(["--api-key", TEST_KEY]) == 130
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "INTERRUPTED" in err
    assert "Traceback" not in err


class _Arrivals:
    """A slowed app that counts the requests reaching it, and when the count was read."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.count = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        import asyncio

        if scope["type"] == "http":
            self.count += 1
        await asyncio.sleep(0.05)
        await self.app(scope, receive, send)


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["vectors:", "fuzzing:"])
@pytest.mark.parametrize(("number", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupt_stops_sending_and_never_reports_compliance(
    number: int, status: int, phase: str, tmp_path: Path
) -> None:
    """Issue 8: SIGINT during fuzzing printed `COMPLIANT: 0 findings` and exited 0. In either
    phase the run stops sending (at most the requests in flight still arrive), says
    INTERRUPTED and marks every report incomplete."""
    junit, report = tmp_path / "junit.xml", tmp_path / "report.md"
    server = _Arrivals(create_app(api_key=TEST_KEY))
    with running_server(server) as url:
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "contract_tests",
                "--base-url",
                url,
                "--seed",
                "3",
                "--workers",
                str(WORKERS),
                "--junit-xml",
                str(junit),
                "--report",
                str(report),
            ],
            cwd=ROOT,
            env=os.environ | {"RETELL_API_KEY": TEST_KEY},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith(phase):
                break
        child.send_signal(number)
        at_signal = server.count
        out, _ = child.communicate(timeout=60)
        after_signal = server.count - at_signal
    assert child.returncode == status, out
    assert "INTERRUPTED" in out
    assert "COMPLIANT" not in out
    # a run that went on would send hundreds more (each phase plans over 150 requests)
    assert after_signal <= 2 * WORKERS, (after_signal, out)
    first_line = report.read_text().splitlines()[0]
    assert "INTERRUPTED" in first_line
    assert "incomplete" in first_line
    errors = [
        e.get("message", "") + (e.text or "") for e in ET.parse(junit).getroot().iter("error")
    ]
    assert any("interrupted" in error.lower() for error in errors), errors


async def _huge(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] != "http":
        return
    size = 300 * 1024 * 1024
    await send(
        {
            "type": "http.response.start",
            "status": 400,
            "headers": [(b"content-length", str(size).encode())],
        }
    )
    chunk = b"x" * (1024 * 1024)
    for _ in range(300):
        await send({"type": "http.response.body", "body": chunk, "more_body": True})
    await send({"type": "http.response.body", "body": b""})


async def _drip(scope: Scope, receive: Receive, send: Send) -> None:
    import asyncio

    if scope["type"] != "http":
        return
    await send(
        {"type": "http.response.start", "status": 400, "headers": [(b"content-length", b"30")]}
    )
    for _ in range(15):
        await send({"type": "http.response.body", "body": b"x", "more_body": True})
        await asyncio.sleep(0.5)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("server", "rule"), [(_huge, "response_size_limit"), (_drip, "response_deadline")]
)
def test_a_hostile_server_ends_the_run_within_its_limits(server: ASGIApp, rule: str) -> None:
    """A 300 MiB answer or a drip-fed one: the run ends, with a finding, in bounded memory."""
    with running_server(server) as url:
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "contract_tests",
                "--base-url",
                url,
                "--seed",
                "3",
                "--request-timeout",
                "2",
                "--max-time",
                "60",
            ],
            cwd=ROOT,
            env=os.environ | {"RETELL_API_KEY": TEST_KEY},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert completed.returncode == cli.EXIT_VIOLATIONS, (
        completed.stdout[-2000:] + completed.stderr[-2000:]
    )
    assert rule in completed.stdout
    assert peak_mib < 1024, f"the run peaked at {peak_mib:.0f} MiB"
