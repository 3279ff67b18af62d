"""Live safety: numbers that can only ring the tester or nobody; placeable means valid."""

from __future__ import annotations

from typing import Any

import pytest

from contract_tests.contract import Contract
from contract_tests.live import (
    LiveNumbers,
    aim,
    digits_of,
    is_fictional,
    is_placeable,
    is_safe,
    phone_values,
    unsafe_numbers,
)

CONTRACT = Contract.load()
NUMBERS = LiveNumbers("+14157774444", "+12137774445")


def _operation_with_phones() -> Any:
    return next(op for op in CONTRACT.api.operations if op.phone_paths)


def _valid_body(operation: Any) -> dict[str, Any]:
    example = next(
        value
        for _, value in operation.request.examples
        if CONTRACT.request_is_valid(operation, value)
    )
    assert isinstance(example, dict)
    return dict(example)


def test_digits_are_read_in_any_script() -> None:
    assert digits_of("+1 (415) 555-0100") == "14155550100"
    assert digits_of("+\u0661\u0664\u0661\u0665") == "1415"  # Arabic-Indic
    assert digits_of("\uff11\uff12") == "12"  # fullwidth
    assert digits_of(14155550100) == "14155550100"
    assert digits_of(True) == ""


@pytest.mark.parametrize(
    "value",
    [
        "+14155550100",
        "+1 212 555 0199",
        "12125550150",
        "+1\u0664\u0661\u0665\u0665\u0665\u0665\u0660\u0661\u0660\u0660",
    ],
)
def test_fictional_numbers(value: str) -> None:
    assert is_fictional(value)
    assert is_safe(value, None)


@pytest.mark.parametrize(
    "value", ["+12125551234", "+12025550299 ", "911", "+112", "+447700900123", "+1 212 555 0200"]
)
def test_real_looking_numbers_are_unsafe(value: str) -> None:
    assert not is_safe(value, None)


def test_the_testers_numbers_are_safe() -> None:
    assert is_safe("+14157774444", NUMBERS)
    assert is_safe("+1 213 777 4445", NUMBERS)
    assert not is_safe("+14157774444", None)


def test_the_issue_example_is_aimed_at_fictional_numbers() -> None:
    """A negative case that a lenient server would accept must not ring a stranger."""
    operation = _operation_with_phones()
    phone = ".".join(operation.phone_paths[0])
    other = ".".join(operation.phone_paths[1])
    model = CONTRACT.model_of(operation.request.type)
    assert model is not None
    optional = next(f.name for f in model.fields if not f.required)
    body = {phone: "+12125551234", other: "+12025550199", optional: None}
    assert not is_placeable(CONTRACT, operation, body)
    assert unsafe_numbers(CONTRACT, operation, body, None)
    aimed = aim(CONTRACT, operation, body, None)
    assert unsafe_numbers(CONTRACT, operation, aimed, None) == []
    assert aimed[optional] is None  # the point of the negative case is kept
    assert not is_placeable(CONTRACT, operation, aimed)


def test_aiming_keeps_invalid_numbers_invalid() -> None:
    operation = _operation_with_phones()
    phone = ".".join(operation.phone_paths[0])
    body = _valid_body(operation) | {phone: "+1212555 1234"}
    aimed = aim(CONTRACT, operation, body, None)
    assert is_safe(aimed[phone], None)
    assert any(v.field == phone for v in CONTRACT.request_violations(operation, aimed))


def test_a_placeable_body_is_aimed_at_the_testers_numbers() -> None:
    operation = _operation_with_phones()
    body = _valid_body(operation)
    aimed = aim(CONTRACT, operation, body, NUMBERS)
    account = {path for path, role in operation.account_paths if role == "number"}
    for path in operation.phone_paths:
        expected = NUMBERS.from_number if path in account else NUMBERS.to_number
        assert aimed[path[0]] == expected
    assert is_placeable(CONTRACT, operation, aimed)


def test_placeable_follows_either_validator() -> None:
    """The suite's validator (ECMAScript `$`) rejects a trailing newline; a stock JSON Schema
    validator (Python `re`) accepts it: a server could follow either, so it counts as valid."""
    operation = _operation_with_phones()
    phone = ".".join(operation.phone_paths[0])
    body = _valid_body(operation) | {phone: "+14155550100\n"}
    assert not CONTRACT.request_is_valid(operation, body)
    assert is_placeable(CONTRACT, operation, body)


def test_a_body_only_the_stock_validator_accepts_is_not_aimed_at_the_tester() -> None:
    """A vector meant to be rejected (a trailing newline) is placeable by the stock reading;
    aiming its numbers at the tester's made it a real, valid call that spent the budget and
    then failed a correct server for accepting it. It keeps its own (fictional) numbers, so
    the gateway withholds it instead."""
    operation = _operation_with_phones()
    phone = ".".join(operation.phone_paths[0])
    body = _valid_body(operation) | {phone: "+14155550100\n"}
    aimed = aim(CONTRACT, operation, body, NUMBERS)
    assert not any(NUMBERS.owns(value) for value in phone_values(CONTRACT, operation, aimed))
    assert not CONTRACT.request_is_valid(operation, aimed)


def test_bodies_that_are_not_objects_are_read_as_text() -> None:
    assert unsafe_numbers(CONTRACT, None, "to=+1 212 555 1234", None)
    assert unsafe_numbers(CONTRACT, None, [12125551234], None)
    assert not unsafe_numbers(CONTRACT, None, "to=+1 415 555 0100", None)
    assert not unsafe_numbers(CONTRACT, None, [1, 22], None)


def test_a_phone_path_through_an_array_reads_its_items() -> None:
    """A spec may type an array of numbers (`numbers.*`): each item is a number to check, and
    a list where one number was due is read item by item."""
    from contract_tests.live import _lenient_values_at

    assert _lenient_values_at({"numbers": ["+12125551234", "+1"]}, ("numbers", "*")) == [
        "+12125551234",
        "+1",
    ]
    assert _lenient_values_at({"Numbers": [{"n": "+1"}]}, ("numbers", "*", "n")) == ["+1"]
    assert _lenient_values_at([{"to_number": "+1"}], ("to_number",)) == ["+1"]
