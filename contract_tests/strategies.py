"""Hypothesis strategies from the validation view: values a schema allows, and values the spec
forbids for each property.

`SchemaStrategies(document).valid(name)` draws instances of any `$defs` entry; `forbidden(name)`
maps each property of an object entry to a strategy of values that break it. Both are built
from the IR's validation view only (no field name of the spec here), and both are checked
with the generated validator before a value is handed out: a valid draw passes it, a
forbidden one fails it. (hypothesis-jsonschema 0.23 no longer runs on this Hypothesis for
objects, and it reads patterns with Python's `$`; the strategies are built here instead.)

Generation aims at the rules rather than around them: a pattern is drawn from (ECMAScript
semantics, ASCII classes), bounds and lengths bound the draws, objects get their required
properties and a few optional and unknown ones, and a cross-field rule (`if`/`then`/`else`)
broken by a draw is repaired by drawing its branch's properties again.
"""

from __future__ import annotations

import math
import string
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from hypothesis import strategies as st
from retell_client._validation import ecma_pattern

from contract_tests.contract import Contract
from contract_tests.vectors.patterns import near_misses
from contract_tests.vectors.schema import Constraints, Schema, SchemaView, canonical, integral
from contract_tests.vectors.synth import highest, lowest

__all__ = [
    "JSON_VALUES",
    "SchemaStrategies",
    "forbidden_values",
    "valid_values",
]

