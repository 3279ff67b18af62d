"""`json_equal`, the JSON equality every Python conformance verdict rests on: key order free,
absent and null distinct, numbers equal as IEEE doubles (1 and 1.0 one number), booleans never
numbers, arrays compared in order. The TypeScript and Go runners' helpers (`jsonEqual` in
tests/typescript/conformance.test.mts, `confEqual` in tests/go/conformance_test.go) are held
to the same table there."""

from __future__ import annotations

import json

import pytest

from tests.conformance.vectors import json_equal

# (left, right, equal, why)
TABLE: list[tuple[object, object, bool, str]] = [
    ({"a": None}, {}, False, "absent and null are distinct"),
    ({}, {"a": None}, False, "absent and null are distinct, either side"),
    ({"a": None}, {"a": None}, True, "null equals null"),
    (None, {}, False, "null is not an empty object"),
    ({"a": {"b": None}}, {"a": {}}, False, "a nested null is not dropped"),
    ({"a": 1, "b": 2}, {"b": 2, "a": 1}, True, "key order is free"),
    ({"a": {"x": 1, "y": 2}}, {"a": {"y": 2, "x": 1}}, True, "nested key order is free"),
    ({"a": 1}, {"a": 1, "b": 2}, False, "an extra key counts"),
    (1, 1.0, True, "1 and 1.0 are one number"),
    ({"n": [1]}, {"n": [1.0]}, True, "1 and 1.0 are one number, nested"),
    (1, 1.5, False, "different numbers"),
    (10**400, float("inf"), True, "beyond a double's range: an infinity"),
    (True, 1, False, "true is not 1"),
    (False, 0, False, "false is not 0"),
    (0.0, False, False, "0.0 is not false"),
    (True, True, True, "booleans equal themselves"),
    ("1", 1, False, "a string is not a number"),
    ("", None, False, "an empty string is not null"),
    ([1, 2], [2, 1], False, "arrays are ordered"),
    ([[1, 2], [3]], [[1, 2], [3]], True, "nested arrays in order"),
    ([[1, 2], [3]], [[2, 1], [3]], False, "nested arrays are ordered"),
    ([{"a": 1}, {"b": 2}], [{"b": 2}, {"a": 1}], False, "arrays of objects are ordered"),
    ([1, 2], [1, 2, None], False, "a trailing null counts"),
    ([], {}, False, "an empty array is not an empty object"),
]


@pytest.mark.parametrize(("left", "right", "equal", "why"), TABLE, ids=[row[3] for row in TABLE])
def test_json_equal(left: object, right: object, equal: bool, why: str) -> None:
    assert json_equal(left, right) is equal, why
    assert json_equal(right, left) is equal, f"{why} (swapped)"


def test_json_equal_on_parsed_documents() -> None:
    """What the runners compare: bodies parsed from JSON text."""
    sent = json.loads('{"metadata": {"tags": ["a", "b"], "note": null}, "count": 2.0}')
    reordered = '{"count": 2, "metadata": {"note": null, "tags": ["a", "b"]}}'
    null_dropped = '{"count": 2, "metadata": {"tags": ["a", "b"]}}'
    tags_swapped = '{"count": 2, "metadata": {"note": null, "tags": ["b", "a"]}}'
    assert json_equal(sent, json.loads(reordered))
    assert not json_equal(sent, json.loads(null_dropped))
    assert not json_equal(sent, json.loads(tags_swapped))
