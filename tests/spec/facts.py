"""The project's record of the vendor's facts (`seed_facts.yaml`), read into plain data.

The table is checked as it is read: an unknown key, a missing one or a value of the wrong
kind is a `FactsError` naming the entry, so a typo in the table cannot quietly drop a fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

FACTS_PATH = Path(__file__).with_name("seed_facts.yaml")
LIMIT_KEYWORDS = ("minimum", "maximum", "minLength", "maxLength")


class FactsError(ValueError):
    """seed_facts.yaml does not have the shape this module reads."""


@dataclass(frozen=True)
class FieldFact:
    name: str
    required: bool
    type: str  # e164, string, integer, boolean, object, string map, enum <Name>
    has_default: bool
    default: object
    seed_description: str | None  # the text a seed page prints for it, when it prints one


@dataclass(frozen=True)
class SchemaFact:
    name: str
    sources: tuple[str, ...]
    fields: tuple[FieldFact, ...]

    def field(self, name: str) -> FieldFact:
        return next(item for item in self.fields if item.name == name)


@dataclass(frozen=True)
class EnumFact:
    name: str
    sources: tuple[str, ...]
    values: tuple[str, ...]


@dataclass(frozen=True)
class PhoneFact:
    rule: str
    min_digits: int
    max_digits: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class BoundFact:
    schema: str
    field: str
    limits: tuple[tuple[str, int], ...]  # (JSON Schema keyword, value), in LIMIT_KEYWORDS order
    rule: str | None
    sources: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.schema}.{self.field}"

    def limit(self, keyword: str) -> int | None:
        return dict(self.limits).get(keyword)


@dataclass(frozen=True)
class CrossFieldFact:
    rule: str
    schema: str
    when: tuple[tuple[str, object], ...]  # (field, value) pairs that select the rule
    then: tuple[tuple[str, object], ...]  # (field, value) pairs that must then hold
    sources: tuple[str, ...]


@dataclass(frozen=True)
class AnswerFact:
    """A value the operation's success answer must carry, beyond what its model allows."""

    rule: str
    field: str
    value: object
    sources: tuple[str, ...]


@dataclass(frozen=True)
class OperationFact:
    operation_id: str
    sources: tuple[str, ...]
    method: str
    path: str
    deprecated: bool
    request: str  # the request body's model
    success_status: int
    success_schema: str  # the success body's model
    success_sources: tuple[str, ...]
    answer: AnswerFact | None
    error_statuses: tuple[int, ...]
    error_sources: tuple[str, ...]


@dataclass(frozen=True)
class Facts:
    sources: dict[str, str]
    schemas: tuple[SchemaFact, ...]
    enums: tuple[EnumFact, ...]
    phone_numbers: PhoneFact
    bounds: tuple[BoundFact, ...]
    cross_field_rules: tuple[CrossFieldFact, ...]
    operations: tuple[OperationFact, ...]

    def schema(self, name: str) -> SchemaFact:
        return next(item for item in self.schemas if item.name == name)

    def enum(self, name: str) -> EnumFact:
        return next(item for item in self.enums if item.name == name)

    @property
    def rules(self) -> frozenset[str]:
        """Every `x-rule` name the table records."""
        names = {self.phone_numbers.rule}
        names |= {bound.rule for bound in self.bounds if bound.rule}
        names |= {rule.rule for rule in self.cross_field_rules}
        names |= {op.answer.rule for op in self.operations if op.answer}
        return frozenset(names)

    def every_source_list(self) -> list[tuple[str, tuple[str, ...]]]:
        """(entry, its sources) for every entry that records a fact."""
        found: list[tuple[str, tuple[str, ...]]] = [("phone_numbers", self.phone_numbers.sources)]
        found += [(f"schemas.{item.name}", item.sources) for item in self.schemas]
        found += [(f"enums.{item.name}", item.sources) for item in self.enums]
        found += [(f"bounds.{item.label}", item.sources) for item in self.bounds]
        found += [
            (f"cross_field_rules.{item.rule}", item.sources) for item in self.cross_field_rules
        ]
        for op in self.operations:
            where = f"operations.{op.operation_id}"
            found += [(where, op.sources), (f"{where}.success", op.success_sources)]
            found.append((f"{where}.errors", op.error_sources))
            if op.answer:
                found.append((f"{where}.answer", op.answer.sources))
        return found


