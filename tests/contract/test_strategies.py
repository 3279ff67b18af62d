"""The Hypothesis strategies of `contract_tests.strategies`, on every schema of the shared
validator cases: what they draw as valid, a stock validator accepts too; what they draw as
forbidden, it refuses; and they reach the values that matter (repaired cross-field rules,
near-misses, bounds crossed by one)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from retell_client._validation import Validator

from contract_tests.strategies import SchemaStrategies

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parents[1] / "validation" / "cases.json").read_text(encoding="utf-8")
)["cases"]
SETTINGS = settings(
    max_examples=40, database=None, deadline=None, suppress_health_check=list(HealthCheck)
)
FIND = settings(
    max_examples=2000, database=None, deadline=None, suppress_health_check=list(HealthCheck)
)
CHECKER = Draft202012Validator.FORMAT_CHECKER


def _documents(valid: bool) -> list[dict[str, Any]]:
    """Distinct schema documents of the cases with at least one value of that verdict."""
    found: dict[str, dict[str, Any]] = {}
    for case in CASES:
        if case["valid"] is valid:
            found.setdefault(json.dumps(case["schema"], sort_keys=True), case["schema"])
    return list(found.values())


SATISFIABLE = _documents(True)
REFUTABLE = _documents(False)


def _stock(document: dict[str, Any], *, ecma: bool) -> Draft202012Validator:
    """jsonschema on entry T; `ecma`: patterns read the ECMAScript way (`$` is the end of the
    text, `\\d` ASCII), as the spec means them (Python's `$` also matches before a newline)."""
    if ecma:
        document = _ecma(document)
    return Draft202012Validator({**document, "$ref": "#/$defs/T"}, format_checker=CHECKER)


def _ecma(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: "(?a)" + value.replace("$", r"\Z") if key == "pattern" else _ecma(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_ecma(item) for item in node]
    return node


def _stock_checks_formats(document: dict[str, Any]) -> bool:
    """jsonschema skips a format whose optional checker is not installed (uri here)."""
    text = json.dumps(document)
    return '"format": "uri"' not in text or "uri" in CHECKER.checkers


def _ids(documents: list[dict[str, Any]]) -> list[str]:
    return [json.dumps(document["$defs"]["T"], sort_keys=True)[:60] for document in documents]


@pytest.mark.parametrize("document", SATISFIABLE, ids=_ids(SATISFIABLE))
def test_drawn_values_pass_both_validators(document: dict[str, Any]) -> None:
    ours = Validator(document)
    stock = _stock(document, ecma=False)

    @SETTINGS
    @given(SchemaStrategies(document).valid("T"))
    def check(value: Any) -> None:
        assert ours.check("T", value) is None, value
        assert stock.is_valid(value), value

    check()


@pytest.mark.parametrize("document", REFUTABLE, ids=_ids(REFUTABLE))
def test_forbidden_values_fail_both_validators(document: dict[str, Any]) -> None:
    forbidden = SchemaStrategies(document).forbidden_for({"$ref": "#/$defs/T"})
    if forbidden is None:
        pytest.fail("a schema some value breaks got no forbidden values")
    ours = Validator(document)
    stock = _stock(document, ecma=True)

    @SETTINGS
    @given(forbidden)
    def check(value: Any) -> None:
        assert ours.check("T", value) is not None, value
        if _stock_checks_formats(document):
            assert not stock.is_valid(value), value

    check()


def test_a_schema_that_allows_everything_forbids_nothing() -> None:
    document = {
        "$defs": {"T": {"type": "object", "properties": {"free": {}, "kind": {"type": "string"}}}}
    }
    strategies = SchemaStrategies(document)
    assert strategies.forbidden_for({}) is None
    assert set(strategies.forbidden("T")) == {"kind"}


def test_cross_field_rules_are_repaired_not_left_to_chance() -> None:
    """Drawing `b` at random would never hit 123457; the repair draws it from `then`."""
    document = {
        "$defs": {
            "T": {
                "type": "object",
                "required": ["a", "b"],
                "properties": {
                    "a": {"type": "string", "enum": ["x", "y"]},
                    "b": {"type": "integer"},
                },
                "allOf": [
                    {
                        "if": {"required": ["a"], "properties": {"a": {"const": "x"}}},
                        "then": {"properties": {"b": {"const": 123457}}},
                    }
                ],
            }
        }
    }
    drawn = find(
        SchemaStrategies(document).valid("T"), lambda value: value["a"] == "x", settings=FIND
    )
    assert drawn["b"] == 123457


def test_patterns_are_drawn_with_ecmascript_anchors_and_ascii_digits() -> None:
    document = {"$defs": {"T": {"type": "string", "pattern": r"^\d{2}$"}}}
    valid = SchemaStrategies(document).valid("T")

    @SETTINGS
    @given(valid)
    def check(value: str) -> None:
        assert len(value) == 2
        assert value.isascii()
        assert value.isdigit()

    check()


@pytest.mark.parametrize(
    ("schema", "wanted"),
    [
        (
            {"type": "string", "pattern": r"^\+[1-9][0-9]{1,14}$"},
            lambda v: isinstance(v, str) and v.endswith("\n"),
        ),
        ({"type": "string", "pattern": r"^\+[1-9][0-9]{1,14}$"}, lambda v: v is None),
        ({"type": "integer", "minimum": 10, "maximum": 20}, lambda v: v == 9),
        ({"type": "integer", "minimum": 10, "maximum": 20}, lambda v: v == 21),
        ({"type": "integer"}, lambda v: isinstance(v, float) and not v.is_integer()),
        ({"type": "string", "enum": ["web", "twilio"]}, lambda v: v == "WEB"),
        ({"type": "boolean"}, lambda v: v == "true" or v == 1 or v == "false"),
        (
            {"type": "string", "minLength": 3},
            lambda v: v == "" or (isinstance(v, str) and len(v) == 2),
        ),
        (
            {
                "type": "object",
                "properties": {"a": {"type": "string"}},
                "additionalProperties": False,
            },
            lambda v: isinstance(v, dict) and set(v) - {"a"},
        ),
        (
            {"type": "object", "additionalProperties": {"type": "string"}},
            lambda v: isinstance(v, dict) and any(not isinstance(x, str) for x in v.values()),
        ),
        (
            {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
            lambda v: v == {},
        ),
    ],
)
def test_forbidden_values_reach_the_telling_ones(schema: dict[str, Any], wanted: Any) -> None:
    forbidden = SchemaStrategies({"$defs": {"T": schema}}).forbidden_for({"$ref": "#/$defs/T"})
    assert forbidden is not None
    find(forbidden, wanted, settings=FIND)


def test_forbidden_values_cover_each_property_of_an_object() -> None:
    document = {
        "$defs": {
            "Number": {"type": "string", "pattern": "^[0-9]+$"},
            "T": {
                "type": "object",
                "properties": {
                    "number": {"$ref": "#/$defs/Number"},
                    "free": {"type": "object"},
                    "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
                },
            },
        }
    }
    forbidden = SchemaStrategies(document).forbidden("T")
    assert list(forbidden) == ["number", "free", "tags"]
    valid = Validator(document)

    @SETTINGS
    @given(st.sampled_from(sorted(forbidden)), st.data())
    def check(name: str, data: st.DataObject) -> None:
        assert valid.check("T", {name: data.draw(forbidden[name])}) is not None

    check()
