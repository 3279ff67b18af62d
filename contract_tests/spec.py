"""The contract as data: the spec file, its operations and the JSON Schemas they use.

Everything the suite knows about field names, enums, defaults and request schemas is read
from `spec/openapi.yaml` here, so a rule never restates what the spec already says.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

SPEC_PATH = Path(__file__).resolve().parent.parent / "spec" / "openapi.yaml"
SUCCESS_STATUS = "201"


@dataclass(frozen=True)
class Operation:
    """One POST endpoint of the spec."""

    path: str
    operation_id: str
    request_schema_name: str
    response_schema_name: str

    @property
    def label(self) -> str:
        return f"POST {self.path}"


@functools.cache
def load_spec() -> Mapping[str, Any]:
    """The parsed spec document (cached: it never changes during a run)."""
    with SPEC_PATH.open(encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.safe_load(handle)
    return document


def component_schemas() -> Mapping[str, Any]:
    schemas: Mapping[str, Any] = load_spec()["components"]["schemas"]
    return schemas


def _ref_name(node: Mapping[str, Any]) -> str:
    ref: str = node["$ref"]
    return ref.rsplit("/", 1)[-1]


@functools.cache
def operations() -> tuple[Operation, ...]:
    """The spec's operations, in the order the spec lists them."""
    found: list[Operation] = []
    for path, methods in load_spec()["paths"].items():
        post = methods["post"]
        request = post["requestBody"]["content"]["application/json"]["schema"]
        response = post["responses"][SUCCESS_STATUS]["content"]["application/json"]["schema"]
        found.append(Operation(path, post["operationId"], _ref_name(request), _ref_name(response)))
    return tuple(found)


def operation_for_path(path: str) -> Operation | None:
    return next((operation for operation in operations() if operation.path == path), None)


def resolve(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """A property schema with its `$ref` (if any) followed, keeping local keywords."""
    if "$ref" not in node:
        return node
    merged = dict(component_schemas()[_ref_name(node)])
    merged.update({key: value for key, value in node.items() if key != "$ref"})
    return merged


def properties_of(schema_name: str) -> Mapping[str, Mapping[str, Any]]:
    """The resolved property schemas of a component schema, by property name."""
    raw: Mapping[str, Any] = component_schemas()[schema_name].get("properties", {})
    return {name: resolve(node) for name, node in raw.items()}


def required_of(schema_name: str) -> tuple[str, ...]:
    return tuple(component_schemas()[schema_name].get("required", ()))


@functools.cache
def enum_fields(schema_name: str) -> Mapping[str, frozenset[str]]:
    """Closed enums of a schema: property name -> allowed values."""
    return {
        name: frozenset(node["enum"])
        for name, node in properties_of(schema_name).items()
        if "enum" in node
    }


@functools.cache
def defaults_of(schema_name: str) -> Mapping[str, Any]:
    """Documented defaults of a schema's properties."""
    return {
        name: node["default"]
        for name, node in properties_of(schema_name).items()
        if "default" in node
    }


@dataclass(frozen=True)
class Conditional:
    """One `if`/`then` rule of a schema (such as "mulaw requires sample_rate 8000")."""

    if_schema: Mapping[str, Any]
    then_schema: Mapping[str, Any]

    def applies_to(self, document: object) -> bool:
        return isinstance(document, dict) and Draft202012Validator(self.if_schema).is_valid(
            document
        )

    def condition(self) -> str:
        """The `if` in words, from its `const` properties: "`audio_encoding` is 'mulaw'"."""
        parts = [
            f"`{name}` is {node['const']!r}"
            for name, node in self.if_schema.get("properties", {}).items()
            if "const" in node
        ]
        return " and ".join(parts) or "the condition holds"

    def broken_by(self, document: object) -> list[str]:
        """A sentence per `then` keyword the document breaks."""
        problems = []
        for error in Draft202012Validator(self.then_schema).iter_errors(document):
            field = "/".join(str(part) for part in error.absolute_path) or "(root)"
            value = error.instance
            wanted = error.validator_value
            if error.validator == "const":
                expected = f"not {wanted!r}"
            else:
                expected = f"breaking `{error.validator}: {wanted!r}`"
            problems.append(f"{self.condition()} but `{field}` is {value!r}, {expected}")
        return problems


@functools.cache
def conditionals(schema_name: str) -> tuple[Conditional, ...]:
    """The `if`/`then` rules of a component schema, read from the spec."""
    schema = component_schemas()[schema_name]
    if "if" not in schema or "then" not in schema:
        return ()
    return (Conditional(schema["if"], schema["then"]),)


@functools.cache
def validator_for(schema_name: str) -> Draft202012Validator:
    """A JSON Schema 2020-12 validator for one component schema, `$ref`s resolved in the spec."""
    document = dict(load_spec())
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    return Draft202012Validator(schema)


def schema_number(name: str, keyword: str) -> int:
    """A numeric keyword (`minimum`, `maximum`, `const` ...) of a component schema."""
    value: int = component_schemas()[name][keyword]
    return value


def e164_pattern() -> str:
    pattern: str = component_schemas()["E164PhoneNumber"]["pattern"]
    return pattern


def python_pattern(pattern: str) -> str:
    """A JSON Schema (ECMA 262) `pattern` for Python's `re`: its `^`/`$` anchor the whole
    string (no multiline), where Python's `$` also matches before a trailing newline."""
    if pattern.startswith("^"):
        pattern = r"\A" + pattern[1:]
    if pattern.endswith("$") and not pattern.endswith(r"\$"):
        pattern = pattern[:-1] + r"\Z"
    return pattern


@functools.cache
def documented_responses(path: str) -> Mapping[str, str]:
    """Status code -> component schema name of each documented response of an operation."""
    document = load_spec()
    responses: Mapping[str, Any] = document["paths"][path]["post"]["responses"]
    found: dict[str, str] = {}
    for status, response in responses.items():
        if "$ref" in response:
            response = document["components"]["responses"][_ref_name(response)]
        found[status] = _ref_name(response["content"]["application/json"]["schema"])
    return found


def example_bodies(path: str) -> Mapping[str, Any]:
    """The request examples the spec gives for an operation, by example name."""
    content = load_spec()["paths"][path]["post"]["requestBody"]["content"]["application/json"]
    return {name: example["value"] for name, example in content.get("examples", {}).items()}
