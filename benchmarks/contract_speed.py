"""Contract suite speed beside the plain Schemathesis CLI, its scaling against a distant server,
and its bounds against hostile ones.

`python -m benchmarks contract_speed` (part of `make bench`). Every server runs in a process
of its own on 127.0.0.1 (`benchmarks/servers.py`), and so does every runner, start-up
included in its wall time; rounds alternate the runners so a shared machine's load falls on
all alike, and the median round of each is reported. The peer, `st run`, is the Schemathesis
installed in .venv.

1. The default run (`--seed 1`) against the mock, beside `st run` on the same spec and
   server; then `make mutants` (`python -m contract_tests.mutants`).
2. Against the mock behind 20 ms of latency per answer: `--workers 1` against `--workers 8`,
   and `st run --workers 8` (issue 12).
3. Against a server answering 300 MiB and one dripping a byte every 2 s: wall time and peak
   memory of a default run, and the limits that bound them (issue 8).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import Measured, ratio, run_measured, table, yes
from benchmarks.servers import DRIP_INTERVAL_S, HUGE_BODY_BYTES, serving
from contract_tests.gateway import Limits

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
API_KEY = "benchmark-contract-key"
SEED = "1"
ROUNDS = 3
LATENCY_MS = 20.0
LATENCY_EXAMPLES = 20  # --max-examples / -n of the latency rounds: short rounds
MANY_WORKERS = 8
SCALING_TARGET = 5.0  # cases/s with 8 workers against 1
MIN_DEFAULT_CASES = 500
DEFAULT_RUN_LIMIT_S = 60.0
MUTANTS_LIMIT_S = 300.0
ST_PHASES = "examples,coverage,fuzzing"

VERDICT = re.compile(
    r"^(?P<verdict>COMPLIANT|VIOLATIONS FOUND|INCOMPLETE|INTERRUPTED): (?P<findings>\d+) "
    r"findings(?:, \d+ suite errors)?, (?P<cases>\d+) cases, (?P<seconds>[\d.]+) s",
    re.MULTILINE,
)
VECTORS = re.compile(r"^vectors: (\d+) sent", re.MULTILINE)
ST_CASES = re.compile(r"^\s*(\d+) generated", re.MULTILINE)
ST_SECONDS = re.compile(r"^=+ .* in ([\d.]+)s =+$", re.MULTILINE)
FINDING = re.compile(r"^FAIL (\S+) on ", re.MULTILINE)


@dataclass(frozen=True)
class Timing:
    """One runner's run: the cases it reports, its wall time and its own account of it."""

    cases: int
    seconds: float  # the process's wall time, start-up included
    reported_seconds: float | None  # the run's time as the tool prints it
    peak_mib: float
    exit_code: int
    vectors: int = 0

    @property
    def per_second(self) -> float:
        return self.cases / self.seconds if self.seconds else 0.0


def suite_timing(result: Measured) -> Timing:
    """Ours: the cases of the verdict line (vectors, concurrency and fuzzed cases)."""
    verdict = VERDICT.search(result.stdout)
    if verdict is None:
        raise RuntimeError(
            f"no verdict line in the suite's output (exit {result.exit_code}): "
            f"{(result.stdout + result.stderr)[-800:]}"
        )
    vectors = VECTORS.search(result.stdout)
    return Timing(
        int(verdict["cases"]),
        result.seconds,
        float(verdict["seconds"]),
        result.peak_mib,
        result.exit_code,
        int(vectors.group(1)) if vectors else 0,
    )


def st_timing(result: Measured) -> Timing:
    """st's: the `N generated` of its summary."""
    cases = ST_CASES.search(result.stdout)
    if cases is None:
        raise RuntimeError(
            f"no case count in st's summary (exit {result.exit_code}): "
            f"{(result.stdout + result.stderr)[-800:]}"
        )
    seconds = ST_SECONDS.search(result.stdout)
    return Timing(
        int(cases.group(1)),
        result.seconds,
        float(seconds.group(1)) if seconds else None,
        result.peak_mib,
        result.exit_code,
    )


def suite_command(url: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "contract_tests", "--base-url", url, "--seed", SEED, *extra]


def st_command(url: str, examples: int = 200, workers: int | None = None) -> list[str]:
    st = str(Path(sys.executable).with_name("st"))
    command = [
        st, "run", str(SPEC), "--url", url, "--seed", SEED, "-n", str(examples),
        "-H", f"Authorization: Bearer {API_KEY}", "--checks", "all", "--phases", ST_PHASES,
        "--generation-database", "none", "--no-color",
    ]  # fmt: skip
    return command if workers is None else [*command, "--workers", str(workers)]


