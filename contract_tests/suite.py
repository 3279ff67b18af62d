"""One contract run: reachability, the Schemathesis phases, then the fixed vectors."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from contract_tests import spec
from contract_tests.checks import expected_rules
from contract_tests.findings import (
    Finding,
    RequestRecord,
    RunOutcome,
    curl_command,
    excerpt,
    never_applied,
)
from contract_tests.fuzzing import EngineRun
from contract_tests.options import SuiteOptions
from contract_tests.safety import LIVE_LENIENCY_RULE, LiveGuard
from contract_tests.vector_runner import DOCUMENTED_RESPONSE, VectorRunner
from contract_tests.vectors import VALID_FROM, VECTOR_RULES, all_vectors

REACHABILITY_TIMEOUT_SECONDS = 5.0
PREFLIGHT_TIMEOUT_SECONDS = 30.0
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


class KeyRejected(Exception):
    """The server rejects the API key itself: nothing else the run could send would count."""


def preflight(options: SuiteOptions, guard: LiveGuard | None) -> RunOutcome:
    """One request that must be rejected, with the key (a body without `to_number`: safe on
    a live service). A 401/403 means the key itself is rejected (`KeyRejected`); in a live
    run a 2xx means a lenient server, and the run stops there."""
    operation = spec.operations()[0]
    body = {"from_number": options.account.from_number or VALID_FROM}
    headers = {"Authorization": f"Bearer {options.api_key}", "Content-Type": "application/json"}
    url = options.base_url.rstrip("/") + operation.path
    try:
        response = httpx.post(url, json=body, headers=headers, timeout=PREFLIGHT_TIMEOUT_SECONDS)
    except httpx.HTTPError as error:
        raise ServerUnreachable(f"cannot reach {url}: {type(error).__name__}") from error
    if response.status_code in (401, 403):
        raise KeyRejected(f"API key rejected by the server ({response.status_code})")
    outcome = RunOutcome()
    if guard is not None and 200 <= response.status_code < 300:
        message = (
            f"a live server answered {response.status_code} to a body without to_number, which it "
            "had to reject (it may be placing a call); the run stopped sending"
        )
        guard.trip(message)
        text = json.dumps(body)
        outcome.findings.append(
            Finding(
                rule=LIVE_LENIENCY_RULE,
                operation=operation.label,
                source="pre-flight",
                message=message,
                request=RequestRecord.masked("POST", url, headers, text, options.api_key),
                status_code=response.status_code,
                response_excerpt=excerpt(response.text, options.api_key),
                reproduce=curl_command("POST", url, headers, text, options.api_key),
            )
        )
    return outcome


def missing_applications(outcome: RunOutcome, options: SuiteOptions) -> list[Finding]:
    """A finding per rule that should apply to an operation and never saw an exchange where
    it did (such as the echo rules when no 201 came back). A live run is exempt for the
    rules that need accepted calls: its budget of valid calls decides whether there are any."""
    found = []
    for operation in spec.operations():
        expected: set[str] = set()
        if options.run_vectors:
            expected |= {*VECTOR_RULES, DOCUMENTED_RESPONSE}
        if options.phases:
            expected |= {"negative_data_rejection", "not_a_server_error"}
            if not options.live:
                expected.add("positive_data_acceptance")
        if not options.live:
            expected |= expected_rules(operation, sends_overrides=options.account.sends_overrides)
        else:
            expected.discard("boundary_values_accepted")  # valid vectors need the budget
        for rule in sorted(expected):
            if outcome.judged[(rule, operation.label)] == 0:
                why = (
                    "no exchange of the run was one this rule judges "
                    "(for the response rules: no accepted call carried the field)"
                )
                found.append(never_applied(rule, operation.label, why))
    return found


def ensure_reachable(base_url: str) -> None:
    """Raise `ServerUnreachable` unless something answers HTTP at `base_url`."""
    try:
        httpx.get(base_url, timeout=REACHABILITY_TIMEOUT_SECONDS)
    except httpx.HTTPError as error:
        raise ServerUnreachable(f"cannot reach {base_url}: {type(error).__name__}") from error


def _stopped(guard: LiveGuard | None) -> bool:
    return guard is not None and guard.tripped is not None


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
    result.outcome.merge(preflight(options, guard))
    if options.phases and not _stopped(guard):
        result.outcome.merge(EngineRun(options, say, guard).run())
    if options.run_vectors and not _stopped(guard):
        runner = VectorRunner(options.base_url, options.api_key, guard, options.account)
        result.outcome.merge(runner.run(all_vectors(), say))
    if guard is not None and guard.tripped is not None:
        say(f"live run stopped: {guard.tripped}")
    else:
        result.outcome.findings.extend(missing_applications(result.outcome, options))
    result.seconds = time.perf_counter() - started
    return result
