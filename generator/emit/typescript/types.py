"""IR type expressions as TypeScript types, the two flavours of a model, and what imports them.

Two flavours of the same model: a model a request body reaches is *precise* (an enum is the
union of its values, so a typo fails to compile); a model only responses reach is *lenient*
(an enum is `OpenEnum<E>`, its values or any other string, because the server may add a value
before the spec names it, and the client keeps what it receives).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.emit.typescript.render import TypeScriptEmitError, identifier, js
from generator.ir import (
    AnyValue,
    Api,
    ArrayOf,
    Const,
    EnumRef,
    Field,
    MapOf,
    Model,
    ModelRef,
    Nullable,
    Scalar,
    TypeExpr,
    UnionOf,
)

SCALARS = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}
OPEN_ENUM = "OpenEnum"


def ts_type(expr: TypeExpr, lenient: bool) -> str:
    """The TypeScript type of a value of `expr`; `lenient` opens enums (see the module doc)."""
    if isinstance(expr, Scalar):
        return SCALARS[expr.kind]
    if isinstance(expr, Const):
        return js(expr.value)
    if isinstance(expr, EnumRef):
        name = identifier(expr.name)
        return f"{OPEN_ENUM}<{name}>" if lenient else name
    if isinstance(expr, ModelRef):
        return identifier(expr.name)
    if isinstance(expr, ArrayOf):
        return f"Array<{ts_type(expr.items, lenient)}>"
    if isinstance(expr, MapOf):
        return f"{{ [key: string]: {ts_type(expr.values, lenient)} }}"
    if isinstance(expr, AnyValue):
        return "{ [key: string]: unknown }" if expr.object_only else "unknown"
    if isinstance(expr, UnionOf):
        # every member is a plain, array, object or literal type: no parentheses needed
        return " | ".join(ts_type(variant, lenient) for variant in expr.variants)
    if isinstance(expr, Nullable):
        return f"{ts_type(expr.inner, lenient)} | null"
    raise TypeScriptEmitError(f"no TypeScript type for {expr!r}")


def _children(expr: TypeExpr, models: dict[str, Model]) -> Iterator[TypeExpr]:
    if isinstance(expr, ArrayOf):
        yield expr.items
    elif isinstance(expr, MapOf):
        yield expr.values
    elif isinstance(expr, UnionOf):
        yield from expr.variants
    elif isinstance(expr, Nullable):
        yield expr.inner
    elif isinstance(expr, ModelRef):
        model = models[expr.name]
        yield from (field.type for field in model.fields)
        if not isinstance(model.additional, bool):
            yield model.additional


def reachable_models(roots: Iterable[TypeExpr], models: dict[str, Model]) -> frozenset[str]:
    """The names of the models a value of any of `roots` may hold, at any depth."""
    found: set[str] = set()
    pending = list(roots)
    while pending:
        expr = pending.pop()
        if isinstance(expr, ModelRef):
            if expr.name in found:
                continue
            found.add(expr.name)
        pending.extend(_children(expr, models))
    return frozenset(found)


def precise_models(api: Api) -> frozenset[str]:
    """Models a request body reaches: they keep precise enum unions."""
    models = {model.name: model for model in api.models}
    roots = [op.request.type for op in api.operations if op.request is not None]
    return reachable_models(roots, models)


def field_type(field: Field, lenient: bool) -> str:
    """A field's type; an optional field of a request model may also be `undefined`, which
    the client leaves out of the JSON body (as `JSON.stringify` does)."""
    text = ts_type(field.type, lenient)
    return text if field.required or lenient else f"{text} | undefined"


def imported_names(exprs: Iterable[TypeExpr | None], lenient: bool) -> list[str]:
    """The names of models.ts that the types of `exprs` use at their top (sorted, for an import)."""
    found: set[str] = set()
    pending = [expr for expr in exprs if expr is not None]
    while pending:
        expr = pending.pop()
        if isinstance(expr, ModelRef):
            found.add(identifier(expr.name))
        elif isinstance(expr, EnumRef):
            found.add(identifier(expr.name))
            if lenient:
                found.add(OPEN_ENUM)
        elif isinstance(expr, ArrayOf):
            pending.append(expr.items)
        elif isinstance(expr, MapOf):
            pending.append(expr.values)
        elif isinstance(expr, UnionOf):
            pending.extend(expr.variants)
        elif isinstance(expr, Nullable):
            pending.append(expr.inner)
    return sorted(found)


def operation_imports(api: Api) -> list[str]:
    """The names of models.ts the methods of resources.ts use, sorted."""
    requests = imported_names((op.request.type for op in api.operations if op.request), False)
    answers = imported_names(
        (op.success.body.type for op in api.operations if op.success.body), True
    )
    return sorted({*requests, *answers})


def response_kind(expr: TypeExpr | None) -> str:
    """What a lenient client still checks of a success body: its JSON type at the top, where
    the typed view fixes it ("object" or "array"), else nothing ("any")."""
    if isinstance(expr, ModelRef | MapOf) or (isinstance(expr, AnyValue) and expr.object_only):
        return "object"
    if isinstance(expr, ArrayOf):
        return "array"
    return "any"
