"""The two create endpoints, as raw ASGI apps (the hot path: no Request/Response objects)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pydantic
from starlette.types import Receive, Scope, Send

from mock_server import behaviour, validation, wire
from mock_server.behaviour import Refused
from mock_server.faults import (
    FAULT_HEADER,
    Fault,
    FaultKind,
    FaultPlan,
    FaultSyntaxError,
    drop_connection,
)
from mock_server.store import CallStore, StoredCall

__all__ = ["Build", "Endpoint", "Shared"]

Build = Callable[[pydantic.BaseModel, str], dict[str, Any]]

_log = logging.getLogger("mock_server")


@dataclass(frozen=True)
class Shared:
    """What both endpoints share."""

    api_key: bytes
    faults: FaultPlan
    store: CallStore
    max_body_bytes: int


@dataclass(frozen=True)
class Endpoint:
    """One create endpoint as a raw ASGI app (the hot path: no Request/Response objects).

    Steps: auth, faults, body size, content type, schema, account, answer.
    """

    path: str
    request_model: type[pydantic.BaseModel]
    response_model: type[pydantic.BaseModel]
    build: Build
    shared: Shared

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = wire.RequestHeaders.of(scope, _FAULT_HEADER)
        try:
            answer = await self._answer(headers, receive)
        except wire.Rejected as rejected:
            answer = wire.error_answer(rejected.status, rejected.message, rejected.headers)
        except wire.ClientGone:
            return
        except Exception:  # a bug of the mock: answer the spec's 500, never a stack trace
            _log.exception("unexpected error on %s", self.path)
            answer = wire.error_answer(500, "An unexpected error occurred.")
        if answer is None:
            await drop_connection(send)
        await answer.send(send)

    async def _answer(self, headers: wire.RequestHeaders, receive: Receive) -> wire.Answer | None:
        wire.check_auth(headers.authorization, self.shared.api_key)
        fault = self._fault(headers.fault)
        if fault is not None and fault.kind is not FaultKind.SLOW:
            return _fault_answer(fault)
        if fault is not None:
            await self.shared.faults.sleep(fault.delay_s)
        body = await wire.read_body(receive, headers.content_length, self.shared.max_body_bytes)
        if not body:  # a missing body breaks the spec (required), whatever its media type
            raise wire.Rejected(400, "Request body is required: a JSON object")
        wire.check_content_type(headers.content_type)
        return self._create(body)

    def _fault(self, header: bytes | None) -> Fault | None:
        try:
            return self.shared.faults.take(None if header is None else header.decode("latin-1"))
        except FaultSyntaxError as exc:
            raise wire.Rejected(400, f"{FAULT_HEADER}: {exc}") from None

    def _create(self, body: bytes) -> wire.Answer:
        parsed = validation.parse_body(self.request_model, body)
        if isinstance(parsed, validation.Invalid):
            return wire.error_answer(400, parsed.message)
        call_id = behaviour.new_call_id()
        try:
            payload = self.build(parsed, call_id)
        except Refused as refused:
            return wire.error_answer(422, str(refused))
        answer = validation.to_json(self.response_model, payload)
        self.shared.store.add(StoredCall(call_id, self.path, answer))
        return wire.Answer(201, answer)


_FAULT_HEADER = FAULT_HEADER.encode()


def _fault_answer(fault: Fault) -> wire.Answer | None:
    """The answer a fault gives; None for a dropped connection."""
    if fault.kind is FaultKind.RATE_LIMITED:
        headers = {"Retry-After": str(fault.retry_after_s)}
        return wire.error_answer(429, "Rate limit exceeded, retry later.", headers)
    if fault.kind is FaultKind.SERVER_ERROR:
        return wire.error_answer(500, "An unexpected error occurred (injected fault).")
    return None
