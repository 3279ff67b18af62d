"""Jinja filters of the Go emitter: the only way spec values reach Go text.

Strings become Go string literals with `strconv.Quote`'s semantics (`go_string`); JSON data
(the schema document) is written by `json.dumps`; doc comments are rendered in the exact form
gofmt prints them (`go_doc`), so the output is gofmt-clean without running gofmt and no
description can end its comment or turn into code. Identifiers come from `naming`, which
refuses anything that is not a plain Go identifier.
"""

from __future__ import annotations

import json
import math
import re
import textwrap
from collections.abc import Iterable

from generator.emit.go import naming
from generator.emit.go.naming import GoEmitError
from generator.ir import (
    AnyValue,
    Api,
    ArrayOf,
    Const,
    Enum,
    EnumRef,
    Field,
    JsonScalar,
    MapOf,
    ModelRef,
    Nullable,
    Operation,
    Scalar,
    TypeExpr,
    UnionOf,
)

_SCALARS = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool"}
_SCALAR_DECODERS = {
    "string": "decodeString",
    "integer": "decodeInteger",
    "number": "decodeNumber",
    "boolean": "decodeBool",
}
_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
}


# --- literals --------------------------------------------------------------------------------


def go_string(value: str) -> str:
    """A Go interpreted string literal for `value`, as `strconv.Quote` writes it: printable
    characters as they are, the named escapes, `\\xHH` for other ASCII controls, `\\u`/`\\U`
    for other unprintable code points."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif 0xD800 <= code <= 0xDFFF:
            raise GoEmitError(f"go: {value!r} holds a lone surrogate, which Go cannot represent")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        elif code < 0x80 or char.isprintable():
            out.append(char)
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def go_value(value: JsonScalar) -> str:
    """A Go literal for a JSON scalar (strings through `go_string`)."""
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return go_string(value)
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise GoEmitError(f"go: {value!r} has no Go literal")
    return repr(value)


def json_text(value: object) -> str:
    """A JSON value as compact, ASCII-only JSON (for comments and docs)."""
    return json.dumps(value, ensure_ascii=True, allow_nan=False)


# --- comments --------------------------------------------------------------------------------

_BULLET = re.compile(r"^[-*+\u2022][ \t]+(?=\S)")
_LINK_DEFINITION = re.compile(r"^\[([^\]]*)\]:[ \t]+([A-Za-z][A-Za-z0-9+.\-]*://\S.*)$")
_OLD_HEADING_BANNED = frozenset(';:!?+*/=[]{}_^°&§~%#@<">\\')
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufeff]")
# gofmt moves a `// +build` line, wherever it is, to the top of the file as a build constraint
_PLUS_BUILD = re.compile(r"^(\s*)\+build(?=\s|$)")
_QUOTED_BUILD = r"\1`+build`"


def _clean(text: str) -> list[str]:
    """Lines of `text` that cannot break a `//` comment: newlines normalised, controls, byte
    order marks and lone surrogates replaced, each line stripped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join("\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char for char in text)
    text = _UNSAFE.sub(" ", text).replace("\t", " ")
    return [line.strip() for line in text.split("\n")]


def _comment_line(line: str, indent: str = "") -> str:
    """One `//` line; never a build constraint (its +build is quoted)."""
    if not line:
        return f"{indent}//\n"
    return f"{indent}// {_PLUS_BUILD.sub(_QUOTED_BUILD, line)}\n"


WIDTH = 100  # of a comment line, its indentation counted as 4 columns a tab


def _wrap(line: str, width: int, indent: str = "") -> list[str]:
    """A long line broken at spaces (words are never split), continuation lines indented."""
    if len(line) <= width:
        return [line]
    wrapped = textwrap.wrap(
        line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )
    return wrapped or [line]


def comment(text: str, indent: str = "\t") -> str:
    """Plain `//` lines for `text` inside a declaration (gofmt leaves these as they are)."""
    width = WIDTH - 3 - 4 * indent.count("\t") - indent.count(" ")
    lines = [part for line in _collapse(_clean(text)) for part in _wrap(line, width)]
    return "".join(_comment_line(line, indent) for line in lines)


def _collapse(lines: list[str]) -> list[str]:
    """Without leading, trailing and repeated blank lines."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def go_doc(text: str) -> str:
    """A top-level doc comment (`//` lines, each ending in a newline) for `text`, written the
    way gofmt's doc-comment printer writes it, so gofmt leaves it alone: bullet lists indented
    with "  - ", a blank line after a list, headings as "# ", ``quotes'' as gofmt turns them,
    no code blocks (indentation is dropped), at most one blank line in a row. "" for no text."""
    return "".join(_comment_line(line) for line in doc_lines(text))


def doc_lines(text: str) -> list[str]:
    lines = [_link_definition(line) for line in _collapse(_clean(text))]
    lines = [_quotes(line) for line in lines]
    if not lines:
        return []
    bullets = [bool(_BULLET.match(line)) for line in lines]
    if all(bullet or not line for bullet, line in zip(bullets, lines, strict=True)):
        return lines  # only list lines: gofmt would unindent them, so they stay as they are
    blocks = _blocks(lines, bullets)
    return _render_blocks(blocks)


def _link_definition(line: str) -> str:
    """A line gofmt would take for a link definition (and move to the end) loses its brackets."""
    hit = _LINK_DEFINITION.match(line)
    return f"{hit[1]}: {hit[2]}" if hit else line


def _quotes(line: str) -> str:
    """gofmt writes `` as “ and '' as ” in doc comments (not inside ``` runs)."""
    out: list[str] = []
    index = 0
    while index < len(line):
        if line.startswith("```", index):
            end = index + 3
            while end < len(line) and line[end] == "`":
                end += 1
            out.append(line[index:end])
            index = end
        elif line.startswith("``", index):
            out.append("\u201c")
            index += 2
        elif line.startswith("''", index):
            out.append("\u201d")
            index += 2
        else:
            out.append(line[index])
            index += 1
    return "".join(out)


# A block: ("para", lines) or ("list", items, loose).
Block = tuple[str, list[str], bool]


def _blocks(lines: list[str], bullets: list[bool]) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        if not lines[index]:
            index += 1
            continue
        if bullets[index]:
            items: list[str] = []
            loose = False
            while index < len(lines) and (bullets[index] or not lines[index]):
                if not lines[index]:
                    if index + 1 < len(lines) and bullets[index + 1]:
                        loose = True
                        index += 1
                        continue
                    break
                items.append(_BULLET.sub("", lines[index]).strip())
                index += 1
            blocks.append(("list", items, loose))
            continue
        paragraph: list[str] = []
        while index < len(lines) and lines[index] and not bullets[index]:
            paragraph.append(lines[index])
            index += 1
        blocks.append(("para", paragraph, False))
    return blocks


def _render_blocks(blocks: list[Block]) -> list[str]:
    """Blocks as gofmt prints them: one blank line between blocks, none before a tight list
    (gofmt keeps a list right under its paragraph), blank lines around a loose one's items."""
    out: list[str] = []
    for position, (kind, lines, loose) in enumerate(blocks):
        if position > 0 and (kind == "para" or loose):
            out.append("")
        if kind == "para":
            out.extend(part for line in lines for part in _wrap(line, WIDTH - 3))
            continue
        for number, item in enumerate(lines):
            if number and loose:
                out.append("")
            out.extend(_wrap(f"  - {item}", WIDTH - 3, indent="    "))
    return _headings(out)


def _headings(lines: list[str]) -> list[str]:
    """Lines gofmt would print as headings, written as "# Heading"."""
    out = list(lines)
    for index, line in enumerate(lines):
        alone = (index == 0 or not lines[index - 1]) and (
            index + 1 >= len(lines) or not lines[index + 1] or lines[index + 1].startswith("  ")
        )
        if alone and re.match(r"^#[ \t]", line) and line.strip() != "#":
            out[index] = "# " + line[1:].strip()
        elif _old_heading(lines, index):
            out[index] = "# " + line
    return out


def _old_heading(lines: list[str], index: int) -> bool:
    """go/doc/comment's isOldHeading: a one-line paragraph between blank lines, followed by
    unindented text, that looks like a title."""
    if index <= 0 or lines[index - 1] or index + 2 >= len(lines) or lines[index + 1]:
        return False
    if lines[index + 2].startswith((" ", "\t")):
        return False
    line = lines[index].strip()
    if not line or not (line[0].isalpha() and line[0].isupper()):
        return False
    if not (line[-1].isalpha() or line[-1].isdigit()):
        return False
    if any(char in _OLD_HEADING_BANNED for char in line):
        return False
    for part in line.split("'")[1:]:
        if part != "s" and not part.startswith("s "):
            return False
    return all(part and not part.startswith(" ") for part in line.split(".")[1:])


def doc_or(text: str, fallback: str) -> str:
    return go_doc(text if text.strip() else fallback)


def doc_text(text: str) -> str:
    """Spec text for the middle of a doc comment line: one line, as gofmt would print it."""
    return _quotes(" ".join(" ".join(_clean(text)).split()))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_text(text: str) -> str:
    """Spec text for one line of Markdown prose or a table cell: no line breaks, and the
    characters Markdown would read as markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(" ".join(_clean(text)).split()))


def md_comment(text: str) -> str:
    """Text for inside an HTML comment (one line; it cannot close the comment)."""
    return " ".join(" ".join(_clean(text)).split()).replace("--", "- -")


def md_code(text: str) -> str:
    """Spec text as a Markdown code span (in a table cell: `|` escaped, as GFM requires)."""
    line = " ".join(" ".join(_clean(text)).split()).replace("|", "\\|")
    fence = "``" if "`" in line else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{line}{pad}{fence}"


# --- types -----------------------------------------------------------------------------------


def go_type(expr: TypeExpr) -> str:
    """The Go type of a value of `expr` (an element of an array or map, or a required field)."""
    if isinstance(expr, Scalar):
        return _SCALARS[expr.kind]
    if isinstance(expr, Const):
        return _const_type(expr.value)
    if isinstance(expr, EnumRef | ModelRef):
        return naming.type_name(expr.name)
    if isinstance(expr, ArrayOf):
        return "[]" + go_type(expr.items)
    if isinstance(expr, MapOf):
        return "map[string]" + go_type(expr.values)
    if isinstance(expr, AnyValue):
        return "map[string]any" if expr.object_only else "any"
    if isinstance(expr, UnionOf):
        return "any"
    return f"Opt[{go_type(_unwrap(expr.inner))}]"


def _const_type(value: JsonScalar) -> str:
    if value is None:
        return "any"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, str):
        return "string"
    return "int64" if isinstance(value, int) else "float64"


def _unwrap(expr: TypeExpr) -> TypeExpr:
    while isinstance(expr, Nullable):
        expr = expr.inner
    return expr


def optional(field: Field) -> bool:
    """Whether a field is an `Opt`: it may be absent, or it may be null."""
    return not field.required or isinstance(field.type, Nullable)


def field_type(field: Field) -> str:
    inner = _unwrap(field.type)
    return f"Opt[{go_type(inner)}]" if optional(field) else go_type(inner)


def field_tag(field: Field) -> str:
    """The struct tag: the wire name (an identifier, checked by the IR and again here)."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", field.name):
        raise GoEmitError(f"go: field {field.name!r} cannot be a JSON struct tag")
    return f'`json:"{field.name}{",omitzero" if optional(field) else ""}"`'


def decoder(expr: TypeExpr) -> str:
    """An expression of type `func(json.RawMessage, *T) bool` that decodes a `T` leniently:
    a decode function, or a combinator of them (one call expression: gofmt leaves it as it is)."""
    if isinstance(expr, Scalar):
        return _SCALAR_DECODERS[expr.kind]
    if isinstance(expr, Const):
        return _SCALAR_DECODERS.get(_CONST_KINDS[_const_type(expr.value)], "decodeAny")
    if isinstance(expr, EnumRef):
        return f"decodeEnum[{naming.type_name(expr.name)}]"
    if isinstance(expr, ModelRef):
        return f"decodeModel[{naming.type_name(expr.name)}]"
    if isinstance(expr, AnyValue):
        return "decodeObject" if expr.object_only else "decodeAny"
    if isinstance(expr, ArrayOf):
        return f"sliceOf({decoder(expr.items)})"
    if isinstance(expr, MapOf):
        return f"mapOf({decoder(expr.values)})"
    if isinstance(expr, Nullable):
        return f"optOf({decoder(_unwrap(expr.inner))})"
    tagged = _tagged(expr)
    if tagged is None:
        return "decodeAny"
    return f"taggedOf({_tag_arguments(tagged)})"


_CONST_KINDS = {"any": "", "bool": "boolean", "string": "string", "int64": "integer"}
_CONST_KINDS["float64"] = "number"


def decode_call(expr: TypeExpr, raw: str, dst: str) -> str:
    """A call that decodes `raw` into `dst` (a pointer to `expr`'s Go type), returning whether
    the value fit."""
    if isinstance(expr, ArrayOf):
        return f"decodeSlice({raw}, {dst}, {decoder(expr.items)})"
    if isinstance(expr, MapOf):
        return f"decodeMap({raw}, {dst}, {decoder(expr.values)})"
    if isinstance(expr, Nullable):
        return f"decodeOpt({raw}, {dst}, {decoder(_unwrap(expr.inner))})"
    if isinstance(expr, UnionOf) and (tagged := _tagged(expr)) is not None:
        return f"decodeTagged({raw}, {dst}, {_tag_arguments(tagged)})"
    return f"{decoder(expr)}({raw}, {dst})"


def _tag_arguments(tagged: tuple[str, tuple[tuple[str, str], ...]]) -> str:
    """The discriminator's property and its variants, as decodeTagged and taggedOf take them."""
    variants = ", ".join(
        f"{{{go_string(value)}, decodeAs[{naming.type_name(model)}]}}" for value, model in tagged[1]
    )
    return f"{go_string(tagged[0])}, []taggedVariant{{{variants}}}"


def _tagged(expr: UnionOf) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    if expr.discriminator is None or not expr.discriminator.mapping:
        return None
    return expr.discriminator.property, expr.discriminator.mapping


def field_decode(field: Field) -> str:
    """The expression `decodeMember` returns for one field: decode into the struct's field."""
    target = f"&m.{naming.field_name(field.words)}"
    inner = _unwrap(field.type)
    if optional(field):
        return f"decodeOpt(raw, {target}, {decoder(inner)})"
    return decode_call(inner, "raw", target)


_SCALAR_ENCODERS = {
    "string": "appendString",
    "integer": "appendInteger",
    "number": "appendNumber",
    "boolean": "appendBool",
}


def encoder(expr: TypeExpr) -> str:
    """An expression of type `func([]byte, T) ([]byte, error)` that appends a `T` as JSON."""
    if isinstance(expr, Scalar):
        return _SCALAR_ENCODERS[expr.kind]
    if isinstance(expr, Const) and expr.value is not None:
        return _SCALAR_ENCODERS[_CONST_KINDS[_const_type(expr.value)]]
    if isinstance(expr, EnumRef):
        return f"appendEnum[{naming.type_name(expr.name)}]"
    if isinstance(expr, ModelRef):
        return f"appendModel[{naming.type_name(expr.name)}]"
    return f"appendJSON[{go_type(expr)}]"


def field_encode(field: Field) -> str:
    """The statement of a model's MarshalJSON that writes one field."""
    value = f"m.{naming.field_name(field.words)}"
    writer = "writeOpt" if optional(field) else "writeField"
    return f"{writer}(&w, {go_string(field.name)}, {value}, {encoder(_unwrap(field.type))})"


def field_doc(field: Field) -> str:
    """A field's description, then its rules and default, for its comment."""
    notes = [f"{_rule_label(keyword)} {_shown(value)}" for keyword, value in field.constraints]
    parts = [field.description.strip()]
    if notes:
        parts.append("Rules: " + "; ".join(notes) + ".")
    if field.has_default:
        parts.append(f"Default when left out: {json_text(field.default)}.")
    if field.required:
        parts.append("Required.")
    return "\n\n".join(part for part in parts if part)


def _shown(value: object) -> str:
    """A rule's value for a comment: a string (a pattern) as it is, in backquotes."""
    if isinstance(value, str) and "`" not in value:
        return f"`{value}`"
    return json_text(value)


def _rule_label(keyword: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r" \1", keyword).lower()


# --- operations ------------------------------------------------------------------------------


def operation_doc(operation: Operation) -> str:
    """The doc comment text of an operation's method."""
    errors = ", ".join(str(response.status) for response in operation.errors) or "none"
    name = naming.operation_name(operation)
    summary = " ".join(operation.summary.split())
    if summary and summary[-1] not in ".!?":
        summary += "."  # a one-line paragraph without one would read to gofmt as a heading
    opening = (
        f"{name} sends {operation.method} {operation.path} (operation {operation.operation_id})"
    )
    parts = [
        f"{opening}: {summary}" if summary else f"{opening}.",
        "" if operation.deprecated else operation.description.strip(),
        "It returns a [*ValidationError], before sending anything, when the body breaks a rule"
        " of the spec; an [*APIError] for an error status (documented:"
        f" {errors}); an [*APIConnectionError] when no response arrives; an"
        " [*APIResponseValidationError] or [*APIResponseTooLargeError] when the answer cannot"
        " be used.",
    ]
    if operation.deprecated:
        reason = operation.description.strip() or "The spec marks this operation deprecated."
        parts.append("Deprecated: " + " ".join(reason.split()))
    return "\n\n".join(part for part in parts if part)


def success_type(operation: Operation) -> str | None:
    body = operation.success.body
    return None if body is None else go_type(body.type)


def success_is_model(operation: Operation) -> bool:
    """Whether a method returns a pointer to a model (else a value: an array, a map, ...)."""
    body = operation.success.body
    return body is not None and isinstance(body.type, ModelRef)


def success_decoder(operation: Operation) -> str:
    body = operation.success.body
    if body is None:
        raise GoEmitError(f"go: operation {operation.operation_id!r} has no success body")
    return decoder(body.type)


def params_type(operation: Operation) -> str:
    """The Go type of an operation's request body."""
    body = operation.request
    if body is None:
        raise GoEmitError(f"go: operation {operation.operation_id!r} has no request body")
    return go_type(body.type)


def idempotency(api: Api) -> bool:
    """Whether any operation declares an idempotency header (then WithIdempotencyKey exists)."""
    return any(operation.idempotency_header for operation in api.operations)


# --- layout ----------------------------------------------------------------------------------


def aligned(pairs: Iterable[tuple[str, str]], indent: str = "\t", separator: str = " ") -> str:
    """Lines `name<pad>rest` padded the way gofmt aligns a run of single-line specs or
    key-value pairs (a column one wider than the widest name)."""
    rows = list(pairs)
    width = max((len(name) for name, _ in rows), default=0)
    return "".join(f"{indent}{name.ljust(width)}{separator}{rest}\n" for name, rest in rows)


def case_list(names: Iterable[str], indent: str = "\t") -> str:
    """`case a, b, c:` for a switch, its names wrapped as gofmt keeps them (continuation lines
    one tab deeper)."""
    lines = [f"{indent}case"]
    for name in names:
        last = lines[-1]
        if len(last.expandtabs(4)) + len(name) + 2 > WIDTH and not last.endswith("case"):
            lines[-1] = last + ","
            lines.append(f"{indent}\t{name}")
        elif last.endswith("case"):
            lines[-1] = f"{last} {name}"
        else:
            lines[-1] = f"{last}, {name}"
    return "\n".join(lines) + ":\n"


def key_values(pairs: Iterable[tuple[str, str]], indent: str = "\t") -> str:
    """Keyed composite-literal lines `key: value,` aligned as gofmt aligns them."""
    return aligned(((f"{key}:", f"{value},") for key, value in pairs), indent)


def banner(api: Api) -> str:
    """Go's generated-file line (`^// Code generated .* DO NOT EDIT\\.$`) saying the project's
    banner: "// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT."."""
    text = " ".join(api.banner.replace("`", "").split()).removesuffix("; do not edit")
    return f"// Code {text}; DO NOT EDIT."


def error_message_field(api: Api) -> str:
    """The string property that carries an error body's message ("" when the documented
    error bodies do not agree on one)."""
    fields = api.error_message_fields
    return fields[0] if len(fields) == 1 else ""


def schema_document(api: Api) -> str:
    """The validation view as the embedded schemas.json, with the banner as `$comment`."""
    document = {"$comment": api.banner, **json.loads(api.schemas_json)}
    return json.dumps(document, indent=1, ensure_ascii=True, allow_nan=False)


def duration(seconds: float) -> str:
    """A Go time.Duration expression for a number of seconds."""
    millis = round(seconds * 1000)
    if millis % 1000 == 0:
        return f"{millis // 1000} * time.Second"
    return f"{millis} * time.Millisecond"


def duration_text(seconds: float) -> str:
    """A number of seconds as Go's Duration.String writes it: 60s, 500ms, 1.5s."""
    millis = round(seconds * 1000)
    if millis < 1000:
        return f"{millis}ms"
    return f"{millis / 1000:g}s"


_ENV = re.compile(r"^[A-Z][A-Z0-9_]*$")


def env_name(suffix: str, api: Api) -> str:
    """An environment variable of the client: RETELL_API_KEY, RETELL_BASE_URL."""
    name = f"{api.env_prefix}_{suffix}"
    if not _ENV.match(name):
        raise GoEmitError(f"go: {name!r} cannot be an environment variable name")
    return name


def enum_values(enum: Enum) -> list[tuple[str, str]]:
    """(constant, "Type = literal") for an enum's const block."""
    kind = naming.type_name(enum.name)
    return [(name, f"{kind} = {go_string(value)}") for name, value in naming.enum_constants(enum)]


def operation_var(operation: Operation) -> str:
    return "operation" + naming.operation_name(operation)


def operation_fields(operation: Operation) -> list[tuple[str, str]]:
    """The keyed fields of an operation's descriptor (transport.go's `operation`)."""
    request = operation.request.schema if operation.request else ""
    success = operation.success.body.schema if operation.success.body else ""
    return [
        ("method", go_string(operation.method)),
        ("path", go_string(operation.path)),
        ("requestSchema", go_string(request)),
        ("successSchema", go_string(success)),
        ("idempotent", "true" if operation.idempotent else "false"),
        ("idempotencyHeader", go_string(operation.idempotency_header or "")),
    ]


def params_go_type(operation: Operation) -> str:
    """The type of a method's params: its alias, or the body's model when it has that name."""
    if naming.needs_params_alias(operation):
        return naming.params_name(operation)
    return params_type(operation)


def client_fields(api: Api) -> list[tuple[str, str]]:
    """The keyed fields NewClient fills: one service per resource, then the shared core."""
    services = [
        (naming.resource_field(resource), f"&{naming.service_name(resource)}{{core: core}}")
        for resource in api.resources
    ]
    return [*services, ("core", "core")]


def example_params(operation: Operation, api: Api) -> list[tuple[str, str]]:
    """(Go field, Go expression) for the scalar fields of the operation's first request
    example, for the README: required ones as values, optional ones through retell.Some."""
    body = operation.request
    if body is None or not body.examples or not isinstance(body.type, ModelRef):
        return []
    example = body.examples[0][1]
    if not isinstance(example, dict):
        return []
    package = naming.package_name(api)
    pairs = []
    for field in api.model(body.type.name).fields:
        value = example.get(field.name)
        if field.name not in example or isinstance(value, dict | list):
            continue
        literal = go_value(value)
        kind = _unwrap(field.type)
        if isinstance(kind, EnumRef):
            literal = f"{package}.{naming.type_name(kind.name)}({literal})"
        if optional(field):
            literal = f"{package}.Some({literal})"
        pairs.append((naming.field_name(field.words), literal))
    return pairs


FILTERS = {
    "go_string": go_string,
    "go_value": go_value,
    "go_doc": go_doc,
    "doc_or": doc_or,
    "comment": comment,
    "go_type": go_type,
    "field_type": field_type,
    "field_tag": field_tag,
    "field_decode": field_decode,
    "field_encode": field_encode,
    "field_doc": field_doc,
    "decoder": decoder,
    "operation_doc": operation_doc,
    "success_type": success_type,
    "success_decoder": success_decoder,
    "success_is_model": success_is_model,
    "params_type": params_type,
    "type_name": naming.type_name,
    "field_name": naming.field_name,
    "operation_name": naming.operation_name,
    "params_name": naming.params_name,
    "resource_field": naming.resource_field,
    "service_name": naming.service_name,
    "error_kind": naming.error_kind,
    "enum_constants": naming.enum_constants,
    "duration": duration,
    "duration_text": duration_text,
    "json_text": json_text,
    "doc_text": doc_text,
    "md_text": md_text,
    "md_code": md_code,
    "md_comment": md_comment,
    "env_name": env_name,
    "operation_var": operation_var,
    "params_go_type": params_go_type,
}
GLOBALS = {
    "aligned": aligned,
    "case_list": case_list,
    "key_values": key_values,
    "banner": banner,
    "package_name": naming.package_name,
    "module_path": naming.module_path,
    "needs_params_alias": naming.needs_params_alias,
    "idempotency": idempotency,
    "error_message_field": error_message_field,
    "schema_document": schema_document,
    "example_params": example_params,
    "enum_values": enum_values,
    "operation_fields": operation_fields,
    "client_fields": client_fields,
}
