"""The gateway: the one point every request of a run passes, on the bytes that leave."""

from __future__ import annotations

import asyncio
import gzip
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
from tests.evolution.patches import PATCHES, PHONE_CALL, WEB_CALL, write_stage
from tests.generator.loopback import respond, serving

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
    contract: Contract = CONTRACT,
) -> Iterator[tuple[Gateway, str]]:
    with running_server(upstream) as url:
        policy = LivePolicy(contract, LiveBudget(budget), numbers) if live else None
        gateway = Gateway(
            contract, parse_target(url), limits or Limits(request_timeout_s=2), policy
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


@pytest.mark.parametrize(
    "location",
    ["https:api.retellai.com", "//api.retellai.com/x", "\\\\api.retellai.com", "http:/x", "/a b"],
)
def test_a_location_that_is_not_a_plain_path_is_not_passed_on(location: str) -> None:
    """httpx builds the next request from a Location even with redirects off: `https:host`
    crashed the pre-flight with InvalidURL. Only a plain path reaches the suite."""
    upstream = Upstream()
    upstream.status = 303
    upstream.headers = [(b"location", location.encode())]
    with gateway_for(upstream) as (_, url):
        response = post(url, {})
    assert response.status_code == 303
    assert "location" not in response.headers


def test_a_plain_path_location_is_passed_on() -> None:
    upstream = Upstream()
    upstream.status = 303
    upstream.headers = [(b"location", b"/v2/get-call/call_1?x=1")]
    with gateway_for(upstream) as (_, url):
        response = post(url, {})
    assert response.headers["location"] == "/v2/get-call/call_1?x=1"


def test_an_answer_header_with_control_characters_is_dropped_not_fatal() -> None:
    """A server sending `X-Evil: ESC[2J` made the gateway's own server refuse the answer and
    the run crash; the header is dropped, the answer judged."""
    headers = {"Content-Type": "application/json", "X-Evil": "\x1b[2Jx", "X-Fine": "yes"}
    with serving(respond("400 Bad Request", b'{"error_message": "no"}', headers)) as upstream:
        gateway = Gateway(CONTRACT, parse_target(upstream.url), Limits(request_timeout_s=5))
        with serve_gateway(gateway) as url:
            response = post(url, {})
    assert response.status_code == 400
    assert response.headers["x-fine"] == "yes"
    assert "x-evil" not in response.headers
    assert gateway.failures == []


def test_a_body_that_does_not_decode_is_a_failure_not_a_crash() -> None:
    upstream = Upstream()
    upstream.headers = [(b"content-type", b"application/json"), (b"content-encoding", b"gzip")]
    upstream.body = b"this is not gzip at all"
    with gateway_for(upstream) as (gateway, url):
        response = post(url, {})
    assert response.headers[GATEWAY_HEADER] == "failed"
    assert [exchange.failure for exchange in gateway.failures] == [Failure.UNDECODABLE]


def test_live_a_2xx_whose_body_does_not_decode_still_stops_the_run() -> None:
    """A live server accepting a request it had to reject is stopped on its status, even
    when its body is lost (a broken gzip answer once let every request through)."""
    upstream = Upstream()
    upstream.status = 201
    upstream.headers = [(b"content-type", b"application/json"), (b"content-encoding", b"gzip")]
    upstream.body = b"this is not gzip at all"
    with gateway_for(upstream, live=True) as (gateway, url):
        post(url, {"metadata": {}})  # invalid: a correct server rejects it
        after = post(url, {"metadata": {}})
    assert gateway.tripped is not None
    assert gateway.tripped.status == 201
    assert gateway.stopped is not None
    assert after.headers[GATEWAY_HEADER] == "stopped"
    assert len(upstream.received) == 1


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        pytest.param("gzip, deflate", b"plain", id="two codings"),
        pytest.param("br", b"plain", id="brotli"),
        pytest.param("gzip", gzip.compress(b'{"error_message": "no"}')[:-6], id="gzip cut short"),
        pytest.param("gzip", gzip.compress(b"{}") + b"trailing", id="bytes after the gzip end"),
    ],
)
def test_a_body_in_a_coding_the_gateway_cannot_read_whole_is_a_failure(
    encoding: str, body: bytes
) -> None:
    upstream = Upstream()
    upstream.headers = [
        (b"content-type", b"application/json"),
        (b"content-encoding", encoding.encode()),
    ]
    upstream.body = body
    with gateway_for(upstream) as (gateway, url):
        response = post(url, {})
    assert response.headers[GATEWAY_HEADER] == "failed"
    assert [exchange.failure for exchange in gateway.failures] == [Failure.UNDECODABLE]


def test_a_gzip_body_whole_is_decoded() -> None:
    upstream = Upstream()
    upstream.headers = [(b"content-type", b"application/json"), (b"content-encoding", b"gzip")]
    upstream.body = gzip.compress(b'{"error_message": "no"}')
    with gateway_for(upstream) as (gateway, url):
        response = post(url, {})
    assert response.json() == {"error_message": "no"}
    assert gateway.failures == []


def test_live_a_body_nested_too_deep_to_parse_is_read_as_text_not_a_crash() -> None:
    upstream = Upstream()
    with gateway_for(upstream, live=True, numbers=NUMBERS) as (_, url):
        deep = post(url, b"[" * 100_000 + b"]" * 100_000)
        stranger = post(url, b"[" * 100_000 + STRANGER.encode() + b"]" * 100_000)
    assert deep.status_code == 400  # the server's own answer: nothing in it could ring anyone
    assert stranger.headers[GATEWAY_HEADER] == "withheld"


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


