"""Build the IR (`Api`) from a loaded spec. The only module that reads the raw document."""

from __future__ import annotations

import json
from typing import Any

from generator.ir import Api, Enum, ErrorClass, Schema
from generator.ir.fields import build_field
from generator.ir.naming import STATUS_ERRORS, error_name, name_of
from generator.ir.operations import build_operations
from generator.ir.rules import build_rules
from generator.load import Spec, SpecError, pointer

CLIENT_PREFIX = "retell"


def build_api(spec: Spec) -> Api:
    document = spec.document
    info = document.get("info", {})
    components = document.get("components", {}).get("schemas", {})
    return Api(
        title=str(info.get("title", "")),
        version=str(info.get("version", "")),
        description=str(info.get("description", "")).strip(),
        base_url=_base_url(document),
        client=name_of(CLIENT_PREFIX),
        env_prefix=CLIENT_PREFIX.upper(),
        operations=build_operations(document),
        schemas=tuple(
            _schema(document, name, node)
            for name, node in components.items()
            if node.get("type") == "object" and "properties" in node
        ),
        enums=tuple(_enum(name, node) for name, node in components.items() if "enum" in node),
        errors=tuple(ErrorClass(status, error_name(status)) for status in sorted(STATUS_ERRORS)),
        document_json=json.dumps(document, ensure_ascii=False, indent=1, default=str),
    )


def _base_url(document: dict[str, Any]) -> str:
    servers = document.get("servers") or [{"url": ""}]
    return str(servers[0].get("url", "")).rstrip("/")


def _schema(document: Any, name: str, node: dict[str, Any]) -> Schema:
    where = pointer(("components", "schemas", name))
    required = set(node.get("required", []))
    properties: dict[str, Any] = node["properties"]
    missing = sorted(required - set(properties))
    if missing:
        raise SpecError(f"{where}: required property {missing[0]!r} is not defined")
    if node.get("additionalProperties") not in (None, True):
        raise SpecError(f"{where}: closed objects are not supported (the spec keeps them open)")
    fields = tuple(
        build_field(document, key, value, key in required, f"{where}/properties/{key}")
        for key, value in properties.items()
    )
    return Schema(
        name=name,
        description=str(node.get("description", "")).strip(),
        fields=fields,
        open=True,
        rules=build_rules(node, set(properties), where),
    )


def _enum(name: str, node: dict[str, Any]) -> Enum:
    values = node["enum"]
    if node.get("type") != "string" or not all(isinstance(value, str) for value in values):
        raise SpecError(f"{pointer(('components', 'schemas', name))}: only string enums")
    return Enum(
        name=name, description=str(node.get("description", "")).strip(), values=tuple(values)
    )
