"""The TypeScript client against every client vector: tests/typescript/conformance.test.mts,
compiled with tsc --strict, under node --test (one test per vector id)."""

from __future__ import annotations

from tests.conformance.typescript import compile_runner, run_runner
from tests.conformance.vectors import ROOT, suite

BUILD = ROOT / "build" / "conformance" / "typescript"


def test_typescript_client_conforms() -> None:
    compile_runner(ROOT, BUILD)
    run = run_runner(ROOT, BUILD)
    expected = {vector["id"] for vector in suite().client()}
    assert run.returncode == 0, f"node --test failed: {run.failed}\n{run.output[-20000:]}"
    assert expected <= set(run.passed), f"vectors not run: {sorted(expected - set(run.passed))}"
