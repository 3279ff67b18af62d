"""Schemathesis cases, planned up front from the seed and sent by a pool of workers.

Schemathesis is used as a library: its coverage generator (boundaries, missing parts,
unsupported methods) and its Hypothesis strategies (positive and negative data) plan the
cases of every operation in scope, deterministically from the seed, before anything is sent;
then `--workers` threads send them through the gateway and judge each answer with the
built-in checks (`case.validate_response`) and the suite's own rules (`Run.record`). So the
same seed gives the same cases whatever the number of workers, and a slow remote server is
not a sequential bottleneck. Schemathesis's objects are untyped here (`Any`).
"""

from __future__ import annotations

import contextlib
import threading
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import hypothesis
import requests
import schemathesis
from hypothesis import HealthCheck
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.core.failures import FailureGroup
from schemathesis.engine import Status
from schemathesis.generation import GenerationMode
from schemathesis.generation.meta import CoveragePhaseData, CoverageScenario

from contract_tests.run import Run
from generator.ir import SPEC_PATH, Operation

__all__ = ["BUILTIN_CHECKS", "PlannedCase", "plan_cases", "run_cases"]

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
# Built-ins that pass where they have nothing to judge: their scope is read from the case.
_SCOPED = frozenset(
    {"positive_data_acceptance", "negative_data_rejection", "ignored_auth"}
    | {"unsupported_method", "missing_required_header"}
)
_RESULTS = threading.local()


@dataclass(frozen=True)
class PlannedCase:
    phase: str  # "coverage" or "fuzzing"
    operation: Operation
    case: Any  # a schemathesis Case
    positive: bool


def load_schema(run: Run) -> Any:
    """The spec as a Schemathesis schema aimed at the gateway, limited to the run's scope."""
    options = run.options
    config = schemathesis.Config.from_dict(
        {
            "seed": options.seed,
            "cache": {"enabled": False},
            "generation": {"database": "none", "max-examples": options.max_examples},
            "max-redirects": 0,
        }
    )
    loaded: Any = schemathesis.openapi.from_path(str(options.spec or SPEC_PATH), config=config)
    loaded.config.update(base_url=run.url)
    schema = loaded.include(operation_id=[op.operation_id for op in run.contract.operations])
    schema.hook("after_validate")(_remember_results)
    return schema


