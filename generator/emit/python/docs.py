"""User-facing text of the generated package, from the spec's descriptions and rules.

Everything returned here is plain text for a docstring; the `docstring` filter escapes it.
`x-provenance` never reaches the IR's descriptions, so it cannot reach these either.
"""

from __future__ import annotations

import json

from generator.ir import Api, EnumRef, Field, Nullable, Operation, TypeExpr

_RULES = {
    "pattern": "Must match the pattern `{}`.",
    "format": "Format: {}.",
    "minLength": "At least {} characters.",
    "maxLength": "At most {} characters.",
    "minimum": "At least {}.",
    "maximum": "At most {}.",
    "exclusiveMinimum": "Greater than {}.",
    "exclusiveMaximum": "Less than {}.",
    "multipleOf": "A multiple of {}.",
    "minItems": "At least {} items.",
    "maxItems": "At most {} items.",
    "const": "Always {}.",
}


def field_doc(api: Api, field: Field) -> str:
    """The field's description, then its documented rules, allowed values and default."""
    parts = [sentence(field.description)] if field.description else []
    parts += [_RULES[key].format(_shown(key, value)) for key, value in field.constraints]
    values = _enum_values(api, field.type)
    if values:
        parts.append("One of " + ", ".join(f"`{value}`" for value in values) + ".")
    if isinstance(field.type, Nullable):
        parts.append("May be null.")
    if field.has_default:
        parts.append(f"Default when left out: `{json.dumps(field.default)}`.")
    if field.deprecated:
        parts.append("Deprecated.")
    return " ".join(part.strip() for part in parts if part.strip())


def sentence(text: str) -> str:
    """`text` ending as a sentence does, so that more can follow it."""
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?", ":")) else text + "."


def operation_summary(operation: Operation) -> str:
    return sentence(operation.summary or operation.operation_id)


def deprecation(operation: Operation) -> str:
    """The DeprecationWarning's message."""
    reason = operation.description or "the vendor deprecated it"
    return f"{operation.name.snake} is deprecated: {reason}"


def retry_note(operation: Operation) -> str:
    if operation.idempotent:
        return (
            "Idempotent: retried (up to `max_retries`) on connection errors, timeouts, 408, "
            "409, 429 and 5xx."
        )
    return (
        "Not idempotent: by default retried only when it cannot have reached the server (a "
        "connection that failed before the request was sent) or on 429, so a retry never "
        "repeats it; `retry_unsafe=True` on the client retries it like an idempotent one."
    )


def _enum_values(api: Api, kind: TypeExpr) -> tuple[str, ...]:
    if isinstance(kind, Nullable):
        kind = kind.inner
    return api.enum(kind.name).values if isinstance(kind, EnumRef) else ()


def _shown(key: str, value: object) -> str:
    if key in ("pattern", "format") and isinstance(value, str):
        return value
    if key == "const":
        return f"`{value}`" if isinstance(value, str) else f"`{json.dumps(value)}`"
    return json.dumps(value, ensure_ascii=False)
