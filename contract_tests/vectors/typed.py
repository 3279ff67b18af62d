"""The typed view at an IR path: the field there (for its default) and its type."""

from __future__ import annotations

from dataclasses import dataclass

from contract_tests.contract import FieldPath
from generator.ir import AnyValue, Api, ArrayOf, Field, MapOf, ModelRef, Nullable, TypeExpr, UnionOf

__all__ = ["TypedPlace", "is_free_form_object", "typed_at"]


@dataclass(frozen=True)
class TypedPlace:
    type: TypeExpr | None  # None: the typed view does not describe this place
    field: Field | None  # the model field there, when the last step names one


def typed_at(api: Api, root: TypeExpr, path: FieldPath) -> TypedPlace:
    """What the typed view says about the value at `path` ("*": an item or a map value)."""
    current: TypeExpr | None = root
    found: Field | None = None
    for step in path:
        found = None
        stepped = _step(api, current, step)
        if isinstance(stepped, tuple):
            found, current = stepped
        else:
            current = stepped
        if current is None:
            return TypedPlace(None, None)
    return TypedPlace(current, found)


def _step(api: Api, kind: TypeExpr | None, step: str) -> TypeExpr | tuple[Field, TypeExpr] | None:
    while isinstance(kind, Nullable):
        kind = kind.inner
    if isinstance(kind, ModelRef):
        model = api.model(kind.name)
        field = next((item for item in model.fields if item.name == step), None)
        if field is not None:
            return field, field.type
        return model.additional if step == "*" and not isinstance(model.additional, bool) else None
    if isinstance(kind, ArrayOf) and step == "*":
        return kind.items
    if isinstance(kind, MapOf) and step == "*":
        return kind.values
    if isinstance(kind, UnionOf):
        for variant in kind.variants:
            found = _step(api, variant, step)
            if found is not None:
                return found
    return None


def is_free_form_object(kind: TypeExpr | None) -> bool:
    """Any JSON object (`type: object` and nothing else)."""
    while isinstance(kind, Nullable):
        kind = kind.inner
    return isinstance(kind, AnyValue) and kind.object_only