def plan_cases(schema: Any, run: Run) -> list[PlannedCase]:
    """Every case of the run, in a fixed order (a pure function of the spec and the seed)."""
    planned: list[PlannedCase] = []
    modes = (
        [GenerationMode.NEGATIVE]
        if run.options.live
        else [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    )
    for result in schema.get_all_operations():
        if run.stopped:
            break  # an interrupt or --max-time: planning is part of the run's time
        api_operation = result.ok()
        operation = run.contract.for_request(str(api_operation.method), str(api_operation.path))
        if operation is None:
            continue
        if "coverage" in run.options.phases:
            planned += [
                PlannedCase("coverage", operation, case, _is_positive(case))
                for case in _coverage_cases(api_operation, modes, run)
            ]
        if "fuzzing" in run.options.phases:
            count = max(1, run.options.max_examples // len(modes))
            for mode in modes:
                seed = zlib.crc32(
                    f"{run.options.seed}:{operation.operation_id}:{mode.value}".encode()
                )
                cases = _draw(api_operation.as_strategy(mode), count, seed, run)
                planned += [
                    PlannedCase("fuzzing", operation, case, mode.is_positive) for case in cases
                ]
    return planned


def run_cases(
    planned: list[PlannedCase], run: Run, on_done: Callable[[], None] | None = None
) -> None:
    """Send the planned cases with `workers` threads, judging each answer as it arrives."""
    load_all_checks()
    checks = [
        check
        for check in CHECKS.get_by_names(list(BUILTIN_CHECKS))
        if _name(check) not in run.options.exclude_checks
    ]
    sessions = threading.local()
    pending: set[Future[bool]] = set()
    queue: Iterator[PlannedCase] = iter(planned)
    with ThreadPoolExecutor(
        max_workers=run.options.workers, thread_name_prefix="contract-case"
    ) as pool:
        while True:
            while not run.stopped and len(pending) < run.options.workers * 2:
                item = next(queue, None)
                if item is None:
                    break
                pending.add(pool.submit(_run_one, item, run, checks, sessions))
            if not pending:
                break
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                error = future.exception()
                if error is not None:
                    run.outcome.errors.append(
                        f"a case could not be run: {type(error).__name__}: {error}"
                    )
                if on_done is not None and (error is not None or future.result()):
                    on_done()  # a case the stop kept from being sent is not done


def _run_one(item: PlannedCase, run: Run, checks: list[Any], sessions: threading.local) -> bool:
    """Send one case and judge its answer; False when the run had stopped before it left."""
    if run.stopped:
        return False
    session = getattr(sessions, "session", None)
    if session is None:
        session = sessions.session = requests.Session()
        session.trust_env = False  # never an environment proxy: the gateway is the only peer
        session.headers.update({"Authorization": f"Bearer {run.options.api_key}"})
    case = item.case
    if isinstance(case.body, dict):
        case.body = run.fitter.prepare(item.operation, case.body, valid=item.positive)
    timeout = run.options.limits.request_timeout_s + 5
    response = case.call(base_url=run.url, session=session, timeout=timeout)
    run.outcome.count_case()
    request = response.request
    parts = urlsplit(str(request.url))
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    body = request.body.encode() if isinstance(request.body, str) else request.body
    record = run.request_record(str(request.method), path, dict(request.headers), body)
    headers = {name: ", ".join(values) for name, values in dict(response.headers).items()}
    content = response.content or b""
    if not run.record(
        item.operation, item.phase, record, int(response.status_code), headers, content
    ):
        return True
    _RESULTS.results = []
    answered_before = run.gateway.self_answered
    transport = {"session": session, "base_url": run.url, "timeout": timeout}
    with contextlib.suppress(FailureGroup):  # the results below say which check failed
        case.validate_response(response, checks=checks, transport_kwargs=transport)
    if run.gateway.self_answered != answered_before:
        # a check's own request (ignored_auth sends one without the key) may have been answered
        # by the gateway (the run stopped, the guard withheld it, the server failed): such a
        # verdict is not the server's, so none of this case's is kept
        return True
    for result in getattr(_RESULTS, "results", []):
        failed = result.status == Status.FAILURE
        run.outcome.judge(
            result.name,
            item.operation.label,
            applies=failed or _applies(result.name, item, response),
        )
        if failed and result.failure is not None:
            message = f"{result.failure.title}: {result.failure.message}".strip()
            run.add(
                result.name,
                item.operation,
                item.phase,
                message,
                record,
                int(response.status_code),
                content,
            )
    return True


def _remember_results(context: Any, case: Any, response: Any, results: list[Any]) -> None:
    _RESULTS.results = list(results)


def _applies(name: str, item: PlannedCase, response: Any) -> bool:
    """Whether a built-in check that passed had anything to judge on this case."""
    if name not in _SCOPED:
        return True
    if name == "positive_data_acceptance":
        return item.positive
    if name == "negative_data_rejection":
        return not item.positive
    if name == "ignored_auth":
        return 200 <= int(response.status_code) < 300
    meta = getattr(item.case, "meta", None)
    data = None if meta is None else meta.phase.data
    wanted = (
        CoverageScenario.UNSPECIFIED_HTTP_METHOD
        if name == "unsupported_method"
        else CoverageScenario.MISSING_PARAMETER
    )
    return isinstance(data, CoveragePhaseData) and data.scenario == wanted


def _coverage_cases(api_operation: Any, modes: list[GenerationMode], run: Run) -> list[Any]:
    from schemathesis.generation.coverage import GenerationSession
    from schemathesis.generation.drivers import CoverageGenerator
    from schemathesis.generation.feedback import NO_FEEDBACK
    from schemathesis.generation.overrides import Override

    config = api_operation.schema.config.generation_for(operation=api_operation, phase="coverage")
    generator = CoverageGenerator(
        operation=api_operation,
        generation_modes=modes,
        generation_config=config,
        auth_storage=None,
        override=Override(),
        feedback=NO_FEEDBACK,
        session=GenerationSession(),  # a fresh one: the shared default deduplicates across runs
    )
    cases = []
    for case in generator:
        if run.stopped:
            break
        cases.append(case)
    return cases


@contextlib.contextmanager
def _without_local_constants() -> Iterator[None]:
    """Hypothesis (6.13x+) mixes constants from every loaded module outside site-packages
    into what it draws: the console script, an editable install, the tests around a run. A
    seed then gave other cases from `retell-contract` than from `python -m contract_tests`,
    and other ones after any edit of the project's source. Planning draws from Hypothesis's
    own constants only, so a seed means the same cases wherever the suite runs."""
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:  # pragma: no cover - a Hypothesis without local constants
        yield
        return
    collect = getattr(providers, "_get_local_constants", None)
    cache = getattr(providers, "CONSTANTS_CACHE", None)
    if collect is None or cache is None or not hasattr(providers, "Constants"):
        yield  # a Hypothesis without local constants: nothing to isolate
        return
    empty = providers.Constants()
    providers._get_local_constants = lambda: empty
    cache.cache.clear()
    try:
        yield
    finally:
        providers._get_local_constants = collect
        cache.cache.clear()


class _Stopped(Exception):
    """Raised inside Hypothesis's loop to end a draw when the run stops."""


def _draw(strategy: Any, count: int, seed: int, run: Run) -> list[Any]:
    """`count` cases drawn from a strategy, the same ones for the same seed (fewer when the
    run stops while drawing)."""
    drawn: list[Any] = []

    @hypothesis.settings(
        max_examples=count,
        database=None,
        phases=[hypothesis.Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @hypothesis.seed(seed)
    @hypothesis.given(strategy)
    def collect(case: Any) -> None:
        if run.stopped:
            raise _Stopped
        drawn.append(case)

    with contextlib.suppress(_Stopped), _without_local_constants():
        collect()
    return drawn


def _is_positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    return meta is not None and bool(meta.generation.mode.is_positive)


def _name(check: Any) -> str:
    return str(getattr(check, "__name__", type(check).__name__))
