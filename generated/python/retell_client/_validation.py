# generated from spec/openapi.yaml by `make generate`; do not edit
"""The spec's rules as a validator of JSON values (the same one in every generated language).

`SCHEMAS` (in `_schemas.py`) is the spec's validation view: normalised JSON Schema 2020-12,
one `$defs` entry per schema. `Validator` compiles an entry once into Python closures and
checks parsed JSON (dict, list, str, int, float, bool, None) against it with JSON Schema's
semantics: no coercion ("35" is no integer, 35.0 is one), `null` only where a type allows it,
ECMAScript regular expressions (`$` is the end of the text, `\\d` only ASCII digits).

A violation names the field as a dotted path ("" for the body itself), the rule (the
`x-rule` name of the innermost subschema that states one, else the JSON Schema keyword), the
keyword, and a message. Keywords are checked in a fixed order, so every language reports the
same first violation: $ref, type, const, enum, minLength, maxLength, pattern, format, minimum,
maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minItems, maxItems, items,
required, properties (in the schema's order), additionalProperties (in code point order of
the names), allOf, anyOf, oneOf, not, if/then/else.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = ["Evaluation", "Validator", "Violation", "json_type"]


class Violation(NamedTuple):
    field: str  # dotted path of the value ("" for the body), e.g. "agent_override.voice.0"
    rule: str  # the `x-rule` name in force, else the keyword
    keyword: str  # the JSON Schema keyword that failed
    message: str  # what the rule asks for, e.g. "must be >= 8000"

    def __str__(self) -> str:
        where = self.field or "body"
        return f"{where}: {self.message} (rule: {self.rule})"


@dataclass
class Evaluation:
    """Every violation of a value, and the named rules (`x-rule`) that applied to it."""

    violations: list[Violation] = field(default_factory=list)
    applied: set[str] = field(default_factory=set)


class _Stop(Exception):
    """Enough violations were collected."""


class _Context:
    """What one validation collects (a plain class with slots: one is made per check, and
    the mock checks every request and every answer)."""

    __slots__ = ("applied", "limit", "out", "rule")

    def __init__(self, limit: int | None, rule: str | None = None) -> None:
        self.limit = limit
        self.out: list[Violation] = []
        self.applied: set[str] = set()
        self.rule = rule

    def fail(self, path: tuple[str, ...], keyword: str, message: str) -> None:
        self.out.append(Violation(".".join(path), self.rule or keyword, keyword, message))
        if self.limit is not None and len(self.out) >= self.limit:
            raise _Stop

    def matches(self, check: Check, value: Any, path: tuple[str, ...]) -> bool:
        """Whether a subschema holds, recording nothing (anyOf, oneOf, not, if)."""
        probe = _Context(limit=1, rule=self.rule)
        try:
            return check(value, path, probe) and not probe.out
        except _Stop:
            return False


Check = Callable[[Any, tuple[str, ...], _Context], bool]


def json_type(value: object) -> str:
    """The JSON type of a parsed value: null, boolean, integer, number, string, array, object
    (an integral number is "integer"); anything else is named by its Python type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if value.is_integer() else "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _has_type(value: object, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        if isinstance(value, bool):
            return False
        return isinstance(value, int) or (
            isinstance(value, float) and math.isfinite(value) and value.is_integer()
        )
    if kind == "number":
        if isinstance(value, bool):
            return False
        return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    return value is None  # "null"


_SIMPLE_TYPES: dict[str, type] = {"string": str, "object": dict, "array": list}


def _type_test(kinds: tuple[str, ...]) -> Callable[[Any], bool]:
    """A fast test for one common type, else the general one."""
    if len(kinds) == 1 and kinds[0] in _SIMPLE_TYPES:
        simple = _SIMPLE_TYPES[kinds[0]]
        return lambda value: isinstance(value, simple)
    if kinds == ("boolean",):
        return lambda value: value is True or value is False
    return lambda value: any(_has_type(value, kind) for kind in kinds)


def _same(left: object, right: object) -> bool:
    """JSON equality: 1 == 1.0, but true is not 1 and "1" is not 1."""
    if isinstance(left, str) or isinstance(right, str):
        return isinstance(left, str) and isinstance(right, str) and left == right
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, int | float) and isinstance(right, int | float):
        return left == right
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(_same, left, right))
    return type(left) is type(right) and left == right


