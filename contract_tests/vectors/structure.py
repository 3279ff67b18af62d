"""Vectors on the shape of a body: credentials, required fields, JSON types, malformed JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from contract_tests.contract import FieldPath
from contract_tests.vectors.context import OperationContext
from contract_tests.vectors.model import Auth, Expect, Vector
from contract_tests.vectors.rules import AUTH_REQUIRED, FIELD_TYPES_ENFORCED
from contract_tests.vectors.schema import Constraints

__all__ = [
    "auth_vectors",
    "forbidden_body",
    "malformed_vectors",
    "remove_at",
    "required_vectors",
    "type_vectors",
]


# --- credentials -----------------------------------------------------------------------------


def auth_vectors(ctx: OperationContext, *, live: bool) -> Iterator[Vector]:
    """Every kind of missing or wrong credentials. In a live run the body is one the spec
    forbids too, so a server that ignores credentials still places no call."""
    body = forbidden_body(ctx) if live else ctx.base
    header = ctx.contract.api.auth_header
    for auth in Auth:
        if auth is not Auth.VALID:
            yield Vector(
                rule=AUTH_REQUIRED,
                name=f"{header}: {auth.value}",
                operation_id=ctx.operation.operation_id,
                body=body,
                expect=Expect.UNAUTHORIZED,
                auth=auth,
            )


def forbidden_body(ctx: OperationContext) -> Any:
    """The base body without its first required field, else another body the spec forbids
    (an empty object, the body inside an array); ValueError when the spec forbids none."""
    candidates = [
        remove_at(ctx.base, slot.path)
        for slot in ctx.slots[1:]
        if slot.required and slot.in_base and slot.parent_in_base
    ]
    candidates += [{}, [ctx.base], None]
    for body in candidates:
        if ctx.violations(body):
            return body
    raise ValueError(
        f"{ctx.operation.label} ({ctx.operation.operation_id}): the request schema forbids no "
        "body, so a live run has no body that cannot place a call"
    )


# --- required fields -------------------------------------------------------------------------


def required_vectors(ctx: OperationContext) -> Iterator[Vector | None]:
    """Each required field of the base body left out in turn (at every depth whose parent the
    base body has), then the empty object."""
    for slot in ctx.slots[1:]:
        if slot.required and slot.in_base and slot.parent_in_base:
            body = remove_at(ctx.base, slot.path)
            yield ctx.rejected(
                slot.label, "left out (required)", body, keywords=("required",), at=slot.path
            )
    yield ctx.rejected("body", "an empty object", {}, keywords=("required",))


def remove_at(document: Any, path: FieldPath) -> Any:
    """A copy without the value at a concrete path (an object's key or an array's item)."""
    if not path:
        return document
    head, rest = path[0], path[1:]
    if isinstance(document, dict) and head in document:
        if not rest:
            return {key: value for key, value in document.items() if key != head}
        return {**document, head: remove_at(document[head], rest)}
    if isinstance(document, list) and head.isdigit() and int(head) < len(document):
        index = int(head)
        if not rest:
            return document[:index] + document[index + 1 :]
        return [*document[:index], remove_at(document[index], rest), *document[index + 1 :]]
    return document


# --- JSON types ------------------------------------------------------------------------------


def type_vectors(ctx: OperationContext) -> Iterator[Vector | None]:
    """For every place below the body: a value of each other JSON type, and null where the
    type does not allow it."""
    for slot in ctx.slots[1:]:
        found = ctx.view.constraints(slot.schema)
        for what, value in outsiders(found, slot.value):
            yield ctx.reject_value(slot, what, value, keywords=("type",), at=slot.path)


def outsiders(found: Constraints, valid: Any) -> Iterator[tuple[str, Any]]:
    """(what, value) of the JSON types the place does not allow ("35" for an integer, never
    35.0, which JSON Schema counts as an integer)."""
    if found.types is None:
        return
    numeric = isinstance(valid, int | float) and not isinstance(valid, bool)
    as_text = json.dumps(valid, ensure_ascii=False)
    fraction = valid + 0.5 if numeric else 35.5
    table: dict[str, list[tuple[str, Any]]] = {
        "string": [("a number", 35), ("a boolean", True), ("an array", [valid]), ("an object", {})],
        "integer": [
            ("a numeric string", as_text),
            ("a fractional number", fraction),
            ("a boolean", True),
        ],
        "number": [("a numeric string", as_text), ("a boolean", True), ("an array", [valid])],
        "boolean": [("the string 'true'", "true"), ("the number 1", 1), ("the number 0", 0)],
        "object": [("a string", as_text), ("an array", [valid])],
        "array": [("a string", as_text), ("an object", {})],
        "null": [("a string", "null"), ("the number 0", 0)],
    }
    seen: set[str] = set()
    for kind in found.types:
        for what, value in table.get(kind, []):
            if what not in seen:
                seen.add(what)
                yield what, value
    if "null" not in found.types:
        yield "null", None


# --- malformed bodies ------------------------------------------------------------------------


def malformed_vectors(ctx: OperationContext) -> Iterator[Vector | None]:
    """Bodies that are not a JSON object: not JSON, empty, an array, null, truncated."""
    for what, raw in malformed_bodies(ctx.base):
        try:
            parsed = json.loads(raw)
        except ValueError:
            yield Vector(
                rule=FIELD_TYPES_ENFORCED,
                name=f"body: {what}",
                operation_id=ctx.operation.operation_id,
                body=None,
                expect=Expect.REJECTED,
                raw_body=raw,
            )
            continue
        vector = ctx.rejected("body", what, parsed, keywords=("type",), at=())
        if vector is not None:
            yield Vector(
                rule=vector.rule,
                name=vector.name,
                operation_id=vector.operation_id,
                body=None,
                expect=Expect.REJECTED,
                raw_body=raw,
            )


def malformed_bodies(base: Any) -> list[tuple[str, bytes]]:
    text = json.dumps(base, ensure_ascii=False)
    return [
        ("not JSON", _form_encoded(base)),
        ("empty", b""),
        ("a JSON array", json.dumps([base], ensure_ascii=False).encode()),
        ("JSON null", b"null"),
        ("truncated JSON", _truncated(text).encode()),
    ]


def _form_encoded(base: Any) -> bytes:
    """The body's top-level scalars as a form (a client that forgot to encode JSON)."""
    pairs = []
    if isinstance(base, dict):
        pairs = [
            (key, json.dumps(value) if isinstance(value, bool) else str(value))
            for key, value in base.items()
        ]
    encoded = urlencode(pairs).encode() or b"not json"
    return encoded if not _parses(encoded) else b"not json"


def _truncated(text: str) -> str:
    """The JSON text cut right after its last colon (a value missing), else one short."""
    cut = text.rfind(":")
    truncated = text[: cut + 1] + " " if cut >= 0 else text[:-1]
    return truncated if not _parses(truncated.encode()) else "{"


def _parses(raw: bytes) -> bool:
    try:
        json.loads(raw)
    except ValueError:
        return False
    return True
