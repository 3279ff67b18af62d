"""Contract suite speed, side by side with the plain Schemathesis CLI on the same spec and server.

`python -m benchmarks contract_speed` (part of `make bench`). One correct mock serves both
runners on 127.0.0.1; each runner is its own process (start-up included in its wall time);
rounds alternate so a shared machine's load falls on both alike, and the median round is
reported. The peer, `st run`, is the Schemathesis already installed in .venv (no download).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from mock_server import create_app, running_server

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
API_KEY = "benchmark-contract-key"
SEED = "1"
ROUNDS = 3
SUITE_CASES_PATTERN = re.compile(r"(?:COMPLIANT|VIOLATIONS FOUND): \d+ findings, (\d+) cases")
ST_CASES_PATTERN = re.compile(r"(\d+) generated")
VECTORS_PATTERN = re.compile(r"vectors: (\d+) sent")
MIN_DEFAULT_CASES = 500
DEFAULT_RUN_LIMIT_S = 60.0
MUTANTS_LIMIT_S = 300.0


@dataclass(frozen=True)
class Timing:
    cases: int
    seconds: float
    vectors: int = 0

    @property
    def per_second(self) -> float:
        return self.cases / self.seconds if self.seconds else 0.0


def suite_command(url: str) -> list[str]:
    return [sys.executable, "-m", "contract_tests", "--base-url", url, "--seed", SEED]


def st_command(url: str) -> list[str]:
    st = str(Path(sys.executable).with_name("st"))
    return [
        st, "run", str(SPEC), "--url", url, "--seed", SEED, "-n", "200",
        "-H", f"Authorization: Bearer {API_KEY}", "--checks", "all",
        "--phases", "examples,coverage,fuzzing", "--generation-database", "none", "--no-color",
    ]  # fmt: skip


def _timed(command: list[str], pattern: re.Pattern[str], cwd: Path = ROOT) -> Timing:
    environment = os.environ | {"RETELL_API_KEY": API_KEY}
    started = time.perf_counter()
    completed = subprocess.run(
        command, capture_output=True, text=True, env=environment, cwd=cwd, check=False
    )
    seconds = time.perf_counter() - started
    match = pattern.search(completed.stdout)
    if match is None:
        raise RuntimeError(
            f"no case count in the output of {command[:3]}: {completed.stdout[-500:]}"
        )
    vectors = VECTORS_PATTERN.search(completed.stdout)
    return Timing(int(match.group(1)), seconds, int(vectors.group(1)) if vectors else 0)


def _median(timings: list[Timing]) -> Timing:
    ordered = sorted(timings, key=lambda timing: timing.seconds)
    return ordered[len(ordered) // 2]


def _measure() -> tuple[Timing, Timing]:
    ours: list[Timing] = []
    peers: list[Timing] = []
    # `st run` keeps a crash cache (.schemathesis/) in its working directory: a scratch one.
    with (
        running_server(create_app(api_key=API_KEY)) as url,
        tempfile.TemporaryDirectory() as scratch,
    ):
        for _ in range(ROUNDS):
            ours.append(_timed(suite_command(url), SUITE_CASES_PATTERN))
            peers.append(_timed(st_command(url), ST_CASES_PATTERN, Path(scratch)))
    return _median(ours), _median(peers)


def _mutants_seconds() -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "contract_tests.mutants"], capture_output=True, cwd=ROOT, check=True
    )
    return time.perf_counter() - started


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def _speed_table(ours: Timing, peer: Timing) -> list[str]:
    return [
        "| runner | cases (fixed vectors) | wall time (s) | cases/s |",
        "| --- | ---: | ---: | ---: |",
        f"| contract_tests, default run | {ours.cases} ({ours.vectors}) | "
        f"{ours.seconds:.2f} | {ours.per_second:.0f} |",
        f"| st run (plain Schemathesis CLI) | {peer.cases} (0) | "
        f"{peer.seconds:.2f} | {peer.per_second:.0f} |",
    ]


def _target_table(ours: Timing, ratio: float, mutants: float) -> list[str]:
    targets = [
        ("cases/s >= plain CLI's, every custom check on", f"ratio {ratio:.2f}", ratio >= 1.0),
        (
            f"default run >= {MIN_DEFAULT_CASES} cases",
            str(ours.cases),
            ours.cases >= MIN_DEFAULT_CASES,
        ),
        (
            f"default run < {DEFAULT_RUN_LIMIT_S:.0f} s",
            f"{ours.seconds:.1f} s",
            ours.seconds < DEFAULT_RUN_LIMIT_S,
        ),
        (
            f"`make mutants` < {MUTANTS_LIMIT_S:.0f} s",
            f"{mutants:.1f} s",
            mutants < MUTANTS_LIMIT_S,
        ),
    ]
    rows = [f"| {name} | {figure} | {_met(ok)} |" for name, figure, ok in targets]
    return ["| target | figure | result |", "| --- | --- | --- |", *rows]


COMMAND_TEXT = f"""Command: `python -m benchmarks contract_speed`. Against one mock on 127.0.0.1
it times
`python -m contract_tests --base-url URL --seed {SEED}` (the default run: examples, coverage and
fuzzing phases, every built-in and custom check, then the fixed vectors) and the plain CLI
`st run spec/openapi.yaml --url URL --seed {SEED} -n 200 --checks all --phases
examples,coverage,fuzzing --generation-database none` with the same key: median of {ROUNDS}
alternating rounds, wall time of each process including start-up. Then it times
`python -m contract_tests.mutants` once."""


def run() -> str:
    ours, peer = _measure()
    mutants = _mutants_seconds()
    ratio = ours.per_second / peer.per_second if peer.per_second else 0.0
    generated = (ours.cases - ours.vectors) / ours.seconds
    generated_ratio = generated / peer.per_second if peer.per_second else 0.0
    note = (
        "Counting only Schemathesis-generated cases (vectors left out, their time kept), "
        f"the ratio is {generated_ratio:.2f}. A shared 2-core machine is noisy: read the ratios."
    )
    sections = [
        ["## Contract suite speed", "", COMMAND_TEXT, ""],
        [*_speed_table(ours, peer), ""],
        [*_target_table(ours, ratio, mutants), ""],
        [note, ""],
    ]
    return "\n".join(line for section in sections for line in section)
