"""The parts of a run beyond Schemathesis and the vectors: the pre-flight and concurrency.

- Pre-flight: one request per operation in scope that a correct server must reject (its
  example without a required field, sent with the key). A 401/403 means the key itself is
  refused (`KeyRejected`: nothing else the run could send would count); no HTTP answer at
  all, `ServerUnreachable`; a 404 from every operation, one finding: nothing of the spec
  lives at that base URL.
- Concurrency: valid requests sent `CONCURRENT_REQUESTS` at a time, released together; none
  may get a 5xx or lose its connection (`concurrent_requests_handled`), and the unique rules
  (distinct ids) judge them like any other answer. Servers with a race pass a sequential run.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from contract_tests.gateway import GATEWAY_HEADER
from contract_tests.gateway.upstream import Failure
from contract_tests.options import CONCURRENT_REQUESTS, CONCURRENT_ROUNDS
from contract_tests.run import Run
from generator.ir import Operation

__all__ = [
    "CONCURRENCY_RULE",
    "OPERATIONS_FOUND_RULE",
    "KeyRejected",
    "ServerUnreachable",
    "check_concurrency",
    "concurrency_requests",
    "preflight",
]

CONCURRENCY_RULE = "concurrent_requests_handled"
OPERATIONS_FOUND_RULE = "operations_found"


class ServerUnreachable(Exception):
    """Nothing answers HTTP at the base URL."""


class KeyRejected(Exception):
    """The server refuses the API key itself."""


def preflight(run: Run) -> str | None:
    """Probe every operation in scope; the reason the run should not go on (None: it should)."""
    statuses: list[int] = []
    with httpx.Client(timeout=run.options.limits.request_timeout_s + 5, trust_env=False) as client:
        for operation in run.contract.operations:
            rejected = run.fitter.prepare(operation, _rejected_body(run, operation), valid=False)
            headers = {
                "Authorization": f"Bearer {run.options.api_key}",
                "Content-Type": "application/json",
            }
            response = client.request(
                operation.method,
                run.url + operation.path,
                content=json.dumps(rejected).encode(),
                headers=headers,
            )
            kind = response.headers.get(GATEWAY_HEADER)
            exchange = run.gateway.exchange_of(response.headers)
            if exchange is not None and exchange.failure is Failure.CONNECT:
                raise ServerUnreachable(f"nothing answers HTTP at {run.target.url}")
            if kind == "failed":
                continue  # an answer too large or too slow: a finding, and the run goes on
            if exchange is not None and exchange.withheld is not None:
                return f"the pre-flight request was held back ({exchange.withheld})"
            if kind is not None:
                return run.gateway.stopped or "the gateway stopped the pre-flight"
            if response.status_code in (401, 403):
                raise KeyRejected(f"API key rejected by the server ({response.status_code})")
            statuses.append(response.status_code)
    if statuses and all(status == 404 for status in statuses):
        run.add(
            OPERATIONS_FOUND_RULE,
            "(every operation)",
            "pre-flight",
            f"no operation of the spec found at {run.target.url}: every one answered 404; check "
            "the base URL (and --include-operation-id for a server that implements only some)",
        )
        return "the pre-flight found nothing to test at the base URL"
    return None


def concurrency_requests(run: Run, bodies: dict[str, Any]) -> int:
    """How many requests the concurrency phase will send (0 in a live run)."""
    if run.options.live:
        return 0
    sent = [op for op in run.contract.operations if op.operation_id in bodies]
    return len(sent) * CONCURRENT_ROUNDS * CONCURRENT_REQUESTS


def check_concurrency(
    run: Run, bodies: dict[str, Any], on_done: Callable[[], None] | None = None
) -> None:
    """The concurrency phase, for each operation in scope that has a valid body."""
    if run.options.live:
        run.outcome.notes.append("concurrency: skipped in a live run (it needs valid calls)")
        return
    with httpx.Client(timeout=run.options.limits.request_timeout_s + 5, trust_env=False) as client:
        for operation in run.contract.operations:
            body = bodies.get(operation.operation_id)
            if body is None or run.stopped:
                continue
            fitted = run.fitter.prepare(operation, body, valid=True)
            for _ in range(CONCURRENT_ROUNDS):
                _round(run, client, operation, json.dumps(fitted).encode())
                for _ in range(CONCURRENT_REQUESTS):
                    if on_done is not None:
                        on_done()
    run.say(f"concurrency: {CONCURRENT_ROUNDS} rounds of {CONCURRENT_REQUESTS} requests at once")


def _round(run: Run, client: httpx.Client, operation: Operation, body: bytes) -> None:
    barrier = threading.Barrier(CONCURRENT_REQUESTS)
    headers = {"Authorization": f"Bearer {run.options.api_key}", "Content-Type": "application/json"}
    record = run.request_record(operation.method, operation.path, headers, body)

    def one(_index: int) -> httpx.Response:
        barrier.wait(timeout=30)
        return client.request(
            operation.method, run.url + operation.path, content=body, headers=headers
        )

    with ThreadPoolExecutor(max_workers=CONCURRENT_REQUESTS) as pool:
        responses = list(pool.map(one, range(CONCURRENT_REQUESTS)))
    for response in responses:
        run.outcome.count_case()
        run.record(
            operation,
            "concurrency",
            record,
            response.status_code,
            dict(response.headers),
            response.content,
        )
    failed = [
        r
        for r in responses
        if r.status_code >= 500 and r.headers.get(GATEWAY_HEADER) in (None, "failed")
    ]
    run.outcome.judge(CONCURRENCY_RULE, operation.label)
    if failed:
        first = failed[0]
        what = (
            "no complete answer"
            if first.headers.get(GATEWAY_HEADER)
            else f"status {first.status_code}"
        )
        message = f"{len(failed)} of {CONCURRENT_REQUESTS} valid requests sent at once got {what}"
        run.add(
            CONCURRENCY_RULE,
            operation,
            "concurrency",
            message,
            record,
            first.status_code,
            first.content,
        )


def _rejected_body(run: Run, operation: Operation) -> Any:
    """A body a correct server rejects: the first example without its first required field
    (else a JSON array where an object is due)."""
    model = run.contract.model_of(operation.request.type) if operation.request else None
    required = [field.name for field in model.fields if field.required] if model else []
    for _, example in operation.request.examples if operation.request else ():
        if isinstance(example, dict) and required and required[0] in example:
            return {key: value for key, value in example.items() if key != required[0]}
    return []
