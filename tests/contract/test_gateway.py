"""The gateway: the one point every request of a run passes, on the bytes that leave."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from starlette.types import Receive, Scope, Send

from contract_tests.contract import Contract
from contract_tests.gateway import GATEWAY_HEADER, Gateway, Limits, LivePolicy, serve_gateway
from contract_tests.gateway.upstream import Failure
from contract_tests.live import LiveBudget, LiveNumbers
from contract_tests.target import parse_target
from mock_server import running_server
from mock_server.faults import DroppedConnection

CONTRACT = Contract.load()
OPERATION = next(op for op in CONTRACT.api.operations if op.phone_paths)
assert OPERATION.request is not None
EXAMPLE: dict[str, Any] = next(
    v
    for _, v in OPERATION.request.examples
    if isinstance(v, dict) and CONTRACT.request_is_valid(OPERATION, v)
)
NUMBERS = LiveNumbers("+14157774444", "+12137774445")


class Upstream:
    """A loopback server that records what reached it and answers as told."""

    def __init__(self) -> None:
        self.received: list[tuple[str, str, dict[str, str], bytes]] = []
        self.status = 400
        self.headers: list[tuple[bytes, bytes]] = [(b"content-type", b"application/json")]
        self.body = b'{"error_message": "no"}'

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        headers = {n.decode(): v.decode() for n, v in scope["headers"]}
        self.received.append((scope["method"], scope["path"], headers, b"".join(chunks)))
        await self.answer(scope, send)

    async def answer(self, scope: Scope, send: Send) -> None:
        headers = [*self.headers, (b"content-length", str(len(self.body)).encode())]
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": self.body})


@contextmanager
def gateway_for(
    upstream: Any,
    *,
    live: bool = False,
    budget: int = 0,
    numbers: LiveNumbers | None = None,
    limits: Limits | None = None,
) -> Iterator[tuple[Gateway, str]]:
    with running_server(upstream) as url:
        policy = LivePolicy(CONTRACT, LiveBudget(budget), numbers) if live else None
        gateway = Gateway(
            CONTRACT, parse_target(url), limits or Limits(request_timeout_s=2), policy
        )
        with serve_gateway(gateway) as gateway_url:
            yield gateway, gateway_url


def post(url: str, body: object, headers: dict[str, str] | None = None) -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.post(
        url + OPERATION.path,
        content=content,
        headers=headers or {"Authorization": "Bearer k"},
        timeout=30,
        trust_env=False,
    )


def test_requests_arrive_as_sent_and_answers_come_back_marked() -> None:
    upstream = Upstream()
    with gateway_for(upstream) as (gateway, url):
        response = post(url, {"a": "é"}, {"Authorization": "Bearer k", "X-Extra": "1"})
    assert response.status_code == 400
    assert response.json() == {"error_message": "no"}
    assert GATEWAY_HEADER not in response.headers
    method, path, headers, body = upstream.received[0]
    assert (method, path, json.loads(body)) == ("POST", OPERATION.path, {"a": "é"})
    assert headers["authorization"] == "Bearer k"
    assert headers["x-extra"] == "1"
    exchange = gateway.exchange_of(response.headers)
    assert exchange is not None
    assert exchange.body == body


def test_a_huge_answer_is_cut_at_the_cap_and_recorded() -> None:
    class Huge(Upstream):
        async def answer(self, scope: Scope, send: Send) -> None:
            size = 300 * 1024 * 1024
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-length", str(size).encode())],
                }
            )
            for _ in range(300):
                await send(
                    {"type": "http.response.body", "body": b"x" * 1024 * 1024, "more_body": True}
                )
            await send({"type": "http.response.body", "body": b""})

    with gateway_for(
        Huge(), limits=Limits(request_timeout_s=10, max_response_bytes=1024 * 1024)
    ) as (gateway, url):
        response = post(url, {})
    assert response.headers[GATEWAY_HEADER] == "failed"
    assert [exchange.failure for exchange in gateway.failures] == [Failure.TOO_LARGE]


def test_a_drip_fed_answer_ends_at_the_deadline() -> None:
    class Drip(Upstream):
        async def answer(self, scope: Scope, send: Send) -> None:
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-length", b"100")],
                }
            )
            for _ in range(100):
                await send({"type": "http.response.body", "body": b"x", "more_body": True})
                await asyncio.sleep(0.5)

    with gateway_for(Drip(), limits=Limits(request_timeout_s=1)) as (gateway, url):
        response = post(url, {})
    assert response.headers[GATEWAY_HEADER] == "failed"
    assert [exchange.failure for exchange in gateway.failures] == [Failure.DEADLINE]


def test_a_gzip_bomb_is_cut_at_the_cap() -> None:
    import gzip

    class Bomb(Upstream):
        async def answer(self, scope: Scope, send: Send) -> None:
            body = gzip.compress(b"0" * (64 * 1024 * 1024))
            headers = [(b"content-encoding", b"gzip"), (b"content-length", str(len(body)).encode())]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})

    with gateway_for(Bomb(), limits=Limits(max_response_bytes=1024 * 1024)) as (gateway, url):
        response = post(url, {})
    assert response.headers[GATEWAY_HEADER] == "failed"
    assert gateway.failures[0].failure is Failure.TOO_LARGE


def test_consecutive_failures_stop_the_run() -> None:
    class Dead(Upstream):
        async def answer(self, scope: Scope, send: Send) -> None:
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-length", b"64")],
                }
            )
            raise DroppedConnection  # uvicorn closes the connection before the body

    with gateway_for(Dead(), limits=Limits(max_consecutive_failures=3)) as (gateway, url):
        for _ in range(4):
            post(url, {})
    assert gateway.stopped is not None
    assert "3 requests in a row" in gateway.stopped


def test_a_foreign_location_header_is_not_passed_on() -> None:
    upstream = Upstream()
    upstream.status = 307
    upstream.headers = [(b"location", b"http://api.retellai.com/v2/create-phone-call")]
    with gateway_for(upstream) as (_, url):
        response = post(url, {})
    assert response.status_code == 307
    assert "location" not in response.headers


def test_stop_refuses_everything_after() -> None:
    upstream = Upstream()
    with gateway_for(upstream) as (gateway, url):
        gateway.stop("SIGINT")
        response = post(url, {})
    assert response.headers[GATEWAY_HEADER] == "stopped"
    assert upstream.received == []


# --- live ----------------------------------------------------------------------------------


def test_live_withholds_a_valid_call_without_budget() -> None:
    upstream = Upstream()
    with gateway_for(upstream, live=True) as (_gateway, url):
        response = post(url, EXAMPLE)
    assert response.headers[GATEWAY_HEADER] == "withheld"
    assert upstream.received == []


def test_live_withholds_a_valid_call_even_with_a_wrong_key_or_method() -> None:
    """Nothing about headers or methods makes a valid body safe: a server ignoring auth, or
    routing any method, would place it."""
    upstream = Upstream()
    with gateway_for(upstream, live=True) as (_, url):
        post(url, EXAMPLE, {"Authorization": "Bearer wrong"})
        httpx.put(url + OPERATION.path, content=json.dumps(EXAMPLE).encode(), trust_env=False)
        post(url.rstrip("/") + "/", EXAMPLE)  # the same path, odd spelling: //v2/...
    assert upstream.received == []


def test_live_withholds_a_stranger_in_an_invalid_body() -> None:
    phone = OPERATION.phone_paths[0][0]
    upstream = Upstream()
    with gateway_for(upstream, live=True) as (_, url):
        response = post(url, {phone: "+12125551234"})  # invalid (required fields missing)
        text = post(url, b"to_number=+12125551234")
    assert response.headers[GATEWAY_HEADER] == "withheld"
    assert text.headers[GATEWAY_HEADER] == "withheld"
    assert upstream.received == []


def test_live_sends_invalid_bodies_with_safe_numbers() -> None:
    phone = OPERATION.phone_paths[0][0]
    upstream = Upstream()
    with gateway_for(upstream, live=True) as (_, url):
        response = post(url, {phone: "+14155550100"})
    assert GATEWAY_HEADER not in response.headers
    assert len(upstream.received) == 1


def test_live_budget_allows_valid_calls_to_the_testers_numbers_only() -> None:
    upstream = Upstream()
    upstream.status, upstream.body = 201, b"{}"
    account = {path for path, role in OPERATION.account_paths if role == "number"}
    mine = dict(EXAMPLE)
    for path in OPERATION.phone_paths:
        mine[path[0]] = NUMBERS.from_number if path in account else NUMBERS.to_number
    with gateway_for(upstream, live=True, budget=1, numbers=NUMBERS) as (gateway, url):
        stranger = post(url, EXAMPLE)  # valid, but dials the spec's example numbers
        first = post(url, mine)
        second = post(url, mine)
    assert stranger.headers[GATEWAY_HEADER] == "withheld"
    assert GATEWAY_HEADER not in first.headers
    assert second.headers[GATEWAY_HEADER] == "withheld"
    assert len(upstream.received) == 1
    assert gateway.policy is not None
    assert gateway.policy.placed == 1


def test_live_a_2xx_to_a_request_that_had_to_be_rejected_stops_the_run() -> None:
    phone = OPERATION.phone_paths[0][0]
    upstream = Upstream()
    upstream.status, upstream.body = 201, b"{}"
    with gateway_for(upstream, live=True) as (gateway, url):
        post(url, {phone: "+14155550100"})
        after = post(url, {phone: "+14155550100"})
    assert gateway.tripped is not None
    assert gateway.tripped.status == 201
    assert after.headers[GATEWAY_HEADER] == "stopped"
    assert len(upstream.received) == 1


@pytest.mark.parametrize("path", ["/", "/health"])
def test_live_a_2xx_elsewhere_is_not_a_trip(path: str) -> None:
    upstream = Upstream()
    upstream.status, upstream.body = 200, b"ok"
    with gateway_for(upstream, live=True) as (gateway, url):
        httpx.get(url + path, trust_env=False)
    assert gateway.tripped is None