@pytest.fixture(scope="module")
def evolved(tmp_path_factory: pytest.TempPathFactory) -> Contract:
    """The spec as the vendor's API evolved: a web call (no phone numbers) and an if/then/else
    that relaxes `from_number`."""
    return Contract.load(write_stage(len(PATCHES), tmp_path_factory.mktemp("spec") / "api.yaml"))


def _valid_example(contract: Contract, operation_id: str) -> dict[str, Any]:
    operation = contract.api.operation(operation_id)
    assert operation.request is not None
    return next(
        v
        for _, v in operation.request.examples
        if isinstance(v, dict) and contract.request_is_valid(operation, v)
    )


def test_live_withholds_a_valid_call_of_an_operation_without_phone_numbers(
    evolved: Contract,
) -> None:
    """Issue 8: a valid web call went through a live run with budget 0, because the guard
    judged "placeable" by phone fields. It is judged by the operation's own schema."""
    web = evolved.api.operation(WEB_CALL)
    assert not web.phone_paths
    body = _valid_example(evolved, WEB_CALL)
    upstream = Upstream()
    with gateway_for(upstream, live=True, numbers=NUMBERS, contract=evolved) as (gateway, url):
        withheld = httpx.post(
            url + web.path, json=body, headers={"Authorization": "Bearer k"}, trust_env=False
        )
        invalid = httpx.post(
            url + web.path,
            json={"metadata": {}},
            headers={"Authorization": "Bearer k"},
            trust_env=False,
        )
    assert withheld.headers[GATEWAY_HEADER] == "withheld"
    assert GATEWAY_HEADER not in invalid.headers  # a body the spec forbids goes through
    assert [json.loads(sent[3]) for sent in upstream.received] == [{"metadata": {}}]
    assert gateway.policy is not None
    assert gateway.policy.placed == 0


def test_live_judges_a_body_an_if_then_else_makes_valid_as_placeable(evolved: Contract) -> None:
    """`ignore_e164_validation: true` makes a non-E.164 `from_number` valid: a phone-field
    heuristic would call the body invalid and send it; full JSON Schema semantics withhold it."""
    operation = evolved.api.operation(PHONE_CALL)
    relaxed = {
        "from_number": "internal-line-7",
        "to_number": NUMBERS.to_number,
        "ignore_e164_validation": True,
    }
    assert evolved.request_is_valid(operation, relaxed)
    upstream = Upstream()
    with gateway_for(upstream, live=True, contract=evolved) as (_, url):
        response = httpx.post(
            url + operation.path,
            json=relaxed,
            headers={"Authorization": "Bearer k"},
            trust_env=False,
        )
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


STRANGER = "+12125551234"
FICTIONAL = "+14155550123"


def _hidden_strangers() -> list[tuple[str, str, bytes]]:
    """(name, query, body): a stranger's number where only a lenient reading finds it."""
    to, other = (".".join(path) for path in OPERATION.phone_paths[:2])
    fullwidth = "".join(chr(0xFF10 + int(c)) if c.isdigit() else chr(0xFF0B) for c in STRANGER)
    return [
        (
            "a repeated key, the stranger first",
            "",
            f'{{"{to}": "{STRANGER}", "{to}": "{FICTIONAL}", "{other}": "{FICTIONAL}"}}'.encode(),
        ),
        (
            "a key in another case",
            "",
            json.dumps({to: FICTIONAL, other: FICTIONAL, to.title(): STRANGER}).encode(),
        ),
        ("a list where a number is due", "", json.dumps({to: [STRANGER], other: 1}).encode()),
        ("an object where a number is due", "", json.dumps({to: {"n": STRANGER}}).encode()),
        ("fullwidth digits in a JSON array", "", json.dumps([fullwidth]).encode()),
        (
            "percent-encoded digits in a form",
            "",
            (f"{to}=" + "".join(f"%{ord(c):02X}" for c in STRANGER)).encode(),
        ),
        ("the query string", f"?{to}=%2B{STRANGER[1:]}", json.dumps({to: 1}).encode()),
        # a lenient server keeps only the digits of a value: any separator, any script
        ("slashes inside an array", "", json.dumps([{to: _spread(STRANGER, "/")}]).encode()),
        ("letters between the digits", "", f'["{_spread(STRANGER, "a")}"]'.encode()),
        ("superscript digits in an array", "", json.dumps([_superscript(STRANGER)]).encode()),
        ("escaped superscripts in text", "", f"to: {json.dumps(_superscript(STRANGER))}".encode()),
        ("a number as a key where one is due", "", json.dumps({to: {STRANGER: 1}}).encode()),
        ("nested arrays of objects", "", json.dumps([[{to: [{"n": STRANGER}]}]]).encode()),
        ("slashes in the query", f"?{to}=%2B1%2F21%2F25%2F55%2F12%2F34", b"{}"),
    ]


def _spread(number: str, separator: str) -> str:
    """+12125551234 -> +1/21/25/55/12/34."""
    digits = number[1:]
    parts = [digits[0], *(digits[i : i + 2] for i in range(1, len(digits), 2))]
    return "+" + separator.join(parts)


def _superscript(number: str) -> str:
    return number.translate(
        str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
    )


@pytest.mark.parametrize(
    ("query", "body"),
    [pytest.param(query, body, id=name) for name, query, body in _hidden_strangers()],
)
def test_live_finds_a_stranger_wherever_a_lenient_server_would(query: str, body: bytes) -> None:
    upstream = Upstream()
    with gateway_for(upstream, live=True, budget=5, numbers=NUMBERS) as (gateway, url):
        response = httpx.post(
            url + OPERATION.path + query,
            content=body,
            headers={"Authorization": "Bearer k", "Content-Type": "application/json"},
            trust_env=False,
        )
    assert response.headers[GATEWAY_HEADER] == "withheld"
    assert upstream.received == []
    assert gateway.policy is not None
    assert gateway.policy.placed == 0


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
