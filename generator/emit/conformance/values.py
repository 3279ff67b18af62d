"""Values for one place of a body: a valid one to start from, and the candidates that probe each
keyword from both sides (the reference validator then decides which candidates are kept).

Every function here is deterministic: the same schema gives the same values, in the same order.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.emit.conformance.patterns import longest_match, shortest_match
from generator.emit.conformance.schema import Facets, Node, Schemas

__all__ = ["Candidate", "candidates", "synthesize"]

MAX_DEPTH = 6
# What a free-form object (`type: object` and nothing else) may hold: every JSON type, nested,
# with keys and text beyond ASCII.
FREE_FORM_SAMPLE: dict[str, object] = {
    "text": "caf\u00e9 \u4e16\u754c",
    "count": 2,
    "ratio": 0.5,
    "flag": True,
    "nothing": None,
    "list": [1, "two", [3], {"four": 4}],
    "nested": {"deeper": {"deepest": []}},
    "\u043a\u043b\u044e\u0447": "\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435",
}
# A valid value per format the validators check, and one that is not.
FORMAT_SAMPLES = {
    "date-time": "2024-01-31T12:34:56Z",
    "date": "2024-01-31",
    "time": "12:34:56Z",
    "uri": "https://example.com/path?q=1",
    "email": "someone@example.com",
    "uuid": "123e4567-e89b-42d3-a456-426614174000",
}
# A value of each JSON type, offered where the schema asks for another type.
TYPE_OUTSIDERS: dict[str, tuple[tuple[str, object], ...]] = {
    "string": (("integer", 35),),
    "integer": (("string", "35"), ("fraction", 35.5), ("boolean", True)),
    "number": (("string", "3.5"), ("boolean", True)),
    "boolean": (("string", "true"), ("integer", 1)),
    "object": (("string", "{}"), ("array", [])),
    "array": (("string", "[]"), ("object", {})),
}
EXTRA_PROPERTY = "x_conformance_extra"


@dataclass(frozen=True)
class Candidate:
    """A value for a place, meant to be accepted, or rejected by `keyword` (or, for a
    cross-field rule, by the rule `rule`)."""

    name: str  # the id suffix, e.g. "pattern.shortest"
    value: object
    description: str
    keyword: str | None = None  # None: meant to be accepted
    rule: str | None = None  # a cross-field rule's name: the violation must carry it
    extra_body: bool = False  # sent through the extra body (a top-level null or extra member)
    details: dict[str, object] = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return self.keyword is None and self.rule is None


# --- a valid value ------------------------------------------------------------------------------


def synthesize(schemas: Schemas, node: Node, depth: int = 0) -> object:
    """A value the node probably accepts: its const, first enum value, default, the shortest
    match of its pattern, its lower bound, required properties filled in turn."""
    facets = schemas.facets(node)
    if facets.has("const"):
        return facets.get("const")
    if facets.get("enum"):
        return facets.get("enum")[0]
    if facets.has("default"):
        return facets.get("default")
    kinds = facets.types
    if facets.is_object:
        if depth >= MAX_DEPTH:
            return {}
        properties = facets.properties()
        return {
            name: synthesize(schemas, properties[name], depth + 1)
            for name in facets.required()
            if name in properties
        }
    if "array" in kinds:
        items = facets.items()
        count = int(facets.get("minItems") or 0)
        item = synthesize(schemas, items, depth + 1) if items is not None else "x"
        return [item] * count
    if "string" in kinds:
        return _string(facets)
    if "integer" in kinds or "number" in kinds:
        return _number(facets, integer="integer" in kinds)
    if "boolean" in kinds:
        return False
    if "null" in kinds:
        return None
    return "x"


def _string(facets: Facets) -> str:
    pattern = facets.get("pattern")
    if isinstance(pattern, str):
        sample = shortest_match(pattern)
        if sample is not None:
            return sample
    format_name = facets.get("format")
    if isinstance(format_name, str) and format_name in FORMAT_SAMPLES:
        return FORMAT_SAMPLES[format_name]
    return "x" * max(1, int(facets.get("minLength") or 0))


def _number(facets: Facets, integer: bool) -> int | float:
    step = 1 if integer else 0.5
    low = facets.get("minimum")
    if low is None and facets.has("exclusiveMinimum"):
        low = facets.get("exclusiveMinimum") + step
    high = facets.get("maximum")
    if high is None and facets.has("exclusiveMaximum"):
        high = facets.get("exclusiveMaximum") - step
    value = low if low is not None else (min(high, 0) if high is not None else 0)
    multiple = facets.get("multipleOf")
    if isinstance(multiple, int | float) and multiple > 0:
        value = math.ceil(value / multiple) * multiple
    return int(value) if integer and float(value).is_integer() else value


# --- candidates -----------------------------------------------------------------------------


def candidates(
    schemas: Schemas, node: Node, current: object, top_level: bool, required: bool
) -> Iterator[Candidate]:
    """The candidates of a place: `current` is its valid value (from the base request, or
    synthesized), `top_level` whether it is a member of the body itself (its null and extra
    members then travel in the extra body: a client's parameters cannot say them)."""
    facets = schemas.facets(node)
    if facets.is_union:
        return
    yield from _types(facets, top_level, required)
    if facets.has("const"):
        yield from _const(facets.get("const"))
    if facets.get("enum"):
        yield from _enum(list(facets.get("enum")))
    if "string" in facets.types:
        yield from _strings(facets, current)
    if "integer" in facets.types or "number" in facets.types:
        yield from _bounds(facets, integer="integer" in facets.types)
    if "array" in facets.types:
        yield from _arrays(schemas, facets)
    if facets.is_object:
        yield from _objects(schemas, facets, current)
    if "boolean" in facets.types:
        yield Candidate("boolean.true", True, "true")
        yield Candidate("boolean.false", False, "false")
    yield Candidate("valid", current, "a valid value")


def _types(facets: Facets, top_level: bool, required: bool) -> Iterator[Candidate]:
    kinds = facets.types
    if not kinds or facets.has("const"):
        return
    offered: set[str] = set()
    for kind in kinds:
        for label, value in TYPE_OUTSIDERS.get(kind, ()):
            if label in offered or label in kinds:
                continue
            offered.add(label)
            yield Candidate(
                f"type.{label}", value, f"{_a(label)} where the spec wants {_or(kinds)}", "type"
            )
    if "null" in kinds:
        yield Candidate("type.null-allowed", None, "null is allowed here")
    elif not required:
        yield Candidate(
            "type.null",
            None,
            "null for an optional property that is not nullable",
            "type",
            extra_body=top_level,
        )


def _const(expected: object) -> Iterator[Candidate]:
    yield Candidate("const", expected, "the constant the spec fixes")
    if isinstance(expected, bool):
        other: object = not expected
    elif isinstance(expected, int | float):
        other = expected + 1
    elif isinstance(expected, str):
        other = expected + "x"
    else:
        return
    yield Candidate("const.other", other, "another value than the constant", "const")


def _enum(allowed: list[object]) -> Iterator[Candidate]:
    for index, value in enumerate(allowed[:12]):
        yield Candidate(f"enum.{index}", value, f"the listed value {_show(value)}")
    strings = [value for value in allowed if isinstance(value, str)]
    if not strings:
        return
    first = strings[0]
    outsiders = [
        ("upper-cased", first.upper(), "a listed value, upper-cased"),
        ("padded", first + " ", "a listed value with a trailing space"),
        ("empty", "", "the empty string"),
        ("unknown", "x_not_listed", "a value the spec does not list"),
    ]
    for name, value, text in outsiders:
        if value not in allowed:
            yield Candidate(f"enum.{name}", value, text, "enum")


def _strings(facets: Facets, current: object) -> Iterator[Candidate]:
    pattern = facets.get("pattern")
    if isinstance(pattern, str):
        yield from _pattern(pattern, current if isinstance(current, str) else None)
    format_name = facets.get("format")
    if isinstance(format_name, str) and format_name in FORMAT_SAMPLES:
        yield Candidate(f"format.{format_name}", FORMAT_SAMPLES[format_name], f"a {format_name}")
        yield Candidate("format.invalid", "not a " + format_name, f"no {format_name}", "format")
    base = current if isinstance(current, str) and current else "x"
    low, high = facets.get("minLength"), facets.get("maxLength")
    if isinstance(low, int) and low > 0:
        yield Candidate("minLength", _resized(base, low), f"exactly {low} characters")
        yield Candidate(
            "minLength.short", _resized(base, low - 1), f"{low - 1} characters", "minLength"
        )
    if isinstance(high, int):
        yield Candidate("maxLength", _resized(base, high), f"exactly {high} characters")
        yield Candidate(
            "maxLength.long", _resized(base, high + 1), f"{high + 1} characters", "maxLength"
        )


def _resized(text: str, size: int) -> str:
    """`text` cut or padded (by repeating its last character) to `size` characters."""
    if size <= len(text):
        return text[:size]
    return text + text[-1] * (size - len(text))


def _pattern(pattern: str, current: str | None) -> Iterator[Candidate]:
    shortest, longest = shortest_match(pattern), longest_match(pattern)
    if shortest is not None:
        yield Candidate("pattern.shortest", shortest, "the shortest match of the pattern")
    if longest is not None:
        yield Candidate("pattern.longest", longest, "the longest match of the pattern")
    valid = current if current is not None else shortest
    if valid is None:
        return
    for name, value, text in _near_misses(valid, shortest, longest):
        yield Candidate(f"pattern.{name}", value, text, "pattern")


def _near_misses(
    valid: str, shortest: str | None, longest: str | None
) -> Iterator[tuple[str, str, str]]:
    """Edits of a valid value that a careless pattern check lets through."""
    yield "empty", "", "the empty string"
    yield "drop-first", valid[1:], f"{_show(valid)} without its first character"
    yield "drop-last", valid[:-1], f"{_show(valid)} without its last character"
    for index in range(min(3, len(valid))):
        replaced = valid[:index] + "0" + valid[index + 1 :]
        yield f"zero-at-{index}", replaced, f"{_show(valid)} with character {index} made '0'"
    yield "insert-letter", valid[:1] + "x" + valid[1:], f"{_show(valid)} with a letter inserted"
    yield "leading-space", " " + valid, f"{_show(valid)} after a space"
    yield "trailing-space", valid + " ", f"{_show(valid)} before a space"
    yield "trailing-newline", valid + "\n", f"{_show(valid)} before a newline ($ is the end)"
    yield "doubled", valid + valid, f"{_show(valid)} twice"
    digits = [index for index, character in enumerate(valid) if "0" <= character <= "9"]
    if digits:
        last = digits[-1]
        digit = int(valid[last])
        for name, base in (("arabic-indic-digit", 0x0660), ("fullwidth-digit", 0xFF10)):
            changed = valid[:last] + chr(base + digit) + valid[last + 1 :]
            yield name, changed, f"{_show(valid)} with its last digit as {name.replace('-', ' ')}"
    if longest is not None and longest:
        yield "too-long", longest + longest[-1], "the longest match, one character longer"
    if shortest:
        yield "too-short", shortest[:-1], "the shortest match, one character shorter"


def _bounds(facets: Facets, integer: bool) -> Iterator[Candidate]:
    step: int | float = 1 if integer else 0.5
    for keyword, outside, inside, text in (
        ("minimum", -1, 0, ">="),
        ("maximum", 1, 0, "<="),
        ("exclusiveMinimum", 0, 1, ">"),
        ("exclusiveMaximum", 0, -1, "<"),
    ):
        bound = facets.get(keyword)
        if not isinstance(bound, int | float) or isinstance(bound, bool):
            continue
        shown = _show(bound)
        yield Candidate(f"{keyword}.inside", bound + inside * step, f"just inside {text} {shown}")
        yield Candidate(
            f"{keyword}.outside", bound + outside * step, f"just outside {text} {shown}", keyword
        )
        if integer and keyword == "minimum":
            yield Candidate(
                "minimum.integral-float",
                float(bound),
                f"{shown} written as {float(bound)!r}: an integral number is an integer",
            )
    multiple = facets.get("multipleOf")
    if isinstance(multiple, int | float) and not isinstance(multiple, bool) and multiple > 0:
        start = _number(facets, integer)
        high = facets.get("maximum")
        multiple_of = start + multiple if high is None or start + multiple <= high else start
        yield Candidate("multipleOf", multiple_of, f"a multiple of {_show(multiple)}")
        off = start + multiple / 2
        yield Candidate("multipleOf.off", off, f"not a multiple of {_show(multiple)}", "multipleOf")


def _arrays(schemas: Schemas, facets: Facets) -> Iterator[Candidate]:
    items = facets.items()
    item = synthesize(schemas, items) if items is not None else "x"
    low, high = facets.get("minItems"), facets.get("maxItems")
    if isinstance(low, int) and low > 0:
        yield Candidate("minItems", [item] * low, f"exactly {low} items")
        yield Candidate("minItems.few", [item] * (low - 1), f"{low - 1} items", "minItems")
    if isinstance(high, int):
        yield Candidate("maxItems", [item] * high, f"exactly {high} items")
        yield Candidate("maxItems.many", [item] * (high + 1), f"{high + 1} items", "maxItems")
    if not isinstance(low, int) or low == 0:
        yield Candidate("items.empty", [], "an empty array")


def _objects(schemas: Schemas, facets: Facets, current: object) -> Iterator[Candidate]:
    base = dict(current) if isinstance(current, dict) else {}
    additional = facets.additional()
    if additional is False:
        yield Candidate(
            "additionalProperties.extra",
            {**base, EXTRA_PROPERTY: 1},
            "a property the closed object does not name",
            "additionalProperties",
            details={"member": EXTRA_PROPERTY},  # the violation names the member
        )
    elif additional is True and not facets.properties():
        yield Candidate("free-form.empty", {}, "an empty object")
        yield Candidate("free-form.nested", FREE_FORM_SAMPLE, "any JSON, nested, beyond ASCII")
    elif isinstance(additional, dict):
        value = synthesize(schemas, additional)
        yield Candidate("map.empty", {}, "an empty map")
        yield Candidate("map.entry", {"k\u00e9y 1": value}, "an entry of the values' type")
        values = schemas.facets(additional)
        for label, outsider in TYPE_OUTSIDERS.get(next(iter(values.types), ""), ())[:1]:
            yield Candidate(
                f"map.value.{label}",
                {"k": outsider},
                f"an entry holding {_a(label)}",
                "type",
                details={"member": "k"},
            )


def _a(label: str) -> str:
    words = {"fraction": "a fractional number", "integer": "an integer", "array": "an array"}
    return words.get(label, f"{'an' if label[:1] in 'aeiou' else 'a'} {label}")


def _or(kinds: tuple[str, ...]) -> str:
    return " or ".join(kinds)


def _show(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value).lower()
