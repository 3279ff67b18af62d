"""Every place of a request body a vector can aim at, present in the base body or addable.

A `Slot` is one value's place: its concrete path, its IR path ("*" for an item or a map
value), the schema governing it, and a valid body in which it holds a valid value. The walk
starts from the base body; a property the base body leaves out gets a synthesised valid
value (its parents too), and is kept only when the whole body stays valid, so that a vector
changing one slot breaks nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from contract_tests.contract import FieldPath
from contract_tests.vectors.schema import Schema, SchemaView
from contract_tests.vectors.synth import Synthesizer

__all__ = ["MAP_KEY", "Slot", "set_at", "value_at_path", "walk"]

MAX_DEPTH = 12
MAP_ENTRIES = 1  # map values and array items visited per container
MAP_KEY = "key"  # the key of a map entry the walk adds to a map that has none
ADD_ATTEMPTS = 8  # synthesised values tried for an absent property


@dataclass(frozen=True)
class Slot:
    path: FieldPath  # concrete, as in the body ("0" for the first item)
    ir_path: FieldPath  # as the IR spells it ("*" for items and map values)
    schema: Schema
    required: bool  # a required property of its parent (the body itself counts as required)
    body: Any  # a valid body in which the slot holds `value`
    value: Any
    in_base: bool  # the value is the base body's own (the slot and its parents are in it)
    parent_in_base: bool
    parent: Slot | None = field(default=None, repr=False, compare=False)

    @property
    def label(self) -> str:
        return ".".join(self.path) or "body"

    def put(self, value: Any) -> Any:
        """The slot's body with `value` in this place."""
        return set_at(self.body, self.path, value)


def walk(
    view: SchemaView, synth: Synthesizer, root: Schema, base: Any, valid: Callable[[Any], bool]
) -> list[Slot]:
    """Every slot under the body, depth first, in the schema's property order."""
    start = Slot((), (), root, True, base, base, True, True)
    out: list[Slot] = []
    pending = [start]
    while pending:
        slot = pending.pop(0)
        out.append(slot)
        if len(slot.path) < MAX_DEPTH:
            pending[:0] = list(_children(view, synth, slot, valid))
    return out


def _children(
    view: SchemaView, synth: Synthesizer, slot: Slot, valid: Callable[[Any], bool]
) -> Iterator[Slot]:
    found = view.constraints(slot.schema)
    value = slot.value
    if isinstance(value, dict):
        for name, schema in found.properties.items():
            child = _property(synth, slot, name, schema, name in found.required, valid)
            if child is not None:
                yield child
        if found.extra is not None:
            yield from _entries(synth, slot, found.extra, set(found.properties), valid)
    elif isinstance(value, list) and found.items is not None:
        yield from _items(synth, slot, found.items, valid)


def _property(
    synth: Synthesizer,
    slot: Slot,
    name: str,
    schema: Schema,
    required: bool,
    valid: Callable[[Any], bool],
) -> Slot | None:
    path, ir_path = (*slot.path, name), (*slot.ir_path, name)
    if name in slot.value:
        return Slot(
            path,
            ir_path,
            schema,
            required,
            slot.body,
            slot.value[name],
            slot.in_base,
            slot.in_base,
            slot,
        )
    placed = _place(synth, slot.body, path, ir_path, schema, valid)
    if placed is None:
        return None
    body, value = placed
    return Slot(path, ir_path, schema, required, body, value, False, slot.in_base, slot)


def _entries(
    synth: Synthesizer, slot: Slot, schema: Schema, named: set[str], valid: Callable[[Any], bool]
) -> Iterator[Slot]:
    keys = [key for key in slot.value if key not in named][:MAP_ENTRIES]
    ir_path = (*slot.ir_path, "*")
    for key in keys:
        yield Slot(
            (*slot.path, key),
            ir_path,
            schema,
            False,
            slot.body,
            slot.value[key],
            slot.in_base,
            slot.in_base,
            slot,
        )
    if not keys and MAP_KEY not in named:
        placed = _place(synth, slot.body, (*slot.path, MAP_KEY), ir_path, schema, valid)
        if placed is not None:
            yield Slot(
                (*slot.path, MAP_KEY),
                ir_path,
                schema,
                False,
                placed[0],
                placed[1],
                False,
                slot.in_base,
                slot,
            )


def _items(
    synth: Synthesizer, slot: Slot, schema: Schema, valid: Callable[[Any], bool]
) -> Iterator[Slot]:
    ir_path = (*slot.ir_path, "*")
    for index, item in enumerate(slot.value[:MAP_ENTRIES]):
        yield Slot(
            (*slot.path, str(index)),
            ir_path,
            schema,
            False,
            slot.body,
            item,
            slot.in_base,
            slot.in_base,
            slot,
        )
    if not slot.value:
        for item in _first(synth.values(schema, ir_path), ADD_ATTEMPTS):
            body = set_at(slot.body, slot.path, [item])
            if valid(body):
                yield Slot(
                    (*slot.path, "0"), ir_path, schema, False, body, item, False, slot.in_base, slot
                )
                return


def _place(
    synth: Synthesizer,
    body: Any,
    path: FieldPath,
    ir_path: FieldPath,
    schema: Schema,
    valid: Callable[[Any], bool],
) -> tuple[Any, Any] | None:
    """A body with a synthesised valid value at an absent place, still valid as a whole."""
    for value in _first(synth.values(schema, ir_path), ADD_ATTEMPTS):
        placed = set_at(body, path, value)
        if valid(placed):
            return placed, value
    return None


def _first(values: Iterator[Any], count: int) -> Iterator[Any]:
    for index, value in enumerate(values):
        if index >= count:
            return
        yield value


def set_at(document: Any, path: FieldPath, value: Any) -> Any:
    """A copy of `document` with `value` at the concrete `path`, added when absent (the
    parents must exist: a dict key, or a list index up to the list's length)."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(document, dict):
        current = document.get(head)
        return {**document, head: set_at(current, rest, value)}
    if isinstance(document, list) and head.isdigit() and int(head) <= len(document):
        copy = list(document)
        index = int(head)
        if index == len(copy):
            copy.append(set_at(None, rest, value))
        else:
            copy[index] = set_at(copy[index], rest, value)
        return copy
    raise ValueError(f"no place {'.'.join(path)!r} in a {type(document).__name__}")


def value_at_path(document: Any, path: FieldPath) -> Any:
    """The value at a concrete path (None when there is none)."""
    current = document
    for step in path:
        if isinstance(current, dict):
            current = current.get(step)
        elif isinstance(current, list) and step.isdigit() and int(step) < len(current):
            current = current[int(step)]
        else:
            return None
    return current
