"""Jinja2 rendering for the Python emitter: the shared environment plus Python's filters.

Spec strings reach the output only through these filters: `py` (a Python literal via repr),
`pydata` (a nested JSON value as a Python literal), `docstring` (escaped text for inside
triple double quotes) and `toml` (a TOML basic string). Nothing from the spec can close a
string, start a statement or hide in a comment.
"""

from __future__ import annotations

import json
import re
import textwrap
from functools import cache
from pathlib import Path

import jinja2

from generator.emit.python.naming import PythonEmitError
from generator.emit.python.types import literal
from generator.emit.templating import template_environment

TEMPLATES = Path(__file__).resolve().parent / "templates"


def py(value: object) -> str:
    """A Python literal for a JSON scalar, or a tuple of them."""
    if isinstance(value, tuple | list):
        items = ", ".join(py(item) for item in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    return literal(value)


def pydata(value: object) -> str:
    """A Python literal for a JSON value (dicts, lists, scalars), for data modules."""
    if isinstance(value, dict):
        items = ", ".join(f"{literal(str(key))}: {pydata(item)}" for key, item in value.items())
        return "{" + items + "}"
    if isinstance(value, list):
        return "[" + ", ".join(pydata(item) for item in value) + "]"
    if isinstance(value, float) and not value == value:  # NaN: no JSON value is one
        raise PythonEmitError("python: NaN is not a JSON value")
    return literal(value)


def toml(value: str) -> str:
    """A TOML basic string (JSON string syntax is a subset of it)."""
    return json.dumps(value)


def docstring(text: str, indent: int = 4, first: int | None = None, width: int = 96) -> str:
    """Escaped text to place between triple double quotes, wrapped to `width` columns: the
    first line starts at column `first` (default: `indent`), continuation lines are indented
    by `indent` spaces. Line breaks of the text are kept."""
    escaped = "".join(_escape(char) for char in text.strip())
    start = indent if first is None else first
    lines: list[str] = []
    for paragraph in escaped.split("\n"):
        lead = " " * (start if not lines else indent)
        wrapped = textwrap.wrap(
            paragraph,
            width,
            initial_indent=lead,
            subsequent_indent=" " * indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines.extend(wrapped or [""])
    lines[0] = lines[0][start:]
    return "\n".join(line.rstrip() for line in lines)


def pystr(value: str, indent: int = 0, width: int = 100) -> str:
    """A str literal; one too long for its line becomes implicitly concatenated pieces in
    parentheses, one per line, split after whitespace where it can be (exactly `value`)."""
    single = literal(value)
    if indent + len(single) <= width - 4:
        return single
    room = width - indent - 8  # the indent, the parentheses' own, a margin
    pieces: list[str] = []
    current = ""
    for part in re.split(r"(?<=\s)", value):
        while len(literal(part)) > room:  # a long word: split where it must
            cut = _fitting(part, room)
            pieces.extend([current] if current else [])
            current = ""
            pieces.append(part[:cut])
            part = part[cut:]
        if current and len(literal(current + part)) > room:
            pieces.append(current)
            current = ""
        current += part
    pieces.append(current)
    inner = "\n".join(" " * (indent + 4) + literal(piece) for piece in pieces if piece)
    return f"(\n{inner}\n{' ' * indent})"


def _fitting(text: str, room: int) -> int:
    """How many leading characters of `text` fit in a literal of `room` columns (at least 1)."""
    count = min(len(text), room)
    while count > 1 and len(literal(text[:count])) > room:
        count -= 1
    return count


def _escape(char: str) -> str:
    if char == "\\":
        return "\\\\"
    if char == '"':
        return '\\"'
    if char == "\n" or (char.isprintable() and char not in "\u2028\u2029"):
        return char
    if char in "\t\r":
        return " "
    return char.encode("unicode_escape").decode("ascii")


_MARKDOWN = {"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|"}
_MARKDOWN |= {"<": "&lt;", ">": "&gt;", "&": "&amp;", "#": "\\#"}


def markdown(text: str) -> str:
    """Spec text as one line of Markdown prose (a table cell): no markup or HTML survives."""
    flat = " ".join(text.split())
    return "".join(_MARKDOWN.get(char, char) for char in flat)


def code(text: str) -> str:
    """Text inside a Markdown code span: backticks become quotes, a span cannot end early."""
    return " ".join(text.replace("`", "'").replace("|", "\\|").split())


@cache
def environment() -> jinja2.Environment:
    env = template_environment(TEMPLATES)
    env.filters.update(py=py, pydata=pydata, pystr=pystr, docstring=docstring, toml=toml)
    env.filters.update(markdown=markdown, code=code)
    return env