TEXT = st.text(max_size=12)
KEYS = st.text(string.ascii_lowercase + "_", min_size=1, max_size=10)
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT
)
JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
MAX_EXTRA_LENGTH = 16  # characters or items beyond a minimum when there is no maximum
MAX_UNKNOWN = 2  # unknown properties added to an open object
MAX_REPAIRS = 3  # rounds of repairing cross-field rules in one drawn object
# A sample of each JSON type, for values of a type a schema does not allow.
OTHER_TYPES: dict[str, st.SearchStrategy[Any]] = {
    "null": st.none(),
    "boolean": st.booleans(),
    "integer": st.integers(),
    "number": st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not x.is_integer()),
    "string": TEXT,
    "array": st.lists(JSON_SCALARS, max_size=2),
    "object": st.dictionaries(TEXT, JSON_SCALARS, max_size=2),
}
ANY_TYPE = st.one_of(list(OTHER_TYPES.values()))
DATE_TIMES = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2199, 12, 31)).map(
    lambda moment: moment.replace(tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
)
URIS = st.from_regex(r"\A[a-z][a-z0-9+.\-]{0,6}:[A-Za-z0-9/._~\-]{0,16}\Z")
FORMATS: dict[str, st.SearchStrategy[str]] = {"date-time": DATE_TIMES, "uri": URIS}


def valid_values(contract: Contract, name: str) -> st.SearchStrategy[Any]:
    """Values the `$defs` entry `name` of the contract's validation view allows."""
    return SchemaStrategies(contract.schema_document).valid(name)


def forbidden_values(contract: Contract, name: str) -> dict[str, st.SearchStrategy[Any]]:
    """For each property of the object entry `name`: values the spec forbids there."""
    return SchemaStrategies(contract.schema_document).forbidden(name)


class SchemaStrategies:
    def __init__(self, document: Mapping[str, Any]) -> None:
        self.view = SchemaView(document)
        self._valid: dict[str, st.SearchStrategy[Any]] = {}

    # --- valid values ---------------------------------------------------------------------

    def valid(self, name: str) -> st.SearchStrategy[Any]:
        return self.for_schema(self.view.ref(name))

    def for_schema(self, schema: Schema) -> st.SearchStrategy[Any]:
        """Values the subschema allows (every one passes the generated validator)."""
        key = canonical(schema)
        found = self._valid.get(key)
        if found is None:
            # deferred: a recursive schema refers to itself while it is being built
            self._valid[key] = st.deferred(lambda: self._valid_of(schema))
            found = self._valid[key]
        return found

    def _valid_of(self, schema: Schema) -> st.SearchStrategy[Any]:
        view = self.view
        return self._proposals(schema).filter(lambda value: view.accepts(schema, value))

    def _proposals(self, schema: Schema) -> st.SearchStrategy[Any]:
        found = self.view.constraints(schema)
        if found.has_const:
            return st.just(found.const)
        if found.enum is not None:
            return st.sampled_from(found.enum)
        if found.choices:
            choice = found.choices[0]
            variants = choice.get("anyOf") or choice.get("oneOf") or ()
            return st.one_of([self.for_schema(variant) for variant in variants])
        kinds = found.types or tuple(OTHER_TYPES)
        return st.one_of([self._of_type(kind, found, schema) for kind in kinds])

    def _of_type(self, kind: str, found: Constraints, schema: Schema) -> st.SearchStrategy[Any]:
        if kind == "string":
            return _strings(found)
        if kind in ("integer", "number"):
            return _numbers(found, integer=kind == "integer")
        if kind == "array":
            items = self.for_schema(found.items) if found.items is not None else JSON_VALUES
            low = found.min_items or 0
            high = found.max_items if found.max_items is not None else low + 3
            return st.lists(items, min_size=low, max_size=high)
        if kind == "object":
            return self._objects(found, schema)
        return OTHER_TYPES[kind]

    def _objects(self, found: Constraints, schema: Schema) -> st.SearchStrategy[dict[str, Any]]:
        named = {name: self.for_schema(sub) for name, sub in found.properties.items()}
        required = {name: named.get(name, JSON_VALUES) for name in found.required}
        optional = {name: strategy for name, strategy in named.items() if name not in required}
        core = st.fixed_dictionaries(required, optional=optional)
        known = set(found.properties) | set(found.required)
        if found.closed:
            extras: st.SearchStrategy[dict[str, Any]] = st.just({})
        else:
            values = self.for_schema(found.extra) if found.extra is not None else JSON_VALUES
            unknown = KEYS.filter(lambda key: key not in known)
            extras = st.dictionaries(unknown, values, max_size=MAX_UNKNOWN)
        repair = self._repairer(found)
        return st.builds(lambda extra, body: {**extra, **body}, extras, core).flatmap(repair)

    def _repairer(
        self, found: Constraints
    ) -> Callable[[dict[str, Any]], st.SearchStrategy[dict[str, Any]]]:
        """A drawn object whose cross-field rules hold: the properties of a broken branch are
        drawn again from that branch (as many rounds as rules, bounded)."""
        if not found.conditionals:
            return st.just

        @st.composite
        def repaired(draw: st.DrawFn, value: dict[str, Any]) -> dict[str, Any]:
            for _ in range(MAX_REPAIRS):
                broken = self._broken_branch(found, value)
                if broken is None:
                    break
                for name, sub in (broken.get("properties") or {}).items():
                    prop = found.properties.get(name, {})
                    value = {**value, name: draw(self.for_schema({"allOf": [prop, sub]}))}
                for name in broken.get("required") or ():
                    if name not in value:
                        value = {
                            **value,
                            name: draw(self.for_schema(found.properties.get(name, {}))),
                        }
            return value

        return lambda value: repaired(value)

    def _broken_branch(self, found: Constraints, value: dict[str, Any]) -> Schema | None:
        for node in found.conditionals:
            branch = node.get("then") if self.view.accepts(node["if"], value) else node.get("else")
            if branch is not None and not self.view.accepts(branch, value):
                return dict(branch)
        return None

    # --- forbidden values -----------------------------------------------------------------

    def forbidden(self, name: str) -> dict[str, st.SearchStrategy[Any]]:
        """Each property of an object entry -> values its schema forbids (a property whose
        schema allows every JSON value has none and is left out)."""
        found = self.view.constraints(self.view.ref(name))
        out: dict[str, st.SearchStrategy[Any]] = {}
        for prop, schema in found.properties.items():
            strategy = self.forbidden_for(schema)
            if strategy is not None:
                out[prop] = strategy
        return out

    def forbidden_for(self, schema: Schema, depth: int = 0) -> st.SearchStrategy[Any] | None:
        """Values the subschema forbids, each checked with the generated validator: other
        JSON types and null, enum and const outsiders, pattern near-misses, crossed bounds and
        lengths, unknown properties of closed objects, and (inside objects and arrays) the
        same one level down. None when the schema forbids nothing this can build."""
        found = self.view.constraints(schema)
        options = [
            *_other_types(found),
            *_outsiders(found),
            *self._near_misses(found, schema),
            *_crossed_bounds(found),
            *self._crossed_lengths(found, schema),
            *self._inner(found, schema, depth),
        ]
        if (
            found.choices
            or found.conditionals
            or any("not" in node for node in self.view.flatten(schema))
        ):
            options.append(ANY_TYPE)  # unions and negations: what refuses them is any JSON
        if not options:
            return None
        view = self.view
        return st.one_of(options).filter(lambda value: not view.accepts(schema, value))

    def _near_misses(self, found: Constraints, schema: Schema) -> list[st.SearchStrategy[Any]]:
        if not found.patterns:
            return []

        def edits(valid: Any) -> st.SearchStrategy[str]:
            edited = [value for _, _, value in near_misses(valid)] if isinstance(valid, str) else []
            return st.sampled_from(edited) if edited else st.nothing()

        return [self.for_schema(schema).flatmap(edits)]

    def _crossed_lengths(self, found: Constraints, schema: Schema) -> list[st.SearchStrategy[Any]]:
        options: list[st.SearchStrategy[Any]] = []
        if found.min_length:
            options.append(st.text(max_size=found.min_length - 1))
        if found.max_length is not None:
            options.append(
                st.text(min_size=found.max_length + 1, max_size=found.max_length + MAX_EXTRA_LENGTH)
            )
        if found.items is not None and (found.min_items or found.max_items is not None):
            items = self.for_schema(found.items)
            if found.min_items:
                options.append(st.lists(items, max_size=found.min_items - 1))
            if found.max_items is not None:
                low = found.max_items + 1
                options.append(st.lists(items, min_size=low, max_size=low + 2))
        return options

    def _inner(
        self, found: Constraints, schema: Schema, depth: int
    ) -> list[st.SearchStrategy[Any]]:
        """An allowed object or array with one inner value broken (a property forbidden, a
        required one left out, an unknown one in a closed object, an item forbidden)."""
        if depth > 2:
            return []
        options: list[st.SearchStrategy[Any]] = []
        valid = self.for_schema(schema)
        for name, sub in found.properties.items():
            bad = self.forbidden_for(sub, depth + 1)
            if bad is not None:
                options.append(st.builds(_setting(name), valid, bad))
        for name in found.required:
            options.append(valid.map(_leaving_out(name)))
        if found.closed:
            unknown = KEYS.filter(lambda key: key not in found.properties)
            options.append(
                st.builds(lambda obj, key, value: {**obj, key: value}, valid, unknown, JSON_SCALARS)
            )
        if found.extra is not None:
            bad = self.forbidden_for(found.extra, depth + 1)
            if bad is not None:
                options.append(st.dictionaries(KEYS, bad, min_size=1, max_size=2))
        if found.items is not None:
            bad = self.forbidden_for(found.items, depth + 1)
            if bad is not None:
                options.append(st.lists(bad, min_size=1, max_size=2))
        return options


def _setting(key: str) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    return lambda obj, value: {**obj, key: value}


def _leaving_out(key: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda obj: {name: value for name, value in obj.items() if name != key}


def _strings(found: Constraints) -> st.SearchStrategy[str]:
    low, high = found.min_length or 0, found.max_length
    if found.patterns:
        drawn: st.SearchStrategy[str] = st.from_regex(ecma_pattern(found.patterns[0]))
    elif found.formats and found.formats[0] in FORMATS:
        drawn = FORMATS[found.formats[0]]
    else:
        return st.text(min_size=low, max_size=high if high is not None else low + MAX_EXTRA_LENGTH)
    return drawn.filter(lambda text: low <= len(text) and (high is None or len(text) <= high))


def _numbers(found: Constraints, *, integer: bool) -> st.SearchStrategy[float]:
    low, high = lowest(found, integer=integer), highest(found, integer=integer)
    step = found.multiple_of
    if step is not None:
        first = math.ceil(low / step) if low is not None else None
        last = math.floor(high / step) if high is not None else None
        return st.integers(first, last).map(lambda count: integral(count * step))
    if integer:
        return st.integers(_int_or_none(low), _int_or_none(high))
    whole = st.integers(_ceil_or_none(low), _floor_or_none(high))
    fraction = st.floats(low, high, allow_nan=False, allow_infinity=False)
    return whole | fraction.map(integral)


def _int_or_none(value: float | None) -> int | None:
    return None if value is None else int(value)


def _ceil_or_none(value: float | None) -> int | None:
    return None if value is None else math.ceil(value)


def _floor_or_none(value: float | None) -> int | None:
    return None if value is None else math.floor(value)


def _other_types(found: Constraints) -> list[st.SearchStrategy[Any]]:
    """Values of every JSON type the schema does not allow (null included)."""
    if found.types is None:
        return []
    return [strategy for kind, strategy in OTHER_TYPES.items() if not found.allows(kind)]


def _outsiders(found: Constraints) -> list[st.SearchStrategy[Any]]:
    options: list[st.SearchStrategy[Any]] = []
    listed = [*(found.enum or ()), *([found.const] if found.has_const else [])]
    if not listed:
        return options
    texts = [value for value in listed if isinstance(value, str)]
    shouted = [text.upper() for text in texts] + [text + " " for text in texts] + [""]
    options.append(st.sampled_from(shouted))
    options.append(TEXT)
    numbers = [
        value for value in listed if isinstance(value, int | float) and not isinstance(value, bool)
    ]
    if numbers:
        options.append(st.integers(min_value=int(max(numbers)) + 1))
    return options


def _crossed_bounds(found: Constraints) -> list[st.SearchStrategy[Any]]:
    """Numbers across each bound: by one, and further out."""
    options: list[st.SearchStrategy[Any]] = []
    if found.minimum is not None:
        below = math.ceil(found.minimum) - 1
        options.append(st.just(below) | st.integers(max_value=below))
    if found.maximum is not None:
        above = math.floor(found.maximum) + 1
        options.append(st.just(above) | st.integers(min_value=above))
    if found.exclusive_minimum is not None:
        options.append(st.just(integral(found.exclusive_minimum)))
    if found.exclusive_maximum is not None:
        options.append(st.just(integral(found.exclusive_maximum)))
    step = found.multiple_of
    if step is not None:
        options.append(st.integers(-1000, 1000).map(lambda count: count * step + step / 2))
    return options
