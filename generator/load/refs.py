"""Local `$ref` resolution (`#/...` pointers) and JSON-pointer spelling."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

Path = tuple[str, ...]


class SpecError(Exception):
    """A problem in the spec; `str(error)` is one line naming its location."""


def pointer(path: Path) -> str:
    escaped = (part.replace("~", "~0").replace("/", "~1") for part in path)
    return "#/" + "/".join(escaped) if path else "#"


def parse_pointer(ref: str) -> Path:
    if not ref.startswith("#"):
        raise SpecError(f"{ref}: only local references ('#/...') are supported")
    parts = ref[1:].lstrip("/").split("/") if ref[1:] else []
    return tuple(part.replace("~1", "/").replace("~0", "~") for part in parts)


def resolve(document: Any, ref: str) -> Any:
    node = document
    for part in parse_pointer(ref):
        if not isinstance(node, dict) or part not in node:
            raise SpecError(f"{ref}: points to nothing")
        node = node[part]
    return node


def deref(document: Any, node: Any) -> Any:
    """Follow `$ref` chains from `node` until a node that is not a reference."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            raise SpecError(f"{ref}: circular reference")
        seen.add(ref)
        node = resolve(document, ref)
    return node


def walk_refs(node: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield path, value
            else:
                yield from walk_refs(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk_refs(value, (*path, str(index)))


def check_refs(document: Any, where: Callable[[Path], str]) -> None:
    """Raise a SpecError at the first `$ref` that does not resolve."""
    for path, ref in walk_refs(document):
        try:
            deref(document, {"$ref": ref})
        except SpecError as exc:
            location = (*path, "$ref")
            raise SpecError(f"{where(location)}: {pointer(location)}: {exc}") from None
