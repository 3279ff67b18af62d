"""Strict JSON in and out (`json_body`), and how the validator's findings become messages."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import pytest
from retell_client._validation import Violation

from mock_server import json_body
from mock_server.validation import MAX_SHOWN, Schemas, describe
from tests.mock_server.conftest import API, V2_OPERATION


@pytest.mark.parametrize(
    ("body", "value"),
    [
        (b'{"a": 35.0}', {"a": 35.0}),
        (b'{"a": "35"}', {"a": "35"}),
        (b'{"a": true}', {"a": True}),
        (b'{"a": 1, "a": 2}', {"a": 2}),  # a repeated key keeps its last value
        (b'{"n": ' + b"9" * 60 + b"}", {"n": int("9" * 60)}),
        (b'{"x": "NaN and Infinity"}', {"x": "NaN and Infinity"}),
        (b'{"tiny": 1e-400}', {"tiny": 0.0}),  # underflow is a float like any other
    ],
)
def test_json_is_read_as_sent(body: bytes, value: Any) -> None:
    loaded = json_body.load(body)
    assert loaded == value
    assert [type(v) for v in loaded.values()] == [type(v) for v in value.values()]


@pytest.mark.parametrize(
    "body",
    [
        b'{"x": NaN}',
        b'{"x": -Infinity}',
        b"Infinity",
        b'\xef\xbb\xbf{"a": 1}',
        b'{"a": "\xff"}',
        b'{"a": "\\ud800"}',
        b"[" * 300 + b"]" * 300,
        b"{",
    ],
    ids=["nan", "infinity", "bare-infinity", "bom", "bad-utf8", "lone-surrogate", "deep", "open"],
)
def test_what_is_not_strict_json_is_refused(body: bytes) -> None:
    with pytest.raises(json_body.BadJson, match=r"^Request body is not valid JSON: "):
        json_body.load(body)


def test_nesting_up_to_the_limit_is_fine() -> None:
    assert json_body.load(b"[" * 200 + b"]" * 200) is not None


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (b"1e400", "body"),
        (b'{"a": {"b": [1, 2, -1e400]}}', "a.b.2"),
        (b'{"a": 1e999, "b": 1e999}', "a"),  # the first, in document order
        (b'{"d": ' + b"9" * 400 + b".5}", "d"),
    ],
)
def test_a_number_beyond_float_range_is_refused_naming_its_path(body: bytes, where: str) -> None:
    message = f"{where}: number is outside the range of a 64-bit float (rule: json)"
    with pytest.raises(json_body.BadJson, match=f"^{re.escape(message)}$"):
        json_body.load(body)


@pytest.mark.parametrize(
    ("value", "where"),
    [
        ({"x": math.inf}, "x"),
        ({"a": [1, {"b": [2.5, -math.inf]}]}, "a.1.b.1"),
        (math.nan, "body"),
    ],
)
def test_an_answer_holding_a_non_finite_number_is_never_written(value: Any, where: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"{where}: a non-finite number")):
        json_body.dump(value)


def test_answers_are_written_as_they_are() -> None:
    value = {"NaN": "Infinity", "n": 1e308, "f": 35.0, "i": 10**40, "u": "é ☎"}
    assert json.loads(json_body.dump(value)) == value
    assert b"35.0" in json_body.dump(value)


SCHEMAS = Schemas(API)


def test_a_message_names_each_field_and_rule() -> None:
    body = {"from_number": "1", "to_number": 2}
    assert SCHEMAS.problem(V2_OPERATION.request.schema if V2_OPERATION.request else "", body) == (
        "from_number: must match the pattern ^\\+[1-9][0-9]{1,14}$ (rule: e164_numbers); "
        "to_number: must be a string, not integer (rule: e164_numbers)"
    )


def test_a_valid_value_has_no_problem() -> None:
    body = {"from_number": "+14157774444", "to_number": "+14157774445"}
    assert (
        SCHEMAS.problem(V2_OPERATION.request.schema if V2_OPERATION.request else "", body) is None
    )


def violation(n: int) -> Violation:
    return Violation(f"f{n}", "type", "type", "must be a string, not integer")


@pytest.mark.parametrize(
    ("count", "tail"),
    [(MAX_SHOWN, None), (MAX_SHOWN + 1, "and 1 more"), (101, "and at least 96 more")],
)
def test_describe_names_the_first_few_then_counts(count: int, tail: str | None) -> None:
    parts = describe([violation(n) for n in range(count)]).split("; ")
    assert parts[:MAX_SHOWN] == [str(violation(n)) for n in range(MAX_SHOWN)]
    assert parts[MAX_SHOWN:] == ([] if tail is None else [tail])


def test_a_subschema_is_found_through_refs_and_all_of() -> None:
    success = V2_OPERATION.success.body.schema if V2_OPERATION.success.body else ""
    direction = SCHEMAS.at(success, ("direction",))  # an enum in one branch, a const in another
    assert Schemas.probe_violation(direction, "outbound") is None
    found = Schemas.probe_violation(direction, "inbound")
    assert found is not None
    assert (found.rule, found.keyword) == ("outbound_direction", "const")


def test_a_path_the_schema_lacks_is_an_error() -> None:
    with pytest.raises(KeyError, match="no subschema at nowhere"):
        SCHEMAS.at(V2_OPERATION.request.schema if V2_OPERATION.request else "", ("nowhere",))
