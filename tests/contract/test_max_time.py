"""`--max-time` really ends a run, and what it ended is never reported as a full pass."""

from __future__ import annotations

import asyncio
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from starlette.types import ASGIApp, Receive, Scope, Send

from contract_tests import cli
from contract_tests.options import SuiteOptions
from contract_tests.output.summary import verdict_line
from contract_tests.suite import SuiteResult, run_suite
from mock_server import create_app, running_server
from tests.contract.conftest import TEST_KEY, run_cli


def _slow(app: ASGIApp, seconds: float) -> ASGIApp:
    async def slowed(scope: Scope, receive: Receive, send: Send) -> None:
        await asyncio.sleep(seconds)
        await app(scope, receive, send)

    return slowed


@pytest.mark.slow
def test_max_time_during_the_fixed_parts_ends_the_run_incomplete(tmp_path: Path) -> None:
    """A 1 s server and 2 workers need over 100 s for the vectors alone; `--max-time 2` ends
    the run there, and the verdict says it is incomplete (exit 1, never COMPLIANT)."""
    junit = tmp_path / "junit.xml"
    with running_server(_slow(create_app(api_key=TEST_KEY), 1.0)) as url:
        argv = ["--base-url", url, "--api-key", TEST_KEY, "--seed", "3", "--workers", "2"]
        code, out = run_cli([*argv, "--max-time", "2", "--junit-xml", str(junit)])
    assert code == cli.EXIT_VIOLATIONS, out
    assert "INCOMPLETE" in out
    assert "COMPLIANT" not in out
    assert "the run is incomplete" in out
    sent = re.search(r"(\d+) cases", out)
    assert sent is not None, out
    assert int(sent.group(1)) < 50, out  # of more than 200 vectors
    assert any(True for _ in ET.parse(junit).getroot().iter("error"))


@pytest.mark.slow
def test_max_time_during_fuzzing_stops_sending_and_says_so() -> None:
    """Only the fuzzing runs, against a 1 s server with 2 workers (hundreds of planned cases);
    `--max-time` ends it early, and the verdict line says what it cut."""
    with running_server(_slow(create_app(api_key=TEST_KEY), 1.0)) as url:
        result = run_suite(
            SuiteOptions(
                base_url=url,
                api_key=TEST_KEY,
                seed=3,
                workers=2,
                max_examples=20,  # quick to plan; over 50 cases with coverage, 1 s each
                max_time_s=10,
                run_vectors=False,
                run_concurrency=False,
            )
        )
    assert result.timed_out
    assert result.planned_cases > 100
    assert result.outcome.cases < result.planned_cases / 4
    line = verdict_line(result)
    assert "--max-time ended the fuzzing" in line, line
    assert not result.outcome.findings, line  # what was sent was judged, and it was fine


@pytest.mark.slow
def test_max_time_bounds_the_planning_too(mock_url: str) -> None:
    """Planning thousands of cases takes far longer than a second; `--max-time 1` ends it,
    and a run that sent no fuzzed case is INCOMPLETE, never COMPLIANT."""
    result = run_suite(
        SuiteOptions(
            base_url=mock_url,
            api_key=TEST_KEY,
            seed=3,
            max_examples=5000,
            max_time_s=1,
            run_vectors=False,
            run_concurrency=False,
        )
    )
    assert result.timed_out
    assert result.planned_cases < 5000
    if result.fuzzed_cases == 0:
        assert result.verdict == "INCOMPLETE"
        assert not result.compliant
    assert "COMPLIANT" not in verdict_line(result) or result.fuzzed_cases > 0


def test_a_stopped_run_is_never_called_compliant() -> None:
    result = SuiteResult(SuiteOptions(base_url="http://127.0.0.1:9", api_key=TEST_KEY))
    result.stopped = "the pre-flight request was held back"
    assert result.verdict == "INCOMPLETE"
    assert not result.compliant
