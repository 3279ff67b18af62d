"""Jinja2 rendering: StrictUndefined, templates named after the file they produce.

Spec strings reach the output only through the `py` filter (a Python literal via repr) or the
`docstring` filter (escaped text for inside triple quotes): nothing from the spec can close a
string, start a statement or hide in a comment.
"""

from __future__ import annotations

import json
import textwrap
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from generator.emit.python import naming
from generator.emit.templating import template_environment

TEMPLATES = Path(__file__).resolve().parent / "templates"
LITERALS = (str, int, float, bool, type(None))


def py(value: Any) -> str:
    """A Python literal for a JSON-like scalar or a tuple/list of them."""
    if isinstance(value, tuple | list | frozenset):
        items = ", ".join(py(item) for item in value)
        return f"({items},)" if isinstance(value, tuple) and len(value) == 1 else f"({items})"
    if not isinstance(value, LITERALS):
        raise TypeError(f"no safe literal for {type(value).__name__}")
    return repr(value)


def pystr(value: str, indent: int = 4, width: int = 72) -> str:
    """A str literal, split into implicitly concatenated pieces in parentheses when long."""
    pieces = textwrap.wrap(
        value, width, expand_tabs=False, replace_whitespace=False, drop_whitespace=False
    )
    if len(pieces) <= 1 or "".join(pieces) != value:
        return py(value)
    inner = ("\n" + " " * (indent + 4)).join(py(piece) for piece in pieces)
    return f"(\n{' ' * (indent + 4)}{inner}\n{' ' * indent})"


def toml(value: str) -> str:
    """A TOML basic string (JSON string syntax is a subset of it)."""
    return json.dumps(value)


def docstring(text: str, indent: int = 4, width: int = 92) -> str:
    """Escaped, wrapped text to place between triple double quotes."""
    escaped = "".join(_escape(char) for char in text.strip())
    paragraphs = [textwrap.fill(p, width - indent) for p in escaped.split("\n")]
    return ("\n" + " " * indent).join("\n".join(paragraphs).split("\n"))


def _escape(char: str) -> str:
    if char == "\\":
        return "\\\\"
    if char == '"':
        return '\\"'
    if char == "\n" or char.isprintable():
        return char
    return char.encode("unicode_escape").decode("ascii")


@cache
def environment() -> jinja2.Environment:
    env = template_environment(TEMPLATES)
    env.filters.update(py=py, pystr=pystr, docstring=docstring, toml=toml)
    env.globals.update(annotation=naming.annotation, argument=naming.argument)
    env.globals.update(rule_function=naming.rule_function, package=naming.PACKAGE)
    env.globals.update(distribution=naming.DISTRIBUTION)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
