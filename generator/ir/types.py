"""The typed view: schema nodes -> type expressions, with inline objects and enums hoisted.

`TypeBuilder` walks the spec once. Component objects become `Model`s and component string
enums become `Enum`s under their own names; inline ones are hoisted under their `title`, or
under the name of where they appear (`CreatePhoneCallRequest` + `agent_override` ->
`CreatePhoneCallRequestAgentOverride`). Scalar and map components are inlined where used (their
rules stay in the validation view, under their own `$defs` entry). Names must be unique.
"""

from __future__ import annotations

from typing import Any, Literal

from generator.ir import reserved
from generator.ir.model import (
    AnyValue,
    ArrayOf,
    Const,
    Discriminator,
    Enum,
    EnumRef,
    Field,
    MapOf,
    Model,
    ModelRef,
    Nullable,
    Scalar,
    TypeExpr,
    UnionOf,
)
from generator.ir.naming import name_of
from generator.ir.normalize import COMPONENT_PREFIX, rule_name
from generator.load import SpecError, pointer

SCALARS = ("string", "integer", "number", "boolean")
DOCUMENTED = (
    *("pattern", "format", "minLength", "maxLength", "minimum", "maximum"),
    *("exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "const"),
)


def component_name(ref: str) -> str:
    return ref[len(COMPONENT_PREFIX) :]


class TypeBuilder:
    """Builds type expressions and collects the models and enums they name."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.components: dict[str, Any] = document.get("components", {}).get("schemas", {}) or {}
        self.models: dict[str, Model] = {}
        self.enums: dict[str, Enum] = {}
        self._building: set[str] = set()
        self._origins: dict[str, str] = {}

    # --- components ---------------------------------------------------------------------

    def build_components(self) -> None:
        for name, node in self.components.items():
            reserved.check_type_name(name, _where(name))
            if _is_object(node) or "allOf" in node:
                self.model_of_component(name)
            elif _is_string_enum(node):
                self._enum(name, node, _where(name))

    def model_of_component(self, name: str) -> str | None:
        """The name of the Model a component defines (None when it is not an object)."""
        node = self.components[name]
        if name in self.models or name in self._building:
            return name
        if not (_is_object(node) or "allOf" in node):
            return None
        self._building.add(name)
        try:
            self._model(name, node, _where(name))
        finally:
            self._building.discard(name)
        return name

    # --- type expressions ---------------------------------------------------------------

    def type_of(self, node: dict[str, Any], context: str, where: str) -> TypeExpr:
        """The type of a schema node; `context` names what is hoisted out of it."""
        if "$ref" in node:
            return self._ref_type(node["$ref"], where)
        kinds = node.get("type")
        if isinstance(kinds, list):
            others = [kind for kind in kinds if kind != "null"]
            if len(others) != 1:
                raise SpecError(
                    f"{where}/type: only one type, optionally with 'null', is supported"
                )
            inner = self.type_of({**node, "type": others[0]}, context, where)
            return Nullable(inner) if "null" in kinds else inner
        if "const" in node:
            return Const(node["const"])
        if "enum" in node:
            return self._enum_type(node, context, where)
        if "oneOf" in node or "anyOf" in node:
            return self._union(node, context, where)
        if "allOf" in node:
            refined = self._refined_model(node)
            if refined is not None:
                return ModelRef(refined)
            return ModelRef(self._model(str(node.get("title") or context), node, where))
        if kinds == "object" or "properties" in node:
            return self._object_type(node, context, where)
        if kinds == "array":
            items = node.get("items", {})
            return ArrayOf(self.type_of(items, f"{context}Item", f"{where}/items"))
        if kinds in SCALARS:
            return Scalar(kinds, node.get("format"), bool(node.get("x-phone-number")))
        return AnyValue()

    def _ref_type(self, ref: str, where: str) -> TypeExpr:
        name = component_name(ref)
        target = self.components[name]
        if _is_string_enum(target):
            self._enum(name, target, _where(name))
            return EnumRef(name)
        if self.model_of_component(name) is not None:
            return ModelRef(name)
        return self.type_of(target, name, _where(name))

    def _refined_model(self, node: dict[str, Any]) -> str | None:
        """The model an `allOf` only adds rules to: one member is a $ref to a component
        object, and the others name no property it lacks (their rules stay validation only)."""
        members = node["allOf"]
        refs = [m["$ref"] for m in members if isinstance(m, dict) and "$ref" in m]
        if len(refs) != 1 or "properties" in node:
            return None
        name = self.model_of_component(component_name(refs[0]))
        if name is None:
            return None
        known = {field.name for field in self.models[name].fields}
        for member in members:
            if "$ref" not in member and not set(member.get("properties") or {}) <= known:
                return None
        return name

    def _enum_type(self, node: dict[str, Any], context: str, where: str) -> TypeExpr:
        values = node["enum"]
        if all(isinstance(value, str) for value in values):
            return EnumRef(self._enum(str(node.get("title") or context), node, where))
        kind = node.get("type")
        if kind in ("integer", "number") and all(_is_number(value) for value in values):
            return Scalar(kind)
        raise SpecError(f"{where}/enum: only string enums, or numeric ones with their type")

    def _union(self, node: dict[str, Any], context: str, where: str) -> TypeExpr:
        mode: Literal["oneOf", "anyOf"] = "oneOf" if "oneOf" in node else "anyOf"
        if "oneOf" in node and "anyOf" in node:
            raise SpecError(f"{where}: oneOf and anyOf together are not supported")
        members = node[mode]
        nullable = any(_is_null(member) for member in members)
        variants = tuple(
            self.type_of(member, f"{context}Variant{index + 1}", f"{where}/{mode}/{index}")
            for index, member in enumerate(members)
            if not _is_null(member)
        )
        discriminator = None
        if "discriminator" in node:
            discriminator = self.discriminator(node, where)
        union: TypeExpr = (
            variants[0] if len(variants) == 1 else UnionOf(variants, mode, discriminator)
        )
        return Nullable(union) if nullable else union

    def discriminator(self, node: dict[str, Any], where: str) -> Discriminator:
        """The discriminator of a oneOf/anyOf, its mapping completed from the variants: each
        variant must be a component object fixing the property to one value."""
        spec = node["discriminator"]
        prop = str(spec["propertyName"])
        mode = "oneOf" if "oneOf" in node else "anyOf"
        explicit = {str(v): component_name(r) for v, r in (spec.get("mapping") or {}).items()}
        mapping: dict[str, str] = {}
        for index, member in enumerate(node[mode]):
            ref = member.get("$ref") if isinstance(member, dict) else None
            here = f"{where}/{mode}/{index}"
            if not isinstance(ref, str):
                raise SpecError(f"{here}: with a discriminator, every variant must be a $ref")
            name = component_name(ref)
            value = _fixed_value(self.components[name], prop)
            if value is None:
                raise SpecError(f"{here}: {name}.{prop} must be a const (the discriminator)")
            if explicit and explicit.get(value) not in (None, name):
                raise SpecError(f"{where}/discriminator/mapping: {value!r} maps to another variant")
            mapping[value] = name
        return Discriminator(prop, tuple(mapping.items()))

    def _object_type(self, node: dict[str, Any], context: str, where: str) -> TypeExpr:
        extra = node.get("additionalProperties", True)
        if "properties" not in node and "required" not in node:
            if isinstance(extra, dict):
                values = self.type_of(extra, f"{context}Value", f"{where}/additionalProperties")
                return MapOf(values)
            if extra is True:
                return AnyValue(object_only=True)
        return ModelRef(self._model(str(node.get("title") or context), node, where))

    # --- models and enums ---------------------------------------------------------------

    def _claim(self, name: str, where: str) -> None:
        reserved.check_type_name(name, where)
        origin = self._origins.setdefault(name, where)
        if origin != where:
            raise SpecError(f"{where}: the type name {name!r} is also used at {origin}")

    def _enum(self, name: str, node: dict[str, Any], where: str) -> str:
        if name in self.enums:
            return name
        self._claim(name, where)
        values = node["enum"]
        if node.get("type", "string") != "string" or not all(isinstance(v, str) for v in values):
            raise SpecError(f"{where}/enum: only string enums are supported")
        if len(set(values)) != len(values):
            raise SpecError(f"{where}/enum: a value is listed twice")
        self.enums[name] = Enum(name, _text(node.get("description")), tuple(values))
        return name

    def _model(self, name: str, node: dict[str, Any], where: str) -> str:
        if name in self.models:
            return name
        self._claim(name, where)
        merged = self._merged(node, where)
        required = merged["required"]
        fields = tuple(
            self._field(name, key, prop, key in required, f"{merged['where'][key]}/{key}")
            for key, prop in merged["properties"].items()
        )
        missing = sorted(set(required) - set(merged["properties"]))
        if missing:
            raise SpecError(f"{where}/required: {missing[0]!r} is not a property")
        self.models[name] = Model(
            name=name,
            description=_text(node.get("description")),
            fields=fields,
            additional=self._additional(merged["additional"], name, where),
            rules=tuple(merged["rules"]),
            pointer=where,
        )
        return name

    def _merged(self, node: dict[str, Any], where: str) -> dict[str, Any]:
        """Properties, required names, extra-property rule and rule names of an object,
        `allOf` members merged in (a member adds properties, or only constrains)."""
        merged: dict[str, Any] = {
            "properties": {},
            "where": {},
            "required": [],
            "additional": True,
            "rules": [],
        }
        self._merge_into(merged, node, where)
        return merged

    def _merge_into(self, merged: dict[str, Any], node: dict[str, Any], where: str) -> None:
        if "$ref" in node:
            name = component_name(node["$ref"])
            self._merge_into(merged, self.components[name], _where(name))
        for key, prop in (node.get("properties") or {}).items():
            if key in merged["properties"] and _declares_type(merged["properties"][key]):
                if _declares_type(prop):
                    raise SpecError(f"{where}/properties/{key}: declared twice with a type")
                continue  # a constraint on a property declared elsewhere: validation only
            merged["properties"][key] = prop
            merged["where"][key] = f"{where}/properties"
        merged["required"].extend(
            name for name in node.get("required", []) if name not in merged["required"]
        )
        if "additionalProperties" in node:
            merged["additional"] = node["additionalProperties"]
        if "x-rule" in node:
            merged["rules"].append(rule_name(node["x-rule"], f"{where}/x-rule"))
        for index, member in enumerate(node.get("allOf") or []):
            self._merge_into(merged, member, f"{where}/allOf/{index}")

    def _additional(self, extra: Any, model: str, where: str) -> bool | TypeExpr:
        if isinstance(extra, bool):
            return extra
        return self.type_of(extra, f"{model}Extra", f"{where}/additionalProperties")

    def _field(
        self, model: str, key: str, node: dict[str, Any], required: bool, where: str
    ) -> Field:
        reserved.check_field_name(key, where)
        target = self.components.get(component_name(node["$ref"]), {}) if "$ref" in node else {}
        account = node.get("x-account")
        if account is not None and account not in ("number", "agent"):
            raise SpecError(f"{where}/x-account: must be 'number' or 'agent', not {account!r}")
        unique = node.get("x-unique")
        if unique is not None:
            unique = rule_name(unique, f"{where}/x-unique")
        default_node = node if "default" in node else target
        return Field(
            name=key,
            words=name_of(key),
            type=self.type_of(node, model + name_of(key).pascal, where),
            required=required,
            description=_text(node.get("description") or target.get("description")),
            has_default="default" in default_node,
            default=default_node.get("default"),
            deprecated=bool(node.get("deprecated", False)),
            account=account,
            unique=unique,
            constraints=self._constraints(node),
        )

    def _constraints(self, node: dict[str, Any]) -> tuple[tuple[str, object], ...]:
        """The documented rules of a property, its own before those of its $ref chain."""
        found: dict[str, object] = {}
        seen: set[str] = set()
        while isinstance(node, dict):
            for key in DOCUMENTED:
                if key in node:
                    found.setdefault(key, node[key])
            ref = node.get("$ref")
            if not isinstance(ref, str) or ref in seen:
                break
            seen.add(ref)
            node = self.components.get(component_name(ref), {})
        return tuple((key, found[key]) for key in DOCUMENTED if key in found)


def _where(component: str) -> str:
    return pointer(("components", "schemas", component))


def _text(value: Any) -> str:
    return str(value or "").strip()


def _is_object(node: Any) -> bool:
    return isinstance(node, dict) and (
        "properties" in node
        or (node.get("type") == "object" and node.get("additionalProperties") is False)
    )


def _is_string_enum(node: Any) -> bool:
    return (
        isinstance(node, dict)
        and isinstance(node.get("enum"), list)
        and node.get("type", "string") == "string"
        and all(isinstance(value, str) for value in node["enum"])
    )


def _is_null(node: Any) -> bool:
    return isinstance(node, dict) and node.get("type") == "null" and len(node) == 1


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _declares_type(node: Any) -> bool:
    return isinstance(node, dict) and ("type" in node or "$ref" in node)


def _fixed_value(node: Any, prop: str) -> str | None:
    schema = (node.get("properties") or {}).get(prop) if isinstance(node, dict) else None
    if not isinstance(schema, dict):
        return None
    if isinstance(schema.get("const"), str):
        return str(schema["const"])
    values = schema.get("enum")
    if isinstance(values, list) and len(values) == 1 and isinstance(values[0], str):
        return values[0]
    return None
