"""How validation errors of the generated models become error messages."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import pydantic
import pytest
from retell_client import CreatePhoneCallRequest, PhoneCallResponse

from mock_server.validation import Invalid, describe, field_problem, parse_body, to_json

NUMBERS = b'"from_number": "+14157774444", "to_number": "+12137774445"'


def message(body: bytes) -> str:
    result = parse_body(CreatePhoneCallRequest, body)
    assert isinstance(result, Invalid)
    return result.message


def test_a_valid_body_parses() -> None:
    assert not isinstance(parse_body(CreatePhoneCallRequest, b"{" + NUMBERS + b"}"), Invalid)


def test_nested_fields_are_named_with_their_path() -> None:
    body = b'{"retell_llm_dynamic_variables": {"name": 1}, ' + NUMBERS + b"}"
    assert message(body) == "retell_llm_dynamic_variables.name: Input should be a valid string"


def test_at_most_five_errors_are_listed() -> None:
    variables = ", ".join(f'"v{i}": {i}' for i in range(7)).encode()
    body = b'{"retell_llm_dynamic_variables": {' + variables + b"}, " + NUMBERS + b"}"
    assert message(body).endswith("; and 2 more")
    assert message(body).count("Input should be a valid string") == 5


def test_long_keys_are_shortened() -> None:
    body = b'{"retell_llm_dynamic_variables": {"' + b"k" * 1000 + b'": 1}, ' + NUMBERS + b"}"
    assert len(message(body)) < 200


@pytest.mark.parametrize(
    "body", [b'{"metadata": {"x": NaN}}', b'{"metadata": {"x": -Infinity}}', b"Infinity"]
)
def test_non_json_numbers_are_malformed_json(body: bytes) -> None:
    assert message(body).startswith("Request body is not valid JSON")


def test_nan_inside_a_string_is_fine() -> None:
    body = b'{"metadata": {"x": "NaN and Infinity"}, ' + NUMBERS + b"}"
    assert not isinstance(parse_body(CreatePhoneCallRequest, body), Invalid)


ANSWER: dict[str, object] = {
    "call_type": "phone_call",
    "from_number": "+14157774444",
    "to_number": "+12137774445",
    "direction": "outbound",
    "call_id": "c" * 32,
    "agent_id": "agent_a",
    "call_status": "registered",
}


@pytest.mark.parametrize(
    ("metadata", "where"),
    [
        ({"x": math.inf}, "metadata.x"),
        ({"x": -math.inf}, "metadata.x"),
        ({"x": math.nan}, "metadata.x"),
        ({"a": [1, {"b": [2.5, math.inf]}]}, "metadata.a[1].b[1]"),
    ],
)
def test_an_answer_with_a_non_finite_number_is_refused(
    metadata: dict[str, object], where: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(f"{where}: a non-finite number")):
        to_json(PhoneCallResponse, {**ANSWER, "metadata": metadata})


def test_an_unnamed_non_finite_property_of_an_answer_is_refused_too() -> None:
    with pytest.raises(ValueError, match="extra: a non-finite number"):
        to_json(PhoneCallResponse, {**ANSWER, "extra": math.nan})


def test_an_answer_with_those_words_in_strings_is_fine() -> None:
    answer = {**ANSWER, "metadata": {"NaN": "Infinity", "n": 1e308}}
    assert json.loads(to_json(PhoneCallResponse, answer)) == answer


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("+14157774444", None),
        ("12", "String should match pattern"),
        ("+0123", "String should match pattern"),
        (12, "valid string"),
    ],
)
def test_field_problem_applies_the_models_rule(value: object, problem: str | None) -> None:
    found = field_problem(CreatePhoneCallRequest, "from_number", value)
    if problem is None:
        assert found is None
    else:
        assert found is not None
        assert problem in found


class Strict(pydantic.BaseModel):
    """A model that refuses non-finite metadata itself, naming the path in its own words."""

    model_config = pydantic.ConfigDict(extra="allow")
    metadata: dict[str, Any] = {}

    @pydantic.field_validator("metadata")
    @classmethod
    def finite(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key, item in value.items():
            if isinstance(item, float) and not math.isfinite(item):
                raise ValueError(f"metadata.{key}: must be a finite number (rule: json)")
        return value


class Lax(pydantic.BaseModel):
    """A model that lets any metadata through."""

    model_config = pydantic.ConfigDict(extra="allow")
    metadata: dict[str, Any] = {}


@pytest.mark.parametrize("model", [Strict, Lax])
def test_beyond_float_range_reads_the_same_whether_or_not_the_model_refuses_it(
    model: type[pydantic.BaseModel],
) -> None:
    result = parse_body(model, b'{"metadata": {"n": 1e400}}')
    assert result == Invalid("metadata.n: number is outside the range of a 64-bit float")


def test_a_rule_naming_its_own_path_is_not_prefixed_again() -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        Strict.model_validate({"metadata": {"n": math.inf}})
    assert describe(caught.value).message == "metadata.n: must be a finite number (rule: json)"
