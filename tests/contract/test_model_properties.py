"""Property tests on every request and response schema of the spec, from the strategies of
`contract_tests.strategies`: drawn valid values pass the generated validator and a stock
2020-12 validator of the same document, and the generated models hold them without loss;
values the spec forbids for a property fail both validators."""

from __future__ import annotations

import json
from typing import Any

import pytest
import retell_client.models
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from retell_client._models import BaseModel, construct

from contract_tests.contract import Contract
from contract_tests.strategies import SchemaStrategies

CONTRACT = Contract.load()
STRATEGIES = SchemaStrategies(CONTRACT.schema_document)
PROPERTY_SETTINGS = settings(
    max_examples=60, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _bodies() -> dict[str, str]:
    """Every body schema of the spec ($defs key) -> the model of its type."""
    found: dict[str, str] = {}
    for operation in CONTRACT.api.operations:
        bodies = [operation.request, *(r.body for r in (operation.success, *operation.errors))]
        for body in bodies:
            model = CONTRACT.model_of(body.type) if body is not None else None
            if body is not None and model is not None:
                found.setdefault(body.schema, model.name)
    return found


BODIES = _bodies()


def _stock(name: str, *, ecma: bool = False) -> Draft202012Validator:
    """jsonschema on one entry of the validation view; `ecma`: with the patterns read the
    ECMAScript way, as the spec means them (Python's `$` also matches before a final
    newline, so a near-miss ending in one would pass the stock reading)."""
    document: Any = CONTRACT.schema_document
    if ecma:
        document = _ecma(document)
    return Draft202012Validator(
        {**document, "$ref": f"#/$defs/{name}"}, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _ecma(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: "(?a)" + value.replace("$", r"\Z") if key == "pattern" else _ecma(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_ecma(item) for item in node]
    return node


def _model(name: str) -> type[BaseModel]:
    model = getattr(retell_client.models, BODIES[name])
    assert isinstance(model, type)
    assert issubclass(model, BaseModel)
    return model


def test_every_body_of_the_spec_is_covered() -> None:
    expected = {op.request.schema for op in CONTRACT.api.operations if op.request is not None}
    expected |= {op.success.body.schema for op in CONTRACT.api.operations if op.success.body}
    expected |= {r.body.schema for op in CONTRACT.api.operations for r in op.errors if r.body}
    assert set(BODIES) == expected


@pytest.mark.parametrize("name", sorted(BODIES))
def test_valid_values_pass_both_validators_and_round_trip_the_models(name: str) -> None:
    stock = _stock(name)
    model = _model(name)

    @PROPERTY_SETTINGS
    @given(STRATEGIES.valid(name))
    def check(body: dict[str, Any]) -> None:
        assert CONTRACT.validator.check(name, body) is None
        assert stock.is_valid(body)
        built = construct(model, body)  # as an answer is read: no validation, nothing lost
        assert json.loads(built.to_json()) == body
        validated = model.model_validate(body)  # and as a request is built
        assert json.loads(validated.to_json()) == body
        assert validated.to_dict() == built.to_dict()

    check()


@pytest.mark.parametrize("name", sorted(BODIES))
def test_forbidden_values_fail_both_validators(name: str) -> None:
    forbidden = STRATEGIES.forbidden(name)
    model = CONTRACT.api.model(BODIES[name])
    assert set(forbidden) == {field.name for field in model.fields}  # every field has some
    stock = _stock(name, ecma=True)

    @PROPERTY_SETTINGS
    @given(STRATEGIES.valid(name), st.sampled_from(sorted(forbidden)), st.data())
    def check(body: dict[str, Any], field: str, data: st.DataObject) -> None:
        bad = {**body, field: data.draw(forbidden[field], label=field)}
        found = CONTRACT.validator.violations(name, bad)
        assert found
        assert any(v.field == field or v.field.startswith(field + ".") for v in found)
        assert not stock.is_valid(bad)

    check()