def _environment() -> dict[str, str]:
    return os.environ | {"RETELL_API_KEY": API_KEY}


def run_suite(url: str, *extra: str) -> Timing:
    return suite_timing(run_measured(suite_command(url, *extra), env=_environment()))


def run_st(scratch: Path, url: str, examples: int = 200, workers: int | None = None) -> Timing:
    # st keeps a crash cache (.schemathesis/) in its working directory: a scratch one.
    command = st_command(url, examples, workers)
    return st_timing(run_measured(command, cwd=scratch, env=_environment()))


def median_timing(timings: Sequence[Timing]) -> Timing:
    ordered = sorted(timings, key=lambda timing: timing.seconds)
    return ordered[len(ordered) // 2]


def _met(ok: bool) -> str:
    return "met" if ok else "**NOT met**"


def target_table(targets: Sequence[tuple[str, str, bool]]) -> list[str]:
    rows = [[name, figure, _met(ok)] for name, figure, ok in targets]
    return table(["target", "figure", "result"], rows, [False, False, False])


def _reported(timing: Timing) -> str:
    return "-" if timing.reported_seconds is None else f"{timing.reported_seconds:.2f}"


# --- 1. the default run against the mock ----------------------------------------------------


def measure_default() -> tuple[Timing, Timing]:
    ours: list[Timing] = []
    peers: list[Timing] = []
    with serving("mock", api_key=API_KEY) as url, tempfile.TemporaryDirectory() as scratch:
        for _ in range(ROUNDS):
            ours.append(run_suite(url))
            peers.append(run_st(Path(scratch), url))
    return median_timing(ours), median_timing(peers)


def mutants_run() -> Measured:
    return run_measured([sys.executable, "-m", "contract_tests.mutants"])


DEFAULT_TEXT = f"""### The default run against the mock

Against one `mock_server.create_app()` on 127.0.0.1 it times
`python -m contract_tests --base-url URL --seed {SEED}` (the default run: fixed vectors, the
concurrency phase, then the examples, coverage and fuzzing phases with every built-in and
custom check) and the plain CLI `st run spec/openapi.yaml --url URL --seed {SEED} -n 200
--checks all --phases {ST_PHASES} --generation-database none` with the same key: median of
{ROUNDS} alternating rounds. Cases are counted as each tool reports them: ours, the `N cases`
of its verdict line (every request it judged: vectors, concurrency and fuzzed cases); st, the
`N generated` of its summary. Then it times `python -m contract_tests.mutants` once."""


def default_rows(ours: Timing, peer: Timing, mutants: Measured) -> list[str]:
    header = ["runner", "exit", "cases (fixed vectors)", "wall time (s)", "cases/s"]
    header.append("peak RSS (MiB)")
    rows = [
        [
            name,
            str(timing.exit_code),
            f"{timing.cases} ({timing.vectors})",
            f"{timing.seconds:.2f}",
            f"{timing.per_second:.0f}",
            f"{timing.peak_mib:.0f}",
        ]
        for name, timing in (
            ("contract_tests, default run", ours),
            ("st run (plain Schemathesis CLI)", peer),
        )
    ]
    speed = ratio(ours.per_second, peer.per_second)
    generated = ratio((ours.cases - ours.vectors) / ours.seconds, peer.per_second)
    mutants_ok = mutants.exit_code == 0 and mutants.seconds < MUTANTS_LIMIT_S
    mutants_figure = f"{mutants.seconds:.1f} s" + (
        "" if mutants.exit_code == 0 else f" (exit {mutants.exit_code})"
    )
    targets = [
        ("cases/s >= plain CLI's, every custom check on", f"ratio {speed:.2f}", speed >= 1),
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
        (f"`make mutants` < {MUTANTS_LIMIT_S:.0f} s, exit 0", mutants_figure, mutants_ok),
    ]
    return [
        DEFAULT_TEXT,
        "",
        *table(header, rows, [False, True, True, True, True, True]),
        "",
        *target_table(targets),
        "",
        "Exit 0 is a run that found nothing to report against the correct mock (ours: "
        "COMPLIANT). Counting only Schemathesis-generated cases (vectors left out, their time "
        f"kept), the ratio is {generated:.2f}.",
    ]


# --- 2. a distant server: workers ------------------------------------------------------------


@dataclass(frozen=True)
class Scaling:
    ours_one: Timing
    ours_many: Timing
    st_one: Timing
    st_many: Timing
    ours_near: Timing  # the same run against the mock without the delay: the suite's own cost


def measure_scaling() -> Scaling:
    runs: dict[str, list[Timing]] = {name: [] for name in Scaling.__dataclass_fields__}
    examples = ("--max-examples", str(LATENCY_EXAMPLES))
    many = ("--workers", str(MANY_WORKERS))
    with (
        serving("latency", api_key=API_KEY, delay_ms=LATENCY_MS) as url,
        serving("mock", api_key=API_KEY) as near_url,
        tempfile.TemporaryDirectory() as directory,
    ):
        scratch = Path(directory)
        for _ in range(ROUNDS):
            runs["ours_one"].append(run_suite(url, *examples, "--workers", "1"))
            runs["ours_many"].append(run_suite(url, *examples, *many))
            runs["st_many"].append(run_st(scratch, url, LATENCY_EXAMPLES, MANY_WORKERS))
            runs["st_one"].append(run_st(scratch, url, LATENCY_EXAMPLES, 1))
            runs["ours_near"].append(run_suite(near_url, *examples, *many))
    return Scaling(**{name: median_timing(timings) for name, timings in runs.items()})


SCALING_TEXT = f"""### Against a server {LATENCY_MS:.0f} ms away (issue 12)

The same mock behind an ASGI wrapper that sleeps {LATENCY_MS:.0f} ms (asynchronously) before
every answer, in its own process so that it does not compete for the runners' GIL
(`benchmarks/servers.py latency`). Runners: `python -m contract_tests --base-url URL --seed
{SEED} --max-examples {LATENCY_EXAMPLES} --workers N` and `st run spec/openapi.yaml --url URL
--seed {SEED} -n {LATENCY_EXAMPLES} --checks all --phases {ST_PHASES} --generation-database
none --workers N`, median of {ROUNDS} rounds each, the runners taking turns. Cases as each tool
reports them (ours: the verdict line; st: `N generated` in its summary); cases/s over the
process's wall time, start-up included. The run's own time (ours: the verdict line's; st: its
closing line's) is shown beside it."""


def scaling_rows(scaling: Scaling) -> list[str]:
    header = ["runner", "workers", "exit", "cases", "wall time (s)", "cases/s"]
    header.append("run's own time (s)")
    named = [
        ("contract_tests", 1, scaling.ours_one),
        ("contract_tests", MANY_WORKERS, scaling.ours_many),
        ("st run", MANY_WORKERS, scaling.st_many),
        ("st run (information)", 1, scaling.st_one),
        ("contract_tests, no delay (information)", MANY_WORKERS, scaling.ours_near),
    ]
    rows = [
        [
            name,
            str(workers),
            str(timing.exit_code),
            str(timing.cases),
            f"{timing.seconds:.2f}",
            f"{timing.per_second:.1f}",
            _reported(timing),
        ]
        for name, workers, timing in named
    ]
    speed_up = ratio(scaling.ours_many.per_second, scaling.ours_one.per_second)
    against_st = ratio(scaling.ours_many.per_second, scaling.st_many.per_second)
    st_speed_up = ratio(scaling.st_many.per_second, scaling.st_one.per_second)
    targets = [
        (
            f"{MANY_WORKERS} workers >= {SCALING_TARGET:.0f}x the cases/s of 1",
            f"{speed_up:.2f}x",
            speed_up >= SCALING_TARGET,
        ),
        (
            f"ours >= st's cases/s, both with {MANY_WORKERS} workers",
            f"ratio {against_st:.2f}",
            against_st >= 1,
        ),
    ]
    ceiling = ratio(scaling.ours_one.seconds, scaling.ours_near.seconds)
    note = (
        f"On the runs' own times (start-up left out) our speed-up is "
        f"{_own_ratio(scaling.ours_one, scaling.ours_many)}; st's own speed-up from 1 to "
        f"{MANY_WORKERS} workers is {st_speed_up:.2f}x on wall time. The last row is the same "
        f"{MANY_WORKERS}-worker run against the mock without the delay: the suite's own work "
        "(start-up, planning, sending and judging, in one process) with no waiting at all, a "
        f"floor for the {MANY_WORKERS}-worker time that caps the speed-up at {ceiling:.2f}x on "
        "wall time here."
    )
    return [
        SCALING_TEXT,
        "",
        *table(header, rows, [False, True, True, True, True, True, True]),
        "",
        *target_table(targets),
        "",
        note,
    ]


def _own_ratio(one: Timing, many: Timing) -> str:
    """Speed-up on the runs' own times (the same cases, so a ratio of times)."""
    if not one.reported_seconds or not many.reported_seconds:
        return "not reported"
    one_rate = one.cases / one.reported_seconds
    many_rate = many.cases / many.reported_seconds
    return f"{ratio(many_rate, one_rate):.2f}x"


# --- 3. hostile servers ---------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    kind: str
    result: Measured
    expected_rule: str

    @property
    def verdict(self) -> str:
        """The verdict line's word and case count, and whether it calls the run incomplete."""
        match = VERDICT.search(self.result.stdout)
        if match is None:
            return "no verdict line"
        line = self.result.stdout[match.start() :].splitlines()[0]
        incomplete = ", incomplete" if "the run is incomplete" in line else ""
        return f"{match['verdict']}, {match['cases']} cases{incomplete}"

    @property
    def rules(self) -> list[str]:
        return sorted(set(FINDING.findall(self.result.stdout)))


def measure_hostile() -> list[Hostile]:
    hostile = []
    for kind, rule in (("huge", "response_size_limit"), ("drip", "response_deadline")):
        with serving(kind) as url:
            result = run_measured(suite_command(url), env=_environment())
        hostile.append(Hostile(kind, result, rule))
    return hostile


def hostile_rows(hostile: list[Hostile], correct: Timing) -> list[str]:
    limits = Limits()
    cap_mib = limits.max_response_bytes / (1024 * 1024)
    body_mib = HUGE_BODY_BYTES / (1024 * 1024)
    bounds = {
        "huge": f"--max-response-bytes {limits.max_response_bytes} ({cap_mib:.0f} MiB) read "
        f"per answer; {limits.max_consecutive_failures} failures in a row stop the run",
        "drip": f"--request-timeout {limits.request_timeout_s:.0f} s per request, whole "
        f"answer; {limits.max_consecutive_failures} in a row stop the run: "
        f"{limits.max_consecutive_failures * limits.request_timeout_s:.0f} s of waiting",
    }
    servers = {
        "huge": f"every answer 201 with a {body_mib:.0f} MiB body (close-delimited)",
        "drip": f"every answer dripped, a byte every {DRIP_INTERVAL_S:.0f} s from its status line",
    }
    header = ["server", "exit", "verdict", "findings", "wall time (s)", "peak RSS (MiB)"]
    header += ["bounded by", "ended with the expected finding"]
    rows = []
    for run in hostile:
        ok = run.result.exit_code == 1 and run.expected_rule in run.rules
        rows.append(
            [
                servers[run.kind],
                str(run.result.exit_code),
                run.verdict,
                ", ".join(f"`{rule}`" for rule in run.rules) or "none",
                f"{run.result.seconds:.1f}",
                f"{run.result.peak_mib:.0f}",
                bounds[run.kind],
                yes(ok),
            ]
        )
    return [
        "### Against hostile servers (issue 8)",
        "",
        f"`python -m contract_tests --base-url URL --seed {SEED}` (the default limits) against "
        "a raw-socket server of `benchmarks/servers.py` in its own process. Peak RSS is the "
        "suite process's own `ru_maxrss` (from wait4: what `getrusage(RUSAGE_CHILDREN)` reports "
        "for that one child). For comparison, the default run against the correct mock peaked "
        f"at {correct.peak_mib:.0f} MiB.",
        "",
        *table(header, rows, [False, True, False, False, True, True, False, False]),
    ]


# --- the section ----------------------------------------------------------------------------


def run() -> str:
    ours, peer = measure_default()
    mutants = mutants_run()
    scaling = measure_scaling()
    hostile = measure_hostile()
    return "\n".join(
        [
            "## Contract suite speed",
            "",
            "Command: `python -m benchmarks contract_speed` (benchmarks/contract_speed.py). "
            "Every server and every runner is a process of its own on 127.0.0.1; wall times "
            "include each runner's start-up. A shared 2-core machine is noisy: read the ratios.",
            "",
            *default_rows(ours, peer, mutants),
            "",
            *scaling_rows(scaling),
            "",
            *hostile_rows(hostile, ours),
            "",
        ]
    )


if __name__ == "__main__":
    print(run())
