"""The derivation beyond the project's spec: for a spec evolved the way the vendor's did (bounds,
an enum, a const, formats, lengths, an array, a closed nested object, cross-field rules), every
rule gets both sides, every vector agrees with the validator, and the Python client generated
from that spec passes them all; specs it cannot derive from are refused by name."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from retell_client._validation import Validator

from generator.emit import EmitError
from generator.emit.conformance import emit
from generator.emit.conformance.emitter import document
from generator.emit.conformance.patterns import longest_match, shortest_match
from generator.emit.python import emit as emit_python
from generator.ir import Api, load_api
from tests.conformance.checks import Need, coverage_problems, needs, vector_problems
from tests.conformance.python_runner import FLAVOURS, run_vector
from tests.conformance.specs import evolved_spec
from tests.conformance.vectors import Suite
from tests.generator.specs import RICH


def suite_of(api: Api) -> Suite:
    built = document(api)
    return Suite(built["operations"], built["errors"], built["headers"], built["vectors"])


@pytest.fixture(scope="module")
def evolved(tmp_path_factory: pytest.TempPathFactory) -> Api:
    return load_api(evolved_spec(tmp_path_factory.mktemp("evolved")))


def test_every_rule_of_the_evolved_request_gets_both_sides(evolved: Api) -> None:
    schemas = json.loads(evolved.schemas_json)
    found = list(needs(suite_of(evolved), schemas))
    keywords = {need.keyword for need in found}
    assert keywords >= {
        "pattern", "format", "minLength", "maxLength", "minimum", "maximum",
        "exclusiveMinimum", "multipleOf", "maxItems", "const", "enum",
        "additionalProperties", "rule",
    }  # fmt: skip
    rules = {need.value for need in found if need.keyword == "rule"}
    assert rules == {"mulaw_request_rate", "recording_needs_consent"}
    problems = coverage_problems(suite_of(evolved), Validator(schemas), schemas)
    assert list(problems) == []


def test_each_cross_field_rule_is_probed_on_each_branch(evolved: Api) -> None:
    ids = {vector["id"] for vector in suite_of(evolved).vectors}
    for name in ("then-broken", "else-kept", "else-broken"):
        assert f"createPhoneCall.body.mulaw_request_rate.{name}" in ids
    assert "createPhoneCall.body.recording_needs_consent.then-broken" in ids
    assert "createPhoneCall.body.recording_needs_consent.if-fails" not in ids  # = boolean.false


def test_a_missing_side_is_reported(evolved: Api) -> None:
    schemas = json.loads(evolved.schemas_json)
    full = suite_of(evolved)
    without = dataclasses.replace(
        full,
        vectors=[
            v
            for v in full.vectors
            if not (v["kind"] == "rejection" and v["error"]["keyword"] == "maximum")
            and ".language.enum.1" not in v["id"]
        ],
    )
    problems = list(coverage_problems(without, Validator(schemas), schemas))
    assert "createPhoneCall max_duration_ms: no rejection for maximum" in problems
    assert "createPhoneCall language: nothing accepted at enum" in problems


def test_each_derived_vector_agrees_with_the_evolved_spec(evolved: Api) -> None:
    built = suite_of(evolved)
    validator = Validator(json.loads(evolved.schemas_json))
    problems = {v["id"]: list(vector_problems(built, validator, v)) for v in built.vectors}
    assert {key: value for key, value in problems.items() if value} == {}


def _python_package(api: Api, into: Path, name: str) -> ModuleType:
    for path, text in emit_python(api).items():
        target = into / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    package = into / "python" / "retell_client"
    spec = importlib.util.spec_from_file_location(
        name, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_python_client_of_the_evolved_spec_passes_every_derived_vector(
    evolved: Api, tmp_path: Path
) -> None:
    package = _python_package(evolved, tmp_path, "retell_client_evolved")
    built = suite_of(evolved)
    failures = {
        f"{vector['id']} [{flavour}]": problems
        for vector in built.client()
        for flavour in FLAVOURS
        if (problems := run_vector(package, built, vector, flavour))
    }
    assert failures == {}


def test_an_idempotency_header_is_required_where_declared_and_forbidden_elsewhere(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "rich.yaml"
    spec.write_text(RICH, encoding="utf-8")
    built = suite_of(load_api(spec))
    requests = [v for v in built.vectors if v["kind"] == "request"]
    assert requests
    for vector in requests:
        assert vector["request"]["require_headers"] == ["Idempotency-Key"]
        assert "Idempotency-Key" not in vector["request"]["forbid_headers"]
    assert set(built.operations) == {"putFigure", "pingServer"}
    assert {v["operation"] for v in built.vectors} == {"putFigure"}  # no body: no vectors


NO_VALID_BODY = """\
openapi: 3.1.0
info: {title: T, version: '1'}
servers: [{url: 'https://t.example'}]
paths:
  /things:
    post:
      operationId: makeThing
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/ThingRequest'}
      responses:
        '201': {description: Made.}
components:
  schemas:
    ThingRequest:
      type: object
      required: [code]
      properties:
        code: {type: string, minLength: 5, maxLength: 2}
"""


def test_a_body_no_valid_request_exists_for_is_refused_naming_the_operation(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(NO_VALID_BODY, encoding="utf-8")
    with pytest.raises(EmitError) as raised:
        emit(load_api(spec))
    message = str(raised.value)
    assert message.startswith("conformance: POST /things (makeThing): no valid request")
    assert "code: must be" in message


@pytest.mark.parametrize(
    ("pattern", "shortest", "longest"),
    [
        (r"^\+[1-9][0-9]{1,14}$", "+10", "+1" + "0" * 14),
        (r"^[a-z]+$", "a", None),
        (r"^(ab|c)\d{2}$", "c00", "ab00"),
        (r"^[^a-c]x?$", "0", "0x"),
        (r"^(a)\1$", None, None),
    ],
)
def test_pattern_samples(pattern: str, shortest: str | None, longest: str | None) -> None:
    assert shortest_match(pattern) == shortest
    assert longest_match(pattern) == longest


def test_needs_are_found_in_nested_objects_and_array_items(evolved: Api) -> None:
    found = list(needs(suite_of(evolved), json.loads(evolved.schemas_json)))
    assert Need("createPhoneCall", "agent_override.speed", "exclusiveMinimum", 0) in found
    assert Need("createPhoneCall", "tags.0", "maxLength", 8) in found
    assert Need("createPhoneCall", "agent_override", "additionalProperties", False) in found
