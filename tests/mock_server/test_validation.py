"""How validation errors of the generated models become error messages."""

from __future__ import annotations

import pytest
from retell_client import CreatePhoneCallRequest

from mock_server.validation import Invalid, parse_body

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
