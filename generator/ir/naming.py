"""Names are decided once, here, as lower-case words; each language applies its casing."""

from __future__ import annotations

import re

from generator.ir import Name

_WORD = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")

# Typed errors by status; 500 stands for every status >= 500.
STATUS_ERRORS: dict[int, str] = {
    400: "bad request error",
    401: "authentication error",
    402: "payment required error",
    403: "permission denied error",
    404: "not found error",
    409: "conflict error",
    422: "unprocessable entity error",
    429: "rate limit error",
    500: "internal server error",
}


def name_of(identifier: str) -> Name:
    """Split an identifier in any casing into words: "createPhoneCallV1" -> create phone call v1."""
    words = tuple(word.lower() for word in _WORD.findall(identifier))
    if not words:
        raise ValueError(f"{identifier!r} contains no letters or digits")
    return Name(words)


def error_name(status: int) -> Name:
    return Name(tuple(STATUS_ERRORS[status].split()))
