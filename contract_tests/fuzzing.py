"""Schemathesis 4.x, in process: examples, coverage and fuzzing phases with every check.

The engine's event stream gives per-phase progress and structured check results; this
module turns them into `Finding`s and tallies. Schemathesis is untyped in places, so its
objects cross this boundary as `Any` and leave it as the suite's own dataclasses.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

import schemathesis
from schemathesis.engine import Status, events, from_schema
from schemathesis.generation.meta import CoveragePhaseData, CoverageScenario

from contract_tests import checks, spec
from contract_tests.account import install_account, release_account
from contract_tests.findings import Finding, RequestRecord, RunOutcome, curl_command, excerpt
from contract_tests.live import (
    LenientAnswer,
    install_live_guard,
    lenient_answer,
    release_live_guard,
    withheld_in,
)
from contract_tests.options import SuiteOptions
from contract_tests.safety import LIVE_LENIENCY_RULE, LiveGuard

BUILTIN_CHECKS: tuple[str, ...] = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
    "ignored_auth",
    "missing_required_header",
    "unsupported_method",
)
ALL_CHECKS: tuple[str, ...] = (*BUILTIN_CHECKS, *checks.CUSTOM_RULE_NAMES)
# Headers the HTTP client adds by itself: left out of the request shown in a finding.
TRANSPORT_HEADERS = frozenset(
    {
        "user-agent",
        "accept-encoding",
        "accept",
        "connection",
        "content-length",
        "x-schemathesis-testcaseid",
    }
)
SCOPED_BUILTINS = frozenset(
    {
        "positive_data_acceptance",
        "negative_data_rejection",
        "ignored_auth",
        "unsupported_method",
        "missing_required_header",
    }
)
TESTED_PHASES = frozenset({"examples", "coverage", "fuzzing"})
ProgressCallback = Callable[[str], None]


def build_config(options: SuiteOptions) -> Any:
    """The Schemathesis configuration of one run."""
    return schemathesis.Config.from_dict(
        {
            "seed": options.seed,
            "continue-on-failure": True,
            "cache": {"enabled": False},
            "headers": {"Authorization": f"Bearer {options.api_key}"},
            "generation": {
                "mode": "negative" if options.live else "all",
                "max-examples": options.max_examples,
                "database": "none",
            },
            "phases": {
                name: {"enabled": name in options.phases}
                for name in ("examples", "coverage", "fuzzing", "stateful")
            },
            "checks": {"enabled": False, **{name: {"enabled": True} for name in ALL_CHECKS}},
        }
    )


def load_schema(options: SuiteOptions, guard: LiveGuard | None = None) -> Any:
    """The spec as a Schemathesis schema aimed at the base URL; guarded in a live run."""
    schema = schemathesis.openapi.from_path(spec.SPEC_PATH, config=build_config(options))
    schema.config.update(base_url=options.base_url.rstrip("/"))
    install_account(schema, options.account)
    if options.live:
        install_live_guard(
            schema,
            guard or LiveGuard(options.api_key, options.max_live_calls, options.live_numbers),
            options.account,
        )
    return schema


class EngineRun:
    """Drives one engine run and folds its events into a `RunOutcome`."""

    def __init__(
        self,
        options: SuiteOptions,
        progress: ProgressCallback | None = None,
        guard: LiveGuard | None = None,
    ) -> None:
        self.options = options
        self.guard = guard
        self.progress = progress or (lambda _line: None)
        self.outcome = RunOutcome()
        self._phase_cases = 0
        self._phase_failures = 0
        self._phase_started = 0.0

    def run(self) -> RunOutcome:
        schema = load_schema(self.options, self.guard)
        try:
            self.consume(from_schema(schema).execute())
            self._record_lenient_answer(lenient_answer(schema))
        finally:
            release_live_guard(schema)
            release_account(schema)
        return self.outcome

    def _record_lenient_answer(self, answer: LenientAnswer | None) -> None:
        if answer is None:
            return
        key = self.options.api_key
        headers = {
            name: value
            for name, value in answer.headers.items()
            if name.lower() not in TRANSPORT_HEADERS
        }
        request = RequestRecord.masked(answer.method, answer.url, headers, answer.body, key)
        kept = {n: v for n, v in headers.items() if n.lower() in ("authorization", "content-type")}
        self.outcome.findings.append(
            Finding(
                rule=LIVE_LENIENCY_RULE,
                operation=answer.operation,
                source="live",
                message=f"a live server answered {answer.status_code} to a request it had to "
                "reject (it may be placing a call); the run stopped sending",
                request=request,
                status_code=answer.status_code,
                response_excerpt=excerpt(answer.response_text, key),
                reproduce=curl_command(answer.method, answer.url, kept, answer.body, key),
            )
        )

    def consume(self, stream: Iterable[Any]) -> None:
        for event in stream:
            if self.guard is not None and self.guard.tripped is not None:
                stop = getattr(stream, "stop", None)
                if stop is not None:
                    stop()
            if isinstance(event, events.PhaseStarted) and event.phase.name.value in TESTED_PHASES:
                self._phase_cases, self._phase_failures = 0, 0
                self._phase_started = time.perf_counter()
                self.progress(f"{event.phase.name.value}: started")
            elif (
                isinstance(event, events.PhaseFinished) and event.phase.name.value in TESTED_PHASES
            ):
                self._report_phase(event)
            elif isinstance(event, events.ScenarioFinished):
                self._fold_scenario(event)
            elif isinstance(event, events.NonFatalError):
                self._record_error(event)
            elif isinstance(event, events.FatalError):
                self.outcome.errors.append(f"fatal: {event.exception!r}")

    def _record_error(self, event: Any) -> None:
        withheld = withheld_in(event.value)
        if withheld is not None:
            self.outcome.errors.append(f"live guard: {withheld}")
        else:
            message = f"{event.label}: {event.info.title}: {event.info.message}"
            self.outcome.errors.append(excerpt(message, self.options.api_key, 1000))

    def _report_phase(self, event: Any) -> None:
        seconds = time.perf_counter() - self._phase_started
        status = "skipped" if event.status == Status.SKIP else "done"
        self.progress(
            f"{event.phase.name.value}: {status}, {self._phase_cases} cases, "
            f"{self._phase_failures} failing checks, {seconds:.1f} s"
        )

    def _fold_scenario(self, event: Any) -> None:
        recorder = event.recorder
        self.outcome.cases += len(recorder.cases)
        self._phase_cases += len(recorder.cases)
        label = str(recorder.label)
        if recorder.cases:
            self.outcome.ran |= {(name, label) for name in ALL_CHECKS}
        for case_id, nodes in recorder.checks.items():
            for node in nodes:
                failed = node.status == Status.FAILURE
                self.outcome.judge(
                    node.name,
                    label,
                    applies=failed or _builtin_applies(node.name, recorder, case_id),
                )
                if failed and node.failure_info is not None:
                    self._phase_failures += 1
                    self._record(str(event.phase.value), recorder, case_id, node)

    def _record(self, phase: str, recorder: Any, case_id: str, node: Any) -> None:
        failure = node.failure_info.failure
        interaction = recorder.interactions.get(case_id)
        key = self.options.api_key
        request = _request_record(interaction, key)
        response = None if interaction is None else interaction.response
        custom = node.name in checks.CUSTOM_RULE_NAMES
        message = failure.message if custom else f"{failure.title}: {failure.message}".strip()
        finding = Finding(
            rule=node.name,
            operation=str(recorder.label),
            source=phase,
            message=excerpt(message, key, 1000),
            request=request,
            status_code=None if response is None else int(response.status_code),
            response_excerpt="" if response is None else excerpt(_text(response.content), key),
            reproduce=curl_command(
                request.method, request.url, _unmasked_headers(interaction), request.body, key
            )
            if interaction is not None
            else "",
        )
        known = {item.key for item in self.outcome.findings}
        if finding.key not in known:
            self.outcome.findings.append(finding)


def _builtin_applies(name: str, recorder: Any, case_id: str) -> bool:
    """Whether a built-in check that passed had anything to judge on this case. Custom rules
    skip themselves where they do not apply; the built-ins pass instead, so their scope is
    read from the case: the data acceptance checks judge one generation mode each,
    `ignored_auth` only 2xx answers, and the coverage-scenario checks only their scenario."""
    if name in checks.CUSTOM_RULE_NAMES:
        return True
    node = recorder.cases.get(case_id)
    case = None if node is None else node.value
    meta = None if case is None else case.meta
    if meta is None:
        return name not in SCOPED_BUILTINS
    if name == "positive_data_acceptance":
        return bool(meta.generation.mode.is_positive)
    if name == "negative_data_rejection":
        return bool(meta.generation.mode.is_negative)
    if name == "ignored_auth":
        interaction = recorder.interactions.get(case_id)
        response = None if interaction is None else interaction.response
        return response is not None and 200 <= int(response.status_code) < 300
    if name in ("unsupported_method", "missing_required_header"):
        data = meta.phase.data
        wanted = (
            CoverageScenario.UNSPECIFIED_HTTP_METHOD
            if name == "unsupported_method"
            else CoverageScenario.MISSING_PARAMETER
        )
        return isinstance(data, CoveragePhaseData) and data.scenario == wanted
    return True


def _text(content: bytes | None) -> str:
    return "" if content is None else content.decode(errors="replace")


def _flat_headers(headers: Any) -> dict[str, str]:
    flat: dict[str, str] = {}
    for name, value in dict(headers or {}).items():
        flat[str(name)] = str(value[0] if isinstance(value, list | tuple) and value else value)
    return flat


def _unmasked_headers(interaction: Any) -> dict[str, str]:
    """Headers worth replaying (the key is masked by `curl_command` itself)."""
    headers = _flat_headers(interaction.request.headers)
    kept = ("authorization", "content-type")
    return {name: value for name, value in headers.items() if name.lower() in kept}


def _request_record(interaction: Any, key: str) -> RequestRecord:
    if interaction is None:
        return RequestRecord("POST", "", {}, None)
    request = interaction.request
    body = None if request.body is None else _text(request.body)
    headers = {
        name: value
        for name, value in _flat_headers(request.headers).items()
        if name.lower() not in TRANSPORT_HEADERS
    }
    return RequestRecord.masked(str(request.method), str(request.uri), headers, body, key)
