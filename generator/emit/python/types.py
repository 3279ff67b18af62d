"""Python type annotations for IR type expressions.

Two spellings of one expression: what a model field holds (lenient: an enum field also holds
any string, since the vendor adds values and a response keeps what the server sent) and what
a method argument accepts (precise: the enum's members or its values as literals; a model or
any mapping for an object). `prefix` qualifies model and enum names ("models." outside
models.py). Spec values reach the output only through `literal`, a Python literal via repr.
"""

from __future__ import annotations

from generator.emit.python.naming import PythonEmitError
from generator.ir import (
    AnyValue,
    Api,
    ArrayOf,
    Const,
    EnumRef,
    MapOf,
    ModelRef,
    Nullable,
    Scalar,
    TypeExpr,
    UnionOf,
)

SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
LITERAL_TYPES = (str, int, bool)


def literal(value: object) -> str:
    """A Python literal for a JSON scalar (repr: quotes and escapes are Python's own)."""
    if value is None or isinstance(value, str | int | float | bool):
        return repr(value)
    raise PythonEmitError(f"python: no literal for a {type(value).__name__} value")


def field_type(kind: TypeExpr, prefix: str = "") -> str:
    """The annotation of a model field holding `kind` (None not included)."""
    return _union(_field_parts(kind, prefix))


def argument_type(api: Api, kind: TypeExpr, prefix: str = "") -> str:
    """The annotation of a method argument for `kind`."""
    return _union(_argument_parts(api, kind, prefix))


def uses_literal(api: Api, kinds: list[TypeExpr], arguments: bool) -> bool:
    """Whether the annotations of `kinds` need typing.Literal."""
    spell = (lambda k: argument_type(api, k)) if arguments else field_type
    return any("Literal[" in spell(kind) for kind in kinds)


def _field_parts(kind: TypeExpr, prefix: str) -> list[str]:
    if isinstance(kind, Scalar):
        return [SCALARS[kind.kind]]
    if isinstance(kind, Const):
        return [_const(kind.value)]
    if isinstance(kind, EnumRef):
        return [prefix + kind.name, "str"]
    if isinstance(kind, ModelRef):
        return [prefix + kind.name]
    if isinstance(kind, ArrayOf):
        return [f"list[{field_type(kind.items, prefix)}]"]
    if isinstance(kind, MapOf):
        return [f"dict[str, {field_type(kind.values, prefix)}]"]
    if isinstance(kind, AnyValue):
        return ["dict[str, object]" if kind.object_only else "object"]
    if isinstance(kind, UnionOf):
        return [part for variant in kind.variants for part in _field_parts(variant, prefix)]
    return [*_field_parts(kind.inner, prefix), "None"]


def _argument_parts(api: Api, kind: TypeExpr, prefix: str) -> list[str]:
    if isinstance(kind, EnumRef):
        values = ", ".join(literal(value) for value in api.enum(kind.name).values)
        return [prefix + kind.name, f"Literal[{values}]"]
    if isinstance(kind, ModelRef):
        return [prefix + kind.name, "Mapping[str, object]"]
    if isinstance(kind, ArrayOf):
        return [f"Sequence[{argument_type(api, kind.items, prefix)}]"]
    if isinstance(kind, MapOf):
        return [f"Mapping[str, {argument_type(api, kind.values, prefix)}]"]
    if isinstance(kind, AnyValue):
        return ["Mapping[str, object]" if kind.object_only else "object"]
    if isinstance(kind, UnionOf):
        return [part for variant in kind.variants for part in _argument_parts(api, variant, prefix)]
    if isinstance(kind, Nullable):
        return [*_argument_parts(api, kind.inner, prefix), "None"]
    return _field_parts(kind, prefix)


def _const(value: object) -> str:
    if value is None:
        return "None"
    if isinstance(value, LITERAL_TYPES):
        return f"Literal[{literal(value)}]"
    return "float"  # typing.Literal cannot hold a float; the validator checks the value


def _union(parts: list[str]) -> str:
    unique = list(dict.fromkeys(parts))
    if "object" in unique:
        return "object"
    # None last, as Python readers expect of an optional value
    return " | ".join([part for part in unique if part != "None"] + ["None"] * ("None" in unique))
