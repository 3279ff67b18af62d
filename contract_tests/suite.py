"""One contract run: reachability, the Schemathesis phases, then the fixed vectors."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from contract_tests.findings import RunOutcome
from contract_tests.fuzzing import EngineRun
from contract_tests.options import SuiteOptions
from contract_tests.safety import LiveGuard
from contract_tests.vector_runner import VectorRunner
from contract_tests.vectors import all_vectors

REACHABILITY_TIMEOUT_SECONDS = 5.0
Progress = Callable[[str], None]


class ServerUnreachable(Exception):
    """The base URL does not answer HTTP."""


@dataclass
class SuiteResult:
    options: SuiteOptions
    outcome: RunOutcome = field(default_factory=RunOutcome)
    seconds: float = 0.0

    @property
    def compliant(self) -> bool:
        return not self.outcome.findings and not self.engine_errors

    @property
    def engine_errors(self) -> list[str]:
        return [error for error in self.outcome.errors if not error.startswith("live guard")]


def ensure_reachable(base_url: str) -> None:
    """Raise `ServerUnreachable` unless something answers HTTP at `base_url`."""
    try:
        httpx.get(base_url, timeout=REACHABILITY_TIMEOUT_SECONDS)
    except httpx.HTTPError as error:
        raise ServerUnreachable(f"cannot reach {base_url}: {type(error).__name__}") from error


def run_suite(options: SuiteOptions, progress: Progress | None = None) -> SuiteResult:
    """Run every part of the suite against `options.base_url`; never raises on violations."""
    say = progress or (lambda _line: None)
    ensure_reachable(options.base_url)
    started = time.perf_counter()
    result = SuiteResult(options)
    guard = (
        LiveGuard(options.api_key, options.max_live_calls, options.live_numbers)
        if options.live
        else None
    )
    if options.phases:
        result.outcome.merge(EngineRun(options, say, guard).run())
    if options.run_vectors:
        runner = VectorRunner(options.base_url, options.api_key, guard)
        result.outcome.merge(runner.run(all_vectors(), say))
    result.seconds = time.perf_counter() - started
    return result
