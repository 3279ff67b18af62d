"""HTTP details of the endpoints, on raw ASGI messages (the hot path skips Starlette's
Request and Response objects): headers, auth, content type, bounded body reading, answers.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field

from starlette.types import Receive, Scope, Send

__all__ = [
    "JSON",
    "MAX_BODY_BYTES",
    "Answer",
    "Auth",
    "ClientGone",
    "Rejected",
    "RequestHeaders",
    "check_content_type",
    "encode_headers",
    "read_body",
]

MAX_BODY_BYTES = 1024 * 1024
JSON = "application/json"
_JSON_BYTES = JSON.encode()


class Rejected(Exception):
    """Ends a request early with an error status and message."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})


class ClientGone(Exception):
    """The client disconnected before its body arrived: there is nobody to answer."""


@dataclass(slots=True)
class Answer:
    status: int
    body: bytes
    headers: tuple[tuple[bytes, bytes], ...] = ()

    async def send(self, send: Send) -> None:
        headers = [
            (b"content-type", _JSON_BYTES),
            (b"content-length", str(len(self.body)).encode()),
            *self.headers,
        ]
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": self.body})


def encode_headers(headers: Mapping[str, str] | None) -> tuple[tuple[bytes, bytes], ...]:
    return tuple(
        (name.lower().encode("latin-1"), value.encode("latin-1"))
        for name, value in (headers or {}).items()
    )


@dataclass(slots=True)
class RequestHeaders:
    """The few request headers the endpoints read (the first of each), found in one pass."""

    authorization: bytes | None = None
    content_type: bytes | None = None
    content_length: bytes | None = None
    fault: bytes | None = None

    @classmethod
    def of(cls, scope: Scope, auth_header: bytes, fault_header: bytes) -> RequestHeaders:
        found = cls()
        for name, value in reversed(scope["headers"]):  # reversed: the first one wins
            if name == auth_header:
                found.authorization = value
            elif name == b"content-type":
                found.content_type = value
            elif name == b"content-length":
                found.content_length = value
            elif name == fault_header:
                found.fault = value
        return found


@dataclass(frozen=True)
class Auth:
    """`<header>: Bearer <api_key>`, the spec's bearer scheme, compared in constant time."""

    api_key: bytes
    header: str  # as the spec names it, e.g. "Authorization"
    header_bytes: bytes = field(init=False)  # as ASGI servers give header names: lower case

    def __post_init__(self) -> None:
        object.__setattr__(self, "header_bytes", self.header.lower().encode("latin-1"))

    def __repr__(self) -> str:  # never the key
        return f"Auth(header={self.header!r})"

    @property
    def refusal(self) -> Rejected:
        message = f'Missing or invalid API key: send "{self.header}: Bearer YOUR_API_KEY".'
        return Rejected(401, message, {"WWW-Authenticate": "Bearer"})

    def check(self, value: bytes | None) -> None:
        scheme, _, token = (value or b"").partition(b" ")
        ok = scheme.lower() == b"bearer" and hmac.compare_digest(token.strip(b" \t"), self.api_key)
        if not ok:
            raise self.refusal


def check_content_type(header: bytes | None) -> None:
    """Require `Content-Type: application/json` (charset, if given, utf-8)."""
    if header == _JSON_BYTES:  # the common case, without parsing
        return
    media_type, *params = (header or b"").decode("latin-1").split(";")
    charset_ok = all(_charset_ok(param) for param in params)
    if media_type.strip().lower() != JSON or not charset_ok:
        shown = (header or b"(none)").decode("latin-1")
        raise Rejected(415, f"Content-Type must be application/json (UTF-8), not {shown}")


def _charset_ok(param: str) -> bool:
    name, _, value = param.partition("=")
    if name.strip().lower() != "charset":
        return True
    return value.strip().strip('"').lower() in {"utf-8", "utf8"}


async def read_body(receive: Receive, declared_length: bytes | None, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it grows past `limit` bytes."""
    if declared_length is not None and declared_length.isdigit() and int(declared_length) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise ClientGone
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _too_large(limit: int) -> Rejected:
    message = f"Request body is larger than {limit} bytes"
    return Rejected(413, message, {"Connection": "close"})
