"""Doc-comment text of the TypeScript package, from the spec's descriptions (never provenance,
which the IR does not carry)."""

from __future__ import annotations

import textwrap

from generator.emit.typescript.render import js
from generator.ir import Field, Name, Operation

# How a field's rules read in its doc comment, in the IR's order of `Field.constraints`.
CONSTRAINT_LABELS = {
    "pattern": "Pattern",
    "format": "Format",
    "minLength": "Minimum length",
    "maxLength": "Maximum length",
    "minimum": "Minimum",
    "maximum": "Maximum",
    "exclusiveMinimum": "Greater than",
    "exclusiveMaximum": "Less than",
    "multipleOf": "Multiple of",
    "minItems": "Minimum items",
    "maxItems": "Maximum items",
    "const": "Always",
}


def field_doc(field: Field) -> str:
    """The description of a field, then its rules and default, as doc-comment text."""
    rules = " ".join(
        f"{CONSTRAINT_LABELS[keyword]}: `{value}`."
        if isinstance(value, str)
        else f"{CONSTRAINT_LABELS[keyword]}: {js(value)}."
        for keyword, value in field.constraints
        if keyword in CONSTRAINT_LABELS
    )
    tags = []
    if field.has_default:
        tags.append(f"@default {js(field.default)}")
    if field.deprecated:
        tags.append("@deprecated The spec marks this field deprecated.")
    return "\n\n".join(part for part in (field.description, rules, "\n".join(tags)) if part)


def method_name(resource: Name, operation: Operation) -> str:
    """How messages and the README name a method: call.createPhoneCall."""
    return f"{resource.camel}.{operation.name.camel}"


def operation_doc(operation: Operation) -> str:
    """A method's doc text: summary, description, the call, what it throws, deprecation."""
    errors = ", ".join(str(response.status) for response in operation.errors) or "none"
    parts = [
        operation.summary,
        "" if operation.deprecated else operation.description,
        f"`{operation.method} {operation.path}`, answering {operation.success.status}.",
        textwrap.fill(
            "Throws a `ValidationError` (nothing sent) when the body breaks a rule of the spec;"
            f" an `APIStatusError` subclass for a non-2xx answer (documented: {errors});"
            " `APIConnectionError` or `APITimeoutError` when no answer arrives;"
            " `APIResponseValidationError` when a success body is not JSON (or, in strict"
            " mode, breaks the spec); `APIResponseTooLargeError` beyond `maxResponseBytes`.",
            width=92,
        ),
    ]
    if operation.deprecated:
        reason = operation.description or "The spec marks this operation deprecated."
        parts.append(f"@deprecated {reason}")
    return "\n\n".join(part for part in parts if part)
