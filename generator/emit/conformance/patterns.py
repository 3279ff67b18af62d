"""The shortest and the longest string a regular expression matches, built from its parse tree
(Python's own regex parser, `re._parser`), choosing the first character each class allows.

Only for proposing candidates: every string is then checked by the reference validator, with
ECMAScript semantics, before a vector uses it. A construct this module does not know (a
backreference, a lookaround) yields None, and so does the longest match of an unbounded
repetition.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["longest_match", "shortest_match"]

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

# A character for each category escape (\d, \w, \s and their negations).
_CATEGORY_CHARACTERS = {
    "CATEGORY_DIGIT": "0",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_WORD": "a",
    "CATEGORY_NOT_WORD": "-",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "a",
}
# Tried in turn for a negated class and for "." (which excludes only a newline).
_FALLBACKS = ("a", "0", "_", "-", " ", "Z")


class _Unsupported(Exception):
    pass


def shortest_match(pattern: str) -> str | None:
    return _sample(pattern, longest=False)


def longest_match(pattern: str) -> str | None:
    return _sample(pattern, longest=True)


def _sample(pattern: str, longest: bool) -> str | None:
    try:
        tree = _parser.parse(pattern)
        return _sequence(list(tree), longest)
    except Exception:
        return None


def _sequence(items: list[tuple[Any, Any]], longest: bool) -> str:
    return "".join(_item(op, argument, longest) for op, argument in items)


def _item(op: Any, argument: Any, longest: bool) -> str:
    name = str(op)
    if name == "LITERAL":
        return chr(argument)
    if name == "NOT_LITERAL":
        return next(c for c in _FALLBACKS if ord(c) != argument)
    if name == "ANY":
        return "a"
    if name == "IN":
        return _in_class(argument)
    if name == "AT":
        return ""
    if name == "CATEGORY":
        return _CATEGORY_CHARACTERS[str(argument)]
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, body = argument
        if longest and high == _c.MAXREPEAT:
            raise _Unsupported("unbounded repetition")
        count = int(high if longest else low)
        return _sequence(list(body), longest) * count
    if name == "SUBPATTERN":
        return _sequence(list(argument[-1]), longest)
    if name == "ATOMIC_GROUP":
        return _sequence(list(argument), longest)
    if name == "BRANCH":
        options = [_sequence(list(branch), longest) for branch in argument[1]]
        return max(options, key=len) if longest else min(options, key=len)
    raise _Unsupported(name)


def _in_class(items: list[tuple[Any, Any]]) -> str:
    negated = any(str(op) == "NEGATE" for op, _ in items)
    if negated:
        for candidate in _FALLBACKS:
            if not any(_class_holds(op, argument, candidate) for op, argument in items):
                return candidate
        raise _Unsupported("negated class")
    op, argument = items[0]
    name = str(op)
    if name == "LITERAL":
        return chr(argument)
    if name == "RANGE":
        return chr(argument[0])
    if name == "CATEGORY":
        return _CATEGORY_CHARACTERS[str(argument)]
    raise _Unsupported(name)


def _class_holds(op: Any, argument: Any, character: str) -> bool:
    name = str(op)
    if name == "LITERAL":
        return bool(ord(character) == argument)
    if name == "RANGE":
        return bool(argument[0] <= ord(character) <= argument[1])
    if name == "CATEGORY":
        return _CATEGORY_CHARACTERS.get(str(argument)) == character
    return False
