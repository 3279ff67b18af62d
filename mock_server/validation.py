"""Request and response validation, delegated to the models generated from the spec.

This module is the only place that turns bytes into models or models' errors into
messages; it holds no rule of its own, so spec/openapi.yaml stays the single source
of truth (through `retell_client`, generated from it).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, TypeVar

import pydantic
import pydantic_core
from retell_client import Error

__all__ = [
    "Invalid",
    "describe",
    "echo_fields",
    "error_body",
    "field_problem",
    "parse_body",
    "to_json",
]

T = TypeVar("T", bound=pydantic.BaseModel)

_MAX_ERRORS_SHOWN = 5
_MAX_LOC_PART = 80
# A JSON number parses to an infinity only with an exponent or 309+ integer digits (the
# float maximum is about 1.8e308): without either in the body, the walk cannot find one.
# Two searches: one alternation costs Python's `re` three times as much per request.
_EXPONENT = re.compile(rb"[0-9][eE]")
_LONG_DIGITS = re.compile(rb"[0-9]{309}")


def _may_overflow(body: bytes) -> bool:
    return bool(_EXPONENT.search(body) or (len(body) > 309 and _LONG_DIGITS.search(body)))


@dataclass(frozen=True)
class Invalid:
    """Why a body was refused: not JSON, or a broken rule of the schema."""

    message: str


def parse_body(model: type[T], body: bytes) -> T | Invalid:
    """Validate a request body against `model` (JSON semantics: no type coercion)."""
    if b"NaN" in body or b"Infinity" in body:  # pydantic's parser accepts these non-JSON tokens
        try:
            pydantic_core.from_json(body, allow_inf_nan=False)
        except ValueError as exc:
            return Invalid(f"Request body is not valid JSON: {exc}")
    try:
        request = model.model_validate_json(body)
    except pydantic.ValidationError as exc:
        return _non_finite_in_body(model, body) or describe(exc)
    out_of_range = _non_finite_number(request) if _may_overflow(body) else None
    if out_of_range is not None:
        return _out_of_range(out_of_range)
    return request


def _out_of_range(where: str) -> Invalid:
    return Invalid(f"{where}: number is outside the range of a 64-bit float")


def _non_finite_in_body(model: type[pydantic.BaseModel], body: bytes) -> Invalid | None:
    """On the error path: a free-form number beyond float range, named as `parse_body` does.

    The models may refuse such a number themselves (in their own words and path format),
    or let it through to `_non_finite_number`; either way the client reads one message.
    """
    try:
        document = pydantic_core.from_json(body)
    except ValueError:
        return None
    if not isinstance(document, dict):
        return None
    free_form = {
        key: value
        for key, value in document.items()
        if key == "metadata" or key not in model.model_fields
    }
    where = _first_non_finite(free_form)
    return None if where is None else _out_of_range(where)


def _non_finite_number(request: pydantic.BaseModel) -> str | None:
    """The path of the first number that parsed to an infinity (such as 1e400), if any.

    Such a number cannot be stored or echoed as sent (JSON has no infinity: it would come
    back as null), so it is refused rather than silently changed. Only free-form values
    can hold one: `metadata` and properties the spec does not name.
    """
    free_form: dict[str, Any] = dict(request.model_extra or {})
    if "metadata" in request.model_fields_set:
        free_form["metadata"] = getattr(request, "metadata", None)
    return _first_non_finite(free_form)


def _first_non_finite(values: dict[str, Any]) -> str | None:
    """The path of the first infinity or NaN among these values (nested), if any."""
    pending: list[tuple[tuple[int | str, ...], Any]] = [((k,), v) for k, v in values.items()]
    while pending:  # iterative: nesting depth is the client's choice
        loc, value = pending.pop()
        if isinstance(value, float) and not math.isfinite(value):
            return _field_name(loc)
        if isinstance(value, dict):
            pending.extend(((*loc, str(key)), item) for key, item in value.items())
        elif isinstance(value, list | tuple):
            pending.extend(((*loc, index), item) for index, item in enumerate(value))
    return None


def describe(exc: pydantic.ValidationError) -> Invalid:
    """One message naming each broken field and its rule (the first few of them)."""
    errors = exc.errors(include_url=False, include_input=False)
    if errors and errors[0]["type"] == "json_invalid":
        return Invalid(f"Request body is not valid JSON: {errors[0]['msg']}")
    parts = [_part(_field_name(e["loc"]), _rule(e["msg"])) for e in errors[:_MAX_ERRORS_SHOWN]]
    if len(errors) > _MAX_ERRORS_SHOWN:
        parts.append(f"and {len(errors) - _MAX_ERRORS_SHOWN} more")
    return Invalid("; ".join(parts))


def _field_name(loc: tuple[int | str, ...]) -> str:
    """`a.b[0].c` for pydantic's ("a", "b", 0, "c"); `body` for the body itself."""
    name = "".join(f"[{part}]" if isinstance(part, int) else f".{_shorten(part)}" for part in loc)
    return name.removeprefix(".") or "body"


def _part(field: str, rule: str) -> str:
    """`field: rule`, unless the rule already starts with the field's name (or a path in it)."""
    if rule.startswith((f"{field}:", f"{field}.")):
        return rule
    return f"{field}: {rule}"


def _rule(message: str) -> str:
    """pydantic's message without the prefix it puts on the models' own rules."""
    return message.removeprefix("Value error, ")


def _shorten(part: str) -> str:
    return part if len(part) <= _MAX_LOC_PART else part[:_MAX_LOC_PART] + "..."


def echo_fields(request: pydantic.BaseModel, names: tuple[str, ...]) -> dict[str, Any]:
    """The named fields the client sent, as validated (unsent optional fields left out).

    The values are the model's own (plain JSON values for the generated models); the
    response is serialized and validated again by `to_json`.
    """
    sent = request.model_fields_set
    return {name: getattr(request, name) for name in names if name in sent}


def to_json(model: type[pydantic.BaseModel], payload: dict[str, Any]) -> bytes:
    """Serialize a response payload after validating it against its generated model.

    The payload is checked in JSON mode, exactly as a client would read it; a payload
    the model refuses is a bug of the mock and raises. So does a payload holding an
    infinity or NaN: JSON has no such number, and writing `Infinity` (not JSON) or `null`
    (another value) would hand the client something other than what was stored.
    """
    body = pydantic_core.to_json(payload, inf_nan_mode="constants")
    if b"Infinity" in body or b"NaN" in body:  # cheap hint; the walk below decides
        where = _first_non_finite(payload)
        if where is not None:
            raise ValueError(f"{where}: a non-finite number cannot be written as JSON")
    model.model_validate_json(body)
    return body


def error_body(message: str) -> bytes:
    """The spec's Error body for this message."""
    return to_json(Error, {"error_message": message})


def field_problem(model: type[pydantic.BaseModel], name: str, value: object) -> str | None:
    """Why `value` breaks the rules of the field `name` of `model`; None when it keeps them.

    For checking configuration (such as strict mode's numbers) against the spec's own
    rules instead of restating them.
    """
    try:
        model.model_validate({name: value})
    except pydantic.ValidationError as exc:
        for error in exc.errors(include_url=False, include_input=False):
            if error["loc"][:1] == (name,):
                return _rule(error["msg"])
    return None
