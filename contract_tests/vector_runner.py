"""Send the fixed vectors and judge each answer: its expectation, its documentation, the rules."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx

from contract_tests.checks import parse_json
from contract_tests.contract import Contract
from contract_tests.run import Run
from contract_tests.vectors.model import Auth, Expect, Vector
from generator.ir import Operation

__all__ = [
    "DOCUMENTED_RESPONSE",
    "WRONG_KEY",
    "auth_header",
    "documentation_problem",
    "run_vectors",
]

SOURCE = "vectors"
DOCUMENTED_RESPONSE = "documented_response"
WRONG_KEY = "wrong-key-0000000000000000"


def auth_header(auth: Auth, api_key: str) -> dict[str, str]:
    """The Authorization header (if any) a vector sends."""
    values = {
        Auth.VALID: f"Bearer {api_key}",
        Auth.WRONG_KEY: f"Bearer {WRONG_KEY}",
        Auth.EMPTY_BEARER: "Bearer",
        Auth.NO_SCHEME: api_key,
        Auth.KEY_WITH_SUFFIX: f"Bearer {api_key}x",
        Auth.BASIC_SCHEME: f"Basic {api_key}",
    }
    value = values.get(auth)
    return {} if value is None else {"Authorization": value}


def expectation_problem(
    vector: Vector, operation: Operation, status: int, *, live: bool
) -> str | None:
    documented_4xx = {response.status for response in operation.errors if response.status < 500}
    met = {
        Expect.ACCEPTED: status == operation.success.status,
        Expect.REJECTED: 400 <= status < 500,
        # a live auth vector carries a body the spec forbids: a server may check it first
        Expect.UNAUTHORIZED: status == 401 or (live and status == 400),
        Expect.HANDLED: status == operation.success.status or status in documented_4xx,
    }[vector.expect]
    return None if met else f"expected {vector.expect.value}, got {status}"


def documentation_problem(
    contract: Contract, operation: Operation, status: int, content_type: str, body: object
) -> str | None:
    """Whether the answer is one the spec documents: status, JSON content, schema."""
    response = operation.response(status)
    if response is None:
        return f"status {status} is not documented for {operation.label}"
    if response.body is None:
        return None
    if not content_type.split(";")[0].strip().lower().endswith("json"):
        return f"content type {content_type!r} is not application/json"
    violation = contract.validator.check(response.body.schema, body)
    if violation is not None:
        where = violation.field or "(root)"
        return f"body breaks {response.body.schema} at {where}: {violation.message}"
    return None


def run_vectors(
    vectors: tuple[Vector, ...], run: Run, on_done: Callable[[], None] | None = None
) -> None:
    """Send every vector (concurrently with `workers`), skipping those a run would rewrite."""
    skipped = withheld = 0
    lock = threading.Lock()
    clients = threading.local()

    def one(vector: Vector) -> None:
        nonlocal skipped, withheld
        if run.stopped:
            return
        operation = run.contract.api.operation(vector.operation_id)
        if vector.is_valid_request and any(
            run.fitter.would_rewrite(operation, path) for path in vector.probes
        ):
            with lock:
                skipped += 1
            return
        client = getattr(clients, "client", None)
        if client is None:
            client = clients.client = httpx.Client(
                timeout=run.options.limits.request_timeout_s + 5, trust_env=False
            )
        if not _send(vector, operation, run, client):
            with lock:
                withheld += 1
        if on_done is not None:
            on_done()

    with ThreadPoolExecutor(
        max_workers=run.options.workers, thread_name_prefix="contract-vector"
    ) as pool:
        for future in [pool.submit(one, vector) for vector in vectors]:
            error = future.exception()
            if error is not None:
                run.outcome.errors.append(
                    f"a vector could not be run: {type(error).__name__}: {error}"
                )
    line = f"vectors: {len(vectors) - skipped} sent"
    if withheld:
        line += f", {withheld} answered by the gateway (withheld or no answer)"
    if skipped:
        line += (
            f", {skipped} skipped (they probe a value the run replaces: "
            "--from-number, --agent-id or --live)"
        )
    run.say(line)
    if skipped:
        run.outcome.notes.append(line)


def _send(vector: Vector, operation: Operation, run: Run, client: httpx.Client) -> bool:
    """Send one vector and judge the answer; False when the gateway answered it."""
    headers = {"Content-Type": vector.content_type} | auth_header(vector.auth, run.options.api_key)
    if vector.raw_body is not None:
        body = vector.raw_body
    else:
        document = run.fitter.prepare(operation, vector.body, valid=vector.is_valid_request)
        body = json.dumps(document, ensure_ascii=False).encode()
    record = run.request_record(operation.method, operation.path, headers, body)
    response = client.request(
        operation.method, run.url + operation.path, content=body, headers=headers
    )
    run.outcome.count_case()
    answer_headers = dict(response.headers)
    if not run.record(
        operation, SOURCE, record, response.status_code, answer_headers, response.content
    ):
        return False
    problems = [
        (
            vector.rule,
            expectation_problem(vector, operation, response.status_code, live=run.options.live),
        ),
        (
            DOCUMENTED_RESPONSE,
            documentation_problem(
                run.contract,
                operation,
                response.status_code,
                response.headers.get("content-type", ""),
                parse_json(response.content),
            ),
        ),
    ]
    for rule, problem in problems:
        if rule in run.options.exclude_checks:
            continue
        run.outcome.judge(rule, operation.label)
        if problem is not None:
            run.add(
                rule,
                operation,
                SOURCE,
                f"[{vector.name}] {problem}",
                record,
                response.status_code,
                response.content,
            )
    return True
