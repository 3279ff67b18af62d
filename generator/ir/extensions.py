"""The operation-level extensions: `x-echo` (read here) and the paths derived from the
field-level ones (`x-phone-number`, `x-account`, `x-unique`), found by walking types."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from generator.ir.model import (
    ArrayOf,
    Echo,
    MapOf,
    Model,
    ModelRef,
    Nullable,
    Operation,
    Scalar,
    TypeExpr,
    UnionOf,
)
from generator.ir.normalize import rule_name
from generator.load import SpecError

ECHO_KEYS = frozenset({"rule", "response", "request", "present", "empty"})
Path = tuple[str, ...]


def echoes_of(node: dict[str, Any], where: str) -> tuple[Echo, ...]:
    raw = node.get("x-echo", [])
    if not isinstance(raw, list):
        raise SpecError(f"{where}/x-echo: must be a list of {{rule, response, request}}")
    found = []
    for index, entry in enumerate(raw):
        here = f"{where}/x-echo/{index}"
        if not isinstance(entry, dict) or not {"rule", "response", "request"} <= set(entry):
            raise SpecError(f"{here}: needs rule, response and request")
        unknown = set(entry) - ECHO_KEYS
        if unknown:
            raise SpecError(f"{here}: {sorted(unknown)[0]!r} is not an x-echo key")
        if entry.get("empty", "exact") not in ("exact", "open"):
            raise SpecError(f"{here}/empty: must be 'exact' or 'open'")
        found.append(
            Echo(
                rule=rule_name(entry["rule"], f"{here}/rule"),
                response=str(entry["response"]),
                request=str(entry["request"]),
                present=bool(entry.get("present", False)),
                empty_open=entry.get("empty") == "open",
            )
        )
    return tuple(found)


def resolve_echoes(operation: Operation, models: dict[str, Model], where: str) -> Operation:
    """The operation with its echoes checked against its bodies and given their defaults."""
    if not operation.echoes:
        return operation
    if operation.request is None or operation.success.body is None:
        raise SpecError(f"{where}/x-echo: needs a request body and a success body")
    resolved = []
    for index, echo in enumerate(operation.echoes):
        here = f"{where}/x-echo/{index}"
        source = _field_at(operation.request.type, echo.request, models, f"{here}/request")
        _field_at(operation.success.body.type, echo.response, models, f"{here}/response")
        resolved.append(replace(echo, has_default=source.has_default, default=source.default))
    return replace(operation, echoes=tuple(resolved))


def _field_at(root: TypeExpr, dotted: str, models: dict[str, Model], where: str) -> Any:
    current: TypeExpr = root
    field = None
    for part in dotted.split("."):
        if isinstance(current, Nullable):
            current = current.inner
        if not isinstance(current, ModelRef):
            raise SpecError(f"{where}: {dotted!r} does not name a property of an object")
        model = models[current.name]
        field = next((item for item in model.fields if item.name == part), None)
        if field is None:
            raise SpecError(f"{where}: {model.name} has no property {part!r}")
        current = field.type
    return field


def with_paths(operation: Operation, models: dict[str, Model]) -> Operation:
    """The operation with the paths of its phone numbers, account values and unique ids."""
    request = operation.request.type if operation.request else None
    success = operation.success.body.type if operation.success.body else None
    phones = (
        path
        for path, kind in _walk(request, models)
        if isinstance(kind, Scalar) and kind.phone_number
    )
    accounts = ((path, f.account) for path, f in _fields(request, models) if f.account)
    uniques = ((path, f.unique) for path, f in _fields(success, models) if f.unique)
    return replace(
        operation,
        phone_paths=tuple(dict.fromkeys(phones)),
        account_paths=tuple(dict.fromkeys(accounts)),
        unique_paths=tuple(dict.fromkeys(uniques)),
    )


def _walk(root: TypeExpr | None, models: dict[str, Model]) -> Iterator[tuple[Path, TypeExpr]]:
    """Every (path, type) reachable from `root`; "*" stands for array items and map values."""
    pending: list[tuple[Path, TypeExpr, frozenset[str]]] = (
        [] if root is None else [((), root, frozenset())]
    )
    while pending:
        path, kind, seen = pending.pop(0)
        yield path, kind
        if isinstance(kind, Nullable):
            pending.append((path, kind.inner, seen))
        elif isinstance(kind, ArrayOf):
            pending.append(((*path, "*"), kind.items, seen))
        elif isinstance(kind, MapOf):
            pending.append(((*path, "*"), kind.values, seen))
        elif isinstance(kind, UnionOf):
            pending.extend((path, variant, seen) for variant in kind.variants)
        elif isinstance(kind, ModelRef) and kind.name not in seen:
            model = models[kind.name]
            inner = seen | {kind.name}
            pending.extend(((*path, field.name), field.type, inner) for field in model.fields)


def _fields(root: TypeExpr | None, models: dict[str, Model]) -> Iterator[tuple[Path, Any]]:
    for path, kind in _walk(root, models):
        if isinstance(kind, ModelRef) and kind.name in models:
            for field in models[kind.name].fields:
                yield (*path, field.name), field