@cache
def load_facts() -> Facts:
    return parse_facts(yaml.safe_load(FACTS_PATH.read_text(encoding="utf-8")))


def parse_facts(document: Any) -> Facts:
    """The table as data; a `FactsError` naming the entry when it is malformed."""
    top = _entry(document, FACTS_PATH.name, required=_TOP, optional=())
    sources = {
        str(key): _text(value, f"sources.{key}")
        for key, value in _map(top["sources"], "sources").items()
    }
    return Facts(
        sources=sources,
        schemas=tuple(
            _schema(name, node) for name, node in _map(top["schemas"], "schemas").items()
        ),
        enums=tuple(_enum(name, node) for name, node in _map(top["enums"], "enums").items()),
        phone_numbers=_phone(top["phone_numbers"]),
        bounds=tuple(
            _bound(node, f"bounds[{i}]") for i, node in enumerate(_list(top["bounds"], "bounds"))
        ),
        cross_field_rules=tuple(
            _cross_field(node, f"cross_field_rules[{index}]")
            for index, node in enumerate(_list(top["cross_field_rules"], "cross_field_rules"))
        ),
        operations=tuple(
            _operation(name, node) for name, node in _map(top["operations"], "operations").items()
        ),
    )


_TOP = ("sources", "schemas", "enums", "phone_numbers", "bounds", "cross_field_rules", "operations")


def _schema(name: str, node: Any) -> SchemaFact:
    where = f"schemas.{name}"
    entry = _entry(node, where, required=("source", "fields"), optional=("seed_descriptions",))
    described = entry.get("seed_descriptions")
    here = f"{where}.seed_descriptions"
    descriptions = {
        key: _text(value, f"{here}.{key}")
        for key, value in ({} if described is None else _map(described, here)).items()
    }
    fields = _map(entry["fields"], f"{where}.fields")
    unknown = sorted(set(descriptions) - set(fields))
    if unknown:
        raise FactsError(f"{where}.seed_descriptions.{unknown[0]}: not a field of {name}")
    return SchemaFact(
        name=name,
        sources=_sources(entry["source"], where),
        fields=tuple(
            _field(str(key), value, f"{where}.fields.{key}", descriptions.get(str(key)))
            for key, value in fields.items()
        ),
    )


def _field(name: str, node: Any, where: str, description: str | None) -> FieldFact:
    entry = _entry(node, where, required=("required", "type"), optional=("default",))
    return FieldFact(
        name=name,
        required=_flag(entry["required"], f"{where}.required"),
        type=_text(entry["type"], f"{where}.type"),
        has_default="default" in entry,
        default=entry.get("default"),
        seed_description=description,
    )


def _enum(name: str, node: Any) -> EnumFact:
    where = f"enums.{name}"
    entry = _entry(node, where, required=("source", "values"), optional=())
    values = tuple(
        _text(value, f"{where}.values[{index}]")
        for index, value in enumerate(_list(entry["values"], f"{where}.values"))
    )
    return EnumFact(name=name, sources=_sources(entry["source"], where), values=values)


def _phone(node: Any) -> PhoneFact:
    where = "phone_numbers"
    entry = _entry(
        node, where, required=("rule", "min_digits", "max_digits", "source"), optional=()
    )
    return PhoneFact(
        rule=_text(entry["rule"], f"{where}.rule"),
        min_digits=_count(entry["min_digits"], f"{where}.min_digits"),
        max_digits=_count(entry["max_digits"], f"{where}.max_digits"),
        sources=_sources(entry["source"], where),
    )


def _bound(node: Any, where: str) -> BoundFact:
    entry = _entry(
        node, where, required=("schema", "field", "source"), optional=("rule", *LIMIT_KEYWORDS)
    )
    limits = tuple(
        (key, _count(entry[key], f"{where}.{key}")) for key in LIMIT_KEYWORDS if key in entry
    )
    if not limits:
        raise FactsError(f"{where}: records no limit (one of {', '.join(LIMIT_KEYWORDS)})")
    rule = entry.get("rule")
    return BoundFact(
        schema=_text(entry["schema"], f"{where}.schema"),
        field=_text(entry["field"], f"{where}.field"),
        limits=limits,
        rule=None if rule is None else _text(rule, f"{where}.rule"),
        sources=_sources(entry["source"], where),
    )


