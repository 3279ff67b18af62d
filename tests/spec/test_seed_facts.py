"""The spec, read through the IR, against the project's record of the vendor's facts.

`seed_facts.yaml` records what seeds 000/001 and SDK 3.20.0/3.18.0 say. The comparison runs
both ways: every fact of the table is in the spec, and the spec names no schema, field,
enum, bound or rule that the table does not record (so nothing enters the spec unsourced).
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from generator.ir import Model, Operation
from tests.spec.facts import (
    FACTS_PATH,
    LIMIT_KEYWORDS,
    BoundFact,
    EnumFact,
    FactsError,
    FieldFact,
    OperationFact,
    SchemaFact,
    load_facts,
    parse_facts,
)
from tests.spec.views import API, field_named, model_named, model_of, type_label

FACTS = load_facts()
# Keywords a field's documented constraints may hold that the table records elsewhere:
# the E.164 pattern is what the "e164" type means (tested in test_spec_rules.py).
PATTERN_OF_TYPE = {"e164": "pattern"}


def _squash(text: str) -> str:
    return " ".join(text.split())


def _ids(items: list[tuple[SchemaFact, FieldFact]]) -> list[str]:
    return [f"{schema.name}.{fact.name}" for schema, fact in items]


FIELD_FACTS = [(schema, fact) for schema in FACTS.schemas for fact in schema.fields]
DESCRIBED = [(schema, fact) for schema, fact in FIELD_FACTS if fact.seed_description]


def _table() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(FACTS_PATH.read_text(encoding="utf-8"))
    return document


def _first(mapping: dict[str, Any]) -> str:
    return next(iter(mapping))


def _misspell_required(table: dict[str, Any]) -> str:
    schema = _first(table["schemas"])
    fields = table["schemas"][schema]["fields"]
    name = _first(fields)
    fields[name]["requried"] = fields[name].pop("required")
    return f"schemas.{schema}.fields.{name}"


def _describe_a_missing_field(table: dict[str, Any]) -> str:
    schema = next(name for name, entry in table["schemas"].items() if "seed_descriptions" in entry)
    table["schemas"][schema]["seed_descriptions"]["no_such_field"] = "x"
    return f"schemas.{schema}.seed_descriptions.no_such_field"


def _bound_without_limit(table: dict[str, Any]) -> str:
    table["bounds"][0] = {"schema": "S", "field": "f", "source": ["project"]}
    return "bounds[0]"


@pytest.mark.parametrize(
    "breaks", [_misspell_required, _describe_a_missing_field, _bound_without_limit]
)
def test_a_malformed_table_is_refused_naming_the_entry(breaks: Any) -> None:
    """A typo in the table must not quietly drop the fact it was meant to record."""
    table = _table()
    assert parse_facts(table) == load_facts()
    where = breaks(table)
    with pytest.raises(FactsError) as raised:
        parse_facts(table)
    assert str(raised.value).startswith(f"{where}:")


def test_every_fact_names_its_sources_from_the_tables_list() -> None:
    for entry, sources in FACTS.every_source_list():
        unknown = [source for source in sources if source not in FACTS.sources]
        assert unknown == [], f"{entry}: unknown source {unknown}"


def test_the_spec_has_exactly_the_tables_schemas() -> None:
    assert sorted(model.name for model in API.models) == sorted(s.name for s in FACTS.schemas)


@pytest.mark.parametrize(("schema", "fact"), FIELD_FACTS, ids=_ids(FIELD_FACTS))
def test_field_is_in_the_spec_as_recorded(schema: SchemaFact, fact: FieldFact) -> None:
    field = field_named(model_named(schema.name), fact.name)
    assert field.required is fact.required
    assert type_label(field.type) == fact.type
    assert (field.has_default, field.default) == (fact.has_default, fact.default)


@pytest.mark.parametrize("model", API.models, ids=[model.name for model in API.models])
def test_spec_names_no_field_the_table_does_not_list(model: Model) -> None:
    listed = sorted(fact.name for fact in FACTS.schema(model.name).fields)
    assert sorted(field.name for field in model.fields) == listed


@pytest.mark.parametrize(("schema", "fact"), DESCRIBED, ids=_ids(DESCRIBED))
def test_description_begins_with_the_seed_pages_text(schema: SchemaFact, fact: FieldFact) -> None:
    """User-facing docs use the spec's descriptions: they keep the vendor's words (and may
    add to them, as "Values must be strings.")."""
    described = _squash(field_named(model_named(schema.name), fact.name).description)
    assert described.startswith(_squash(str(fact.seed_description)))


def test_seed_pages_describe_every_request_field() -> None:
    """Seeds 000 and 001 print a description for every field of their request bodies."""
    for op in FACTS.operations:
        schema = FACTS.schema(op.request)
        undescribed = [fact.name for fact in schema.fields if not fact.seed_description]
        assert undescribed == [], schema.name


def test_the_spec_has_exactly_the_tables_enums() -> None:
    assert sorted(enum.name for enum in API.enums) == sorted(fact.name for fact in FACTS.enums)


@pytest.mark.parametrize("fact", FACTS.enums, ids=[fact.name for fact in FACTS.enums])
def test_enum_has_the_recorded_values(fact: EnumFact) -> None:
    assert API.enum(fact.name).values == fact.values


@pytest.mark.parametrize("fact", FACTS.bounds, ids=[fact.label for fact in FACTS.bounds])
def test_bound_is_in_the_spec(fact: BoundFact) -> None:
    constraints = dict(field_named(model_named(fact.schema), fact.field).constraints)
    for keyword, value in fact.limits:
        assert constraints.get(keyword) == value, keyword


def test_spec_states_no_bound_the_table_does_not_list() -> None:
    recorded = {(fact.schema, fact.field): dict(fact.limits) for fact in FACTS.bounds}
    for model in API.models:
        for field in model.fields:
            found = {
                keyword: value
                for keyword, value in field.constraints
                if keyword != PATTERN_OF_TYPE.get(type_label(field.type))
            }
            assert found == recorded.get((model.name, field.name), {}), f"{model.name}.{field.name}"
            assert set(found) <= set(LIMIT_KEYWORDS), f"{model.name}.{field.name}"


def test_cross_field_rules_are_the_models_rules() -> None:
    for model in API.models:
        recorded = [rule.rule for rule in FACTS.cross_field_rules if rule.schema == model.name]
        assert list(model.rules) == recorded, model.name


def test_every_rule_the_spec_names_is_recorded() -> None:
    assert set(API.rules) == FACTS.rules


def test_the_spec_has_exactly_the_tables_operations() -> None:
    recorded = sorted(fact.operation_id for fact in FACTS.operations)
    assert sorted(op.operation_id for op in API.operations) == recorded


def _operation(fact: OperationFact) -> Operation:
    return API.operation(fact.operation_id)


@pytest.mark.parametrize("fact", FACTS.operations, ids=[f.operation_id for f in FACTS.operations])
def test_operation_is_in_the_spec_as_recorded(fact: OperationFact) -> None:
    op = _operation(fact)
    assert (op.method, op.path, op.deprecated) == (fact.method, fact.path, fact.deprecated)
    assert op.request is not None
    request = model_of(op.request.type)
    assert request is not None
    assert request.name == fact.request
    assert op.success.status == fact.success_status
    assert op.success.body is not None
    success = model_of(op.success.body.type)
    assert success is not None
    assert success.name == fact.success_schema
    assert tuple(response.status for response in op.errors) == fact.error_statuses


@pytest.mark.parametrize("fact", FACTS.operations, ids=[f.operation_id for f in FACTS.operations])
def test_answer_rule_is_the_operations_own(fact: OperationFact) -> None:
    """An answer rule (v2: the call is outbound) is stated on the operation's success body,
    not on its model: the model stays the vendor's type, the rule is what the endpoint
    promises on top of it (the model alone still allows `inbound`)."""
    op = _operation(fact)
    assert op.success.body is not None
    success = model_of(op.success.body.type)
    assert success is not None
    if fact.answer is None:
        assert op.success.body.schema == success.name
        return
    assert op.success.body.schema != success.name
    assert fact.answer.rule not in success.rules
    assert fact.answer.field in [field.name for field in success.fields]
