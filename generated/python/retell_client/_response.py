# generated from spec/openapi.yaml by `make generate`; do not edit
"""Raw responses (`client.<resource>.with_raw_response.<method>(...)`) and turning a success
body into the method's return value.

The body has been read in full (up to `max_response_bytes`) before a response object exists,
so nothing here does I/O; the async class's methods are coroutines only to match the
vendor's SDK (`await raw.parse()`).
"""

from __future__ import annotations

import json
from typing import Generic, TypeVar, cast

import httpx

from ._exceptions import APIResponseValidationError
from ._models import BaseModel, construct_type
from ._redact import Redactor, redacted_response
from ._rules import validator
from ._validation import json_type

__all__ = ["APIResponse", "AsyncAPIResponse", "parse_body"]

R = TypeVar("R")


class _Shared(Generic[R]):
    def __init__(
        self,
        *,
        raw: httpx.Response,
        content: bytes,
        cast_to: object,
        schema: str | None,
        strict: bool,
        redactor: Redactor,
        retries_taken: int,
    ) -> None:
        self.http_response = raw
        """The httpx response (its body already read)."""
        self.retries_taken = retries_taken
        """How many retries it took (0: the first attempt answered)."""
        self._content = content
        self._cast_to = cast_to
        self._schema = schema
        self._strict = strict
        self._redactor = redactor
        self._parsed: list[R] = []

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    def __repr__(self) -> str:
        reason = self.http_response.reason_phrase
        return f"<{type(self).__name__} [{self.status_code} {reason}]>"

    def _parse(self) -> R:
        if not self._parsed:
            value = parse_body(
                self.http_response,
                self._content,
                self._cast_to,
                self._schema,
                self._strict,
                self._redactor,
            )
            self._parsed.append(cast(R, value))
        return self._parsed[0]


class APIResponse(_Shared[R]):
    """The raw answer to a successful request: status, headers, body, and `parse()`."""

    def read(self) -> bytes:
        return self._content

    def text(self) -> str:
        return self.http_response.text

    def json(self) -> object:
        return json.loads(self._content)

    def parse(self) -> R:
        """The method's return value (the model), built as `client.<resource>.<method>` does:
        it raises APIResponseValidationError where that would."""
        return self._parse()


class AsyncAPIResponse(_Shared[R]):
    """The raw answer to a successful request: status, headers, body, and `await parse()`."""

    async def read(self) -> bytes:
        return self._content

    async def text(self) -> str:
        return self.http_response.text

    async def json(self) -> object:
        return json.loads(self._content)

    async def parse(self) -> R:
        return self._parse()


def parse_body(
    raw: httpx.Response,
    content: bytes,
    cast_to: object,
    schema: str | None,
    strict: bool,
    redactor: Redactor,
) -> object:
    """The success body as `cast_to` (None when the operation declares no body). Not JSON,
    or not an object where a model is expected, raises APIResponseValidationError; so does,
    when `strict`, a broken rule of `schema`."""
    if schema is None:
        return None
    try:
        data = json.loads(content, parse_constant=_not_json)
    except ValueError:
        raise _invalid(raw, content, redactor, "the response body is not JSON") from None
    if isinstance(cast_to, type) and issubclass(cast_to, BaseModel) and not isinstance(data, dict):
        message = f"the response body is {_a(json_type(data))}, not an object"
        raise _invalid(raw, content, redactor, message, data, rule="type", keyword="type")
    if strict:
        violation = validator().check(schema, data)
        if violation is not None:
            raise _invalid(
                raw,
                content,
                redactor,
                str(violation),
                data,
                violation.field,
                violation.rule,
                violation.keyword,
            )
    return construct_type(data, cast_to)


def _not_json(token: str) -> object:
    raise ValueError(f"{token} is not JSON")


def _a(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _invalid(
    raw: httpx.Response,
    content: bytes,
    redactor: Redactor,
    message: str,
    data: object = None,
    field: str = "",
    rule: str = "json",
    keyword: str = "json",
) -> APIResponseValidationError:
    safe = redacted_response(raw, content, redactor)
    body = safe.text if data is None else redactor.value(data)
    return APIResponseValidationError(
        redactor.text(message), response=safe, body=body, field=field, rule=rule, keyword=keyword
    )
