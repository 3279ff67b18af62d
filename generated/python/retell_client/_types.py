# generated from spec/openapi.yaml by `make generate`; do not edit
"""Type aliases shared by the models and the clients."""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidationInfo


def check_json_object(value: Any, info: ValidationInfo) -> Any:
    """Refuse, naming `field.key...`, what JSON cannot carry exactly: a value that is not a
    dict, list, str, int, finite float, bool or None, or a key that is not a str. Without this
    check, JSON encoding would silently turn `inf` into null and a datetime into a string."""
    if isinstance(value, dict):
        if info.mode == "json":  # parsed JSON: only an overflowing number (1e400) can break it
            _check_finite(value, str(info.field_name))
        else:
            _check_json(value, str(info.field_name), set())
    return value


JsonObject = Annotated[dict[str, Any], BeforeValidator(check_json_object)]
"""An open JSON object (the spec's `type: object` without properties), checked to hold JSON
values only."""


def _check_finite(value: dict[str, Any], where: str) -> None:
    """The float part of `_check_json`, for values parsed from JSON (no cycles, no other
    types). It scans without building paths, which is cheap enough for every response a
    client reads, and leaves naming the path to the full check when it finds one."""
    pending: list[Any] = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, float) and not math.isfinite(item):
            _check_json(value, where, set())
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


def _check_json(value: Any, where: str, ancestors: set[int]) -> None:
    if value is None or isinstance(value, str | bool | int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{where}: must be a finite number, not {value} (rule: json)")
        return
    if not isinstance(value, dict | list):
        kind = type(value).__name__
        raise ValueError(
            f"{where}: must be a JSON value (dict, list, str, int, finite float, bool or None),"
            f" not {kind} (rule: json)"
        )
    if id(value) in ancestors:
        raise ValueError(f"{where}: must not contain itself (rule: json)")
    ancestors.add(id(value))
    if isinstance(value, list):
        for index, item in enumerate(value):
            _check_json(item, f"{where}.{index}", ancestors)
    else:
        for key, item in value.items():
            if not isinstance(key, str):
                kind = type(key).__name__
                raise ValueError(f"{where}: keys must be str, not {kind} (rule: json)")
            _check_json(item, f"{where}.{key}", ancestors)
    ancestors.discard(id(value))
