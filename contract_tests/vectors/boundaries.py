"""Valid bodies a server must accept: the spec's examples, each optional field, free-form
content at its extremes, unknown properties where objects are open, and large bodies."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from contract_tests.vectors.context import OperationContext
from contract_tests.vectors.model import Expect, Vector
from contract_tests.vectors.rules import LARGE_BODIES_HANDLED
from contract_tests.vectors.slots import MAP_KEY, Slot
from contract_tests.vectors.typed import is_free_form_object, typed_at
from contract_tests.vectors.values import EXTRA_VALUE, unknown_name

__all__ = [
    "content_vectors",
    "empty_echo_vectors",
    "example_vectors",
    "large_vectors",
    "optional_vectors",
]

KIB = 1024
LARGE_SIZES_KIB = (64, 512)
NESTING_DEPTH = 32
UNICODE_TEXT = "Zoë Ñandú 名前 🚀"
# Extreme but valid content for a free-form object (any JSON inside).
# The empty values an `empty: open` echo leaves free ("" is falsy in JS and Python servers).
EMPTY_VALUES: tuple[tuple[str, Any], ...] = (
    ("an empty string", ""),
    ("an empty object", {}),
    ("an empty array", []),
)
FREE_FORM_CONTENT: tuple[tuple[str, dict[str, Any]], ...] = (
    ("empty", {}),
    ("unicode keys and values", {"名前": "José 🚀", "ключ": "значение", "": "empty key"}),
    (
        "nested arrays and objects",
        {"list": ["a", 1, 2.5, True, None, [[], [{}]]], "deep": {"x": {"y": []}}},
    ),
    (
        "numbers near the double limit",
        {"max": 1.7976931348623157e308, "min": -1.7976931348623157e308, "tiny": 5e-324},
    ),
    ("an integer of 2**64", {"big": 2**64, "negative": -(2**64)}),
)

Found = Iterator[Vector | None]


def example_vectors(ctx: OperationContext) -> Found:
    """Every request example of the spec the validator accepts (or, when none is, the base
    body synthesised from the schema)."""
    if ctx.operation.request is None:
        return
    examples = [
        (name, example) for name, example in ctx.operation.request.examples if ctx.valid(example)
    ]
    for name, example in examples:
        yield ctx.accepted("body", f"the spec example {name!r}", example)
    if not examples:
        yield ctx.accepted("body", "synthesised from the schema", ctx.base)


def optional_vectors(ctx: OperationContext) -> Found:
    """The base body with each property it leaves out added in turn (at every depth)."""
    for slot in ctx.slots[1:]:
        if not slot.in_base and slot.ir_path[-1:] != ("*",):
            yield ctx.accepted(slot.label, "added", slot.body)


def content_vectors(ctx: OperationContext, slot: Slot) -> Found:
    """Free-form objects and maps with extreme content; an unknown property where an object
    with named properties is open."""
    found = ctx.view.constraints(slot.schema)
    if not isinstance(slot.value, dict):
        return
    if _free_form(ctx, slot):
        for what, content in FREE_FORM_CONTENT:
            yield ctx.accept_value(slot, what, content)
    elif found.extra is not None and not found.properties:
        yield from _map_content(ctx, slot)
    if found.properties and not found.closed and found.extra is None:
        name = unknown_name(found, slot.value)
        yield ctx.accept_value(
            slot, f"an unknown property ({name})", {**slot.value, name: EXTRA_VALUE}
        )


def _map_content(ctx: OperationContext, slot: Slot) -> Found:
    found = ctx.view.constraints(slot.schema)
    if found.extra is None:
        return
    unicode = [UNICODE_TEXT] if ctx.view.accepts(found.extra, UNICODE_TEXT) else []
    entry = next(
        itertools.chain(unicode, ctx.synth.values(found.extra, (*slot.ir_path, "*"))), None
    )
    yield ctx.accept_value(slot, "empty", {})
    if entry is not None:
        yield ctx.accept_value(slot, "unicode keys and values", {"名前": entry, MAP_KEY: entry})
        yield ctx.accept_value(slot, "an empty key", {"": entry})


def _free_form(ctx: OperationContext, slot: Slot) -> bool:
    if ctx.operation.request is None:
        return False
    return is_free_form_object(
        typed_at(ctx.contract.api, ctx.operation.request.type, slot.ir_path).type
    )


def empty_echo_vectors(ctx: OperationContext) -> Found:
    """Each request field an `empty: open` echo names, sent empty where the spec accepts it.
    The spec leaves its meaning open (a default, the empty value echoed, or a refusal), so a
    correct server answers the documented 2xx or a documented 4xx, and on a 2xx the echo
    rule must not judge the answer."""
    for echo in ctx.operation.echoes:
        if not echo.empty_open:
            continue
        for slot in ctx.slots[1:]:
            if ".".join(slot.ir_path) != echo.request:
                continue
            for what, empty in EMPTY_VALUES:
                yield ctx.accepted(
                    slot.label, what, slot.put(empty), rule=echo.rule, expect=Expect.HANDLED
                )


def large_vectors(ctx: OperationContext) -> Found:
    """For each free-form object: 64 KiB and 512 KiB of content, and 32 levels of nesting.
    A server may refuse sizes it documents (413), never fail on them."""
    for slot in ctx.slots[1:]:
        if not _free_form(ctx, slot):
            continue
        for size in LARGE_SIZES_KIB:
            content = {f"chunk_{index:05d}": "x" * (KIB - 16) for index in range(size)}
            what = f"{size} KiB of content"
            yield ctx.accepted(
                slot.label,
                what,
                slot.put(content),
                rule=LARGE_BODIES_HANDLED,
                expect=Expect.HANDLED,
            )
        nested: dict[str, Any] = {}
        for _ in range(NESTING_DEPTH - 1):
            nested = {"level": nested}
        yield ctx.accepted(
            slot.label,
            f"nested {NESTING_DEPTH} levels deep",
            slot.put(nested),
            rule=LARGE_BODIES_HANDLED,
            expect=Expect.HANDLED,
        )
