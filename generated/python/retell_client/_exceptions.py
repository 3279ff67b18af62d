# generated from spec/openapi.yaml by `make generate`; do not edit
"""Errors raised by the clients.

    APIError                        message, status (None without a response), body
    ├── APIConnectionError          the request did not get a response
    │   └── APITimeoutError         ... because it timed out
    ├── APIResponseValidationError  a success response that breaks the spec
    └── APIStatusError              an error status; also carries `response`
        ├── BadRequestError           400
        ├── AuthenticationError       401
        ├── PaymentRequiredError      402
        ├── PermissionDeniedError     403
        ├── NotFoundError             404
        ├── ConflictError             409
        ├── UnprocessableEntityError  422
        ├── RateLimitError            429
        └── InternalServerError       500 and above

Messages and bodies never contain the API key: the clients redact it before raising.
"""

from __future__ import annotations

from typing import Any

import httpx


class APIError(Exception):
    """Base class of every error the clients raise."""

    def __init__(self, message: str, *, status: int | None = None, body: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.body = body


class APIConnectionError(APIError):
    """No response: the connection failed or broke."""


class APITimeoutError(APIConnectionError):
    """No response within the timeout."""


class APIResponseValidationError(APIError):
    """A success response whose body does not match the spec's response schema."""


class APIStatusError(APIError):
    """The server answered with an error status."""

    def __init__(self, message: str, *, response: httpx.Response, body: Any = None) -> None:
        super().__init__(message, status=response.status_code, body=body)
        self.response = response

    @property
    def status_code(self) -> int:
        return self.response.status_code


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


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
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
    """The error class for an HTTP status (APIStatusError for undocumented ones)."""
    if status >= 500:
        return STATUS_ERRORS.get(500, APIStatusError)
    return STATUS_ERRORS.get(status, APIStatusError)
