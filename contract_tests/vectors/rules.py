"""The rule a vector proves, and how a validator's violation names it.

A violation of a subschema with an `x-rule` name is that rule (`e164_numbers`,
`mulaw_sample_rate`, ...). Everything else falls into one of the suite's generic rules, one
per keyword family, except the type of a value, which is always `field_types_enforced` (a
server that coerces "35" into 35 breaks the same promise whichever rule is in force).
"""

from __future__ import annotations

from collections.abc import Iterable

from retell_client._validation import Violation

__all__ = [
    "AUTH_REQUIRED",
    "BOUNDARY_VALUES_ACCEPTED",
    "BOUNDS_ENFORCED",
    "CLOSED_OBJECTS_ENFORCED",
    "CONSTS_ENFORCED",
    "ENUMS_ENFORCED",
    "EXCLUSIONS_ENFORCED",
    "FIELD_TYPES_ENFORCED",
    "FORMATS_ENFORCED",
    "GENERIC_RULES",
    "LARGE_BODIES_HANDLED",
    "LENGTHS_ENFORCED",
    "PATTERNS_ENFORCED",
    "REQUIRED_FIELDS_ENFORCED",
    "VARIANTS_ENFORCED",
    "rule_of",
    "single_rule",
]

AUTH_REQUIRED = "auth_required"
REQUIRED_FIELDS_ENFORCED = "required_fields_enforced"
FIELD_TYPES_ENFORCED = "field_types_enforced"
PATTERNS_ENFORCED = "patterns_enforced"
BOUNDS_ENFORCED = "bounds_enforced"
LENGTHS_ENFORCED = "lengths_enforced"
ENUMS_ENFORCED = "enums_enforced"
CONSTS_ENFORCED = "consts_enforced"
FORMATS_ENFORCED = "formats_enforced"
CLOSED_OBJECTS_ENFORCED = "closed_objects_enforced"
VARIANTS_ENFORCED = "variants_enforced"
EXCLUSIONS_ENFORCED = "exclusions_enforced"
BOUNDARY_VALUES_ACCEPTED = "boundary_values_accepted"
LARGE_BODIES_HANDLED = "large_bodies_handled"

# The generic rule of each keyword a validator reports (see retell_client._validation).
KEYWORD_RULES: dict[str, str] = {
    "type": FIELD_TYPES_ENFORCED,
    "required": REQUIRED_FIELDS_ENFORCED,
    "pattern": PATTERNS_ENFORCED,
    "minimum": BOUNDS_ENFORCED,
    "maximum": BOUNDS_ENFORCED,
    "exclusiveMinimum": BOUNDS_ENFORCED,
    "exclusiveMaximum": BOUNDS_ENFORCED,
    "multipleOf": BOUNDS_ENFORCED,
    "minLength": LENGTHS_ENFORCED,
    "maxLength": LENGTHS_ENFORCED,
    "minItems": LENGTHS_ENFORCED,
    "maxItems": LENGTHS_ENFORCED,
    "enum": ENUMS_ENFORCED,
    "const": CONSTS_ENFORCED,
    "format": FORMATS_ENFORCED,
    "additionalProperties": CLOSED_OBJECTS_ENFORCED,
    "anyOf": VARIANTS_ENFORCED,
    "oneOf": VARIANTS_ENFORCED,
    "discriminator": VARIANTS_ENFORCED,
    "not": EXCLUSIONS_ENFORCED,
}

GENERIC_RULES: tuple[str, ...] = (
    AUTH_REQUIRED,
    *dict.fromkeys(KEYWORD_RULES.values()),
    BOUNDARY_VALUES_ACCEPTED,
    LARGE_BODIES_HANDLED,
)


def rule_of(violation: Violation) -> str:
    """The rule a violation breaks: its type rule, else its `x-rule`, else its keyword's."""
    if violation.keyword == "type":
        return FIELD_TYPES_ENFORCED
    if violation.rule != violation.keyword:
        return violation.rule
    return KEYWORD_RULES.get(violation.keyword, violation.keyword)


def single_rule(violations: Iterable[Violation]) -> str | None:
    """The one rule all these violations break, or None (none, or several rules)."""
    rules = {rule_of(violation) for violation in violations}
    return rules.pop() if len(rules) == 1 else None
