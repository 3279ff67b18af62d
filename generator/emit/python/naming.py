"""Python spellings of IR names and types."""

from __future__ import annotations

import keyword

from generator.emit import EmitError
from generator.ir import Api, Conditional, Field, Schema

PACKAGE = "retell_client"
DISTRIBUTION = "retell-client"

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def rule_function(schema: Schema, rule: Conditional) -> str:
    """check_<schema>_<then field>, e.g. check_register_call_response_sample_rate."""
    index = schema.rules.index(rule)
    suffix = f"_{index}" if index else ""
    return f"check_{'_'.join(_snake(schema.name))}_{'_'.join(_snake(rule.then_field))}{suffix}"


def _snake(name: str) -> list[str]:
    from generator.ir.naming import name_of

    return list(name_of(name).words)


def argument(field: Field) -> str:
    if not field.name.isidentifier() or keyword.iskeyword(field.name):
        raise EmitError(f"python: field {field.name!r} is not a Python identifier")
    return field.name


def annotation(api: Api, field: Field) -> str:
    """The type of a client keyword argument for this field (None means: leave it out)."""
    if field.enum is not None:
        base = f"{field.enum} | str"
    elif field.type == "object":
        base = "Mapping[str, Any]"
    elif field.type == "map":
        base = f"Mapping[str, {_SCALARS[field.map_values or 'string']}]"
    else:
        base = _SCALARS[field.type]
    return base if field.required else f"{base} | None"
