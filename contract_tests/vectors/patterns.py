"""Strings at the edges of a pattern, and strings one edit away from a valid one.

`shortest_match` and `longest_match` read the pattern with Python's own regex parser
(`re._parser`: the spec's patterns are the portable subset, which it parses the ECMAScript
way) and build the string deterministically: the lowest character a class allows and the
fewest repetitions for the shortest, the highest and the most for the longest. A pattern
using something else (lookaround, backreferences, word boundaries) gives None, and so does
the longest match of a pattern that is unbounded or not anchored at both ends. Callers
still check every string with the validator: this only proposes.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["longest_match", "near_misses", "shortest_match"]

_parser: Any = importlib.import_module("re._parser")  # no type stubs: read as Any

# Characters tried, in order, where a class is negated (or any character will do).
_FALLBACK = "a0xZ_-. "
_DIGITS = "0123456789"
_WORD = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
_SPACE = "\t\n\x0b\x0c\r "
_CATEGORIES = {"CATEGORY_DIGIT": _DIGITS, "CATEGORY_WORD": _WORD, "CATEGORY_SPACE": _SPACE}
_BEGIN = frozenset({"AT_BEGINNING", "AT_BEGINNING_STRING"})
_END = frozenset({"AT_END", "AT_END_STRING"})
ARABIC_INDIC_ZERO = 0x0660
FULLWIDTH_ZERO = 0xFF10


class _Unsupported(Exception):
    """The pattern uses a construct these builders do not handle."""


def shortest_match(pattern: str) -> str | None:
    """The shortest string the pattern matches (as built here), or None."""
    try:
        return _render(list(_parser.parse(pattern)), longest=False)
    except (_Unsupported, re.error, RecursionError):
        return None


def longest_match(pattern: str) -> str | None:
    """The longest string a pattern anchored at both ends matches, or None."""
    try:
        items = list(_parser.parse(pattern))
        if not _anchored(items):
            return None
        return _render(items, longest=True)
    except (_Unsupported, re.error, RecursionError):
        return None


def _anchored(items: list[Any]) -> bool:
    if len(items) == 1 and _name(items[0][0]) == "BRANCH":
        return all(_anchored(list(branch)) for branch in items[0][1][1])
    if len(items) == 1 and _name(items[0][0]) == "SUBPATTERN":
        return _anchored(list(items[0][1][-1]))
    return (
        len(items) >= 2
        and _name(items[0][0]) == "AT"
        and _name(items[0][1]) in _BEGIN
        and _name(items[-1][0]) == "AT"
        and _name(items[-1][1]) in _END
    )


def _name(code: Any) -> str:
    return str(getattr(code, "name", code))


def _render(items: list[Any], *, longest: bool) -> str:
    return "".join(_piece(op, argument, longest=longest) for op, argument in items)


def _piece(op: Any, argument: Any, *, longest: bool) -> str:
    kind = _name(op)
    if kind == "LITERAL":
        return chr(argument)
    if kind == "NOT_LITERAL":
        return next(char for char in _FALLBACK if ord(char) != argument)
    if kind == "ANY":
        return _FALLBACK[0]
    if kind == "IN":
        return _class_char(list(argument), longest=longest)
    if kind == "CATEGORY":
        return _class_char([(op, argument)], longest=longest)
    if kind in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, sub = argument
        if longest and high == _parser.MAXREPEAT:
            raise _Unsupported("unbounded repetition has no longest match")
        count = int(high if longest else low)
        return _render(list(sub), longest=longest) * count
    if kind in ("SUBPATTERN", "ATOMIC_GROUP"):
        return _render(list(argument[-1]), longest=longest)
    if kind == "BRANCH":
        options = [_render(list(branch), longest=longest) for branch in argument[1]]
        pick = max if longest else min
        chosen: str = pick(options, key=len)  # the first of equal lengths
        return chosen
    if kind == "AT" and _name(argument) in _BEGIN | _END:
        return ""
    raise _Unsupported(kind)


def _class_char(items: list[Any], *, longest: bool) -> str:
    """The lowest (or highest) character a class allows; for a negated class, the first
    fallback character it allows."""
    if items and _name(items[0][0]) == "NEGATE":
        rest = items[1:]
        for char in _FALLBACK + _WORD:
            if not any(_in_item(char, item) for item in rest):
                return char
        raise _Unsupported("no fallback character fits the negated class")
    chars: list[str] = []
    for op, argument in items:
        kind = _name(op)
        if kind == "LITERAL":
            chars.append(chr(argument))
        elif kind == "RANGE":
            chars.extend((chr(argument[0]), chr(argument[1])))
        elif kind == "CATEGORY" and _name(argument) in _CATEGORIES:
            allowed = _CATEGORIES[_name(argument)]
            chars.extend((allowed[0], allowed[-1]))
        else:
            raise _Unsupported(kind)
    if not chars:
        raise _Unsupported("empty class")
    return max(chars) if longest else min(chars)


def _in_item(char: str, item: tuple[Any, Any]) -> bool:
    op, argument = item
    kind = _name(op)
    if kind == "LITERAL":
        return ord(char) == int(argument)
    if kind == "RANGE":
        low, high = int(argument[0]), int(argument[1])
        return low <= ord(char) <= high
    if kind == "CATEGORY":
        name = _name(argument)
        if name in _CATEGORIES:
            return char in _CATEGORIES[name]
        if name.startswith("CATEGORY_NOT_") and f"CATEGORY_{name[13:]}" in _CATEGORIES:
            return char not in _CATEGORIES[f"CATEGORY_{name[13:]}"]
    raise _Unsupported(kind)


# --- near-misses -----------------------------------------------------------------------------


def near_misses(valid: str) -> Iterator[tuple[str, str, str]]:
    """(how the length changed: "shorter", "longer" or "same"; what was done; the edited
    string) for edits of a valid string a pattern is likely to refuse: removals, doublings,
    insertions, replacements, spaces, newlines, non-ASCII digits, most telling first.
    Deterministic, each edit changes the string; the caller keeps those the validator
    refuses."""
    return (edit for edit in _edits(valid) if edit[2] != valid)


def _edits(valid: str) -> Iterator[tuple[str, str, str]]:
    middle = len(valid) // 2
    yield "shorter", "empty", ""
    if valid:
        yield "shorter", "first character removed", valid[1:]
        yield "shorter", "last character removed", valid[:-1]
        yield "longer", "first character doubled", valid[0] + valid
        yield "longer", "last character doubled", valid + valid[-1]
    if len(valid) > 1:
        yield "same", "second character replaced by '0'", valid[0] + "0" + valid[2:]
    for char in ("x", " ", "-", "("):
        yield "longer", f"{char!r} inserted after the first character", valid[:1] + char + valid[1:]
    yield "longer", "surrounding spaces", f" {valid} "
    yield "longer", "a trailing newline", valid + "\n"
    digits = [index for index, char in enumerate(valid) if char in _DIGITS]
    if digits:
        first = digits[0]
        arabic = chr(ARABIC_INDIC_ZERO + int(valid[first]))
        yield (
            "same",
            "a digit replaced by an Arabic-Indic digit",
            valid[:first] + arabic + valid[first + 1 :],
        )
        fullwidth = "".join(chr(FULLWIDTH_ZERO + int(c)) if c in _DIGITS else c for c in valid)
        yield "same", "digits replaced by fullwidth digits", fullwidth
    if len(valid) > 1:
        yield "same", "middle character replaced by 'x'", valid[:middle] + "x" + valid[middle + 1 :]
    for char in (".", "+"):
        yield "longer", f"{char!r} inserted after the first character", valid[:1] + char + valid[1:]
    yield "longer", "a leading newline", "\n" + valid
    yield "same", "upper-cased", valid.upper()
    yield "same", "lower-cased", valid.lower()
