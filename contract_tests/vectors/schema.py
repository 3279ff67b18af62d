"""The validation view, read for generation: the rules in force at one place of a body.

A place of a body is governed by a schema node, its `$ref` targets and its `allOf` members
(the conditional and union members say what else must hold). `SchemaView.constraints`
merges those into one `Constraints`, the most restrictive bound of each kind, so generators
can aim just inside or just outside it. Every value they build is then judged by the
generated validator (`SchemaView.violations`), never by this merge: it only proposes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from retell_client._validation import Validator, Violation

__all__ = ["Constraints", "Schema", "SchemaView", "canonical"]

Schema = Mapping[str, Any]
DEFS_PREFIX = "#/$defs/"
# The `$defs` key under which a subschema is checked on its own (no spec name has a space).
SUBSCHEMA_KEY = "subschema under test"
JSON_TYPES = ("null", "boolean", "integer", "number", "string", "array", "object")


def canonical(value: object) -> str:
    """One text per JSON value (1 and 1.0 differ, as they do on the wire)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Constraints:
    """What the nodes governing one place of a body ask of its value, merged."""

    types: tuple[str, ...] | None = None  # None: any JSON type
    has_const: bool = False
    const: Any = None
    enum: tuple[Any, ...] | None = None
    patterns: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    multiple_of: float | None = None
    min_items: int | None = None
    max_items: int | None = None
    properties: dict[str, Schema] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    closed: bool = False  # additionalProperties: false
    extra: Schema | None = None  # additionalProperties: <schema> (a map's values)
    items: Schema | None = None
    conditionals: tuple[Schema, ...] = ()  # nodes with `if`
    choices: tuple[Schema, ...] = ()  # nodes with anyOf / oneOf
    refs: tuple[str, ...] = ()  # the `$defs` entries in force, outermost first

    @property
    def is_object(self) -> bool:
        return self.types is not None and self.types == ("object",)

    def allows(self, kind: str) -> bool:
        return (
            self.types is None
            or kind in self.types
            or (kind == "integer" and "number" in self.types)
        )


class SchemaView:
    """The `$defs` of a validation view, with a validator for any of their subschemas."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.defs: Mapping[str, Schema] = document["$defs"]
        self._validators: dict[str, Validator] = {}
        self._constraints: dict[str, Constraints] = {}

    def ref(self, name: str) -> Schema:
        return {"$ref": DEFS_PREFIX + name}

    # --- checking -----------------------------------------------------------------------

    def violations(self, schema: Schema, value: object) -> list[Violation]:
        """Every violation of `value` against a subschema, by the generated validator."""
        key = canonical(schema)
        validator = self._validators.get(key)
        if validator is None:
            validator = Validator({"$defs": {**self.defs, SUBSCHEMA_KEY: schema}})
            self._validators[key] = validator
        return validator.violations(SUBSCHEMA_KEY, value)

    def accepts(self, schema: Schema, value: object) -> bool:
        return not self.violations(schema, value)

    # --- reading ------------------------------------------------------------------------

    def flatten(self, schema: Schema) -> tuple[Schema, ...]:
        """The node, its `$ref` targets and its `allOf` members, recursively, in order."""
        out: list[Schema] = []
        pending: list[Schema] = [schema]
        seen: set[int] = set()
        while pending:
            node = pending.pop(0)
            if id(node) in seen:
                continue
            seen.add(id(node))
            out.append(node)
            inner: list[Schema] = []
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(DEFS_PREFIX):
                inner.append(self.defs[ref[len(DEFS_PREFIX) :]])
            inner.extend(node.get("allOf") or ())
            pending[:0] = inner
        return tuple(out)

    def constraints(self, schema: Schema) -> Constraints:
        key = canonical(schema)
        found = self._constraints.get(key)
        if found is None:
            found = self._merge(schema)
            self._constraints[key] = found
        return found

    def _merge(self, schema: Schema) -> Constraints:
        merged = Constraints()
        properties: dict[str, list[Schema]] = {}
        required: dict[str, None] = {}
        refs: list[str] = []
        for node in self.flatten(schema):
            _merge_values(merged, node)
            _merge_strings(merged, node)
            _merge_numbers(merged, node)
            _merge_arrays(merged, node)
            for name, sub in (node.get("properties") or {}).items():
                properties.setdefault(name, []).append(sub)
            required.update(dict.fromkeys(node.get("required") or ()))
            extra = node.get("additionalProperties", True)
            if extra is False:
                merged.closed = True
            elif isinstance(extra, Mapping) and merged.extra is None:
                merged.extra = extra
            if "if" in node:
                merged.conditionals = (*merged.conditionals, node)
            if "anyOf" in node or "oneOf" in node:
                merged.choices = (*merged.choices, node)
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(DEFS_PREFIX):
                refs.append(ref[len(DEFS_PREFIX) :])
        merged.properties = {
            name: subs[0] if len(subs) == 1 else {"allOf": subs}
            for name, subs in properties.items()
        }
        merged.required = tuple(required)
        merged.refs = tuple(refs)
        if merged.types is None and (merged.properties or merged.required or merged.closed):
            merged.types = ("object",)
        return merged


def _merge_values(merged: Constraints, node: Schema) -> None:
    kinds = node.get("type")
    if kinds is not None:
        listed = tuple(kinds) if isinstance(kinds, list) else (str(kinds),)
        if merged.types is None:
            merged.types = listed
        else:
            merged.types = tuple(kind for kind in merged.types if kind in listed)
    if "const" in node and not merged.has_const:
        merged.has_const, merged.const = True, node["const"]
    if "enum" in node and merged.enum is None:
        merged.enum = tuple(node["enum"])


def _merge_strings(merged: Constraints, node: Schema) -> None:
    if "pattern" in node:
        merged.patterns = (*merged.patterns, str(node["pattern"]))
    if "format" in node:
        merged.formats = (*merged.formats, str(node["format"]))
    merged.min_length = _tightest(merged.min_length, node.get("minLength"), max)
    merged.max_length = _tightest(merged.max_length, node.get("maxLength"), min)


def _merge_numbers(merged: Constraints, node: Schema) -> None:
    merged.minimum = _tightest(merged.minimum, node.get("minimum"), max)
    merged.maximum = _tightest(merged.maximum, node.get("maximum"), min)
    merged.exclusive_minimum = _tightest(
        merged.exclusive_minimum, node.get("exclusiveMinimum"), max
    )
    merged.exclusive_maximum = _tightest(
        merged.exclusive_maximum, node.get("exclusiveMaximum"), min
    )
    step = node.get("multipleOf")
    if step is not None and merged.multiple_of is None:
        merged.multiple_of = step


def _merge_arrays(merged: Constraints, node: Schema) -> None:
    merged.min_items = _tightest(merged.min_items, node.get("minItems"), max)
    merged.max_items = _tightest(merged.max_items, node.get("maxItems"), min)
    if "items" in node and merged.items is None:
        merged.items = node["items"]


def _tightest(current: Any, new: Any, pick: Any) -> Any:
    if new is None:
        return current
    return new if current is None else pick(current, new)


def integral(value: float) -> float:
    """A number as JSON would carry it: an integral float becomes an int (35.0 is 35)."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value
