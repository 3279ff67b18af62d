"""The Go client against every client vector: tests/go/conformance_test.go under `go test`
(one subtest per vector id), after gofmt and go vet."""

from __future__ import annotations

import subprocess

from tests.conformance.golang import RUNNER, go, go_env, run_runner
from tests.conformance.vectors import ROOT, suite


def test_the_go_runner_is_gofmt_clean() -> None:
    goroot = subprocess.run(
        [str(go()), "env", "GOROOT"], env=go_env(ROOT), capture_output=True, text=True, check=True
    ).stdout.strip()
    result = subprocess.run(
        [f"{goroot}/bin/gofmt", "-l", str(ROOT / RUNNER)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "", f"gofmt would change {result.stdout}"


def test_go_client_conforms() -> None:
    run = run_runner(ROOT / "tests" / "go", ROOT)
    expected = {vector["id"] for vector in suite().client()}
    assert run.returncode == 0, f"go test failed: {run.failed}\n{run.output[-20000:]}"
    assert expected <= set(run.passed), f"vectors not run: {sorted(expected - set(run.passed))}"
