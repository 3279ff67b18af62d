"""Build the IR (`Api`) from a loaded spec: the only code that reads the raw document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from generator.ir.extensions import resolve_echoes, with_paths
from generator.ir.model import Api, ErrorClass, Model, ModelRef, Operation, Scalar
from generator.ir.naming import STATUS_ERRORS, error_name, name_of
from generator.ir.normalize import COMPONENT_PREFIX, DEFS_PREFIX, normalize
from generator.ir.operations import build_operations
from generator.ir.types import TypeBuilder
from generator.load import Spec, SpecError, pointer

CLIENT_PREFIX = "retell"


def build_api(spec: Spec) -> Api:
    document = spec.document
    types = TypeBuilder(document)
    types.build_components()
    defs = {
        name: normalize(node, pointer(("components", "schemas", name)))
        for name, node in types.components.items()
    }

    def schema_key(node: dict[str, Any], fallback: str, where: str) -> str:
        normal = normalize(node, where)
        ref = normal.get("$ref")
        if set(normal) == {"$ref"} and isinstance(ref, str):
            return ref[len(DEFS_PREFIX) :]
        defs[fallback] = normal
        return fallback

    operations = build_operations(document, types.type_of, schema_key)
    operations = tuple(
        with_paths(
            resolve_echoes(op, types.models, pointer(("paths", op.path, op.method.lower()))),
            types.models,
        )
        for op in operations
    )
    _complete_discriminators(defs, types)
    info = document.get("info", {})
    return Api(
        title=str(info.get("title", "")),
        version=str(info.get("version", "")),
        description=str(info.get("description", "")).strip(),
        base_url=_base_url(document),
        client=name_of(CLIENT_PREFIX),
        env_prefix=CLIENT_PREFIX.upper(),
        auth_header=_auth_header(document),
        operations=operations,
        models=tuple(types.models.values()),
        enums=tuple(types.enums.values()),
        errors=tuple(ErrorClass(status, error_name(status)) for status in sorted(STATUS_ERRORS)),
        schemas_json=json.dumps({"$defs": defs}, ensure_ascii=False, separators=(",", ":")),
        rules=tuple(sorted(set(_rule_names(defs)))),
        error_message_fields=_error_message_fields(operations, types.models),
    )


def _error_message_fields(
    operations: tuple[Operation, ...], models: dict[str, Model]
) -> tuple[str, ...]:
    names: dict[str, None] = {}
    for operation in operations:
        for response in operation.errors:
            body = response.body
            if body is None or not isinstance(body.type, ModelRef):
                continue
            for field in models[body.type.name].fields:
                if (
                    field.required
                    and isinstance(field.type, Scalar)
                    and field.type.kind == "string"
                ):
                    names.setdefault(field.name)
                    break
    return tuple(names)


def _base_url(document: dict[str, Any]) -> str:
    servers = document.get("servers") or [{"url": ""}]
    return str(servers[0].get("url", "")).rstrip("/")


def _auth_header(document: dict[str, Any]) -> str:
    """The spec's security scheme must be HTTP bearer (sent as `Authorization: Bearer KEY`)."""
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    for name, scheme in schemes.items():
        if scheme.get("type") != "http" or str(scheme.get("scheme", "")).lower() != "bearer":
            where = pointer(("components", "securitySchemes", name))
            raise SpecError(f"{where}: only HTTP bearer authentication is supported")
    return "Authorization"


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _rule_names(defs: dict[str, Any]) -> Iterator[str]:
    for node in _walk(defs):
        if isinstance(node.get("x-rule"), str):
            yield node["x-rule"]


def _complete_discriminators(defs: dict[str, Any], types: TypeBuilder) -> None:
    """Give every `x-discriminator` of the validation view its full mapping (OpenAPI lets a
    spec leave it implicit), from the variants the typed view has already checked."""
    for node in _walk(defs):
        if "x-discriminator" not in node:
            continue
        mode = "oneOf" if "oneOf" in node else "anyOf"
        spec_form = node["x-discriminator"]
        raw = {
            "discriminator": {
                "propertyName": spec_form["propertyName"],
                "mapping": {
                    value: COMPONENT_PREFIX + ref[len(DEFS_PREFIX) :]
                    for value, ref in (spec_form.get("mapping") or {}).items()
                },
            },
            mode: [{"$ref": COMPONENT_PREFIX + m["$ref"][len(DEFS_PREFIX) :]} for m in node[mode]],
        }
        found = types.discriminator(raw, "#")
        node["x-discriminator"] = {
            "propertyName": found.property,
            "mapping": {value: DEFS_PREFIX + model for value, model in found.mapping},
        }
