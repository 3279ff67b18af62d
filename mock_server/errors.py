"""The body of every error the mock answers, in the spec's shape.

The shape is the model the spec's error responses use (the one most of them use, should they
differ), and the message goes to its first required string field. Every error, documented for
the operation or not (404, 405, 408, 431, ...), is answered with that one shape.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import pydantic_core
from starlette.responses import Response

from generator.ir import Api, ModelRef, Scalar
from mock_server.redact import Redactor
from mock_server.wire import JSON, Answer, encode_headers

__all__ = ["MAX_MESSAGE", "ErrorShape", "Errors", "NoErrorShape"]

MAX_MESSAGE = 1000  # characters of an error message; the rest is cut off


class NoErrorShape(ValueError):
    """The spec gives the mock no error body to answer with."""


@dataclass(frozen=True)
class ErrorShape:
    model: str  # the model of the spec's error bodies
    field: str  # its required string field, which carries the message
    schema: str  # its `$defs` entry in the validation view

    @classmethod
    def of(cls, api: Api) -> ErrorShape:
        counts = Counter(
            (response.body.type.name, response.body.schema)
            for operation in api.operations
            for response in operation.errors
            if response.body is not None and isinstance(response.body.type, ModelRef)
        )
        if not counts:
            raise NoErrorShape("no error response of the spec has an object body")
        # the most used model; the name decides a tie, so the choice is the same every run
        (model, schema), _ = min(counts.items(), key=lambda item: (-item[1], item[0]))
        found = api.model(model)
        field = next(
            (
                f.name
                for f in found.fields
                if f.required and isinstance(f.type, Scalar) and f.type.kind == "string"
            ),
            None,
        )
        if field is None:
            raise NoErrorShape(f"the error body {model} has no required string field")
        return cls(model, field, schema)

    def body(self, message: str) -> bytes:
        """The JSON error body carrying `message`."""
        return pydantic_core.to_json({self.field: message})


@dataclass(frozen=True)
class Errors:
    """Error answers in the spec's shape, their messages redacted of the API key (a message
    may repeat what the client sent: a path, a field's name or value) and then cut to
    `MAX_MESSAGE` characters. In that order: cutting first could leave part of a key that
    redaction would no longer recognise, so the messages' builders never cut what the client
    sent."""

    shape: ErrorShape
    redact: Redactor

    def body(self, message: str) -> bytes:
        text = self.redact(message)
        if len(text) > MAX_MESSAGE:
            text = text[:MAX_MESSAGE] + "..."
        return self.shape.body(text)

    def answer(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> Answer:
        return Answer(status, self.body(message), encode_headers(headers))

    def response(
        self, status: int, message: str, headers: Mapping[str, str] | None = None
    ) -> Response:
        """The same as `answer`, as a Starlette Response (for Starlette's error handlers)."""
        return Response(self.body(message), status, headers, media_type=JSON)

    def refusal(self, message: str) -> tuple[bytes, bytes]:
        """(content type, body) for the connection-level refusals of `hardening`."""
        return JSON.encode(), self.body(message)
