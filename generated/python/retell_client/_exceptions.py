# generated from spec/openapi.yaml by `make generate`; do not edit
"""Errors raised by the clients.

    RetellError                        every error below
    ├── ValidationError                an argument breaks a rule of the spec: nothing was sent
    └── APIError                       message, body, request
        ├── APIConnectionError         no response: the connection failed or broke
        │   └── APITimeoutError        ... or the attempt's deadline passed
        ├── APIResponseValidationError a success response that is not JSON or breaks the spec
        ├── APIResponseTooLargeError   a response over `max_response_bytes`: reading stopped
        └── APIStatusError             an error status: status_code, headers, response, body
            ├── BadRequestError          400
            ├── AuthenticationError      401
            ├── PaymentRequiredError     402
            ├── PermissionDeniedError    403
            ├── NotFoundError            404
            ├── ConflictError            409
            ├── UnprocessableEntityError 422
            ├── RateLimitError           429
            └── InternalServerError      500 and above

Messages, bodies, headers and reason phrases never contain the API key: the clients redact
it from everything the server sent before raising.
"""

from __future__ import annotations

from collections.abc import Sequence

import httpx

from ._validation import Violation

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseTooLargeError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetellError",
    "UnprocessableEntityError",
    "ValidationError",
    "error_class",
]


class RetellError(Exception):
    """The base class of every error the clients raise."""


class ValidationError(RetellError):
    """An argument (or `extra_body`) breaks a rule of the spec; nothing was sent.

    `field` is the dotted path of the value ("" for the body itself), `rule` the spec's name
    for the rule (its `x-rule`, else the JSON Schema keyword, or "json" for a value JSON cannot
    carry), `keyword` the JSON Schema keyword, `message` the whole sentence, and `violations`
    every violation found, the first one first."""

    def __init__(self, violations: Sequence[Violation]) -> None:
        first = violations[0]
        super().__init__(str(first))
        self.violations: tuple[Violation, ...] = tuple(violations)
        self.field = first.field
        self.rule = first.rule
        self.keyword = first.keyword
        self.message = str(first)


class APIError(RetellError):
    """A request that did not succeed: the message, the body the server sent (parsed JSON, or
    text; None without one) and the request, when one was built."""

    def __init__(
        self, message: str, *, request: httpx.Request | None = None, body: object = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body


class APIConnectionError(APIError):
    """No response: the connection could not be made, or broke."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """No complete response before the attempt's deadline."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


class APIResponseValidationError(APIError):
    """A success response whose body is not JSON, or (with `strict_response_validation`)
    breaks the spec's response schema: `field` and `rule` name the first broken rule."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object,
        field: str = "",
        rule: str = "json",
        keyword: str = "json",
    ) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.field = field
        self.rule = rule
        self.keyword = keyword


class APIResponseTooLargeError(APIError):
    """A response over `max_response_bytes` (`limit`): the client stopped reading it."""

    def __init__(self, message: str, *, response: httpx.Response, limit: int) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.limit = limit


class APIStatusError(APIError):
    """The server answered with an error status (or a redirect, which is never followed)."""

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message, request=response.request, body=body)
        self.response = response
        self.status_code = response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401."""


class PaymentRequiredError(APIStatusError):
    """HTTP 402."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429."""


class InternalServerError(APIStatusError):
    """HTTP 500 and above."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    500: InternalServerError,
}


def error_class(status: int) -> type[APIStatusError]:
    """The error class of an HTTP status (APIStatusError for one without its own)."""
    if status >= 500 and 500 in _BY_STATUS:
        return _BY_STATUS[500]
    return _BY_STATUS.get(status, APIStatusError)
