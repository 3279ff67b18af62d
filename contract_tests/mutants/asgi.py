"""ASGI wrappers that rewrite a request before the app sees it, or a response after.

Mutants are built only from these, so they depend on the ASGI interface of whatever
`create_app` returns and never on the mock's internals.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

JSON_HEADERS = {"content-type": "application/json"}


@dataclass(frozen=True)
class HttpRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            return None

    def with_json(self, document: Any) -> HttpRequest:
        return replace(self, body=json.dumps(document).encode())


@dataclass(frozen=True)
class HttpResponse:
    status: int
    headers: dict[str, str] = field(default_factory=lambda: dict(JSON_HEADERS))
    body: bytes = b""

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            return None

    def with_json(self, document: Any) -> HttpResponse:
        return replace(self, body=json.dumps(document).encode())


RequestRewrite = Callable[[HttpRequest], HttpRequest]
# Returns the response to send; may answer without calling the app (short-circuit).
ResponseRewrite = Callable[[HttpRequest, HttpResponse], HttpResponse]


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _decode_headers(raw: list[tuple[bytes, bytes]]) -> dict[str, str]:
    return {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in raw}


def _encode_headers(headers: dict[str, str], body: bytes) -> list[tuple[bytes, bytes]]:
    encoded = [
        (name.lower().encode("latin-1"), value.encode("latin-1"))
        for name, value in headers.items()
        if name.lower() != "content-length"
    ]
    return [*encoded, (b"content-length", str(len(body)).encode())]


def _replaying(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _buffered_request(scope: Scope, receive: Receive) -> HttpRequest:
    body = await _read_body(receive)
    return HttpRequest(
        str(scope["method"]), str(scope["path"]), _decode_headers(scope["headers"]), body
    )


def _scope_for(scope: Scope, request: HttpRequest) -> Scope:
    return dict(scope) | {"headers": _encode_headers(request.headers, request.body)}


async def _call_buffered(app: ASGIApp, scope: Scope, receive: Receive) -> HttpResponse:
    start: dict[str, Any] = {}
    chunks: list[bytes] = []

    async def capture(message: Message) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, capture)
    headers = _decode_headers(list(start.get("headers", [])))
    return HttpResponse(int(start.get("status", 500)), headers, b"".join(chunks))


async def _send_response(response: HttpResponse, send: Send) -> None:
    headers = _encode_headers(response.headers, response.body)
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": response.body, "more_body": False})


def rewrite_request(app: ASGIApp, rewrite: RequestRewrite) -> ASGIApp:
    """`app` seeing every HTTP request as `rewrite` returns it."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        request = rewrite(await _buffered_request(scope, receive))
        await app(_scope_for(scope, request), _replaying(request.body, receive), send)

    return wrapped


def rewrite_response(app: ASGIApp, rewrite: ResponseRewrite) -> ASGIApp:
    """`app` whose every HTTP response passes through `rewrite` (which also sees the request)."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        request = await _buffered_request(scope, receive)
        response = await _call_buffered(app, scope, _replaying(request.body, receive))
        await _send_response(rewrite(request, response), send)

    return wrapped


def answer_before(app: ASGIApp, answer: Callable[[HttpRequest], HttpResponse | None]) -> ASGIApp:
    """`app`, except that `answer` may reply itself (returning a response) before the app runs."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        request = await _buffered_request(scope, receive)
        response = answer(request)
        if response is not None:
            await _send_response(response, send)
            return
        await app(scope, _replaying(request.body, receive), send)

    return wrapped
