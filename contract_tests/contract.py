"""What the suite knows about the API, all of it from the IR (`generator.ir`).

`Contract` wraps the `Api` of the spec under test with what the rules need: one validator of
the validation view (the generated one, the same code the clients and the mock run), the
operations in scope, their rule names, and helpers to read and write values at the IR's
dotted paths ("*" for every array item or map value). No field name, path or operation id
of the spec appears in the suite's code; every rule reads them from here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from retell_client._validation import Evaluation, Validator, Violation

from generator.ir import Api, EnumRef, Model, ModelRef, Nullable, Operation, TypeExpr, load_api

__all__ = ["MISSING", "Contract", "FieldPath", "delete_at", "replace_at", "value_at", "values_at"]

FieldPath = tuple[str, ...]
MISSING: Any = object()


@dataclass(frozen=True)
class Contract:
    """The API under test, and the operations a run covers (all of them by default)."""

    api: Api
    operation_ids: tuple[str, ...] = ()
    spec_path: Path | None = None
    _validator: Validator = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_validator", Validator(json.loads(self.api.schemas_json)))

    @classmethod
    def load(cls, spec: Path | None = None, operation_ids: tuple[str, ...] = ()) -> Contract:
        """The contract of the spec at `spec` (default: the project's), limited to
        `operation_ids` when given. Raises `generator.load.SpecError` for an unusable spec."""
        return cls(load_api(spec), operation_ids, spec)

    # --- operations ------------------------------------------------------------------------

    @cached_property
    def operations(self) -> tuple[Operation, ...]:
        """The operations in scope, in spec order."""
        if not self.operation_ids:
            return self.api.operations
        wanted = set(self.operation_ids)
        return tuple(op for op in self.api.operations if op.operation_id in wanted)

    def by_label(self, label: str) -> Operation | None:
        return next((op for op in self.api.operations if op.label == label), None)

    def for_request(self, method: str, path: str) -> Operation | None:
        """The operation a request targets, by method and path (as the spec spells them)."""
        return next(
            (op for op in self.api.operations if op.method == method.upper() and op.path == path),
            None,
        )

    # --- validation ------------------------------------------------------------------------

    def request_violations(self, operation: Operation, body: object) -> list[Violation]:
        if operation.request is None:
            return []
        return self._validator.violations(operation.request.schema, body)

    def request_is_valid(self, operation: Operation, body: object) -> bool:
        return (
            operation.request is None
            or self._validator.check(operation.request.schema, body) is None
        )

    def evaluate_response(
        self, operation: Operation, status: int, body: object
    ) -> Evaluation | None:
        """The evaluation of a documented response body (None when it documents none)."""
        response = operation.response(status)
        if response is None or response.body is None:
            return None
        return self._validator.evaluate(response.body.schema, body)

    def evaluate_request(self, operation: Operation, body: object) -> Evaluation | None:
        if operation.request is None:
            return None
        return self._validator.evaluate(operation.request.schema, body)

    @property
    def validator(self) -> Validator:
        return self._validator

    @cached_property
    def schema_document(self) -> dict[str, Any]:
        """The validation view, for a stock JSON Schema validator."""
        document: dict[str, Any] = json.loads(self.api.schemas_json)
        return document

    # --- typed view --------------------------------------------------------------------------

    def model_of(self, kind: TypeExpr | None) -> Model | None:
        while isinstance(kind, Nullable):
            kind = kind.inner
        return self.api.model(kind.name) if isinstance(kind, ModelRef) else None

    def enum_paths(self, kind: TypeExpr | None) -> tuple[FieldPath, ...]:
        """Paths of the enum-typed values of a body type (for `closed_enums`)."""
        found: list[FieldPath] = []
        self._enum_paths(kind, (), found, frozenset())
        return tuple(dict.fromkeys(found))

    def _enum_paths(
        self, kind: TypeExpr | None, at: FieldPath, out: list[FieldPath], seen: frozenset[str]
    ) -> None:
        while isinstance(kind, Nullable):
            kind = kind.inner
        if isinstance(kind, EnumRef):
            out.append(at)
            return
        model = self.model_of(kind)
        if model is None or model.name in seen:
            return
        for item in model.fields:
            self._enum_paths(item.type, (*at, item.name), out, seen | {model.name})

    def rule_sites(self, schema: str, rule: str) -> list[tuple[FieldPath, dict[str, Any]]]:
        """Where a named rule sits in a schema of the validation view: (path of the value it
        judges, the subschema carrying `x-rule`), following `$ref`s ("*" for items and map
        values; a rule on an `allOf` member of an object sits at the object's path)."""
        defs: dict[str, Any] = self.schema_document["$defs"]
        found: list[tuple[FieldPath, dict[str, Any]]] = []
        pending: list[tuple[FieldPath, Any, frozenset[str]]] = [
            ((), {"$ref": f"#/$defs/{schema}"}, frozenset())
        ]
        while pending:
            at, node, seen = pending.pop(0)
            if not isinstance(node, dict):
                continue
            if node.get("x-rule") == rule:
                found.append((at, node))
            ref = node.get("$ref")
            if isinstance(ref, str):
                name = ref.removeprefix("#/$defs/")
                if name not in seen:
                    pending.append((at, defs[name], seen | {name}))
            for key, sub in (node.get("properties") or {}).items():
                pending.append(((*at, key), sub, seen))
            for key in ("items", "additionalProperties"):
                if isinstance(node.get(key), dict):
                    pending.append(((*at, "*"), node[key], seen))
            for key in ("allOf", "anyOf", "oneOf"):
                pending.extend((at, sub, seen) for sub in node.get(key) or [])
        return found

    @cached_property
    def rule_names(self) -> tuple[str, ...]:
        """Every named rule of the spec: `x-rule`, `x-echo` and `x-unique` names."""
        names = set(self.api.rules)
        for operation in self.api.operations:
            names |= {echo.rule for echo in operation.echoes}
            names |= {rule for _, rule in operation.unique_paths}
        return tuple(sorted(names))


def values_at(document: object, path: FieldPath) -> Iterator[tuple[FieldPath, Any]]:
    """Every (concrete path, value) at `path` in a JSON value ("*": each item or map value)."""
    if not path:
        yield (), document
        return
    head, rest = path[0], path[1:]
    if head == "*":
        items: list[tuple[str, Any]] = []
        if isinstance(document, list):
            items = [(str(index), item) for index, item in enumerate(document)]
        elif isinstance(document, dict):
            items = list(document.items())
        for key, item in items:
            for found, value in values_at(item, rest):
                yield (key, *found), value
        return
    if isinstance(document, dict) and head in document:
        for found, value in values_at(document[head], rest):
            yield (head, *found), value


def value_at(document: object, dotted: str) -> Any:
    """The value at a dotted path of plain names, or MISSING."""
    current = document
    for part in dotted.split("."):
        if not isinstance(current, dict) or part not in current:
            return MISSING
        current = current[part]
    return current


def replace_at(document: object, path: FieldPath, value: Any) -> object:
    """A copy of `document` with the value at the concrete `path` replaced (no '*')."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(document, dict) and head in document:
        return {**document, head: replace_at(document[head], rest, value)}
    if isinstance(document, list) and head.isdigit() and int(head) < len(document):
        copy = list(document)
        copy[int(head)] = replace_at(copy[int(head)], rest, value)
        return copy
    return document


def delete_at(document: object, path: FieldPath) -> object:
    """A copy of `document` without the value at the concrete `path`."""
    if not path or not isinstance(document, dict) or path[0] not in document:
        return document
    if len(path) == 1:
        return {key: item for key, item in document.items() if key != path[0]}
    return {**document, path[0]: delete_at(document[path[0]], path[1:])}
