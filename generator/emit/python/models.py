"""Pydantic v2 models from datamodel-code-generator: the only module that calls it.

Options are pinned so the output is byte-stable (no timestamp, builtin formatter, Python 3.11).
The generated models get the rules datamodel-code-generator drops, through its `validators`
option: every optional field rejects an explicit null, and each IR `Conditional` (the spec's
if/then) is checked on whichever of its two fields comes later, so the error names that field.
"""

from __future__ import annotations

import json
from typing import Any

from generator.emit.python.naming import PACKAGE, rule_function
from generator.ir import Api, Conditional, Schema

RULES_MODULE = f"{PACKAGE}._rules"
TYPES_MODULE = f"{PACKAGE}._types"


def generate_models(api: Api, header: str) -> str:
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import Formatter, PythonVersion

    code = generate(
        json.loads(api.document_json),
        input_file_type=InputFileType.OpenAPI,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_311,
        formatters=[Formatter.BUILTIN],
        builtin_format_line_length=100,
        custom_file_header=header,
        disable_timestamp=True,
        **_pinned_options(),
        type_overrides=_type_overrides(api),
        validators=_validators(api),
    )
    if not isinstance(code, str):
        raise TypeError("datamodel-code-generator returned several modules; expected one")
    return code


def _pinned_options() -> dict[str, Any]:
    return {
        "use_annotated": True,
        "field_constraints": True,
        "use_standard_collections": True,
        "use_union_operator": True,
        "use_double_quotes": True,
        "wrap_string_literal": True,
        "collapse_root_models": True,
        "capitalise_enum_members": True,
        "use_subclass_enum": True,
        "extra_fields": "allow",
        "strict_types": ["str", "int", "float", "bool"],
        "keep_model_order": False,
    }


def _type_overrides(api: Api) -> dict[str, str]:
    """Open objects without properties (such as Metadata) become `dict[str, Any]`."""
    fields = [field for schema in api.schemas for field in schema.fields]
    refs = sorted({field.ref for field in fields if field.type == "object" and field.ref})
    return {ref: f"{TYPES_MODULE}.JsonObject" for ref in refs}


def _validators(api: Api) -> dict[str, Any]:
    config = {}
    for schema in api.schemas:
        validators = [*_null_validators(schema), *map(_rule_validator(schema), schema.rules)]
        if validators:
            config[schema.name] = {"validators": validators}
    return config


def _null_validators(schema: Schema) -> list[dict[str, Any]]:
    optional = [field.name for field in schema.fields if not field.required]
    if not optional:
        return []
    return [{"fields": optional, "function": f"{RULES_MODULE}.reject_null", "mode": "before"}]


def _rule_validator(schema: Schema) -> Any:
    def validator(rule: Conditional) -> dict[str, Any]:
        return {
            "field": later_field(schema, rule),
            "function": f"{RULES_MODULE}.{rule_function(schema, rule)}",
            "mode": "after",
        }

    return validator


def later_field(schema: Schema, rule: Conditional) -> str:
    order = [field.name for field in schema.fields]
    return max(rule.if_field, rule.then_field, key=order.index)
