"""The gateway: a loopback reverse proxy through which every request of a run passes.

Schemathesis, the vectors, the pre-flight and the concurrency phase all send to the gateway
(`http://127.0.0.1:PORT`); only the gateway connects to the server under test. It is the one
enforcement point, and it judges the bytes that actually leave:

- it connects to the checked target only (`contract_tests.target`), never follows a redirect
  and strips absolute `Location` headers, so no stack can be steered to another host;
- every request runs under one deadline (connect, send, the whole body) and its answer is read
  up to a size cap; a breach is recorded as a transport failure and the client is answered
  at once by the gateway (marked `x-contract-gateway`), and after a run of consecutive
  failures the gateway stops the run;
- in a live run, its `LivePolicy` withholds any request that could ring a stranger or place a
  call beyond the budget, and stops the run at the first 2xx answer to a request a correct
  server had to reject;
- `stop(reason)` (an interrupt, `--max-time`) makes it refuse everything from then on and
  abandons requests in flight.

Each answer carries `x-contract-exchange: N`, the id of its record in the exchange log.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from starlette.types import Receive, Scope, Send

from contract_tests.contract import Contract
from contract_tests.gateway.upstream import Failure, Upstream, UpstreamAnswer
from contract_tests.live import LiveBudget, LiveNumbers, is_placeable, phone_values, unsafe_numbers
from contract_tests.target import Target
from generator.ir import Operation

__all__ = [
    "EXCHANGE_HEADER",
    "GATEWAY_HEADER",
    "Exchange",
    "Gateway",
    "Limits",
    "LivePolicy",
    "serve_gateway",
]

# a relative reference that is a path (RFC 3986 path-absolute, query) and nothing a parser
# could read as a scheme or an authority
_PLAIN_PATH = re.compile(r"/[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*")
EXCHANGE_HEADER = "x-contract-exchange"
GATEWAY_HEADER = "x-contract-gateway"  # set on answers the gateway gave itself
_KEPT_EXCHANGES = 512


@dataclass(frozen=True)
class Limits:
    request_timeout_s: float = 10.0  # per request, covering the whole answer
    max_response_bytes: int = 1024 * 1024
    max_consecutive_failures: int = 5  # transport failures in a row before the run stops


@dataclass
class Exchange:
    """One request as it left, and what came back (kept raw: outputs mask the key)."""

    id: int
    method: str
    target: str  # path and query, as sent (relative to the target's base path)
    headers: list[tuple[str, str]]
    body: bytes
    operation: str | None = None  # the label of the operation the path names
    status: int | None = None
    reason: str = ""
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    response_body: bytes = b""
    failure: Failure | None = None
    withheld: str | None = None  # why the gateway did not send it
    placeable: bool = False
    seconds: float = 0.0

    @property
    def synthetic(self) -> bool:
        """The client was answered by the gateway, not by the server."""
        return self.failure is not None or self.withheld is not None


@dataclass
class LivePolicy:
    """What a live run may send (see `contract_tests.live`)."""

    contract: Contract
    budget: LiveBudget
    numbers: LiveNumbers | None = None
    withheld: int = 0
    placed: int = 0

    def withhold_reason(self, exchange: Exchange, operation: Operation | None) -> str | None:
        if _repeats_a_key(exchange.body):
            # servers differ on which value they keep: no reading of it is the one that counts
            return "a JSON body that repeats a key"
        body = _parsed(exchange.body)
        query = exchange.target.partition("?")[2]
        unsafe = unsafe_numbers(self.contract, operation, body, self.numbers) + unsafe_numbers(
            self.contract, operation, query, self.numbers
        )
        if unsafe:
            return f"it holds a number nobody named ({unsafe[0]})"
        exchange.placeable = isinstance(body, dict) and is_placeable(self.contract, operation, body)
        if not exchange.placeable:
            return None
        if self.numbers is None:
            return "a valid request, and --max-live-calls is 0"
        if not all(self.numbers.owns(v) for v in phone_values(self.contract, operation, body)):
            return "a valid request dialling a number other than the tester's"
        if not self.budget.take():
            return "a valid request beyond --max-live-calls"
        self.placed += 1
        return None


class Gateway:
    """The ASGI app of the gateway (serve it with `serve_gateway`)."""

    def __init__(
        self,
        contract: Contract,
        target: Target,
        limits: Limits | None = None,
        policy: LivePolicy | None = None,
    ) -> None:
        self.contract = contract
        self.target = target
        self.limits = limits or Limits()
        self.policy = policy
        self.stopped: str | None = None
        self.tripped: Exchange | None = None  # live: a 2xx to a request that had to be rejected
        self.failures: list[Exchange] = []  # first transport failure of each (kind, operation)
        self._failure_kinds: set[tuple[Failure, str | None]] = set()
        self._consecutive_failures = 0
        self._log: OrderedDict[int, Exchange] = OrderedDict()
        self._lock = threading.Lock()
        self._next_id = 0
        self._upstream: Upstream | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._in_flight: set[asyncio.Task[Any]] = set()
        self.sent = 0
        self.self_answered = 0  # answers the gateway gave itself (withheld, stopped, failed)

    # --- control (any thread) -----------------------------------------------------------------

    def stop(self, reason: str) -> None:
        """Refuse every request from now on and abandon those in flight."""
        if self.stopped is None:
            self.stopped = reason
        self.abandon_in_flight()

    def abandon_in_flight(self) -> None:
        """Cancel the requests still in flight (the run is over: a server still dripping an
        answer must not hold the process for its deadline)."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._cancel_in_flight)

    def exchange(self, exchange_id: int) -> Exchange | None:
        with self._lock:
            return self._log.get(exchange_id)

    def exchange_of(self, headers: Any) -> Exchange | None:
        """The exchange behind an answer, from its `x-contract-exchange` header."""
        value = None
        with contextlib.suppress(Exception):
            value = headers.get(EXCHANGE_HEADER)
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        return self.exchange(int(value)) if isinstance(value, str) and value.isdigit() else None

    # --- the app ------------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            return
        if scope["type"] != "http":
            return
        self._loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
        try:
            exchange = self._open(scope, await _read_body(receive))
            answer = await self._answer(exchange)
        except asyncio.CancelledError:
            answer = _synthetic(503, "stopped", f"the run stopped: {self.stopped or 'cancelled'}")
            exchange = None
        finally:
            if task is not None:
                self._in_flight.discard(task)
        if any(name == GATEWAY_HEADER for name, _ in answer.headers):
            with self._lock:
                self.self_answered += 1
        await _send_answer(send, answer, None if exchange is None else exchange.id)

    def _open(self, scope: Scope, body: bytes) -> Exchange:
        raw_path = scope.get("raw_path") or scope["path"].encode()
        query = scope.get("query_string", b"")
        target = raw_path.decode("latin-1") + ("?" + query.decode("latin-1") if query else "")
        headers = [(n.decode("latin-1"), v.decode("latin-1")) for n, v in scope["headers"]]
        operation = _operation_for(self.contract, scope["path"])
        with self._lock:
            self._next_id += 1
            exchange = Exchange(self._next_id, scope["method"], target, headers, body)
            exchange.operation = None if operation is None else operation.label
            self._log[exchange.id] = exchange
            while len(self._log) > _KEPT_EXCHANGES:
                self._log.popitem(last=False)
        return exchange

    async def _answer(self, exchange: Exchange) -> UpstreamAnswer:
        if self.stopped is not None:
            exchange.withheld = f"the run stopped: {self.stopped}"
            return _synthetic(503, "stopped", exchange.withheld)
        if self.policy is not None:
            operation = _operation_for(self.contract, exchange.target.split("?")[0])
            reason = self.policy.withhold_reason(exchange, operation)
            if reason is not None:
                self.policy.withheld += 1
                exchange.withheld = f"live guard: {reason}"
                return _synthetic(503, "withheld", exchange.withheld)
        started = time.perf_counter()
        answer = await self._upstream_client().send(
            exchange.method, exchange.target, exchange.headers, exchange.body
        )
        exchange.seconds = time.perf_counter() - started
        self.sent += answer.sent
        return self._record(exchange, answer)

    def _record(self, exchange: Exchange, answer: UpstreamAnswer) -> UpstreamAnswer:
        # the status alone says a live server accepted: judged even when the body is lost
        self._trip_on_leniency(exchange, answer.status)
        if answer.failure is not None:
            exchange.failure = answer.failure
            exchange.status = answer.status or None
            self._note_failure(exchange)
            return _synthetic(502, "failed", f"the server under test: {answer.failure.value}")
        self._consecutive_failures = 0
        exchange.status, exchange.reason = answer.status, answer.reason
        exchange.response_headers = [(n, v) for n, v in answer.headers if _forwardable(n, v)]
        exchange.response_body = answer.body
        return UpstreamAnswer(answer.status, answer.reason, exchange.response_headers, answer.body)

    def _trip_on_leniency(self, exchange: Exchange, status: int) -> None:
        lenient = 200 <= status < 300 and not exchange.placeable
        if self.policy is not None and lenient and exchange.operation is not None:
            if self.tripped is None:
                self.tripped = exchange
                exchange.status = status
            self.stop(
                "a live server accepted a request it had to reject (it may be placing a call)"
            )

    def _note_failure(self, exchange: Exchange) -> None:
        assert exchange.failure is not None
        key = (exchange.failure, exchange.operation)
        with self._lock:
            if key not in self._failure_kinds:
                self._failure_kinds.add(key)
                self.failures.append(exchange)
            self._consecutive_failures += 1
            if self._consecutive_failures >= self.limits.max_consecutive_failures:
                self.stop(
                    f"{self._consecutive_failures} requests in a row got no complete answer "
                    f"({exchange.failure.value})"
                )

    def _upstream_client(self) -> Upstream:
        if self._upstream is None:
            self._upstream = Upstream(
                self.target,
                deadline_s=self.limits.request_timeout_s,
                max_bytes=self.limits.max_response_bytes,
            )
        return self._upstream

    def _cancel_in_flight(self) -> None:
        for task in list(self._in_flight):
            task.cancel()


