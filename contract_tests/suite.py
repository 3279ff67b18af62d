"""One contract run: the gateway up, the pre-flight, the vectors, concurrency, the planned
Schemathesis cases, then the verdict.

The fixed parts run first (they are bounded and leave no rule to luck), the open-ended
fuzzing last, so `--max-time` can only shorten the fuzzing. `RunControl` lets the caller stop
the run from another thread or a signal handler: sending stops at once (the gateway refuses
everything and abandons requests in flight) and the result says the run is incomplete.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from contract_tests.checks import Judge
from contract_tests.contract import Contract
from contract_tests.findings import RunOutcome, never_applied
from contract_tests.fitting import Fitter
from contract_tests.fuzzing import BUILTIN_CHECKS, load_schema, plan_cases, run_cases
from contract_tests.gateway import Gateway, LivePolicy, serve_gateway
from contract_tests.gateway.upstream import Failure
from contract_tests.live import LiveBudget
from contract_tests.options import SuiteOptions
from contract_tests.phases import (
    CONCURRENCY_RULE,
    OPERATIONS_FOUND_RULE,
    KeyRejected,
    ServerUnreachable,
    check_concurrency,
    concurrency_requests,
    preflight,
)
from contract_tests.run import Progress, Run
from contract_tests.target import parse_target
from contract_tests.vector_runner import DOCUMENTED_RESPONSE, run_vectors
from contract_tests.vectors import GENERIC_RULES, build_vectors
from contract_tests.vectors.model import Expect, Vector

__all__ = [
    "KeyRejected",
    "RunControl",
    "ServerUnreachable",
    "SuiteResult",
    "known_rules",
    "run_suite",
]

LIVE_LENIENCY_RULE = "live_rejection_required"
TRANSPORT_RULES = {
    Failure.TOO_LARGE: "response_size_limit",
    Failure.DEADLINE: "response_deadline",
    Failure.DROPPED: "connection_kept",
    Failure.PROTOCOL: "connection_kept",
    Failure.CONNECT: "connection_kept",
    Failure.UNDECODABLE: "response_decodable",
}
Counter = Callable[[str, int], None]  # (part, total): a part of the run starts
Tick = Callable[[], None]  # one request of the current part is done


@dataclass
class RunControl:
    """Stops a run from outside (a signal handler, a watchdog); safe from any thread."""

    reason: str | None = None
    _run: Run | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def halt(self, reason: str) -> None:
        with self._lock:
            if self.reason is None:
                self.reason = reason
            run = self._run
        if run is not None:
            run.halt(reason)

    def attach(self, run: Run) -> None:
        with self._lock:
            self._run = run
            reason = self.reason
        if reason is not None:
            run.halt(reason)


@dataclass
class SuiteResult:
    options: SuiteOptions
    outcome: RunOutcome = field(default_factory=RunOutcome)
    seconds: float = 0.0
    interrupted: str | None = None  # "SIGINT" / "SIGTERM": the run was cut short from outside
    stopped: str | None = None  # why sending stopped early (a lenient live server, failures)
    timed_out: bool = False  # --max-time ended the run (its fixed parts, planning or fuzzing)
    incomplete: str | None = None  # a fixed part did not finish (no verdict of compliance)
    planned_cases: int = 0
    fuzzed_cases: int = 0  # of the planned cases, those sent

    @property
    def compliant(self) -> bool:
        return (
            not self.interrupted
            and not self.incomplete
            and not self.stopped
            and not self.outcome.findings
            and not self.outcome.errors
        )

    @property
    def verdict(self) -> str:
        if self.interrupted:
            return "INTERRUPTED"
        if self.outcome.findings or self.outcome.errors:
            return "VIOLATIONS FOUND"
        if self.incomplete or self.stopped:
            return "INCOMPLETE"
        return "COMPLIANT"


def known_rules(contract: Contract) -> set[str]:
    """Every rule name a run can report (for `--exclude-checks`)."""
    return {
        *Judge(contract).rule_names,
        *BUILTIN_CHECKS,
        *GENERIC_RULES,
        *TRANSPORT_RULES.values(),
        DOCUMENTED_RESPONSE,
        CONCURRENCY_RULE,
        OPERATIONS_FOUND_RULE,
        LIVE_LENIENCY_RULE,
    }


def run_suite(
    options: SuiteOptions,
    say: Progress | None = None,
    control: RunControl | None = None,
    counter: Counter | None = None,
    tick: Tick | None = None,
) -> SuiteResult:
    """Run every part of the suite against `options.base_url`; never raises on violations
    (raises `ServerUnreachable` / `KeyRejected` when nothing could be tested)."""
    control = control or RunControl()
    contract = _contract(options)
    target = parse_target(options.base_url)
    policy = (
        LivePolicy(contract, LiveBudget(options.max_live_calls), options.live_numbers)
        if options.live
        else None
    )
    gateway = Gateway(contract, target, options.limits, policy)
    result = SuiteResult(options)
    fitter = Fitter(contract, options.account, options.live, options.live_numbers)
    with serve_gateway(gateway) as url:
        run = Run(
            options,
            contract,
            target,
            gateway,
            url,
            Judge(contract),
            fitter,
            say=say or (lambda _l: None),
        )
        control.attach(run)
        watchdog = _watchdog(run, result, options.max_time_s)
        try:
            _run_parts(run, result, counter, tick)
        finally:
            if watchdog is not None:
                watchdog.cancel()
            gateway.abandon_in_flight()
    _conclude(run, result, control)
    return result


def _contract(options: SuiteOptions) -> Contract:
    loaded = Contract.load(options.spec)
    ids = [op.operation_id for op in loaded.api.operations]
    wanted = [i for i in ids if (not options.include_operations or i in options.include_operations)]
    wanted = [i for i in wanted if i not in options.exclude_operations]
    return Contract(loaded.api, tuple(wanted) or ("(none)",), options.spec)


def _run_parts(run: Run, result: SuiteResult, counter: Counter | None, tick: Tick | None) -> None:
    halted = preflight(run)
    if halted is not None:
        result.stopped = halted
        return
    vectors = build_vectors(run.contract, live=run.options.live) if run.options.run_vectors else ()
    if vectors and not run.stopped:
        _start(run, counter, "vectors", len(vectors))
        run_vectors(vectors, run, tick)
    if run.options.run_concurrency and not run.stopped:
        bodies = _valid_bodies(vectors)
        _start(run, counter, "concurrency", concurrency_requests(run, bodies))
        check_concurrency(run, bodies, tick)
    if run.stopped:
        why = f": {run.gateway.stopped}" if run.gateway.stopped else ""
        result.incomplete = (
            f"the run stopped before its fixed parts (vectors, concurrency) ended{why}"
        )
        return
    if run.options.phases:
        _start(run, counter, "planning", 0)  # Schemathesis and Hypothesis draw the cases
        schema = load_schema(run)
        planned = plan_cases(schema, run)
        result.planned_cases = len(planned)
        _start(run, counter, "fuzzing", len(planned))
        before = run.outcome.cases
        run_cases(planned, run, tick)
        result.fuzzed_cases = run.outcome.cases - before
        run.say(f"cases: {result.fuzzed_cases} of {len(planned)} planned were sent")


def _start(run: Run, counter: Counter | None, part: str, total: int) -> None:
    if counter is not None:
        counter(part, total)


def _valid_bodies(vectors: tuple[Vector, ...]) -> dict[str, Any]:
    """A valid body per operation, for the concurrency phase: its first accepted vector."""
    found: dict[str, Any] = {}
    for vector in vectors:
        if vector.expect is Expect.ACCEPTED and not vector.probes and vector.raw_body is None:
            found.setdefault(vector.operation_id, vector.body)
    return found


def _watchdog(run: Run, result: SuiteResult, max_time_s: float | None) -> threading.Timer | None:
    if max_time_s is None:
        return None

    def expire() -> None:
        result.timed_out = True
        run.halt(f"--max-time {max_time_s:g} s")

    timer = threading.Timer(max_time_s, expire)
    timer.daemon = True
    timer.start()
    return timer


def _conclude(run: Run, result: SuiteResult, control: RunControl) -> None:
    """The transport findings, the live trip, the rules that never applied; the verdict."""
    gateway = run.gateway
    for exchange in gateway.failures:
        assert exchange.failure is not None
        rule = TRANSPORT_RULES[exchange.failure]
        record = run.request_record(
            exchange.method, exchange.target, dict(exchange.headers), exchange.body
        )
        limits = run.options.limits
        message = (
            f"{exchange.failure.value} (deadline {limits.request_timeout_s:g} s, "
            f"cap {limits.max_response_bytes} bytes)"
        )
        run.add(
            rule,
            exchange.operation or "(no operation)",
            "gateway",
            message,
            record,
            exchange.status,
        )
    tripped = gateway.tripped
    if tripped is not None:
        record = run.request_record(
            tripped.method, tripped.target, dict(tripped.headers), tripped.body
        )
        run.add(
            LIVE_LENIENCY_RULE,
            tripped.operation or "(no operation)",
            "live",
            f"a live server answered {tripped.status} to a request a correct server rejects "
            "(it may be placing a call); the run stopped sending",
            record,
            tripped.status,
            tripped.response_body,
        )
    if control.reason is not None and not result.timed_out:
        result.interrupted = control.reason
    if gateway.stopped is not None and not result.timed_out and result.interrupted is None:
        result.stopped = result.stopped or gateway.stopped
    if result.timed_out and result.incomplete is None and result.fuzzed_cases == 0:
        result.incomplete = "--max-time ended the run before any fuzzed case was sent"
    cut = result.interrupted or result.stopped or result.incomplete or result.timed_out
    if not cut:  # a rule may not have applied only because the run was cut short
        run.outcome.findings.extend(_never_applied(run, result))
    result.seconds = time.monotonic() - run.started
    result.outcome = run.outcome


def _never_applied(run: Run, result: SuiteResult) -> list[Any]:
    """A finding per rule that had to apply to an operation and never did (such as the echo
    rules when no call was accepted). A live run is exempt for rules that need accepted
    calls: its budget decides whether there are any."""
    found = []
    for operation in run.contract.operations:
        expected: set[str] = set()
        if run.options.run_vectors:
            expected |= {DOCUMENTED_RESPONSE}
        if run.options.phases and not result.timed_out:
            expected |= {"not_a_server_error"}
            if not run.options.live:
                expected.add("positive_data_acceptance")
        if not run.options.live:
            expected |= run.judge.expected_rules(operation)
        for rule in sorted(expected - set(run.options.exclude_checks)):
            if run.outcome.judged[(rule, operation.label)] == 0:
                why = (
                    "no exchange of the run was one this rule judges "
                    "(for response rules: no accepted call carried the field)"
                )
                found.append(never_applied(rule, operation.label, why))
    return found
