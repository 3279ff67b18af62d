"""Names the generated code cannot carry, refused with their spec location.

A property name becomes a Python keyword argument and model attribute (pydantic reserves
`model_*` and its v1 methods), a TypeScript object key (where `__proto__` is special and
`constructor` is found on every object's prototype) and a Go struct field (from its words).
A type name becomes a class in every language, next to the clients' own classes and each
language's built-ins. Refusing such a name here keeps every language's output working and
every error message naming the field as the spec spells it.
"""

from __future__ import annotations

import keyword
import re

from generator.load import SpecError

_FIELD = re.compile(r"^[a-z_][a-z0-9_]*$", re.IGNORECASE)
_TYPE = re.compile(r"^[A-Z][A-Za-z0-9]*$")

RESERVED_FIELDS: dict[str, str] = {
    **dict.fromkeys(keyword.kwlist, "a Python keyword"),
    **dict.fromkeys(
        (
            "__proto__",
            "constructor",
            "prototype",
            "hasOwnProperty",
            "isPrototypeOf",
            "propertyIsEnumerable",
            "toString",
            "toLocaleString",
            "valueOf",
            "toJSON",
        ),
        "special on every JavaScript object",
    ),
    **dict.fromkeys(
        (
            "model_config",
            "model_fields",
            "model_extra",
            "model_fields_set",
            "model_computed_fields",
            "json",
            "dict",
            "copy",
            "parse_obj",
            "parse_raw",
            "parse_file",
            "schema",
            "schema_json",
            "construct",
            "from_orm",
            "validate",
            "update_forward_refs",
        ),
        "an attribute of pydantic's BaseModel",
    ),
    **dict.fromkeys(
        ("self", "cls", "extra_headers", "extra_query", "extra_body"), "a client argument"
    ),
    **dict.fromkeys(("timeout", "max_retries"), "a client argument"),
    # Go: a struct field named after a method of the struct, or the extra-field map
    **dict.fromkeys(("marshal_json", "unmarshal_json", "extra_fields"), "a Go method or field"),
}

RESERVED_TYPES: dict[str, str] = {
    **dict.fromkeys(
        (
            "Error",
            "Object",
            "Array",
            "String",
            "Number",
            "Boolean",
            "Date",
            "Map",
            "Set",
            "Promise",
            "Symbol",
            "JSON",
            "Math",
            "RegExp",
            "Function",
            "Record",
            "Partial",
            "Response",
            "Request",
            "Headers",
            "URL",
            "Exception",
            "BaseException",
            "Any",
            "Optional",
            "BaseModel",
            "Field",
            "Literal",
            "Mapping",
            "Sequence",
            "Type",
        ),
        "a built-in or library name in a generated language",
    ),
    **dict.fromkeys(
        (
            "Retell",
            "AsyncRetell",
            "RetellError",
            "APIError",
            "APIStatusError",
            "ValidationError",
            "APIConnectionError",
            "APITimeoutError",
            "APIResponseValidationError",
            "APIResponseTooLargeError",
            "RawResponse",
            "RequestOptions",
            "ClientOptions",
            "Client",
            "NotGiven",
            "Opt",
            "Violation",
            "Shape",
            "Schemas",
            "Omit",
        ),
        "a class of the generated clients",
    ),
}


def check_field_name(name: str, where: str) -> None:
    if not _FIELD.match(name):
        raise SpecError(
            f"{where}: property name {name!r} must be letters, digits and _ (not starting "
            "with a digit) to be a name in every generated language"
        )
    if name.startswith("_"):
        raise SpecError(
            f"{where}: property name {name!r} must not start with '_' (private in pydantic)"
        )
    reason = RESERVED_FIELDS.get(name)
    if reason is not None:
        raise SpecError(f"{where}: property name {name!r} is {reason}; rename it in the spec")


def check_type_name(name: str, where: str) -> None:
    if not _TYPE.match(name):
        raise SpecError(f"{where}: type name {name!r} must be PascalCase letters and digits")
    reason = RESERVED_TYPES.get(name)
    if reason is not None:
        raise SpecError(f"{where}: type name {name!r} is {reason}; rename it in the spec")