def _cross_field(node: Any, where: str) -> CrossFieldFact:
    entry = _entry(node, where, required=("rule", "schema", "when", "then", "source"), optional=())
    return CrossFieldFact(
        rule=_text(entry["rule"], f"{where}.rule"),
        schema=_text(entry["schema"], f"{where}.schema"),
        when=tuple((str(k), v) for k, v in _map(entry["when"], f"{where}.when").items()),
        then=tuple((str(k), v) for k, v in _map(entry["then"], f"{where}.then").items()),
        sources=_sources(entry["source"], where),
    )


def _operation(operation_id: str, node: Any) -> OperationFact:
    where = f"operations.{operation_id}"
    keys = ("source", "method", "path", "deprecated", "request", "success", "errors")
    entry = _entry(node, where, required=keys, optional=("answer",))
    success = _entry(
        entry["success"], f"{where}.success", required=("status", "schema", "source"), optional=()
    )
    errors = _entry(
        entry["errors"], f"{where}.errors", required=("statuses", "source"), optional=()
    )
    answer = None
    if "answer" in entry:
        here = f"{where}.answer"
        raw = _entry(
            entry["answer"], here, required=("rule", "field", "value", "source"), optional=()
        )
        answer = AnswerFact(
            rule=_text(raw["rule"], f"{here}.rule"),
            field=_text(raw["field"], f"{here}.field"),
            value=raw["value"],
            sources=_sources(raw["source"], here),
        )
    return OperationFact(
        operation_id=operation_id,
        sources=_sources(entry["source"], where),
        method=_text(entry["method"], f"{where}.method"),
        path=_text(entry["path"], f"{where}.path"),
        deprecated=_flag(entry["deprecated"], f"{where}.deprecated"),
        request=_text(entry["request"], f"{where}.request"),
        success_status=_count(success["status"], f"{where}.success.status"),
        success_schema=_text(success["schema"], f"{where}.success.schema"),
        success_sources=_sources(success["source"], f"{where}.success"),
        answer=answer,
        error_statuses=tuple(
            _count(status, f"{where}.errors.statuses[{index}]")
            for index, status in enumerate(_list(errors["statuses"], f"{where}.errors.statuses"))
        ),
        error_sources=_sources(errors["source"], f"{where}.errors"),
    )


# --- shape checks -----------------------------------------------------------------------------


def _entry(
    node: Any, where: str, *, required: tuple[str, ...], optional: tuple[str, ...]
) -> dict[str, Any]:
    entry = _map(node, where)
    missing = [key for key in required if key not in entry]
    if missing:
        raise FactsError(f"{where}: needs {missing[0]!r}")
    unknown = sorted(set(entry) - set(required) - set(optional))
    if unknown:
        raise FactsError(f"{where}: {unknown[0]!r} is not a key of this entry")
    return entry


def _map(node: Any, where: str) -> dict[str, Any]:
    if not isinstance(node, dict) or not node:
        raise FactsError(f"{where}: must be a non-empty mapping")
    return {str(key): value for key, value in node.items()}


def _list(node: Any, where: str) -> list[Any]:
    if not isinstance(node, list) or not node:
        raise FactsError(f"{where}: must be a non-empty list")
    return node


def _text(node: Any, where: str) -> str:
    if not isinstance(node, str) or not node.strip():
        raise FactsError(f"{where}: must be a non-empty string")
    return node


def _flag(node: Any, where: str) -> bool:
    if not isinstance(node, bool):
        raise FactsError(f"{where}: must be true or false")
    return node


def _count(node: Any, where: str) -> int:
    if isinstance(node, bool) or not isinstance(node, int) or node < 0:
        raise FactsError(f"{where}: must be a non-negative integer")
    return node


def _sources(node: Any, where: str) -> tuple[str, ...]:
    return tuple(
        _text(item, f"{where}.source[{index}]")
        for index, item in enumerate(_list(node, f"{where}.source"))
    )
