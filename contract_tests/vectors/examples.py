"""The spec's example values, by where they appear: the values vectors are built from.

Every body example of the spec (requests, successes and errors of every operation) is walked
along its schema in the validation view. Each value is recorded under the place it fills in
an operation's request (an IR path, "*" for items and map values) and under every `$defs`
entry it is an instance of, so a field with no example of its own borrows one from another
operation or from a response (a phone number from a response example, say). Values are kept
in spec order, without duplicates, and only where the validator accepts them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from contract_tests.contract import Contract, FieldPath
from contract_tests.vectors.schema import DEFS_PREFIX, Schema, SchemaView, canonical
from generator.ir import Body, Operation

__all__ = ["ExampleBank"]

MAX_DEPTH = 32


class ExampleBank:
    def __init__(self, contract: Contract, view: SchemaView) -> None:
        self._view = view
        self._at: dict[tuple[str, FieldPath], dict[str, Any]] = {}
        self._of: dict[str, dict[str, Any]] = {}
        self._known: set[str] = set()
        for operation in contract.api.operations:
            for body, is_request in _bodies(operation):
                for _, example in body.examples:
                    owner = operation.operation_id if is_request else None
                    self._walk(view.ref(body.schema), example, (), owner, 0)

    def at(self, operation: Operation, path: FieldPath) -> list[Any]:
        """Values the operation's request examples hold at an IR path."""
        return list(self._at.get((operation.operation_id, path), {}).values())

    def of(self, name: str) -> list[Any]:
        """Example instances of a `$defs` entry, from any body of the spec."""
        return list(self._of.get(name, {}).values())

    def known(self, value: object) -> bool:
        """Whether the value appears somewhere in the spec's examples."""
        return canonical(value) in self._known

    def _walk(
        self, schema: Schema, value: Any, path: FieldPath, owner: str | None, depth: int
    ) -> None:
        if depth > MAX_DEPTH:
            return
        self._known.add(canonical(value))
        if owner is not None:
            self._at.setdefault((owner, path), {}).setdefault(canonical(value), value)
        for node in self._view.flatten(schema):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(DEFS_PREFIX):
                name = ref[len(DEFS_PREFIX) :]
                if self._view.accepts(node, value):
                    self._of.setdefault(name, {}).setdefault(canonical(value), value)
        for child, child_value, step in _children(self._view, schema, value):
            self._walk(child, child_value, (*path, step), owner, depth + 1)


def _bodies(operation: Operation) -> Iterator[tuple[Body, bool]]:
    if operation.request is not None:
        yield operation.request, True
    for response in (operation.success, *operation.errors):
        if response.body is not None:
            yield response.body, False


def _children(view: SchemaView, schema: Schema, value: Any) -> Iterator[tuple[Schema, Any, str]]:
    """(subschema, value, IR path step) of the values inside `value`."""
    constraints = view.constraints(schema)
    if isinstance(value, dict):
        for key, item in value.items():
            if key in constraints.properties:
                yield constraints.properties[key], item, key
            elif constraints.extra is not None:
                yield constraints.extra, item, "*"
        for choice in constraints.choices:
            for variant in choice.get("anyOf") or choice.get("oneOf") or ():
                if view.accepts(variant, value):
                    yield from _children(view, variant, value)
    elif isinstance(value, list) and constraints.items is not None:
        for item in value:
            yield constraints.items, item, "*"
