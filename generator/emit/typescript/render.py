"""Jinja filters of the TypeScript emitter: the only way spec values reach TypeScript text.

Strings become JSON string literals (valid TypeScript); doc comments are escaped so that no
description can close its comment; names must be plain identifiers or they are refused.
"""

from __future__ import annotations

import json
import re

from generator.emit import EmitError
from generator.ir import Api, Field, FieldType, JsonScalar, Operation, Schema

_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
# Reserved words and the names the generated modules define themselves.
_RESERVED = frozenset(
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
        "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
        "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
        "throw", "true", "try", "typeof", "var", "void", "while", "with", "implements",
        "interface", "let", "package", "private", "protected", "public", "static", "yield",
        "await", "any", "boolean", "number", "string", "unknown", "never", "object", "symbol",
        "undefined", "SCHEMAS",
    }
)  # fmt: skip
# The compiler the generated package builds with: the exact version tools/typescript pins
# (tests/typescript checks that the two agree).
TYPESCRIPT_VERSION = "5.9.3"
_SCALAR_TS: dict[FieldType, str] = {
    "string": "string",
    "integer": "number",
    "number": "number",
    "boolean": "boolean",
}


class TypeScriptEmitError(EmitError):
    """The spec names something that cannot be rendered safely as TypeScript."""


def js(value: JsonScalar | list[str] | tuple[str, ...] | None) -> str:
    """A JSON literal, also a TypeScript literal; ASCII-only, so no character can surprise."""
    return json.dumps(list(value) if isinstance(value, tuple) else value, allow_nan=False)


def identifier(name: str) -> str:
    """`name` as a TypeScript identifier, or an error when it is not one."""
    if not _IDENTIFIER.match(name) or name in _RESERVED:
        raise TypeScriptEmitError(f"{name!r} cannot be a TypeScript identifier")
    return name


def key(name: str) -> str:
    """A property key: bare when it is an identifier, else a string literal."""
    return name if _IDENTIFIER.match(name) else js(name)


def doc(text: str, indent: int = 0) -> str:
    """A JSDoc block (with its `/**` and `*/`) for `text`, or "" for empty text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    if lines == [""]:
        return ""
    pad = " " * indent
    safe = [line.rstrip().replace("*/", "*\\/") for line in lines]
    body = "\n".join(f"{pad} * {line}".rstrip() for line in safe)
    return f"{pad}/**\n{body}\n{pad} */\n"


def field_doc(field: Field) -> str:
    """The description of a field plus the rules it carries, as plain text."""
    notes = []
    if field.pattern is not None:
        notes.append(f"Pattern: `{field.pattern}`.")
    if field.minimum is not None:
        notes.append(f"Minimum: {js(field.minimum)}.")
    if field.maximum is not None:
        notes.append(f"Maximum: {js(field.maximum)}.")
    if field.has_default:
        notes.append(f"@default {js(field.default)}")
    return "\n\n".join(part for part in (field.description, " ".join(notes)) if part)


def ts_type(field: Field) -> str:
    if field.enum is not None:
        return identifier(field.enum)
    if field.type == "object":
        return "{ [key: string]: unknown }"
    if field.type == "map":
        values = field.map_values or "string"
        return f"{{ [key: string]: {_SCALAR_TS.get(values, 'unknown')} }}"
    return _SCALAR_TS[field.type]


def values_name(enum_name: str) -> str:
    """The readonly array of an enum's values: CallStatus -> CallStatusValues."""
    return identifier(f"{identifier(enum_name)}Values")


def _scalar_shape(kind: FieldType, field: Field | None) -> str:
    parts = [f'kind: "{kind}"']
    if field is not None:
        if field.enum is not None:
            parts.append(f"enum: {values_name(field.enum)}")
        if field.pattern is not None:
            parts.append(f"pattern: {js(field.pattern)}")
        if field.minimum is not None:
            parts.append(f"minimum: {js(field.minimum)}")
        if field.maximum is not None:
            parts.append(f"maximum: {js(field.maximum)}")
    return "{ " + ", ".join(parts) + " }"


def shape(field: Field) -> str:
    """The validation.ts `Shape` literal for one field."""
    empty_object = 'kind: "object", properties: {}, required: []'
    if field.type == "object":
        return f"{{ {empty_object} }}"
    if field.type == "map":
        values = _scalar_shape(field.map_values or "string", None)
        return f"{{ {empty_object}, additionalProperties: {values} }}"
    return _scalar_shape(field.type, field)


def required(schema: Schema) -> str:
    return js([field.name for field in schema.fields if field.required])


def enums_used(api: Api) -> list[str]:
    """Enum names the schemas refer to, sorted (for imports)."""
    return sorted({field.enum for schema in api.schemas for field in schema.fields if field.enum})


def types_used(api: Api) -> list[str]:
    """Schema names the operations refer to, sorted (for imports)."""
    names = {name for op in api.operations for name in (op.request, op.response) if name}
    return sorted(identifier(name) for name in names)


def doc_text(text: str) -> str:
    """Text for inside a doc comment line: one line, and it cannot close the comment."""
    return " ".join(text.split()).replace("*/", "*\\/")


def operation_doc(op: Operation) -> str:
    """The JSDoc text of an operation's method: summary, description, errors, deprecation."""
    errors = ", ".join(str(status) for status in op.error_statuses) or "none"
    parts = [
        op.summary,
        "" if op.deprecated else op.description,
        f"`{op.method} {op.path}`, answering {op.success_status}.",
        "Throws `ValidationError` before sending when the body breaks a rule of the spec; an"
        f" `APIStatusError` subclass for an error status (documented: {errors});"
        " `APIConnectionError` or `APITimeoutError` when no response arrives;"
        " `APIResponseValidationError` when the response breaks the spec.",
    ]
    if op.deprecated:
        parts.append(f"@deprecated {op.description or 'The spec marks this operation deprecated.'}")
    return "\n\n".join(part for part in parts if part)


def npm_name(api: Api) -> str:
    """The npm package name, as the Python distribution's: retell -> retell-client."""
    return "-".join((*api.client.words, "client"))


FILTERS = {
    "js": js,
    "identifier": identifier,
    "key": key,
    "doc": doc,
    "field_doc": field_doc,
    "ts_type": ts_type,
    "values_name": values_name,
    "shape": shape,
    "required": required,
    "doc_text": doc_text,
    "operation_doc": operation_doc,
    "npm_name": npm_name,
}
GLOBALS = {
    "enums_used": enums_used,
    "types_used": types_used,
    "typescript_version": TYPESCRIPT_VERSION,
}