@contextlib.contextmanager
def serve_gateway(gateway: Gateway) -> Iterator[str]:
    """Serve the gateway on 127.0.0.1 and a free port; yields its base URL."""
    from mock_server import running_server

    with running_server(gateway) as url:
        yield url


def _operation_for(contract: Contract, path: str) -> Operation | None:
    """The operation a path names, read leniently (case, slashes, escapes), whatever the
    method: what a lenient server might route there."""
    wanted = _normal(path)
    return next((op for op in contract.api.operations if _normal(op.path) == wanted), None)


def _normal(path: str) -> str:
    parts = [part for part in unquote(path.split("?")[0]).lower().split("/") if part]
    return "/" + "/".join(parts)


def _parsed(body: bytes) -> object:
    try:
        return json.loads(body) if body else None
    except (ValueError, UnicodeDecodeError, RecursionError):  # read as text: every digit run
        return body.decode("utf-8", errors="replace")


def _repeats_a_key(body: bytes) -> bool:
    repeated = False

    def pairs(found: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        keys = dict(found)
        repeated = repeated or len(keys) != len(found)
        return keys

    with contextlib.suppress(ValueError, UnicodeDecodeError, RecursionError):
        json.loads(body, object_pairs_hook=pairs)
    return repeated


def _forwardable(name: str, value: str) -> bool:
    """Whether a header of the server's answer may reach the suite's HTTP stacks: no control
    characters (the gateway's own server refuses to send them, and a terminal must never see
    them), and a `Location` only as a plain path (`https:host`, `//host` or `\\host` would let
    a client build a request to another host)."""
    if any((ord(char) < 0x20 and char != "\t") or ord(char) == 0x7F for char in name + value):
        return False
    if name.lower() != "location":
        return True
    return not value.startswith("//") and _PLAIN_PATH.fullmatch(value) is not None


def _synthetic(status: int, kind: str, message: str) -> UpstreamAnswer:
    body = json.dumps({"gateway": message}).encode()  # judged by nobody: no spec shape
    headers = [("content-type", "application/json"), (GATEWAY_HEADER, kind)]
    return UpstreamAnswer(status, "", headers, body)


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


async def _send_answer(send: Send, answer: UpstreamAnswer, exchange_id: int | None) -> None:
    headers = [(n.lower().encode("latin-1"), v.encode("latin-1")) for n, v in answer.headers]
    headers.append((b"content-length", str(len(answer.body)).encode()))
    if exchange_id is not None:
        headers.append((EXCHANGE_HEADER.encode(), str(exchange_id).encode()))
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})
