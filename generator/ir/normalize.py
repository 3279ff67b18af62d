"""The validation view: each schema of the spec as normalised JSON Schema 2020-12.

Normalised means: `$ref`s point into one `$defs` map (`#/$defs/<component>`), annotations
are gone (descriptions, examples, defaults, provenance), OpenAPI's `discriminator` becomes
`x-discriminator` with `$defs` refs, and every keyword left is one of `keywords.VALIDATION`
or `x-rule` (the stable name of the rule a subschema states). Every generated validator
(Python, TypeScript, Go) implements exactly these keywords with JSON Schema's semantics, and
the contract suite validates with a stock 2020-12 validator on the same document.

A keyword the generator does not know is refused here, with its location.
"""

from __future__ import annotations

import re
from typing import Any

from generator.ir import keywords
from generator.load import SpecError

COMPONENT_PREFIX = "#/components/schemas/"
DEFS_PREFIX = "#/$defs/"
RULE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# Regex features outside the portable subset (Python re, ECMAScript with `u`, Go RE2):
# lookaround and backreferences.
_NON_PORTABLE = re.compile(r"\(\?[=!<]|\\[1-9]|\\k<")


def normalize(node: Any, where: str) -> dict[str, Any]:
    """The normalised form of one schema node (raises SpecError at the first problem)."""
    if node is True or node is False:
        raise SpecError(f"{where}: boolean schemas are not supported; write {{}} or `not: {{}}`")
    if not isinstance(node, dict):
        raise SpecError(f"{where}: a schema must be a mapping, not {type(node).__name__}")
    _check_keywords(node, where)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$ref":
            out[key] = _ref(value, where)
        elif key in ("properties",):
            out[key] = {
                str(name): normalize(item, f"{where}/properties/{name}")
                for name, item in _mapping(value, f"{where}/properties").items()
            }
        elif key == "additionalProperties":
            out[key] = (
                value
                if isinstance(value, bool)
                else normalize(value, f"{where}/additionalProperties")
            )
        elif key in keywords.SUBSCHEMA:
            out[key] = normalize(value, f"{where}/{key}")
        elif key in keywords.SUBSCHEMA_LISTS:
            out[key] = [
                normalize(item, f"{where}/{key}/{index}")
                for index, item in enumerate(_list(value, f"{where}/{key}"))
            ]
        elif key == "discriminator":
            out["x-discriminator"] = _discriminator(value, f"{where}/discriminator")
        elif key == "x-rule":
            out[key] = rule_name(value, f"{where}/x-rule")
        elif key in keywords.VALIDATION:
            out[key] = _checked_value(key, value, where)
    return out


def rule_name(value: Any, where: str) -> str:
    if not isinstance(value, str) or not RULE_NAME.match(value):
        raise SpecError(f"{where}: a rule name is lower-case letters, digits and _, not {value!r}")
    return value


def _check_keywords(node: dict[str, Any], where: str) -> None:
    for key in node:
        if key not in keywords.KNOWN:
            what = "extension" if str(key).startswith("x-") else "keyword"
            raise SpecError(f"{where}: {what} {key!r} is not supported by the generator")
    if node.get("x-phone-number") not in (None, True):
        raise SpecError(f"{where}/x-phone-number: must be true when present")


def _ref(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.startswith(COMPONENT_PREFIX):
        raise SpecError(f"{where}/$ref: only '#/components/schemas/...' references, not {value!r}")
    return DEFS_PREFIX + value[len(COMPONENT_PREFIX) :]


def _checked_value(key: str, value: Any, where: str) -> Any:
    """The keyword's value, refused when a validator could not apply it the same way."""
    if key == "type":
        kinds = value if isinstance(value, list) else [value]
        if not kinds or any(kind not in keywords.TYPES for kind in kinds):
            raise SpecError(f"{where}/type: {value!r} is not a JSON Schema type")
    elif key == "pattern":
        _check_pattern(value, f"{where}/pattern")
    elif key == "format":
        if value not in keywords.CHECKED_FORMATS | keywords.ANNOTATION_FORMATS:
            known = ", ".join(sorted(keywords.CHECKED_FORMATS))
            raise SpecError(f"{where}/format: {value!r} is not checked (supported: {known})")
    elif key in ("minLength", "maxLength", "minItems", "maxItems"):
        if not (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
            raise SpecError(f"{where}/{key}: must be a non-negative integer")
    elif key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SpecError(f"{where}/{key}: must be a number (3.1 style, not a boolean)")
        if key == "multipleOf" and value <= 0:
            raise SpecError(f"{where}/multipleOf: must be greater than 0")
    elif key == "required":
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise SpecError(f"{where}/required: must be a list of property names")
    elif key == "enum" and (not isinstance(value, list) or not value):
        raise SpecError(f"{where}/enum: must be a non-empty list")
    return value


def _check_pattern(pattern: Any, where: str) -> None:
    if not isinstance(pattern, str):
        raise SpecError(f"{where}: must be a string")
    if _NON_PORTABLE.search(pattern):
        raise SpecError(
            f"{where}: lookaround and backreferences are not portable (Go's RE2 lacks them)"
        )
    try:
        re.compile(pattern)
    except re.error as exc:
        raise SpecError(f"{where}: not a valid regular expression: {exc}") from None


def _discriminator(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not isinstance(value.get("propertyName"), str):
        raise SpecError(f"{where}: needs a propertyName")
    unknown = set(value) - {"propertyName", "mapping"}
    if unknown:
        raise SpecError(f"{where}: {sorted(unknown)[0]!r} is not supported")
    mapping = _mapping(value.get("mapping", {}), f"{where}/mapping")
    return {
        "propertyName": value["propertyName"],
        "mapping": {str(k): _ref(v, f"{where}/mapping/{k}") for k, v in mapping.items()},
    }


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SpecError(f"{where}: must be a mapping")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise SpecError(f"{where}: must be a non-empty list")
    return value
