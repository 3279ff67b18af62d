# generated from spec/openapi.yaml by `make generate`; do not edit
"""Retell AI - Create Phone Call: a typed Python client (httpx, pydantic v2).

`from retell_client import Retell`, then `Retell().call.<method>(...)`; see the
package's README. Names load on first use (PEP 562), so `import retell_client` stays cheap
until a client, model or error is touched.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:
    from ._client import (
        AsyncRetell,
        Retell,
    )
    from ._constants import (
        DEFAULT_MAX_RETRIES,
        DEFAULT_TIMEOUT,
    )
    from ._exceptions import (
        APIConnectionError,
        APIError,
        APIResponseTooLargeError,
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
        RetellError,
        UnprocessableEntityError,
        ValidationError,
    )
    from ._response import (
        APIResponse,
        AsyncAPIResponse,
    )
    from ._types import (
        NOT_GIVEN,
        NotGiven,
    )
    from ._validation import (
        Violation,
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
        ErrorResponse,
        PhoneCallResponse,
        RegisterCallResponse,
    )
    from .resources import (
        AsyncCallResource,
        AsyncCallResourceWithRawResponse,
        CallResource,
        CallResourceWithRawResponse,
    )

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseTooLargeError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAPIResponse",
    "AsyncCallResource",
    "AsyncCallResourceWithRawResponse",
    "AsyncRetell",
    "AudioEncoding",
    "AudioWebsocketProtocol",
    "AuthenticationError",
    "BadRequestError",
    "CallResource",
    "CallResourceWithRawResponse",
    "CallStatus",
    "CallType",
    "ConflictError",
    "CreatePhoneCallRequest",
    "CreatePhoneCallV1Request",
    "Direction",
    "DisconnectionReason",
    "ErrorResponse",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "PhoneCallResponse",
    "RateLimitError",
    "RegisterCallResponse",
    "Retell",
    "RetellError",
    "UnprocessableEntityError",
    "ValidationError",
    "Violation",
    "__version__",
]

_MODULES: dict[str, str] = {
    "APIConnectionError": "._exceptions",
    "APIError": "._exceptions",
    "APIResponse": "._response",
    "APIResponseTooLargeError": "._exceptions",
    "APIResponseValidationError": "._exceptions",
    "APIStatusError": "._exceptions",
    "APITimeoutError": "._exceptions",
    "AsyncAPIResponse": "._response",
    "AsyncCallResource": ".resources",
    "AsyncCallResourceWithRawResponse": ".resources",
    "AsyncRetell": "._client",
    "AudioEncoding": ".models",
    "AudioWebsocketProtocol": ".models",
    "AuthenticationError": "._exceptions",
    "BadRequestError": "._exceptions",
    "CallResource": ".resources",
    "CallResourceWithRawResponse": ".resources",
    "CallStatus": ".models",
    "CallType": ".models",
    "ConflictError": "._exceptions",
    "CreatePhoneCallRequest": ".models",
    "CreatePhoneCallV1Request": ".models",
    "DEFAULT_MAX_RETRIES": "._constants",
    "DEFAULT_TIMEOUT": "._constants",
    "Direction": ".models",
    "DisconnectionReason": ".models",
    "ErrorResponse": ".models",
    "InternalServerError": "._exceptions",
    "NOT_GIVEN": "._types",
    "NotFoundError": "._exceptions",
    "NotGiven": "._types",
    "PaymentRequiredError": "._exceptions",
    "PermissionDeniedError": "._exceptions",
    "PhoneCallResponse": ".models",
    "RateLimitError": "._exceptions",
    "RegisterCallResponse": ".models",
    "Retell": "._client",
    "RetellError": "._exceptions",
    "UnprocessableEntityError": "._exceptions",
    "ValidationError": "._exceptions",
    "Violation": "._validation",
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
