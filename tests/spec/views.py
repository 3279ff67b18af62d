"""The spec as these tests read it: through the IR (`generator.ir.load_api`), nothing else.

The typed view gives the models, fields, enums, operations and the bodies' examples. The
validation view (`Api.schemas_json`) is judged by a stock JSON Schema 2020-12 validator
(`jsonschema`), and, where ECMAScript's regular expressions matter (`$` is the very end of
the text, so "+14155550100\\n" is no E.164 number), by the generated reference validator
`retell_client._validation.Validator`, which every client language mirrors.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from retell_client._validation import Validator, Violation

from generator.ir import (
    AnyValue,
    Api,
    ArrayOf,
    Body,
    EnumRef,
    Field,
    MapOf,
    Model,
    ModelRef,
    Nullable,
    Operation,
    Scalar,
    TypeExpr,
    UnionOf,
    load_api,
)

API: Api = load_api()
DEFS: dict[str, Any] = json.loads(API.schemas_json)["$defs"]
GENERATED = Validator({"$defs": DEFS})
FieldPath = tuple[str, ...]


# --- validation ------------------------------------------------------------------------------


def pointer_to(schema: str, *inside: str) -> str:
    parts = (schema, *inside)
    return "#/$defs/" + "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


@cache
def stock_validator(pointer: str) -> Any:
    """A stock 2020-12 validator of the validation view's schema at `pointer` (`pointer_to`)."""
    return Draft202012Validator({"$ref": pointer, "$defs": DEFS})


def accepts(schema: str, value: object) -> bool:
    """The stock validator's verdict on `value` against the `$defs` entry `schema`."""
    if schema not in DEFS:
        raise KeyError(f"the validation view has no schema {schema!r}")
    return bool(stock_validator(pointer_to(schema)).is_valid(value))


def stock_errors(schema: str, value: object) -> list[str]:
    return [error.message for error in stock_validator(pointer_to(schema)).iter_errors(value)]


def first_violation(schema: str, value: object) -> Violation | None:
    """The generated validator's first violation (ECMAScript semantics), or None."""
    return GENERATED.check(schema, value)


# --- bodies and their examples ---------------------------------------------------------------


@dataclass(frozen=True)
class BodyUse:
    """A JSON body of an operation: its request, or its response of one status."""

    operation: Operation
    role: str  # "request", or the status ("201", "400", ...)
    body: Body

    @property
    def label(self) -> str:
        return f"{self.operation.operation_id} {self.role}"

    @property
    def values(self) -> tuple[object, ...]:
        return tuple(value for _, value in self.body.examples)


def body_uses() -> tuple[BodyUse, ...]:
    found: list[BodyUse] = []
    for op in API.operations:
        if op.request is not None:
            found.append(BodyUse(op, "request", op.request))
        for response in (op.success, *op.errors):
            if response.body is not None:
                found.append(BodyUse(op, str(response.status), response.body))
    return tuple(found)


def request_uses() -> tuple[BodyUse, ...]:
    return tuple(use for use in body_uses() if use.role == "request")


def success_uses() -> tuple[BodyUse, ...]:
    return tuple(use for use in body_uses() if use.role == str(use.operation.success.status))


def model_named(name: str) -> Model:
    found = next((model for model in API.models if model.name == name), None)
    assert found is not None, f"the spec has no model {name!r}"
    return found


def field_named(model: Model, name: str) -> Field:
    found = next((item for item in model.fields if item.name == name), None)
    assert found is not None, f"{model.name} has no field {name!r}"
    return found


def model_of(kind: TypeExpr) -> Model | None:
    """The model a body or field type names (through `Nullable`), if it names one."""
    if isinstance(kind, Nullable):
        kind = kind.inner
    return API.model(kind.name) if isinstance(kind, ModelRef) else None


def model_examples(model: Model) -> tuple[object, ...]:
    """Every example of a body typed as `model`, once each, in spec order."""
    seen: dict[str, object] = {}
    for use in body_uses():
        found = model_of(use.body.type)
        if found is not None and found.name == model.name:
            for value in use.values:
                seen.setdefault(json.dumps(value, sort_keys=True), value)
    return tuple(seen.values())


