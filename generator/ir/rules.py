"""Cross-field rules: the `if`/`then` of a schema as `Conditional` data."""

from __future__ import annotations

from typing import Any

from generator.ir import Conditional, JsonScalar
from generator.load import SpecError


def build_rules(node: dict[str, Any], fields: set[str], where: str) -> tuple[Conditional, ...]:
    if "if" not in node and "then" not in node:
        return ()
    if set(node) & {"else", "allOf", "anyOf", "oneOf", "not"}:
        raise SpecError(f"{where}: only a single if/then rule is supported")
    if_field, if_value = _single_const(node.get("if"), f"{where}/if", require=True)
    then_field, then_value = _single_const(node.get("then"), f"{where}/then", require=False)
    for name in (if_field, then_field):
        if name not in fields:
            raise SpecError(f"{where}: the if/then rule names an undefined property {name!r}")
    message = f"{then_field} must be {_show(then_value)} when {if_field} is {_show(if_value)}"
    return (Conditional(if_field, if_value, then_field, then_value, message),)


def _single_const(node: Any, where: str, *, require: bool) -> tuple[str, JsonScalar]:
    """Accept `{properties: {F: {const: V}}}` (plus `required: [F]` in an `if`)."""
    properties = node.get("properties") if isinstance(node, dict) else None
    if not isinstance(properties, dict) or len(properties) != 1:
        raise SpecError(f"{where}: only `properties: {{field: {{const: value}}}}` is supported")
    ((field, condition),) = properties.items()
    if not isinstance(condition, dict) or set(condition) != {"const"}:
        raise SpecError(f"{where}/properties/{field}: only `const` is supported")
    if require and node.get("required") != [field]:
        raise SpecError(f"{where}: the condition must also say `required: [{field}]`")
    if set(node) - {"properties", "required"}:
        raise SpecError(f"{where}: only `properties` and `required` are supported")
    return str(field), condition["const"]


def _show(value: JsonScalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
