"""Property tests of the generated models: allowed values in, forbidden values out, no loss."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest
import retell_client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from contract_tests import model_strategies as strategies
from contract_tests import spec

PROPERTY_SETTINGS = settings(
    max_examples=60, database=None, suppress_health_check=[HealthCheck.too_slow]
)
Model = type[pydantic.BaseModel]

VALID: list[tuple[Model, st.SearchStrategy[dict[str, Any]]]] = [
    (retell_client.CreatePhoneCallRequest, strategies.request_bodies("CreatePhoneCallRequest")),
    (retell_client.CreatePhoneCallV1Request, strategies.request_bodies("CreatePhoneCallV1Request")),
    (retell_client.RegisterCallResponse, strategies.register_call_responses()),
    (retell_client.PhoneCallResponse, strategies.phone_call_responses()),
]
FORBIDDEN: list[
    tuple[Model, st.SearchStrategy[dict[str, Any]], dict[str, st.SearchStrategy[Any]]]
] = [
    (VALID[0][0], VALID[0][1], strategies.FORBIDDEN_REQUEST_VALUES),
    (VALID[1][0], VALID[1][1], strategies.FORBIDDEN_V1_REQUEST_VALUES),
    (VALID[2][0], VALID[2][1], strategies.FORBIDDEN_REGISTER_CALL_VALUES),
    (VALID[3][0], VALID[3][1], strategies.FORBIDDEN_PHONE_CALL_VALUES),
]


def _ids(model: Model) -> str:
    return model.__name__


@pytest.mark.parametrize(("model", "bodies"), VALID, ids=[_ids(model) for model, _ in VALID])
def test_allowed_values_are_accepted_and_round_trip(
    model: Model, bodies: st.SearchStrategy[dict[str, Any]]
) -> None:
    @PROPERTY_SETTINGS
    @given(bodies)
    def check(body: dict[str, Any]) -> None:
        parsed = model.model_validate(body)
        assert parsed.model_dump(mode="json", by_alias=True, exclude_unset=True) == body
        assert (
            model.model_validate_json(parsed.model_dump_json(by_alias=True, exclude_unset=True))
            == parsed
        )

    check()


@pytest.mark.parametrize(
    ("model", "bodies", "forbidden"), FORBIDDEN, ids=[_ids(model) for model, _, _ in FORBIDDEN]
)
def test_forbidden_values_are_rejected_naming_the_field(
    model: Model,
    bodies: st.SearchStrategy[dict[str, Any]],
    forbidden: dict[str, st.SearchStrategy[Any]],
) -> None:
    fields = sorted(forbidden)
    assert set(fields) <= {field.alias or name for name, field in model.model_fields.items()}

    @PROPERTY_SETTINGS
    @given(bodies, st.sampled_from(fields), st.data())
    def check(body: dict[str, Any], field: str, data: st.DataObject) -> None:
        bad = body | {field: data.draw(forbidden[field], label=field)}
        with pytest.raises(pydantic.ValidationError) as raised:
            model.model_validate(bad)
        assert any(error["loc"][:1] == (field,) for error in raised.value.errors())

    check()


@PROPERTY_SETTINGS
@given(strategies.register_call_responses(), st.integers(8001, 48000) | st.just(16000))
def test_mulaw_only_at_8000(body: dict[str, Any], rate: int) -> None:
    with pytest.raises(pydantic.ValidationError):
        retell_client.RegisterCallResponse.model_validate(
            body | {"audio_encoding": "mulaw", "sample_rate": rate}
        )


@pytest.mark.parametrize(
    "schema_name",
    [
        "CreatePhoneCallRequest",
        "CreatePhoneCallV1Request",
        "RegisterCallResponse",
        "PhoneCallResponse",
    ],
)
def test_forbidden_values_cover_every_property_of_the_spec(schema_name: str) -> None:
    """Every field of every schema has forbidden values, read from the spec (no hand list)."""
    assert set(strategies.forbidden_values(schema_name)) == set(spec.properties_of(schema_name))


@pytest.mark.parametrize(
    ("node", "allowed"),
    [
        ({"type": "string", "pattern": spec.e164_pattern()}, "+14155550100"),
        ({"type": "string", "enum": ["a", "b"]}, "a"),
        ({"type": "integer", "minimum": 10, "maximum": 20}, 15),
        ({"type": "boolean"}, True),
        ({"type": "object", "additionalProperties": {"type": "string"}}, {"k": "v"}),
    ],
)
def test_forbidden_values_break_their_schema(node: dict[str, Any], allowed: Any) -> None:
    """Whatever `forbidden_for` draws, a JSON Schema validator rejects it (the pattern with
    ECMA anchors: the stock validator uses Python's `$`, which accepts a trailing newline)."""
    if "pattern" in node:
        node = node | {"pattern": spec.python_pattern(node["pattern"])}
    validator = Draft202012Validator(node)
    assert validator.is_valid(allowed)

    @PROPERTY_SETTINGS
    @given(strategies.forbidden_for(node))
    def check(value: Any) -> None:
        assert not validator.is_valid(value), value

    check()


def test_e164_strategy_follows_the_spec_pattern() -> None:
    assert strategies.E164_RE.pattern == spec.python_pattern(spec.e164_pattern())
    assert strategies.E164_RE.fullmatch("+14155550100\n") is None
