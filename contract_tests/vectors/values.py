"""Vectors on one value's rules, from both sides: just outside each rule (rejected) and
exactly on its edge (accepted). Patterns, bounds, lengths, enums, consts, formats, closed
objects; each candidate is kept only when the validator agrees (see `OperationContext`)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from typing import Any

from contract_tests.vectors.context import OperationContext
from contract_tests.vectors.model import Vector
from contract_tests.vectors.patterns import longest_match, near_misses, shortest_match
from contract_tests.vectors.schema import Constraints, integral
from contract_tests.vectors.slots import Slot
from contract_tests.vectors.synth import FORMAT_SAMPLES, highest, lowest

__all__ = ["EXTRA_VALUE", "FORMAT_BREAKERS", "rule_vectors", "unknown_name"]

NEAR_MISSES_PER_SLOT = 16  # edits of the slot's valid value
NEAR_MISSES_PER_EDGE = 2  # and of each edge of each pattern (its shortest and longest match)
ENUM_OUTSIDERS = 2
# Strings that break a format (the validator has the last word).
FORMAT_BREAKERS: dict[str, tuple[str, ...]] = {
    "date-time": ("2024-02-30T10:00:00Z", "2024-01-15 10:00:00Z", "2024-01-15", "not a date"),
    "uri": ("not a uri", "/relative/path", "https://exa mple.com/", "https://example.com/%zz"),
}
EXTRA_NAME = "unknown_property"
EXTRA_VALUE = "an extra value"

Found = Iterator[Vector | None]


def rule_vectors(ctx: OperationContext, slot: Slot) -> Found:
    """Every value rule of the slot, in keyword order."""
    found = ctx.view.constraints(slot.schema)
    yield from _patterns(ctx, slot, found)
    yield from _bounds(ctx, slot, found)
    yield from _lengths(ctx, slot, found)
    yield from _enums(ctx, slot, found)
    yield from _consts(ctx, slot, found)
    yield from _formats(ctx, slot, found)
    yield from _closed(ctx, slot, found)


# --- patterns --------------------------------------------------------------------------------


def _patterns(ctx: OperationContext, slot: Slot, found: Constraints) -> Found:
    """Near-misses of the slot's valid value, then of the pattern's shortest match (made
    shorter) and longest match (made longer); the edges themselves are accepted."""
    if not found.patterns or not isinstance(slot.value, str):
        return
    seen = {slot.value}
    yield from _misses(
        ctx, slot, "", slot.value, ("shorter", "longer", "same"), seen, NEAR_MISSES_PER_SLOT
    )
    for pattern in found.patterns:
        edges = (
            ("shortest", shortest_match(pattern), "shorter"),
            ("longest", longest_match(pattern), "longer"),
        )
        for what, match, change in edges:
            if match is None:
                continue
            yield ctx.accept_value(slot, f"the {what} match of the pattern", match)
            yield from _misses(
                ctx, slot, f"the {what} match, ", match, (change,), seen, NEAR_MISSES_PER_EDGE
            )


def _misses(
    ctx: OperationContext,
    slot: Slot,
    prefix: str,
    valid: str,
    changes: tuple[str, ...],
    seen: set[str],
    cap: int,
) -> Iterator[Vector]:
    kept = 0
    for change, what, edited in near_misses(valid):
        if change not in changes or edited in seen:
            continue
        seen.add(edited)
        vector = ctx.reject_value(slot, prefix + what, edited, keywords=("pattern",), at=slot.path)
        if vector is not None:
            yield vector
            kept += 1
            if kept >= cap:
                return


# --- bounds ----------------------------------------------------------------------------------


def _bounds(ctx: OperationContext, slot: Slot, found: Constraints) -> Found:
    value = slot.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return
    integer = found.types is not None and "integer" in found.types and "number" not in found.types
    for keyword, what, number in _crossings(found, integer=integer):
        yield ctx.reject_value(slot, what, integral(number), keywords=(keyword,), at=slot.path)
    yield from _off_multiples(ctx, slot, found, value)
    low, high = lowest(found, integer=integer), highest(found, integer=integer)
    if low is not None:
        yield ctx.accept_value(slot, f"the lowest valid value ({_show(low)})", low)
    if high is not None:
        yield ctx.accept_value(slot, f"the highest valid value ({_show(high)})", high)


def _crossings(found: Constraints, *, integer: bool) -> Iterator[tuple[str, str, float]]:
    """(keyword, what, value) of each bound crossed by the smallest step."""
    if found.minimum is not None:
        below = math.ceil(found.minimum) - 1 if integer else found.minimum - 1
        yield "minimum", f"the minimum - 1 ({_show(below)})", below
    if found.maximum is not None:
        above = math.floor(found.maximum) + 1 if integer else found.maximum + 1
        yield "maximum", f"the maximum + 1 ({_show(above)})", above
    if found.exclusive_minimum is not None:
        bound = found.exclusive_minimum
        yield "exclusiveMinimum", f"the exclusive minimum itself ({_show(bound)})", bound
    if found.exclusive_maximum is not None:
        bound = found.exclusive_maximum
        yield "exclusiveMaximum", f"the exclusive maximum itself ({_show(bound)})", bound


def _off_multiples(ctx: OperationContext, slot: Slot, found: Constraints, value: float) -> Found:
    step = found.multiple_of
    if step is None:
        return
    for number in (value + step / 2, value + 1, value - 1):
        what = f"not a multiple of {_show(step)} ({_show(number)})"
        vector = ctx.reject_value(
            slot, what, integral(number), keywords=("multipleOf",), at=slot.path
        )
        if vector is not None:
            yield vector
            return


def _show(number: float) -> str:
    return str(integral(number))


# --- lengths ---------------------------------------------------------------------------------


def _lengths(ctx: OperationContext, slot: Slot, found: Constraints) -> Found:
    if isinstance(slot.value, str):
        yield from _string_lengths(ctx, slot, found)
    elif isinstance(slot.value, list):
        yield from _array_lengths(ctx, slot, found)


def _string_lengths(ctx: OperationContext, slot: Slot, found: Constraints) -> Found:
    seeds = [slot.value, *_pattern_edges(found), "a"]
    for keyword, limit, outward in (
        ("minLength", found.min_length, -1),
        ("maxLength", found.max_length, 1),
    ):
        if limit is None or limit + outward < 0:
            continue
        crossed = limit + outward
        yield _first(
            ctx.reject_value(
                slot,
                f"{_count(crossed, 'character')} ({keyword} {limit})",
                text,
                keywords=(keyword,),
                at=slot.path,
            )
            for text in _fits(seeds, crossed)
        )
        yield _first(
            ctx.accept_value(slot, f"exactly {_count(limit, 'character')} ({keyword})", text)
            for text in _fits(seeds, limit)
        )


def _array_lengths(ctx: OperationContext, slot: Slot, found: Constraints) -> Found:
    item = _an_item(ctx, slot, found)
    if item is None:
        return
    for keyword, limit, outward in (
        ("minItems", found.min_items, -1),
        ("maxItems", found.max_items, 1),
    ):
        if limit is None or limit + outward < 0:
            continue
        crossed = _items(slot.value, item, limit + outward)
        what = f"{_count(limit + outward, 'item')} ({keyword} {limit})"
        yield ctx.reject_value(slot, what, crossed, keywords=(keyword,), at=slot.path)
        exact = _items(slot.value, item, limit)
        yield ctx.accept_value(slot, f"exactly {_count(limit, 'item')} ({keyword})", exact)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _pattern_edges(found: Constraints) -> list[str]:
    edges = [shortest_match(pattern) for pattern in found.patterns]
    edges += [longest_match(pattern) for pattern in found.patterns]
    return [edge for edge in edges if edge is not None]


def _fits(seeds: list[str], length: int) -> Iterator[str]:
    """Strings of exactly `length` characters made from valid ones (cut, or the last
    character repeated)."""
    for seed in seeds:
        if len(seed) >= length:
            yield seed[:length]
        elif seed:
            yield seed + seed[-1] * (length - len(seed))


def _an_item(ctx: OperationContext, slot: Slot, found: Constraints) -> Any:
    if slot.value:
        return slot.value[0]
    if found.items is None:
        return EXTRA_VALUE
    return next(iter(ctx.synth.values(found.items, (*slot.ir_path, "*"))), None)


def _items(current: list[Any], item: Any, count: int) -> list[Any]:
    return (current + [item] * count)[:count]


def _first(vectors: Iterator[Vector | None]) -> Vector | None:
    return next((vector for vector in vectors if vector is not None), None)


# --- enums, consts, formats, closed objects --------------------------------------------------


def _enums(ctx: OperationContext, slot: Slot, found: Constraints) -> Found:
    if found.enum is None:
        return
    for value in found.enum:
        yield ctx.accept_value(slot, f"the enum value {_quoted(value)}", value)
    kept = 0
    for what, outsider in _enum_outsiders(found.enum):
        vector = ctx.reject_value(slot, what, outsider, keywords=("enum",), at=slot.path)
        if vector is not None and kept < ENUM_OUTSIDERS:
            kept += 1
            yield vector


def _enum_outsiders(allowed: tuple[Any, ...]) -> Iterator[tuple[str, Any]]:
    texts = [value for value in allowed if isinstance(value, str)]
    upper = next((text.upper() for text in texts if text.upper() not in allowed), None)
    if upper is not None:
        yield f"an upper-cased enum value ({_quoted(upper)})", upper
    if "" not in allowed:
        yield "an empty string", ""
    numbers = [
        value for value in allowed if isinstance(value, int | float) and not isinstance(value, bool)
    ]
    if numbers:
        yield f"a number outside the enum ({_show(max(numbers) + 1)})", integral(max(numbers) + 1)
    if texts:
        yield f"an enum value with a trailing space ({_quoted(texts[0] + ' ')})", texts[0] + " "


def _consts(ctx: OperationContext, slot: Slot, found: Constraints) -> Found:
    if not found.has_const:
        return
    const = found.const
    options: list[tuple[str, Any]] = []
    if isinstance(const, str):
        options += [
            (f"upper-cased ({_quoted(const.upper())})", const.upper()),
            ("an empty string", ""),
        ]
        options.append((f"another value ({_quoted(const + 'x')})", const + "x"))
    elif isinstance(const, bool):
        options.append((f"the other boolean ({str(not const).lower()})", not const))
    elif isinstance(const, int | float):
        options.append((f"another number ({_show(const + 1)})", integral(const + 1)))
    for what, value in options:
        yield ctx.reject_value(slot, what, value, keywords=("const",), at=slot.path)


def _formats(ctx: OperationContext, slot: Slot, found: Constraints) -> Found:
    if not isinstance(slot.value, str):
        return
    for name in found.formats:
        for sample in FORMAT_SAMPLES.get(name, ()):
            yield ctx.accept_value(slot, f"a valid {name} ({_quoted(sample)})", sample)
        for breaker in FORMAT_BREAKERS.get(name, ()):
            what = f"not a valid {name} ({_quoted(breaker)})"
            yield ctx.reject_value(slot, what, breaker, keywords=("format",), at=slot.path)


def _closed(ctx: OperationContext, slot: Slot, found: Constraints) -> Found:
    if not found.closed or not isinstance(slot.value, dict):
        return
    name = unknown_name(found, slot.value)
    value = {**slot.value, name: EXTRA_VALUE}
    what = f"an unknown property ({name})"
    yield ctx.reject_value(
        slot, what, value, keywords=("additionalProperties",), at=(*slot.path, name)
    )


def unknown_name(found: Constraints, value: dict[str, Any]) -> str:
    """A property name the object neither declares nor holds."""
    for suffix in itertools.count():
        name = EXTRA_NAME if suffix == 0 else f"{EXTRA_NAME}_{suffix}"
        if name not in found.properties and name not in value:
            return name
    raise AssertionError("unreachable")


def _quoted(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)
