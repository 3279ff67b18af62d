"""Pydantic v2 models from datamodel-code-generator: the only module that calls it.

Options are pinned so the output is byte-stable (no timestamp, builtin formatter, Python 3.11).
The generated models get the rules datamodel-code-generator drops, through its `validators`
option: every optional field rejects an explicit null, and each IR `Conditional` (the spec's
if/then) is checked on whichever of its two fields comes later, so the error names that field.
Every model derives from `_model.SpecModel` (its `base_class` option), whose serializer leaves
unset optional fields out, so a dump validates again.

Component schemas that are neither objects with properties nor enums (E164PhoneNumber,
SampleRate, ...) are inlined where they are used before the document reaches the tool: it
would otherwise emit a RootModel wrapper for each that nothing uses. Fields keep every rule.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from generator.emit.python.naming import PACKAGE, rule_function
from generator.ir import Api, Conditional, Schema

RULES_MODULE = f"{PACKAGE}._rules"
TYPES_MODULE = f"{PACKAGE}._types"
BASE_CLASS = f"{PACKAGE}._model.SpecModel"
SCHEMA_REF = "#/components/schemas/"
DOCSTRING = '''"""Pydantic v2 models of the spec\'s schemas (datamodel-code-generator).

Optional fields are typed `X | None` because an omitted one reads as None (unless the spec
gives it a default): None means "absent". No field of the spec is nullable, so validation
rejects an explicit null and dumps leave absent fields out (see `_model.SpecModel`); every
dump validates again.
"""'''


def generate_models(api: Api, header: str) -> str:
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import Formatter, PythonVersion

    overrides = _type_overrides(api)
    code = generate(
        _inline_wrappers(json.loads(api.document_json), set(overrides)),
        input_file_type=InputFileType.OpenAPI,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_311,
        formatters=[Formatter.BUILTIN],
        builtin_format_line_length=100,
        custom_file_header=f"{header}\n{DOCSTRING}",
        disable_timestamp=True,
        **_pinned_options(),
        base_class=BASE_CLASS,
        type_overrides=overrides,
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


def _inline_wrappers(document: dict[str, Any], keep: set[str]) -> dict[str, Any]:
    """The document with every `$ref` to a scalar or map component replaced by that component
    (the `$ref`'s siblings, such as a description, win), and those components removed."""
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
    wrappers = {name: schema for name, schema in schemas.items() if _is_wrapper(name, schema, keep)}

    def inline(value: Any) -> Any:
        if isinstance(value, list):
            return [inline(item) for item in value]
        if not isinstance(value, dict):
            return value
        ref = value.get("$ref")
        target = ref.removeprefix(SCHEMA_REF) if isinstance(ref, str) else ""
        if target in wrappers and ref == SCHEMA_REF + target:
            siblings = {key: inline(item) for key, item in value.items() if key != "$ref"}
            return {**copy.deepcopy(wrappers[target]), **siblings}
        return {key: inline(item) for key, item in value.items()}

    inlined: dict[str, Any] = inline(document)
    for name in wrappers:
        del inlined["components"]["schemas"][name]
    return inlined


def _is_wrapper(name: str, schema: Any, keep: set[str]) -> bool:
    """A component the tool would wrap in a RootModel: a plain scalar or a map, self-contained."""
    if name in keep or not isinstance(schema, dict) or "$ref" in json.dumps(schema):
        return False
    if any(
        key in schema for key in ("enum", "const", "properties", "allOf", "anyOf", "oneOf", "if")
    ):
        return False
    return schema.get("type") in {"string", "integer", "number", "boolean", "object"}


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
