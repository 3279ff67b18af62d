# generated from spec/openapi.yaml by `make generate`; do not edit
"""Arguments -> the JSON body: what JSON cannot carry exactly is refused, naming the field.

Python values map to JSON as `json.dumps` would write them, with no silent change: models are
dumped (fields that were set, extra ones included), enum members become their values, tuples
become arrays. A NaN or infinite float, a key that is not a str, a value that contains
itself, a string that is not valid Unicode (a lone surrogate) or any other type (a datetime,
a Decimal, bytes, a set) is a ValidationError whose rule is "json".
"""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Mapping

import pydantic

from ._exceptions import ValidationError
from ._validation import Violation

__all__ = ["encode", "to_json"]

_PLAIN = frozenset({str, int, bool})
_KINDS = "a dict, list, tuple, str, int, finite float, bool, None, enum member or model"


def to_json(value: object, path: tuple[str, ...]) -> object:
    """`value` as parsed JSON (dict, list, str, int, float, bool, None)."""
    return _convert(value, path, set())


def encode(body: object) -> bytes:
    """The body as compact UTF-8 JSON; `body` came from `to_json`."""
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        path = _surrogate_path(body, ())
        raise _refused(
            path or (), "must be valid Unicode text (it holds a lone surrogate)"
        ) from None


def _convert(value: object, path: tuple[str, ...], ancestors: set[int]) -> object:
    if value is None or type(value) in _PLAIN:
        return value
    if type(value) is float or isinstance(value, float):
        if not math.isfinite(value):
            raise _refused(path, f"must be a finite number, not {value}")
        return float(value)
    if isinstance(value, Mapping | list | tuple):
        return _container(value, path, ancestors)
    if isinstance(value, enum.Enum):
        return _convert(value.value, path, ancestors)
    if isinstance(value, pydantic.BaseModel):
        dumped = value.model_dump(mode="python", exclude_unset=True, by_alias=True, warnings=False)
        return _convert(dumped, path, ancestors)
    if isinstance(value, str):
        return str.__str__(value)  # a subclass of str: its plain text
    if isinstance(value, int):
        return int.__index__(value)  # a subclass of int: its plain number
    raise _refused(path, f"must be a JSON value ({_KINDS}), not {type(value).__name__}")


def _container(
    value: Mapping[object, object] | list[object] | tuple[object, ...],
    path: tuple[str, ...],
    ancestors: set[int],
) -> object:
    if id(value) in ancestors:
        raise _refused(path, "must not contain itself")
    ancestors.add(id(value))
    try:
        if isinstance(value, Mapping):
            converted: dict[str, object] = {}
            for key, item in value.items():
                if not isinstance(key, str):
                    raise _refused(path, f"keys must be str, not {type(key).__name__}")
                converted[str(key)] = _convert(item, (*path, key), ancestors)
            return converted
        return [_convert(item, (*path, str(index)), ancestors) for index, item in enumerate(value)]
    finally:
        ancestors.discard(id(value))


def _surrogate_path(value: object, path: tuple[str, ...]) -> tuple[str, ...] | None:
    """Where the first string that UTF-8 cannot encode is (in keys too)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path
        return None
    items: list[tuple[str, object]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if _surrogate_path(key, path) is not None:
                return path
            items.append((key, item))
    elif isinstance(value, list):
        items = [(str(index), item) for index, item in enumerate(value)]
    for key, item in items:
        found = _surrogate_path(item, (*path, key))
        if found is not None:
            return found
    return None


def _refused(path: tuple[str, ...], message: str) -> ValidationError:
    return ValidationError([Violation(".".join(path), "json", "json", message)])
