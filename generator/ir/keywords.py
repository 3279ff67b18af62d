"""Which schema keywords the generator understands, and what each one is for.

A keyword outside these sets is refused with its spec location: every validator the
generator emits must enforce every rule the spec states, so a rule it cannot enforce is
an error, never a silent gap.
"""

from __future__ import annotations

# Checked by every generated validator (and kept in the validation view).
VALIDATION = frozenset(
    {
        "$ref", "type", "const", "enum",
        "pattern", "minLength", "maxLength", "format",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "items", "minItems", "maxItems",
        "properties", "required", "additionalProperties",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
    }
)  # fmt: skip
# Read by the generator, dropped from the validation view (or rewritten, as `discriminator`).
ANNOTATION = frozenset(
    {"title", "description", "default", "examples", "example", "deprecated", "discriminator"}
    | {"readOnly", "writeOnly"}
)
# The spec's own extensions (ARCHITECTURE.md describes each).
EXTENSIONS = frozenset({"x-rule", "x-phone-number", "x-account", "x-unique", "x-provenance"})
KNOWN = VALIDATION | ANNOTATION | EXTENSIONS

TYPES = frozenset({"null", "boolean", "integer", "number", "string", "array", "object"})
# Formats the validators check; OpenAPI's numeric formats are annotations only.
CHECKED_FORMATS = frozenset({"date-time", "uri"})
ANNOTATION_FORMATS = frozenset({"int32", "int64", "float", "double"})
ACCOUNT_ROLES = frozenset({"number", "agent"})

# Property keywords that hold one subschema / a list of them / a map of them.
SUBSCHEMA = ("items", "not", "if", "then", "else")
SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
