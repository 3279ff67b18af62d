"""The ASGI application: one endpoint per operation of the IR, a fast path, error handlers."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from generator.ir import Api, load_api
from mock_server import wire
from mock_server.accounts import DEFAULT_AGENT_ID, Accounts
from mock_server.answers import AnswerPlan
from mock_server.endpoint import UNEXPECTED, Endpoint, Shared
from mock_server.errors import Errors, ErrorShape
from mock_server.faults import Fault, FaultPlan
from mock_server.hooks import AudioSettings, hooks
from mock_server.redact import Redactor
from mock_server.store import CallStore
from mock_server.validation import Schemas

__all__ = ["DEFAULT_API_KEY", "MockApp", "create_app"]

DEFAULT_API_KEY = "retell-mock-development-key"


class MockApp(Starlette):
    """Starlette, with a fast path: a request to an endpoint's method and (literal) path goes
    straight to it. Everything else (404, 405, templated paths) goes through Starlette's
    router and error handlers. The fast path turns itself off if middleware is added."""

    def __init__(self, endpoints: list[tuple[str, Endpoint]], **options: Any) -> None:
        by_path: dict[str, dict[str, Endpoint]] = {}
        for method, endpoint in endpoints:
            by_path.setdefault(endpoint.path, {})[method] = endpoint
        routes = [
            Route(path, _Dispatch(methods), methods=list(methods))
            for path, methods in by_path.items()
        ]
        super().__init__(routes=routes, **options)
        self.router.redirect_slashes = False
        self._fast = {
            (method, endpoint.path): endpoint
            for method, endpoint in endpoints
            if "{" not in endpoint.path
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.user_middleware:
            endpoint = self._fast.get((scope["method"], scope["path"]))
            if endpoint is not None:
                scope["app"] = self
                await endpoint(scope, receive, send)
                return
        await super().__call__(scope, receive, send)


class _Dispatch:
    """The ASGI app of one path: the endpoint of the request's method (Starlette's Route has
    already answered 405 for any other; HEAD, which it adds to GET, is served as GET, and
    the server leaves out the body). A class: Starlette calls a plain function as a
    request -> response handler, an object as an ASGI app."""

    def __init__(self, methods: dict[str, Endpoint]) -> None:
        self.methods = methods

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope["method"]
        endpoint = self.methods.get(method) or self.methods["GET" if method == "HEAD" else method]
        await endpoint(scope, receive, send)


def _error_handlers(errors: Errors) -> dict[Any, Any]:
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            message = f"No such endpoint: {request.url.path}"
        elif exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow", "")
            message = f"Method {request.method} is not allowed here; use {allowed}"
        else:
            message = exc.detail
        return errors.response(exc.status_code, message, exc.headers)

    async def unexpected_error(request: Request, exc: Exception) -> Response:
        return errors.response(500, UNEXPECTED)

    return {HTTPException: http_error, Exception: unexpected_error}


def create_app(
    *,
    api_key: str = DEFAULT_API_KEY,
    api: Api | None = None,
    managed_numbers: Mapping[str, str] | None = None,
    agent_ids: Collection[str] | None = None,
    default_agent_id: str = DEFAULT_AGENT_ID,
    store: CallStore | None = None,
    faults: FaultPlan | None = None,
    fault: Fault | None = None,
    audio: AudioSettings | None = None,
    max_body_bytes: int = wire.MAX_BODY_BYTES,
) -> MockApp:
    """The mock server of `api` (default: the IR of spec/openapi.yaml) as an ASGI app.

    Every operation is served at its method and path. `managed_numbers` (number -> agent id)
    and `agent_ids` switch on strict mode: a request naming a number (`x-account: number`)
    the account does not manage, or an agent (`x-account: agent`) it does not have, is
    answered 422. Answers go to `store` (`app.state.calls`); faults come from `faults`
    (`app.state.faults`), armed at start with `fault`. `app.state.errors` renders error
    bodies (for `running_server`'s connection-level refusals).

    Raises ValueError for an empty `api_key`, a managed number that breaks the spec's rules
    for number fields, a blank agent id, or an operation the mock cannot answer validly
    (such as audio settings whose answers would break the spec), naming it.
    """
    if not api_key:  # an empty key would let "Authorization: Bearer " in
        raise ValueError("api_key must not be empty")
    api = api if api is not None else load_api()
    schemas = Schemas(api)
    errors = Errors(ErrorShape.of(api), Redactor(api_key))
    shared = Shared(
        auth=wire.Auth(api_key.encode(), api.auth_header),
        faults=faults if faults is not None else FaultPlan(),
        store=store if store is not None else CallStore(),
        max_body_bytes=max_body_bytes,
        errors=errors,
        schemas=schemas,
        accounts=Accounts.of(api, schemas, managed_numbers, agent_ids, default_agent_id),
    )
    if fault is not None:
        shared.faults.arm(fault)
    by_operation = hooks(audio or AudioSettings())
    endpoints = []
    for operation in api.operations:
        plan = AnswerPlan.of(api, operation, schemas, by_operation.get(operation.operation_id))
        endpoints.append((operation.method.upper(), Endpoint.of(operation, plan, shared)))
    app = MockApp(endpoints, exception_handlers=_error_handlers(errors))
    app.state.calls = shared.store
    app.state.faults = shared.faults
    app.state.errors = errors
    return app
