"""Turn one property of a component schema into an IR Field."""

from __future__ import annotations

from typing import Any

from generator.ir import Field, FieldType
from generator.load import SpecError, deref

_SCALARS: dict[str, FieldType] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}
ALLOWED_KEYWORDS = frozenset(
    {"$ref", "type", "description", "title", "enum", "pattern", "minimum", "maximum", "default"}
    | {"examples", "example", "additionalProperties", "deprecated"}
)


def build_field(
    document: Any, name: str, node: dict[str, Any], required: bool, where: str
) -> Field:
    target = deref(document, node)
    _check_keywords(node, where)
    _check_keywords(target, where)
    kind = _kind(document, target, where)
    return Field(
        name=name,
        type=kind,
        required=required,
        description=str(node.get("description") or target.get("description") or "").strip(),
        has_default="default" in node or "default" in target,
        default=node.get("default", target.get("default")),
        enum=_enum_name(node, target, where),
        pattern=target.get("pattern"),
        minimum=target.get("minimum"),
        maximum=target.get("maximum"),
        map_values=_map_values(document, target, where) if kind == "map" else None,
        ref=_ref_name(node),
    )


def _check_keywords(node: dict[str, Any], where: str) -> None:
    unknown = sorted(set(node) - ALLOWED_KEYWORDS)
    if unknown:
        raise SpecError(f"{where}: keyword {unknown[0]!r} is not supported by the generator")


def _kind(document: Any, target: dict[str, Any], where: str) -> FieldType:
    kind = target.get("type")
    if isinstance(kind, str) and kind in _SCALARS:
        return _SCALARS[kind]
    if kind == "object" and "properties" not in target:
        return "map" if isinstance(target.get("additionalProperties"), dict) else "object"
    raise SpecError(f"{where}: type {kind!r} is not supported here (use a scalar, enum or map)")


def _map_values(document: Any, target: dict[str, Any], where: str) -> FieldType:
    values = deref(document, target["additionalProperties"])
    kind = values.get("type") if isinstance(values, dict) else None
    if not isinstance(kind, str) or kind not in _SCALARS or set(values) - {"type", "description"}:
        raise SpecError(f"{where}/additionalProperties: only maps of plain scalars are supported")
    return _SCALARS[kind]


def _enum_name(node: dict[str, Any], target: dict[str, Any], where: str) -> str | None:
    if "enum" not in target:
        return None
    name = _ref_name(node)
    if name is None or "enum" in node:
        raise SpecError(f"{where}: inline enums are not supported; name it in components/schemas")
    if target.get("type") != "string" or not all(isinstance(v, str) for v in target["enum"]):
        raise SpecError(f"{where}: only string enums are supported")
    return name


def _ref_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    prefix = "#/components/schemas/"
    return ref[len(prefix) :] if isinstance(ref, str) and ref.startswith(prefix) else None
