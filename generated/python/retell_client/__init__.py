# generated from spec/openapi.yaml by `make generate`; do not edit
"""Retell AI - Create Phone Call: typed models and clients (httpx, pydantic v2).

Names load on first use (PEP 562), so `import retell_client` stays cheap until a client, model
or error is touched.

Retries: connection errors, timeouts, 408, 409, 429 and 5xx are retried (`max_retries`, default
2) with one Idempotency-Key per call. A retried create may place a second call when the
first attempt reached the server but its answer was lost (a read timeout, a dropped
connection); `max_retries=0` sends every request exactly once.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._client import AsyncRetellClient, RetellClient
    from ._exceptions import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        InternalServerError,
        NotFoundError,
        PaymentRequiredError,
        PermissionDeniedError,
        RateLimitError,
        UnprocessableEntityError,
    )
    from .models import (
        AudioEncoding,
        AudioWebsocketProtocol,
        CallStatus,
        CallType,
        CreatePhoneCallRequest,
        CreatePhoneCallV1Request,
        Direction,
        DisconnectionReason,
        Error,
        PhoneCallResponse,
        RegisterCallResponse,
    )

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncRetellClient",
    "AudioEncoding",
    "AudioWebsocketProtocol",
    "AuthenticationError",
    "BadRequestError",
    "CallStatus",
    "CallType",
    "ConflictError",
    "CreatePhoneCallRequest",
    "CreatePhoneCallV1Request",
    "Direction",
    "DisconnectionReason",
    "Error",
    "InternalServerError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PhoneCallResponse",
    "RateLimitError",
    "RegisterCallResponse",
    "RetellClient",
    "UnprocessableEntityError",
]

_MODULES = {
    **dict.fromkeys(("AsyncRetellClient", "RetellClient"), "._client"),
    **dict.fromkeys(
        (
            "APIConnectionError",
            "APIError",
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
            "UnprocessableEntityError",
        ),
        "._exceptions",
    ),
    **dict.fromkeys(
        (
            "AudioEncoding",
            "AudioWebsocketProtocol",
            "CallStatus",
            "CallType",
            "CreatePhoneCallRequest",
            "CreatePhoneCallV1Request",
            "Direction",
            "DisconnectionReason",
            "Error",
            "PhoneCallResponse",
            "RegisterCallResponse",
        ),
        ".models",
    ),
}


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
