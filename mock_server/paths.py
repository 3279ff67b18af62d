"""Values at IR paths (tuples of property names, "*" for every array item or map value) in
parsed JSON, read and written without touching the values they came from (copy on write:
an answer starts as a shallow copy of a template that every answer shares)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

__all__ = ["MISSING", "Path", "found_at", "get", "replaced", "without"]

Path = tuple[str, ...]


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""What `get` returns where a value is absent (None is JSON's null)."""


def get(value: Any, path: Sequence[str]) -> Any:
    """The value at a path of property names (no "*"), or MISSING."""
    for part in path:
        if not isinstance(value, dict) or part not in value:
            return MISSING
        value = value[part]
    return value


def found_at(value: Any, path: Sequence[str], where: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted path with the actual keys and indices, value) for every value at `path`."""
    if not path:
        yield where, value
        return
    head, rest = path[0], path[1:]
    prefix = f"{where}." if where else ""
    if head == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from found_at(item, rest, f"{prefix}{index}")
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from found_at(item, rest, f"{prefix}{key}")
    elif isinstance(value, dict) and head in value:
        yield from found_at(value[head], rest, f"{prefix}{head}")


def replaced(value: Any, path: Sequence[str], make: Callable[[], Any], *, create: bool) -> Any:
    """A copy of `value` whose value at `path` is `make()` (for "*": each item, a fresh one).

    The last property is set whether or not it was there; a missing object on the way is
    created when `create` (else nothing changes below it). Only the objects on the path are
    copied.
    """
    if not path:
        return make()
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(value, list):
            return [replaced(item, rest, make, create=create) for item in value]
        if isinstance(value, dict):
            return {key: replaced(item, rest, make, create=create) for key, item in value.items()}
        return value
    if not isinstance(value, dict):
        return value
    if rest and head not in value:
        if not create:
            return value
        inner: Any = {}
    else:
        inner = value.get(head)
    copy = dict(value)
    copy[head] = replaced(inner, rest, make, create=create)
    return copy


def without(value: Any, path: Sequence[str]) -> Any:
    """A copy of `value` without the property at a path of property names (no "*")."""
    if not path or not isinstance(value, dict) or path[0] not in value:
        return value
    copy = dict(value)
    if len(path) == 1:
        del copy[path[0]]
    else:
        copy[path[0]] = without(value[path[0]], path[1:])
    return copy
