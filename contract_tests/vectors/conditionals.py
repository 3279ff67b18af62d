"""Cross-field rules (`if` / `then` / `else`), each from both sides.

For an object under a conditional rule, the properties its `if`, `then` and `else` name are
given values from small pools (absent, the base value, the values the rule itself names,
valid values of the property: examples, enum values, bounds), and the combinations are
judged: the first where the `if` holds and `then` is broken is rejected, the first where it
holds and `then` is kept is accepted, and the same for `else` (or, without one, the first
where the `if` does not hold, accepted: the rule must not apply there).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from typing import Any

from contract_tests.vectors.context import OperationContext
from contract_tests.vectors.model import Vector
from contract_tests.vectors.schema import Schema, canonical
from contract_tests.vectors.slots import Slot

__all__ = ["conditional_vectors", "mentioned"]

MAX_PROPERTIES = 4
POOL_SIZE = 6  # valid values of a property tried, besides the rule's own
MAX_COMBINATIONS = 4096
ABSENT: Any = object()
# (the `if` holds, the branch it selects is kept), in the order the vectors come
SIDES = ((True, False), (True, True), (False, False), (False, True))


def conditional_vectors(ctx: OperationContext, slot: Slot) -> Iterator[Vector | None]:
    if not isinstance(slot.value, dict):
        return
    for node in ctx.view.constraints(slot.schema).conditionals:
        yield from _sides(ctx, slot, node)


def _sides(ctx: OperationContext, slot: Slot, node: Schema) -> Iterator[Vector | None]:
    rule = str(node.get("x-rule") or "if/then/else")
    wanted = [side for side in SIDES if _wanted(node, side)]
    found: dict[tuple[bool, bool], Vector] = {}
    for candidate in _candidates(ctx, slot, node):
        holds = ctx.view.accepts(node["if"], candidate)
        branch = node.get("then" if holds else "else")
        kept = branch is None or ctx.view.accepts(branch, candidate)
        side = (holds, kept)
        if side not in wanted or side in found:
            continue
        what = f"{rule}: {_describe(node, side)}"
        body = slot.put(candidate)
        vector = (
            ctx.accepted(slot.label, what, body) if kept else ctx.rejected(slot.label, what, body)
        )
        if vector is not None:
            found[side] = vector
            if len(found) == len(wanted):
                break
    for side in wanted:
        yield found.get(side)


def _wanted(node: Schema, side: tuple[bool, bool]) -> bool:
    """Both sides of `then` and of `else`; without an `else`, the `if` failing (accepted)."""
    holds, kept = side
    if holds:
        return "then" in node
    return "else" in node or kept


def _describe(node: Schema, side: tuple[bool, bool]) -> str:
    holds, kept = side
    if holds:
        return "the if holds and then is " + ("kept" if kept else "broken")
    if "else" not in node:
        return "the if does not hold (then does not apply)"
    return "the if does not hold and else is " + ("kept" if kept else "broken")


def _candidates(ctx: OperationContext, slot: Slot, node: Schema) -> Iterator[dict[str, Any]]:
    found = ctx.view.constraints(slot.schema)
    names = [name for name in mentioned(node) if name in found.properties or name in slot.value]
    names = names[:MAX_PROPERTIES]
    pools = [_pool(ctx, slot, node, name, name in found.required) for name in names]
    unchanged = canonical(slot.value)
    for combination in itertools.islice(itertools.product(*pools), MAX_COMBINATIONS):
        candidate = dict(slot.value)
        for name, value in zip(names, combination, strict=True):
            if value is ABSENT:
                candidate.pop(name, None)
            else:
                candidate[name] = value
        if canonical(candidate) != unchanged:  # the body as it is proves nothing new
            yield candidate


def _pool(ctx: OperationContext, slot: Slot, node: Schema, name: str, required: bool) -> list[Any]:
    found = ctx.view.constraints(slot.schema)
    ir_path = (*slot.ir_path, name)
    values: list[Any] = [] if required else [ABSENT]
    if name in slot.value:
        values.append(slot.value[name])
    values += list(_named_values(node, name))
    schema = found.properties.get(name)
    if schema is not None:
        values += list(itertools.islice(ctx.synth.values(schema, ir_path), POOL_SIZE))
    unique: dict[str, Any] = {}
    for value in values:
        unique.setdefault("absent" if value is ABSENT else canonical(value), value)
    return list(unique.values())


def mentioned(node: Schema) -> list[str]:
    """The property names an if / then / else names (its properties and required ones)."""
    names: dict[str, None] = {}
    for key in ("if", "then", "else"):
        sub = node.get(key)
        if isinstance(sub, Mapping):
            _collect(sub, names)
    return list(names)


def _collect(schema: Schema, names: dict[str, None]) -> None:
    names.update(dict.fromkeys(schema.get("properties") or {}))
    names.update(dict.fromkeys(schema.get("required") or ()))
    for key in ("allOf", "anyOf", "oneOf"):
        for member in schema.get(key) or ():
            _collect(member, names)
    inner = schema.get("not")
    if isinstance(inner, Mapping):
        _collect(inner, names)


def _named_values(node: Schema, name: str) -> Iterator[Any]:
    """The const and enum values the rule's own subschemas give the property."""
    for key in ("if", "then", "else"):
        sub = node.get(key)
        if isinstance(sub, Mapping):
            prop = (sub.get("properties") or {}).get(name)
            if isinstance(prop, Mapping):
                if "const" in prop:
                    yield prop["const"]
                yield from prop.get("enum") or ()
                for keyword in ("minimum", "maximum"):
                    if keyword in prop:
                        yield prop[keyword]
                        yield prop[keyword] + (-1 if keyword == "minimum" else 1)
