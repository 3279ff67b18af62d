"""What the guards read: the hand-written sources of the project, their string literals
(docstrings left out) and template text with its comments removed.

The scanners take text, not paths, so each guard can also run them on a broken example it
builds itself and show that the rule it enforces would catch a violation.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Hand-written code lives in these packages; `.peers/` (benchmark virtualenvs of other
# projects) and `__pycache__` are not ours.
HAND_WRITTEN = ("generator", "contract_tests", "mock_server", "benchmarks")


def _ours(path: Path) -> bool:
    parts = path.relative_to(ROOT).parts
    return not any(part.startswith(".") or part == "__pycache__" for part in parts)


def files(folders: tuple[str, ...], pattern: str) -> list[Path]:
    """Every file matching `pattern` under the folders (recursively), sorted."""
    found = (path for folder in folders for path in (ROOT / folder).rglob(pattern))
    return sorted(path for path in found if path.is_file() and _ours(path))


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring nodes: the first string statement of a module, class or def."""
    owners = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, owners)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
        and isinstance(node.body[0].value.value, str)
    }


def string_literals(source: str) -> Iterator[tuple[int, str]]:
    """(line, value) of every string constant of Python source, docstrings excepted. The
    constant parts of an f-string count (each is a literal of its own); comments are not in
    the AST at all."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or id(node) in docstrings:
            continue
        if isinstance(node.value, str):
            yield node.lineno, node.value


# --- templates -------------------------------------------------------------------------------
# A template's comments are Jinja's `{# #}` and those of the language of the file it produces
# (named after it: `client.go.jinja` -> `.go`). Both are documentation, free to give examples.

_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_C_BLOCK = re.compile(r"/\*.*?\*/", re.S)
_C_LINE = re.compile(r"(?<![:\w\"'])//[^\n]*")  # not the `//` of `https://`
_HASH_LINE = re.compile(r"(?:(?<=\s)|^)#[^\n]*", re.M)
_HTML = re.compile(r"<!--.*?-->", re.S)
_STYLE = {".go": "c", ".ts": "c", ".mod": "c", ".py": "hash", ".toml": "hash", ".md": "html"}


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group().count("\n")  # keep line numbers for the messages


def produced_suffix(template: Path) -> str:
    """The suffix of the file a template produces; a macro file takes its language's."""
    inner = Path(template.name.removesuffix(".jinja")).suffix
    if inner:
        return inner
    languages = {"python": ".py", "typescript": ".ts", "go": ".go"}
    return next((languages[part] for part in template.parts if part in languages), "")


def template_code(text: str, suffix: str) -> str:
    """The template's text without its comments (line numbers kept)."""
    text = _JINJA_COMMENT.sub(_blank, text)
    style = _STYLE.get(suffix)
    if style == "c":
        text = _C_LINE.sub("", _C_BLOCK.sub(_blank, text))
    elif style == "hash":
        text = _HASH_LINE.sub("", text)
    elif style == "html":
        text = _HTML.sub(_blank, text)
    return text