# --- type expressions ------------------------------------------------------------------------


def type_label(kind: TypeExpr) -> str:
    """A field's type in the words of seed_facts.yaml (anything else: its IR repr)."""
    if isinstance(kind, Scalar) and kind.phone_number:
        return "e164"
    if isinstance(kind, Scalar):
        return kind.kind if kind.format is None else f"{kind.kind} ({kind.format})"
    if isinstance(kind, EnumRef):
        return f"enum {kind.name}"
    if isinstance(kind, AnyValue) and kind.object_only:
        return "object"
    if isinstance(kind, MapOf) and type_label(kind.values) == "string":
        return "string map"
    return repr(kind)


def json_type_of(label: str) -> str:
    """The JSON type of a value of a seed_facts.yaml type."""
    if label in ("e164", "string") or label.startswith(("enum ", "string (")):
        return "string"
    if label in ("object", "string map"):
        return "object"
    return label


def type_paths(root: TypeExpr) -> Iterator[tuple[FieldPath, TypeExpr]]:
    """Every (path, type) reachable from `root`; "*" stands for an array item or map value."""
    pending: list[tuple[FieldPath, TypeExpr, frozenset[str]]] = [((), root, frozenset())]
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
            inner = seen | {kind.name}
            fields = API.model(kind.name).fields
            pending.extend(((*path, item.name), item.type, inner) for item in fields)


def phone_paths(root: TypeExpr) -> tuple[FieldPath, ...]:
    found = (
        path for path, kind in type_paths(root) if isinstance(kind, Scalar) and kind.phone_number
    )
    return tuple(dict.fromkeys(found))


def field_at(root: TypeExpr, dotted: str) -> Field | None:
    """The field a dotted path names in objects of type `root`, or None."""
    kind, field = root, None
    for part in dotted.split("."):
        model = model_of(kind)
        field = next((item for item in model.fields if item.name == part), None) if model else None
        if field is None:
            return None
        kind = field.type
    return field


# --- changing a valid body -------------------------------------------------------------------


def with_value(body: object, path: FieldPath, value: object) -> object:
    """A deep copy of `body` with `value` at `path` (objects along it created as needed)."""
    changed = copy.deepcopy(body)
    _parent(changed, path)[path[-1]] = copy.deepcopy(value)
    return changed


def without(body: object, path: FieldPath) -> object:
    changed = copy.deepcopy(body)
    _parent(changed, path).pop(path[-1], None)
    return changed


def _parent(body: object, path: FieldPath) -> dict[str, Any]:
    if not path or "*" in path:
        raise ValueError(f"these tests change named object fields only, not {'.'.join(path)!r}")
    node = body
    for part in path[:-1]:
        if not isinstance(node, dict):
            break
        node = node.setdefault(part, {})
    if not isinstance(node, dict):
        raise ValueError(f"{'.'.join(path)!r} does not lead to an object in the example")
    return node


@dataclass(frozen=True)
class Target:
    """A place for a value: `path` in valid bodies (`examples`) of the `$defs` entry `schema`.

    A value is accepted there when some example takes it (a rule between fields may hold only
    in some, as mulaw's 8000 Hz), and rejected when none does."""

    label: str
    schema: str
    path: FieldPath
    examples: tuple[object, ...]

    def accepted(self, value: object) -> bool:
        if not self.examples:
            raise AssertionError(f"{self.label}: no example to put a value in")
        return any(
            accepts(self.schema, with_value(body, self.path, value)) for body in self.examples
        )

    def violations(self, value: object) -> list[Violation | None]:
        """The generated validator's first violation in each example, `value` put in."""
        return [
            first_violation(self.schema, with_value(body, self.path, value))
            for body in self.examples
        ]


def field_target(model: Model, field: Field) -> Target:
    """The field in the model's own `$defs` entry, put into the model's examples."""
    return Target(f"{model.name}.{field.name}", model.name, (field.name,), model_examples(model))


def model_fields() -> list[tuple[Model, Field]]:
    return [(model, item) for model in API.models for item in model.fields]