def _show(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _number(value: float) -> str:
    """A bound as every language prints it: integers without a fraction, else shortest."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return repr(value)


def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """A JSON Schema (ECMAScript) pattern for Python's `re`: `$` means the end of the text
    (Python's also matches before a final newline), and `\\d`, `\\w`, `\\s`, `\\b` are ASCII."""
    out: list[str] = []
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char == "$" and not in_class:
            char = r"\Z"
        out.append(char)
        index += 1
    return re.compile("".join(out), re.ASCII)


_DATE_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))\Z",
    re.ASCII,
)
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`\x00-\x1f\x7f]*\Z", re.ASCII)
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_date_time(value: str) -> bool:
    """RFC 3339 date-time, with calendar checks (no 30 February; a leap second only at
    23:59:60 UTC)."""
    hit = _DATE_TIME.match(value)
    if hit is None:
        return False
    year, month, day, hour, minute, second = (int(hit[i]) for i in range(1, 7))
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS[month - 1]:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    if month == 2 and day == 29 and not leap:
        return False
    if hour > 23 or minute > 59 or second > 60:
        return False
    offset = 0
    if hit[9] is not None:
        if int(hit[9]) > 23 or int(hit[10]) > 59:
            return False
        offset = (int(hit[9]) * 60 + int(hit[10])) * (-1 if hit[8][0] == "-" else 1)
    return second < 60 or (hour * 60 + minute - offset) % 1440 == 23 * 60 + 59


def _is_uri(value: str) -> bool:
    """An absolute URI (RFC 3986): a scheme, a colon, no spaces or characters URIs exclude,
    and every % followed by two hex digits."""
    return _URI.match(value) is not None and _BAD_ESCAPE.search(value) is None


FORMATS: dict[str, Callable[[str], bool]] = {"date-time": _is_date_time, "uri": _is_uri}


class Validator:
    """Checks JSON values against the `$defs` of a normalised schema document."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._defs: Mapping[str, Any] = document["$defs"]
        self._compiled: dict[str, Check] = {}

    def names(self) -> list[str]:
        return list(self._defs)

    def check(self, name: str, value: object) -> Violation | None:
        """The first violation of `value` against the schema `name`, or None."""
        context = _Context(1)
        with contextlib.suppress(_Stop):  # raised at the first violation
            self._definition(name)(value, (), context)
        return context.out[0] if context.out else None

    def violations(self, name: str, value: object, limit: int | None = None) -> list[Violation]:
        return self._run(name, value, limit).violations

    def evaluate(self, name: str, value: object) -> Evaluation:
        """Every violation, and which named rules applied (a rule with an `if` applies
        where its `if` selects a branch it has; any other where its value is present)."""
        return self._run(name, value, None)

    def _run(self, name: str, value: object, limit: int | None) -> Evaluation:
        context = _Context(limit)
        try:
            self._definition(name)(value, (), context)
        except _Stop:  # enough violations were collected
            return Evaluation(context.out, context.applied)
        return Evaluation(context.out, context.applied)

    def _definition(self, name: str) -> Check:
        compiled = self._compiled.get(name)
        if compiled is None:
            if name not in self._defs:
                raise KeyError(f"no schema named {name!r}")
            placeholder: list[Check] = []
            self._compiled[name] = lambda v, p, c: placeholder[0](v, p, c)  # recursion
            compiled = self._compile(self._defs[name])
            placeholder.append(compiled)
            self._compiled[name] = compiled
        return compiled

    # --- compilation ------------------------------------------------------------------------
    # Each schema node becomes one closure that runs its keywords inline (a closure per
    # keyword would cost a call each; the mock validates every request and answer).

    def _compile(self, node: Mapping[str, Any]) -> Check:
        ref = self._ref(node)
        kinds, wanted = _kinds(node)
        values = _value_rules(node)
        strings = _string_rules(node)
        numbers = _number_rules(node)
        array = self._array_rules(node)
        obj = self._object_rules(node)
        after = self._combinators(node)

        typed = None if kinds is None else _type_test(kinds)

        def check(value: Any, path: tuple[str, ...], context: _Context) -> bool:
            ok = True if ref is None else ref(value, path, context)
            if typed is not None and not typed(value):
                context.fail(path, "type", f"must be {wanted}, not {json_type(value)}")
                ok = False
            else:
                if values is not None:
                    ok = values(value, path, context) and ok
                if isinstance(value, str):
                    if strings is not None:
                        ok = strings(value, path, context) and ok
                elif isinstance(value, dict):
                    if obj is not None:
                        ok = obj(value, path, context) and ok
                elif isinstance(value, list):
                    if array is not None:
                        ok = array(value, path, context) and ok
                elif (
                    numbers is not None
                    and not isinstance(value, bool)
                    and isinstance(value, int | float)
                ):
                    ok = numbers(value, path, context) and ok
            for step in after:
                ok = step(value, path, context) and ok
            return ok

        body = _simplest(check, ref, kinds, values, strings, numbers, array, obj, after)
        rule = node.get("x-rule")
        if not isinstance(rule, str):
            return body
        return _named(rule, body, self._applies(node))

    def _ref(self, node: Mapping[str, Any]) -> Check | None:
        """The target's check (a forwarding one while the target is still being compiled,
        which only a recursive schema meets)."""
        if "$ref" not in node:
            return None
        return self._definition(str(node["$ref"]).removeprefix("#/$defs/"))

    def _applies(self, node: Mapping[str, Any]) -> Callable[[Any], bool]:
        """Whether a named rule applies to a value (for the suite's tallies)."""
        if "if" in node:
            condition = self._compile(node["if"])
            has_then, has_else = "then" in node, "else" in node

            def branch(value: Any) -> bool:
                matched = _Context(limit=None).matches(condition, value, ())
                return has_then if matched else has_else

            return branch
        names = list(node.get("properties") or {})
        if names and "$ref" not in node:
            return lambda value: isinstance(value, dict) and any(n in value for n in names)
        return lambda value: True

    def _array_rules(self, node: Mapping[str, Any]) -> Check | None:
        low, high = node.get("minItems"), node.get("maxItems")
        item = self._compile(node["items"]) if "items" in node else None
        if low is None and high is None and item is None:
            return None

        def array(value: list[Any], path: tuple[str, ...], context: _Context) -> bool:
            ok = True
            if low is not None and len(value) < low:
                context.fail(path, "minItems", f"must have at least {low} items")
                ok = False
            if high is not None and len(value) > high:
                context.fail(path, "maxItems", f"must have at most {high} items")
                ok = False
            if item is not None:
                for index, entry in enumerate(value):
                    ok = item(entry, (*path, str(index)), context) and ok
            return ok

        return array

    def _object_rules(self, node: Mapping[str, Any]) -> Check | None:
        required = tuple(node.get("required") or ())
        properties = tuple(
            (name, self._compile(sub)) for name, sub in (node.get("properties") or {}).items()
        )
        names = frozenset(name for name, _ in properties)
        extra = node.get("additionalProperties", True)
        others = None if isinstance(extra, bool) else self._compile(extra)
        closed = extra is False
        if not required and not properties and extra is True:
            return None

        def obj(value: dict[str, Any], path: tuple[str, ...], context: _Context) -> bool:
            ok = True
            for name in required:
                if name not in value:
                    context.fail((*path, name), "required", "is required")
                    ok = False
            for name, check in properties:
                if name in value:
                    ok = check(value[name], (*path, name), context) and ok
            if closed or others is not None:
                for name in sorted(key for key in value if key not in names):
                    if others is None:
                        context.fail((*path, name), "additionalProperties", "is not allowed")
                        ok = False
                    else:
                        ok = others(value[name], (*path, name), context) and ok
            return ok

        return obj

    def _combinators(self, node: Mapping[str, Any]) -> tuple[Check, ...]:
        steps: list[Check] = [self._compile(sub) for sub in node.get("allOf") or []]
        if "anyOf" in node or "oneOf" in node:
            steps.append(self._choice(node))
        if "not" in node:
            excluded = self._compile(node["not"])

            def negation(value: Any, path: tuple[str, ...], context: _Context) -> bool:
                if context.matches(excluded, value, path):
                    context.fail(path, "not", "must not match the excluded schema")
                    return False
                return True

            steps.append(negation)
        if "if" in node:
            steps.append(self._conditional(node))
        return tuple(steps)

    def _choice(self, node: Mapping[str, Any]) -> Check:
        keyword = "oneOf" if "oneOf" in node else "anyOf"
        variants = [self._compile(sub) for sub in node[keyword]]
        discriminator = node.get("x-discriminator") or {}
        tag = discriminator.get("propertyName")
        chosen = {
            value: self._compile({"$ref": ref})
            for value, ref in (discriminator.get("mapping") or {}).items()
        }
        count = len(variants)

        def choice(value: Any, path: tuple[str, ...], context: _Context) -> bool:
            if tag is not None and isinstance(value, dict):
                if tag not in value:
                    context.fail((*path, tag), "required", "is required")
                    return False
                variant = chosen.get(value[tag]) if isinstance(value[tag], str) else None
                if variant is None:
                    allowed = ", ".join(_show(name) for name in chosen)
                    context.fail((*path, tag), "discriminator", f"must be one of {allowed}")
                    return False
                return variant(value, path, context)
            matches = sum(1 for variant in variants if context.matches(variant, value, path))
            if keyword == "anyOf" and matches == 0:
                message = f"must match at least one of the {count} allowed schemas"
                context.fail(path, keyword, message)
                return False
            if keyword == "oneOf" and matches != 1:
                message = (
                    f"must match exactly one of the {count} allowed schemas (matches {matches})"
                )
                context.fail(path, keyword, message)
                return False
            return True

        return choice

    def _conditional(self, node: Mapping[str, Any]) -> Check:
        condition = self._compile(node["if"])
        then = self._compile(node["then"]) if "then" in node else None
        otherwise = self._compile(node["else"]) if "else" in node else None

        def conditional(value: Any, path: tuple[str, ...], context: _Context) -> bool:
            branch = then if context.matches(condition, value, path) else otherwise
            return True if branch is None else branch(value, path, context)

        return conditional


def _simplest(check: Check, ref: Check | None, kinds: Any, *parts: Any) -> Check:
    """A node that is only a `$ref` is its target; one with no keyword accepts anything."""
    *rules, after = parts
    if kinds is None and not any(rule is not None for rule in rules) and not after:
        if ref is not None:
            return ref
        return _accept
    return check


def _accept(value: Any, path: tuple[str, ...], context: _Context) -> bool:
    return True


def _kinds(node: Mapping[str, Any]) -> tuple[tuple[str, ...] | None, str]:
    if "type" not in node:
        return None, ""
    kinds = tuple(node["type"]) if isinstance(node["type"], list) else (str(node["type"]),)
    wanted = " or ".join(("an " if kind[0] in "aeiou" else "a ") + kind for kind in kinds)
    return kinds, wanted


def _value_rules(node: Mapping[str, Any]) -> Check | None:
    has_const, has_enum = "const" in node, "enum" in node
    if not has_const and not has_enum:
        return None
    expected = node.get("const")
    allowed = list(node.get("enum") or ())
    strings = frozenset(item for item in allowed if isinstance(item, str))
    shown = ", ".join(_show(item) for item in allowed)

    def values(value: Any, path: tuple[str, ...], context: _Context) -> bool:
        ok = True
        if has_const and not _same(value, expected):
            context.fail(path, "const", f"must be {_show(expected)}")
            ok = False
        if has_enum and not (
            value in strings if isinstance(value, str) else any(_same(value, i) for i in allowed)
        ):
            context.fail(path, "enum", f"must be one of {shown}")
            ok = False
        return ok

    return values


def _string_rules(node: Mapping[str, Any]) -> Check | None:
    low, high = node.get("minLength"), node.get("maxLength")
    pattern = node.get("pattern")
    search = ecma_pattern(str(pattern)).search if pattern is not None else None
    format_name = str(node.get("format"))
    check_format = FORMATS.get(format_name)
    if low is None and high is None and search is None and check_format is None:
        return None

    def strings(value: str, path: tuple[str, ...], context: _Context) -> bool:
        ok = True
        if low is not None and len(value) < low:
            context.fail(path, "minLength", f"must be at least {low} characters long")
            ok = False
        if high is not None and len(value) > high:
            context.fail(path, "maxLength", f"must be at most {high} characters long")
            ok = False
        if search is not None and search(value) is None:
            context.fail(path, "pattern", f"must match the pattern {pattern}")
            ok = False
        if check_format is not None and not check_format(value):
            context.fail(path, "format", f"must be a valid {format_name}")
            ok = False
        return ok

    return strings


_BOUNDS: tuple[tuple[str, str, Callable[[float, float], bool]], ...] = (
    ("minimum", ">=", lambda value, bound: value >= bound),
    ("maximum", "<=", lambda value, bound: value <= bound),
    ("exclusiveMinimum", ">", lambda value, bound: value > bound),
    ("exclusiveMaximum", "<", lambda value, bound: value < bound),
)


def _number_rules(node: Mapping[str, Any]) -> Check | None:
    bounds = tuple(
        (keyword, f"must be {sign} {_number(node[keyword])}", holds, node[keyword])
        for keyword, sign, holds in _BOUNDS
        if keyword in node
    )
    step = node.get("multipleOf")
    if not bounds and step is None:
        return None

    def numbers(value: float, path: tuple[str, ...], context: _Context) -> bool:
        ok = True
        for keyword, message, holds, bound in bounds:
            if not holds(value, bound):
                context.fail(path, keyword, message)
                ok = False
        if step is not None and not _is_multiple(value, step):
            context.fail(path, "multipleOf", f"must be a multiple of {_number(step)}")
            ok = False
        return ok

    return numbers


def _named(rule: str, body: Check, applies: Callable[[Any], bool]) -> Check:
    def named(value: Any, path: tuple[str, ...], context: _Context) -> bool:
        outer = context.rule
        context.rule = rule
        try:
            ok = body(value, path, context)
        finally:
            context.rule = outer
        if context.limit is None and applies(value):
            context.applied.add(rule)
        return ok

    return named


def _is_multiple(value: float, step: float) -> bool:
    if isinstance(value, int) and isinstance(step, int):
        return value % step == 0
    quotient = value / step
    return math.isfinite(quotient) and float(quotient).is_integer()
