"""The ASGI application: routes, a fast path to the endpoints, error handlers."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import pydantic
from retell_client import (
    CreatePhoneCallRequest,
    CreatePhoneCallV1Request,
    PhoneCallResponse,
    RegisterCallResponse,
)
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from mock_server import behaviour, validation, wire
from mock_server.behaviour import DEFAULT_AGENT_ID, Accounts, AudioSettings
from mock_server.endpoint import Endpoint, Shared
from mock_server.faults import Fault, FaultPlan
from mock_server.store import CallStore

__all__ = ["DEFAULT_API_KEY", "V1_PATH", "V2_PATH", "MockApp", "create_app"]

DEFAULT_API_KEY = "retell-mock-development-key"
V2_PATH = "/v2/create-phone-call"
V1_PATH = "/create-phone-call"


class MockApp(Starlette):
    """Starlette, with a fast path: `POST` to an endpoint's path goes straight to it.

    Everything else (404, 405, other methods) goes through Starlette's router and error
    handlers. The fast path turns itself off if middleware is added to the app.
    """

    def __init__(self, endpoints: list[Endpoint], **options: Any) -> None:
        routes = [Route(e.path, e, methods=["POST"]) for e in endpoints]
        super().__init__(routes=routes, **options)
        self.router.redirect_slashes = False
        self._fast = {e.path: e for e in endpoints}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and not self.user_middleware:
            endpoint = self._fast.get(scope["path"])
            if endpoint is not None:
                scope["app"] = self
                await endpoint(scope, receive, send)
                return
        await super().__call__(scope, receive, send)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        message = f"No such endpoint: {request.url.path[:200]}"
    elif exc.status_code == 405:
        message = f"Method {request.method} is not allowed here; use POST"
    else:
        message = exc.detail
    return wire.error_response(exc.status_code, message, exc.headers)


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    return wire.error_response(500, "An unexpected error occurred.")


def _check_audio(audio: AudioSettings) -> None:
    """Refuse, at start-up, audio settings whose v1 answers would break the spec."""
    sample = behaviour.registered_call_sample(audio)
    try:
        validation.to_json(RegisterCallResponse, sample)
    except pydantic.ValidationError as exc:
        raise ValueError(
            f"audio settings break the spec: {validation.describe(exc).message}"
        ) from None


def create_app(
    *,
    api_key: str = DEFAULT_API_KEY,
    managed_numbers: Mapping[str, str] | None = None,
    agent_ids: Collection[str] | None = None,
    default_agent_id: str = DEFAULT_AGENT_ID,
    store: CallStore | None = None,
    faults: FaultPlan | None = None,
    fault: Fault | None = None,
    audio: AudioSettings | None = None,
    max_body_bytes: int = wire.MAX_BODY_BYTES,
) -> Starlette:
    """The mock server as an ASGI app.

    `managed_numbers` (number -> agent id) and `agent_ids` switch on strict mode: an
    unknown `from_number` or `override_agent_id` is answered 422. Created calls go to
    `store` (`app.state.calls`); faults come from `faults` (`app.state.faults`), armed
    at start with `fault`. Raises ValueError for an empty `api_key`, a managed number
    that is not a valid `from_number`, an empty agent id, or audio settings whose answers
    would break the spec.
    """
    if not api_key:  # an empty key would let "Authorization: Bearer " in
        raise ValueError("api_key must not be empty")
    accounts = Accounts.of(managed_numbers, agent_ids, default_agent_id)
    settings = audio or AudioSettings()
    _check_audio(settings)
    calls = store if store is not None else CallStore()
    plan = faults if faults is not None else FaultPlan()
    if fault is not None:
        plan.arm(fault)
    shared = Shared(api_key.encode(), plan, calls, max_body_bytes)

    def v2(request: pydantic.BaseModel, call_id: str) -> dict[str, Any]:
        return behaviour.phone_call(request, accounts, call_id)

    def v1(request: pydantic.BaseModel, call_id: str) -> dict[str, Any]:
        return behaviour.registered_call(request, accounts, settings, call_id)

    endpoints = [
        Endpoint(V2_PATH, CreatePhoneCallRequest, PhoneCallResponse, v2, shared),
        Endpoint(V1_PATH, CreatePhoneCallV1Request, RegisterCallResponse, v1, shared),
    ]
    app = MockApp(
        endpoints, exception_handlers={HTTPException: _http_error, Exception: _unexpected_error}
    )
    app.state.calls = calls
    app.state.faults = plan
    return app
