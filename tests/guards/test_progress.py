"""Progress in CI logs: off a terminal the contract CLI writes plain lines, one when a part
of the run starts (`<part>: N requests planned`) and one when it ends (`<part>: k of N done
in S s`), a line per phase that has no count (`concurrency: ...`), and never a progress bar:
no carriage return, no escape sequence, no line per request (contract_tests/progress.py)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from rich.console import Console

from contract_tests import cli
from contract_tests.progress import Progress
from mock_server import create_app, running_server
from tests.contract.conftest import TEST_KEY

PARTS = ("vectors", "fuzzing")  # the parts with a request count (Progress.start)
PHASES = (*PARTS, "concurrency")
SMALL_RUN = ["--max-examples", "6", "--seed", "7"]  # as tests/contract/test_cli.py
BAR_BYTES = ("\r", "\x1b[")
MOST_LINES_PER_PHASE = 3  # planned, a phase's own summary line, done: never one per request


def log_problems(text: str, parts: tuple[str, ...], phases: tuple[str, ...]) -> list[str]:
    """What keeps `text` from being a clean CI log of a completed run; [] when it is one."""
    problems = [f"{byte!r} in the log (a bar)" for byte in BAR_BYTES if byte in text]
    lines = text.splitlines()
    for part in parts:
        planned = [
            i
            for i, line in enumerate(lines)
            if re.fullmatch(rf"{part}: \d+ requests planned", line)
        ]
        done = [
            i
            for i, line in enumerate(lines)
            if re.fullmatch(rf"{part}: \d+ of \d+ done in [\d.]+ s", line)
        ]
        if len(planned) != 1 or len(done) != 1:
            problems.append(f"{part}: {len(planned)} 'planned' and {len(done)} 'done' lines")
        elif done[0] < planned[0]:
            problems.append(f"{part}: done before planned")
        else:
            total = lines[planned[0]].split()[1]
            if lines[done[0]].split()[1:4] != [total, "of", total]:
                problems.append(f"{part}: a completed run sent {lines[done[0]]!r} of {total}")
    for phase in phases:
        count = sum(line.startswith(f"{phase}:") for line in lines)
        if not 1 <= count <= MOST_LINES_PER_PHASE:
            problems.append(f"{phase}: {count} lines")
    return problems


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    with running_server(create_app(api_key=TEST_KEY)) as url:
        yield url


def test_a_run_outside_a_terminal_logs_lines_and_no_bar(
    mock_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):  # as in a CI job
        monkeypatch.delenv(variable, raising=False)
    # no console passed: the CLI builds its own on stdout, which pytest makes a non-terminal
    code = cli.main(["--base-url", mock_url, "--api-key", TEST_KEY, *SMALL_RUN])
    out = capsys.readouterr().out
    assert code == cli.EXIT_COMPLIANT, out
    assert log_problems(out, PARTS, PHASES) == [], out


def _progress_log(terminal: bool) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, force_terminal=terminal)
    with Progress(console) as progress:
        for part, total in (("vectors", 40), ("fuzzing", 30)):
            progress.start(part, total)
            for _ in range(total):
                progress.tick()
        progress.say("concurrency: 3 rounds of 8 requests at once")
    return buffer.getvalue()


def test_progress_off_a_terminal_is_two_lines_per_part() -> None:
    text = _progress_log(terminal=False)
    assert log_problems(text, PARTS, PHASES) == []
    assert len(text.splitlines()) == 5


def test_the_check_catches_a_bar_that_leaks_into_the_log() -> None:
    """The failing direction: on a terminal Progress draws a bar; as a log, it is refused."""
    problems = log_problems(_progress_log(terminal=True), PARTS, PHASES)
    assert "'\\x1b[' in the log (a bar)" in problems


def test_the_check_catches_a_line_per_request_and_a_missing_part() -> None:
    per_request = "\n".join(f"vectors: {i} of 5 done in 0.1 s" for i in range(1, 6))
    problems = log_problems(f"vectors: 5 requests planned\n{per_request}\n", PARTS, PHASES)
    assert "vectors: 1 'planned' and 5 'done' lines" in problems
    assert "vectors: 6 lines" in problems
    assert "fuzzing: 0 'planned' and 0 'done' lines" in problems
    assert "concurrency: 0 lines" in problems
    short = log_problems(
        "vectors: 5 requests planned\nvectors: 4 of 5 done in 0.1 s\n", ("vectors",), ()
    )
    assert short == ["vectors: a completed run sent 'vectors: 4 of 5 done in 0.1 s' of 5"]
