"""Request bodies as JSON values, strictly, and answers as JSON bytes, faithfully.

Reading: RFC 8259 JSON in UTF-8 (invalid UTF-8, a byte order mark, `NaN` or `Infinity`
tokens, or nesting deeper than 200 levels are refused), parsed without coercion (`35.0` stays
a float, `"35"` a string, `true` a boolean: the validator applies JSON Schema's rules to
them); a repeated key keeps its last value. A number beyond the range of a 64-bit float
(such as `1e400`) is refused naming its path: the mock could only store and echo it as an
infinity, which JSON cannot carry, so it would not come back as sent.

Writing refuses a value holding an infinity or NaN for the same reason (as a bug of the mock:
only its own code could put one there).
"""

from __future__ import annotations

import math
import re
from typing import Any

import pydantic_core

__all__ = ["BadJson", "dump", "first_non_finite", "load"]

# A JSON number parses to an infinity only with an exponent or 309+ integer digits (the
# float maximum is about 1.8e308): without either in the body, the walk cannot find one.
# Two searches: one alternation costs Python's `re` three times as much per request.
_EXPONENT = re.compile(rb"[0-9][eE]")
_LONG_DIGITS = re.compile(rb"[0-9]{309}")


class BadJson(ValueError):
    """A body the mock cannot take as JSON; the message says why (and where)."""


def load(body: bytes) -> Any:
    """The JSON value of `body`, or BadJson."""
    try:
        value = pydantic_core.from_json(body, allow_inf_nan=False)
    except ValueError as exc:
        raise BadJson(f"Request body is not valid JSON: {exc}") from None
    if _may_overflow(body):
        where = first_non_finite(value)
        if where is not None:
            shown = where or "body"
            raise BadJson(f"{shown}: number is outside the range of a 64-bit float (rule: json)")
    return value


def _may_overflow(body: bytes) -> bool:
    return bool(_EXPONENT.search(body) or (len(body) > 309 and _LONG_DIGITS.search(body)))


def first_non_finite(value: Any) -> str | None:
    """The dotted path ("" for the value itself) of the first infinity or NaN, if any."""
    pending: list[tuple[tuple[str, ...], Any]] = [((), value)]
    while pending:  # iterative: nesting depth is the client's choice
        path, item = pending.pop()
        if isinstance(item, float) and not math.isfinite(item):
            return ".".join(path)
        if isinstance(item, dict):
            pending.extend(((*path, str(key)), child) for key, child in reversed(item.items()))
        elif isinstance(item, list):
            pending.extend(
                ((*path, str(index)), child) for index, child in reversed(list(enumerate(item)))
            )
    return None


def dump(value: Any) -> bytes:
    """`value` as compact UTF-8 JSON; ValueError naming the path of a non-finite number."""
    body = pydantic_core.to_json(value)
    if b"Infinity" in body or b"NaN" in body:  # cheap hint; the walk decides
        where = first_non_finite(value)
        if where is not None:
            raise ValueError(f"{where or 'body'}: a non-finite number cannot be written as JSON")
    return body
