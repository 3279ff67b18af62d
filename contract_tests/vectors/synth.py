"""Valid values for any place of a request body, preferring what the spec shows.

Candidates come in this order: the operation's own request examples at that place, example
instances of the `$defs` entries in force there (from any body of the spec), the field's
default, its `const` and `enum` values, values at its bounds, the shortest and longest
matches of its patterns, then plain values of its type (an object gets its required
properties, recursively). The validator keeps the candidates that hold there.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from typing import Any

from contract_tests.contract import FieldPath
from contract_tests.vectors.examples import ExampleBank
from contract_tests.vectors.patterns import longest_match, shortest_match
from contract_tests.vectors.schema import Constraints, Schema, SchemaView, canonical, integral
from contract_tests.vectors.typed import typed_at
from generator.ir import Api, Operation

__all__ = ["FORMAT_SAMPLES", "Synthesizer"]

MAX_DEPTH = 12
PER_PROPERTY = 3  # candidates kept per required property when an object needs a combination
MAX_COMBINATIONS = 64
# Valid samples of the formats the validators check (the validator has the last word).
FORMAT_SAMPLES: dict[str, tuple[str, ...]] = {
    "date-time": (
        "2024-01-15T10:00:00Z",
        "2024-01-15T10:00:00.125+05:30",
        "2024-02-29T23:59:59-08:00",
    ),
    "uri": ("https://example.com/path?query=1#fragment", "urn:isbn:0451450523"),
}
PLAIN_STRING = "text"


class Synthesizer:
    def __init__(self, api: Api, operation: Operation, view: SchemaView, bank: ExampleBank) -> None:
        self.api = api
        self.operation = operation
        self.view = view
        self.bank = bank

    def value(self, schema: Schema, path: FieldPath) -> Any:
        """The first valid value for the place (an IR path) a schema governs; raises
        LookupError when none is found."""
        for found in self.values(schema, path):
            return found
        raise LookupError(path)

    def values(self, schema: Schema, path: FieldPath, depth: int = 0) -> Iterator[Any]:
        """Valid values for the place, best first, each once."""
        seen: set[str] = set()
        for candidate in self.candidates(schema, path, depth):
            key = canonical(candidate)
            if key in seen:
                continue
            seen.add(key)
            if self.view.accepts(schema, candidate):
                yield candidate

    def candidates(self, schema: Schema, path: FieldPath, depth: int = 0) -> Iterator[Any]:
        """Values to try at the place (not all valid), best first."""
        found = self.view.constraints(schema)
        yield from self.bank.at(self.operation, path)
        for name in found.refs:
            yield from self.bank.of(name)
        if self.operation.request is not None:
            field = typed_at(self.api, self.operation.request.type, path).field
            if field is not None and field.has_default:
                yield field.default
        if found.has_const:
            yield found.const
        yield from found.enum or ()
        if depth > MAX_DEPTH:
            return
        for choice in found.choices:
            for variant in choice.get("anyOf") or choice.get("oneOf") or ():
                yield from self.values(variant, path, depth + 1)
        for kind in found.types or ("object", "string", "integer", "boolean", "array", "null"):
            yield from self._of_type(kind, found, schema, path, depth)

    def _of_type(
        self, kind: str, found: Constraints, schema: Schema, path: FieldPath, depth: int
    ) -> Iterator[Any]:
        if kind == "string":
            yield from strings_for(found)
        elif kind in ("integer", "number"):
            yield from numbers_for(found, integer=kind == "integer")
        elif kind == "boolean":
            yield from (False, True)
        elif kind == "null":
            yield None
        elif kind == "array":
            yield from self._arrays(found, path, depth)
        elif kind == "object":
            yield from self._objects(found, path, depth)

    def _arrays(self, found: Constraints, path: FieldPath, depth: int) -> Iterator[Any]:
        low = found.min_items or 0
        if low == 0:
            yield []
        if found.items is None:
            yield [PLAIN_STRING] * max(low, 1)
            return
        for item in itertools.islice(
            self.values(found.items, (*path, "*"), depth + 1), PER_PROPERTY
        ):
            yield [item] * max(low, 1)

    def _objects(self, found: Constraints, path: FieldPath, depth: int) -> Iterator[Any]:
        """Objects with the required properties only, trying combinations when the first one
        breaks a cross-field rule."""
        options: list[list[tuple[str, Any]]] = []
        for name in found.required:
            sub = found.properties.get(name)
            if sub is None:
                values: list[Any] = [PLAIN_STRING]
            else:
                values = list(
                    itertools.islice(self.values(sub, (*path, name), depth + 1), PER_PROPERTY)
                )
            if not values:
                return
            options.append([(name, value) for value in values])
        for combination in itertools.islice(itertools.product(*options), MAX_COMBINATIONS):
            yield dict(combination)


def strings_for(found: Constraints) -> Iterator[str]:
    for pattern in found.patterns:
        for match in (shortest_match(pattern), longest_match(pattern)):
            if match is not None:
                yield match
    for name in found.formats:
        yield from FORMAT_SAMPLES.get(name, ())
    low = found.min_length or 0
    yield (PLAIN_STRING * (low // len(PLAIN_STRING) + 1))[: max(low, len(PLAIN_STRING))]
    if found.max_length is not None:
        yield PLAIN_STRING[: found.max_length]
    yield ""


def numbers_for(found: Constraints, *, integer: bool) -> Iterator[float]:
    """Values at the bounds (multiples of `multipleOf`), then small ones."""
    for bound in (lowest(found, integer=integer), highest(found, integer=integer)):
        if bound is not None:
            yield bound
    step = found.multiple_of
    yield from (0, step) if step is not None else (0, 1)


def lowest(found: Constraints, *, integer: bool) -> float | None:
    """The lowest valid number (for an exclusive bound on a non-integer, just above it; the
    first multiple of `multipleOf` from there)."""
    options: list[float] = []
    if found.minimum is not None:
        options.append(math.ceil(found.minimum) if integer else found.minimum)
    if found.exclusive_minimum is not None:
        bound = found.exclusive_minimum
        options.append(math.floor(bound) + 1 if integer else math.nextafter(bound, math.inf))
    if not options:
        return None
    low = max(options)
    step = found.multiple_of
    return integral(math.ceil(low / step) * step if step is not None else low)


def highest(found: Constraints, *, integer: bool) -> float | None:
    """The highest valid number (the mirror of `lowest`)."""
    options: list[float] = []
    if found.maximum is not None:
        options.append(math.floor(found.maximum) if integer else found.maximum)
    if found.exclusive_maximum is not None:
        bound = found.exclusive_maximum
        options.append(math.ceil(bound) - 1 if integer else math.nextafter(bound, -math.inf))
    if not options:
        return None
    high = min(options)
    step = found.multiple_of
    return integral(math.floor(high / step) * step if step is not None else high)
