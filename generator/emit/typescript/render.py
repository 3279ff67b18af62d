"""Literal-rendering filters of the TypeScript emitter: the only way spec strings reach output.

Strings become JSON literals (valid TypeScript; ASCII only, so no character can surprise a
reader or a tool); doc comments are escaped so that no description can close its comment;
names must be plain identifiers, or the emitter refuses them.
"""

from __future__ import annotations

import json
import re

from generator.emit import EmitError

_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
# Words a TypeScript identifier cannot be (reserved in modules, or names of built-in types).
_RESERVED = frozenset(
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
        "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
        "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
        "throw", "true", "try", "typeof", "var", "void", "while", "with", "implements",
        "interface", "let", "package", "private", "protected", "public", "static", "yield",
        "await", "any", "boolean", "number", "string", "unknown", "never", "object", "symbol",
        "undefined", "bigint",
    }
)  # fmt: skip


class TypeScriptEmitError(EmitError):
    """The spec names something that cannot be rendered safely as TypeScript."""


def js(value: object) -> str:
    """A JSON literal, which is also a TypeScript literal (a string, number, list, mapping)."""
    if isinstance(value, tuple):
        value = list(value)
    try:
        text = json.dumps(value, ensure_ascii=True, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise TypeScriptEmitError(f"no TypeScript literal for {value!r}: {error}") from None
    # A backtick only occurs inside a string literal here; escaped, it cannot end a Markdown
    # code block the literal sits in (README examples).
    return text.replace("`", "\\u0060")


def js_block(value: object, indent: int = 0) -> str:
    """A JSON value as an indented, multi-line TypeScript literal (continuation lines indented
    by `indent` spaces). A `__proto__` key is refused: in an object literal it would set the
    prototype instead of adding a property."""
    _refuse_proto(value)
    text = json.dumps(value, ensure_ascii=True, allow_nan=False, indent=2).replace("`", "\\u0060")
    return text.replace("\n", "\n" + " " * indent)


def ts_literal(value: object, indent: int = 0) -> str:
    """A JSON value as an indented TypeScript literal, keys bare where they are identifiers (for
    examples people read); continuation lines indented by `indent` spaces."""
    _refuse_proto(value)
    return _literal(value, indent)


def _literal(value: object, indent: int) -> str:
    pad = " " * (indent + 2)
    if isinstance(value, dict) and value:
        items = [
            f"{pad}{key(str(name))}: {_literal(item, indent + 2)}," for name, item in value.items()
        ]
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list | tuple) and value:
        items = [f"{pad}{_literal(item, indent + 2)}," for item in value]
        return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"
    return js(value)


def _refuse_proto(value: object) -> None:
    if isinstance(value, dict):
        if "__proto__" in value:
            raise TypeScriptEmitError("a '__proto__' key cannot be written as a TypeScript literal")
        for item in value.values():
            _refuse_proto(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _refuse_proto(item)


def identifier(name: str) -> str:
    """`name` as a TypeScript identifier, or an error when it cannot be one."""
    if not _IDENTIFIER.match(name) or name in _RESERVED:
        raise TypeScriptEmitError(f"{name!r} cannot be a TypeScript identifier")
    return name


def key(name: str) -> str:
    """A property key: bare when it is an identifier, else a string literal."""
    return name if _IDENTIFIER.match(name) else js(name)


def doc_text(text: str) -> str:
    """Text for inside one doc-comment or Markdown line: whitespace folded, and it cannot close
    a comment."""
    return " ".join(str(text).split()).replace("*/", "*\\/")


def doc(text: str, indent: int = 0) -> str:
    """A JSDoc block (with its `/**` and `*/` and a final newline) for `text`; "" when empty."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    if lines == [""]:
        return ""
    pad = " " * indent
    safe = [line.rstrip().replace("*/", "*\\/") for line in lines]
    body = "\n".join(f"{pad} * {line}".rstrip() for line in safe)
    return f"{pad}/**\n{body}\n{pad} */\n"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def markdown(text: str) -> str:
    """Spec text for Markdown prose: one line, every character Markdown would act on escaped
    (emphasis, code, links, HTML, table cells), so it reads as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def markdown_code(text: str) -> str:
    """Spec text as a Markdown code span: fenced by more backticks than it holds in a row."""
    folded = " ".join(str(text).split())
    runs = [len(run) for run in re.findall(r"`+", folded)]
    fence = "`" * (max(runs, default=0) + 1)
    padded = f" {folded} " if folded.startswith("`") or folded.endswith("`") else folded
    return f"{fence}{padded}{fence}"
