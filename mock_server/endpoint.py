"""One operation of the spec as a raw ASGI app (the hot path: no Request/Response objects).

Steps, in order: auth, injected faults, body size (413), content type (415), strict JSON
(400), the request schema (400, naming each broken field and its rule), account rules
(strict mode, 422), then the answer, validated against the success schema before it leaves.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass
from typing import Any

from starlette.types import Receive, Scope, Send

from generator.ir import Operation
from mock_server import json_body, paths, wire
from mock_server.accounts import Accounts, Refused
from mock_server.answers import AnswerPlan, new_id
from mock_server.errors import Errors
from mock_server.faults import (
    FAULT_HEADER,
    Fault,
    FaultKind,
    FaultPlan,
    FaultSyntaxError,
    drop_connection,
)
from mock_server.store import CallStore, StoredCall
from mock_server.validation import Schemas

__all__ = ["UNEXPECTED", "Endpoint", "Shared"]

UNEXPECTED = "An unexpected error occurred."
_FAULT_HEADER = FAULT_HEADER.encode()
_log = logging.getLogger("mock_server")


@dataclass(frozen=True)
class Shared:
    """What every endpoint of an app shares."""

    auth: wire.Auth
    faults: FaultPlan
    store: CallStore
    max_body_bytes: int
    errors: Errors
    schemas: Schemas
    accounts: Accounts


@dataclass(frozen=True)
class Endpoint:
    """Serves one operation: its request schema, its answers and the shared settings."""

    operation_id: str
    label: str  # "POST /path", for logs
    path: str
    request_schema: str | None  # None: the operation takes no body
    success_status: int
    success_schema: str
    plan: AnswerPlan
    shared: Shared

    @classmethod
    def of(cls, operation: Operation, plan: AnswerPlan, shared: Shared) -> Endpoint:
        body = operation.success.body
        assert body is not None  # AnswerPlan.of refuses an operation without one
        return cls(
            operation_id=operation.operation_id,
            label=operation.label,
            path=operation.path,
            request_schema=operation.request.schema if operation.request else None,
            success_status=operation.success.status,
            success_schema=body.schema,
            plan=plan,
            shared=shared,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        shared = self.shared
        headers = wire.RequestHeaders.of(scope, shared.auth.header_bytes, _FAULT_HEADER)
        try:
            answer = await self._answer(headers, receive)
        except wire.Rejected as rejected:
            answer = shared.errors.answer(rejected.status, rejected.message, rejected.headers)
        except wire.ClientGone:
            return
        except Exception:  # a bug of the mock: answer the spec's 500, never a stack trace
            trace = shared.errors.redact(traceback.format_exc())
            _log.error("unexpected error on %s (%s):\n%s", self.label, self.operation_id, trace)
            answer = shared.errors.answer(500, UNEXPECTED)
        if answer is None:
            await drop_connection(send)
        await answer.send(send)

    async def _answer(self, headers: wire.RequestHeaders, receive: Receive) -> wire.Answer | None:
        shared = self.shared
        shared.auth.check(headers.authorization)
        fault = self._fault(headers.fault)
        if fault is not None and fault.kind is not FaultKind.SLOW:
            return _fault_answer(fault, shared.errors)
        if fault is not None:
            await shared.faults.sleep(fault.delay_s)
        body = await wire.read_body(receive, headers.content_length, shared.max_body_bytes)
        request: Any = None
        if self.request_schema is not None:
            request = self._request(body, headers.content_type, self.request_schema)
        try:
            shared.accounts.check(self.plan.accounts, request)
        except Refused as refused:
            return shared.errors.answer(422, str(refused))
        return self._created(self.plan.build(request, shared.accounts))

    def _fault(self, header: bytes | None) -> Fault | None:
        try:
            return self.shared.faults.take(None if header is None else header.decode("latin-1"))
        except FaultSyntaxError as exc:
            raise wire.Rejected(400, f"{FAULT_HEADER}: {exc}") from None

    def _request(self, body: bytes, content_type: bytes | None, schema: str) -> Any:
        """The request body as JSON that keeps the request schema, or Rejected."""
        if not body:  # a missing body breaks the spec (required), whatever its media type
            raise wire.Rejected(400, "Request body is required: a JSON value")
        wire.check_content_type(content_type)
        try:
            request = json_body.load(body)
        except json_body.BadJson as exc:
            raise wire.Rejected(400, str(exc)) from None
        problem = self.shared.schemas.problem(schema, request)
        if problem is not None:
            raise wire.Rejected(400, problem)
        return request

    def _created(self, answer: dict[str, Any]) -> wire.Answer:
        shared = self.shared
        problem = shared.schemas.problem(self.success_schema, answer)
        if problem is not None:  # a bug of the mock (or of a hook), never sent
            shown = shared.errors.redact(problem)
            _log.error(
                "%s (%s): the answer breaks the spec: %s", self.label, self.operation_id, shown
            )
            return shared.errors.answer(500, UNEXPECTED)
        body = json_body.dump(answer)
        shared.store.add(StoredCall(self._key(answer), self.operation_id, self.path, body))
        return wire.Answer(self.success_status, body)

    def _key(self, answer: dict[str, Any]) -> str:
        """What the store finds the answer by: its first unique id (a fresh one without)."""
        for path in self.plan.unique:
            value = paths.get(answer, path)
            if isinstance(value, str):
                return value
        return new_id()


def _fault_answer(fault: Fault, errors: Errors) -> wire.Answer | None:
    """The answer a fault gives; None for a dropped connection."""
    if fault.kind is FaultKind.RATE_LIMITED:
        headers = {"Retry-After": str(fault.retry_after_s)}
        return errors.answer(429, "Rate limit exceeded, retry later.", headers)
    if fault.kind is FaultKind.SERVER_ERROR:
        return errors.answer(500, "An unexpected error occurred (injected fault).")
    return None
