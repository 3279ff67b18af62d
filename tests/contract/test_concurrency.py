"""The concurrency phase: valid requests at once, bounded, judged like any other answer.

Each server here misbehaves only while two requests overlap, so a sequential run (vectors with
one worker, no fuzzing) cannot see it: only the concurrency phase can."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from contract_tests.contract import Contract
from contract_tests.options import CONCURRENT_REQUESTS, CONCURRENT_ROUNDS, SuiteOptions
from contract_tests.phases import CONCURRENCY_RULE
from contract_tests.suite import SuiteResult, run_suite
from mock_server import create_app, running_server
from mock_server.faults import DroppedConnection
from tests.contract.conftest import TEST_KEY

# Wide enough that requests released together overlap at the server, whatever the load (every
# sequential vector pays it too: the runs are scoped to one operation to keep them short).
OVERLAP_WINDOW_S = 0.03
OPERATION = Contract.load().operations[0]


class Overlapping:
    """The mock, with a window before each answer; counts how many requests overlap, and
    misbehaves (`mode`) for a request that found another in flight."""

    def __init__(self, mode: str | None = None) -> None:
        self.app: ASGIApp = create_app(api_key=TEST_KEY)
        self.mode = mode
        self.busy = 0
        self.most_busy = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.busy += 1
        self.most_busy = max(self.most_busy, self.busy)
        try:
            await asyncio.sleep(OVERLAP_WINDOW_S)
            raced = self.busy > 1
            if raced and self.mode == "drop":
                await send({"type": "http.response.start", "status": 201, "headers": []})
                raise DroppedConnection("the race lost the answer")
            if raced and self.mode == "same id":
                await self.app(scope, receive, _with_id(send, "call_raced_0000"))
                return
            await self.app(scope, receive, send)
        finally:
            self.busy -= 1


def _with_id(send: Send, call_id: str) -> Send:
    """Answers whose `call_id` is replaced (the shared, unlocked counter of a racy server)."""
    started: dict[str, Any] = {}

    async def rewritten(message: Message) -> None:
        if message["type"] == "http.response.start":
            started.update(message)
            return
        body = message.get("body", b"")
        document = json.loads(body) if body else None
        if isinstance(document, dict) and "call_id" in document:
            body = json.dumps(document | {"call_id": call_id}).encode()
        headers = [(n, v) for n, v in started["headers"] if n.lower() != b"content-length"]
        await send({**started, "headers": [*headers, (b"content-length", b"%d" % len(body))]})
        await send({"type": "http.response.body", "body": body})

    return rewritten


def _run(server: Overlapping) -> SuiteResult:
    with running_server(server) as url:
        return run_suite(
            SuiteOptions(
                base_url=url,
                api_key=TEST_KEY,
                seed=3,
                workers=1,
                phases=(),
                include_operations=(OPERATION.operation_id,),
            )
        )


def _findings(result: SuiteResult, rule: str) -> list[str]:
    return [f.message for f in result.outcome.findings if f.rule == rule]


@pytest.mark.slow
def test_a_correct_server_passes_and_the_phase_is_bounded() -> None:
    server = Overlapping()
    result = _run(server)
    assert result.compliant, [f.message for f in result.outcome.findings]
    # the phase really sends at once, and never more than its bound
    assert 2 <= server.most_busy <= CONCURRENT_REQUESTS
    rounds = {
        label: count
        for (rule, label), count in result.outcome.judged.items()
        if rule == CONCURRENCY_RULE
    }
    assert rounds == {OPERATION.label: CONCURRENT_ROUNDS}


@pytest.mark.slow
def test_a_connection_lost_to_a_race_is_a_finding() -> None:
    result = _run(Overlapping("drop"))
    found = _findings(result, CONCURRENCY_RULE)
    assert found, [f.message for f in result.outcome.findings]
    assert all("no complete answer" in message for message in found), found
    assert {f.source for f in result.outcome.findings if f.rule == CONCURRENCY_RULE} == {
        "concurrency"
    }


@pytest.mark.slow
def test_ids_repeated_only_under_concurrency_break_the_unique_rule() -> None:
    result = _run(Overlapping("same id"))
    repeated = [
        f for f in result.outcome.findings if f.rule == "call_ids_unique" and "already" in f.message
    ]
    assert repeated, [f.message for f in result.outcome.findings]
    assert {f.source for f in repeated} == {"concurrency"}
