"""The fixed vectors, derived from the IR: right by the validator, safe to send, deterministic.

Run for the project's spec and for copies evolved the way the vendor's API did (a web-call
endpoint without phone numbers, a nested object with an inline enum, an integer with bounds,
an if/then/else rule), so no property holds only because of today's fields.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from contract_tests.contract import Contract, FieldPath, values_at
from contract_tests.vectors import Auth, Expect, Vector, base_body, build_vectors, single_rule
from contract_tests.vectors.patterns import longest_match, near_misses, shortest_match
from generator.ir import SPEC_PATH, AnyValue, ArrayOf, MapOf, ModelRef, Nullable, TypeExpr

ROOT = Path(__file__).resolve().parents[2]
FICTIONAL = re.compile(r"\+141555501[0-9]{2}")  # the spec's examples: +1 415 555-0100..0199
MIN_VECTORS, MAX_VECTORS = 200, 400
VALID = (Expect.ACCEPTED, Expect.HANDLED)
FREE_FORM_MIN_BYTES = (64 * 1024, 512 * 1024)
AGENT = "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD"
SPEC_DOCUMENT: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


# --- specs -----------------------------------------------------------------------------------


def write_spec(directory: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    spec = json.loads(json.dumps(SPEC_DOCUMENT))
    change(spec)
    path = directory / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _operation(operation_id: str, schema: str, examples: dict[str, Any]) -> dict[str, Any]:
    media: dict[str, Any] = {"schema": {"$ref": f"#/components/schemas/{schema}"}}
    if examples:
        media["examples"] = {name: {"value": value} for name, value in examples.items()}
    answer = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
    return {
        "post": {
            "operationId": operation_id,
            "tags": ["call"],
            "requestBody": {"required": True, "content": {"application/json": media}},
            "responses": {
                "201": {"description": "Created.", "content": answer},
                "400": {"$ref": "#/components/responses/BadRequest"},
                "401": {"$ref": "#/components/responses/Unauthorized"},
            },
        }
    }


def evolve(spec: dict[str, Any]) -> None:
    """The vendor's next endpoint: a web call (no phone numbers), a nested object with an
    inline enum and a bounded integer, and a cross-field rule with both branches."""
    spec["paths"]["/v2/create-web-call"] = _operation(
        "createWebCall",
        "CreateWebCallRequest",
        {
            "override": {"agent_id": AGENT, "agent_override": {"voice_model": "standard"}},
            "minimal": {"agent_id": AGENT},
        },
    )
    spec["components"]["schemas"]["CreateWebCallRequest"] = {
        "type": "object",
        "required": ["agent_id"],
        "properties": {
            "agent_id": {"type": "string", "minLength": 1, "x-account": "agent"},
            "metadata": {"$ref": "#/components/schemas/Metadata"},
            "agent_override": {
                "type": "object",
                "required": ["voice_model"],
                "additionalProperties": False,
                "properties": {
                    "voice_model": {"type": "string", "enum": ["standard", "premium"]},
                    "voice_speed": {"type": "integer", "minimum": 1, "maximum": 10},
                },
                "allOf": [
                    {
                        "x-rule": "premium_speed",
                        "if": {
                            "required": ["voice_model"],
                            "properties": {"voice_model": {"const": "premium"}},
                        },
                        "then": {"properties": {"voice_speed": {"maximum": 5}}},
                        "else": {"properties": {"voice_speed": {"minimum": 2}}},
                    }
                ],
            },
        },
    }


def enrich(spec: dict[str, Any]) -> None:
    """More keywords: arrays of objects holding phone numbers, formats, exclusive bounds,
    multiples, consts, a closed body, an example that breaks the schema, and an operation
    without examples."""
    schemas = spec["components"]["schemas"]
    phone = {"$ref": "#/components/schemas/E164PhoneNumber"}
    schemas["CreateBatchCallRequest"] = {
        "type": "object",
        "required": ["from_number", "tasks", "kind"],
        "additionalProperties": False,
        "properties": {
            "from_number": {**phone, "x-account": "number"},
            "tasks": {
                "type": "array",
                "minItems": 1,
                "maxItems": 3,
                "items": {
                    "type": "object",
                    "required": ["to_number"],
                    "properties": {"to_number": phone},
                },
            },
            "name": {"type": "string", "maxLength": 8, "pattern": "^[a-z]+$"},
            "trigger_timestamp": {"type": "integer", "exclusiveMinimum": 0, "multipleOf": 1000},
            "scheduled_at": {"type": "string", "format": "date-time"},
            "webhook_url": {"type": "string", "format": "uri"},
            "kind": {"const": "batch"},
            "priority": {"type": "number", "minimum": 0, "exclusiveMaximum": 1},
        },
    }
    schemas["RegisterPhoneCallRequest"] = {
        "type": "object",
        "required": ["from_number", "mode"],
        "properties": {"from_number": phone, "mode": {"type": "string", "enum": ["a", "b"]}},
    }
    spec["paths"]["/v2/create-batch-call"] = _operation(
        "createBatchCall",
        "CreateBatchCallRequest",
        {
            "no_tasks": {"from_number": "+14155550100", "tasks": [], "kind": "batch"},
            "one_task": {
                "from_number": "+14155550100",
                "tasks": [{"to_number": "+14155550123"}],
                "kind": "batch",
            },
        },
    )
    spec["paths"]["/v2/register-phone-call"] = _operation(
        "registerPhoneCall", "RegisterPhoneCallRequest", {}
    )
    # a named rule over a whole object: leaving `a` out also breaks it at `c` (not one place)
    schemas["GuardedRequest"] = {
        "type": "object",
        "required": ["guard"],
        "properties": {
            "guard": {
                "type": "object",
                "x-rule": "guarded",
                "required": ["a"],
                "properties": {"a": {"type": "string"}, "c": {"type": "string"}},
                "allOf": [{"if": {"not": {"required": ["a"]}}, "then": {"required": ["c"]}}],
            }
        },
    }
    guarded = {"one": {"guard": {"a": "x"}}}
    spec["paths"]["/v2/guarded"] = _operation("createGuarded", "GuardedRequest", guarded)


@pytest.fixture(scope="module")
def project() -> Contract:
    return Contract.load()


@pytest.fixture(scope="module", params=["project", "evolved", "enriched"])
def contract(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Contract:
    if request.param == "project":
        return Contract.load()
    change = evolve if request.param == "evolved" else enrich
    return Contract.load(write_spec(tmp_path_factory.mktemp(request.param), change))


@pytest.fixture(scope="module")
def vectors(contract: Contract) -> tuple[Vector, ...]:
    return build_vectors(contract)


@pytest.fixture(scope="module")
def evolved(tmp_path_factory: pytest.TempPathFactory) -> Contract:
    return Contract.load(write_spec(tmp_path_factory.mktemp("evolved"), evolve))


# --- helpers ---------------------------------------------------------------------------------


def stock_validator(contract: Contract, operation_id: str) -> Draft202012Validator:
    """jsonschema (2020-12) on the request schema, its patterns read the ECMAScript way."""
    schema = contract.api.operation(operation_id).request
    assert schema is not None
    document = _python_patterns(contract.schema_document)
    checker = Draft202012Validator.FORMAT_CHECKER
    return Draft202012Validator(
        {**document, "$ref": f"#/$defs/{schema.schema}"}, format_checker=checker
    )


def stock_can_judge(found: list[Any]) -> bool:
    """jsonschema checks a format only when its optional checker is installed (`uri` needs
    rfc3987, absent here): a vector breaking only such a format is judged by ours alone."""
    checked = Draft202012Validator.FORMAT_CHECKER.checkers
    unchecked = [
        v for v in found if v.keyword == "format" and v.message.rsplit(" ", 1)[-1] not in checked
    ]
    return len(unchecked) < len(found)


def _python_patterns(node: Any) -> Any:
    """`$` is the end of the text in ECMAScript, also before a final newline in Python."""
    if isinstance(node, dict):
        return {
            key: ("(?a)" + value.replace("$", r"\Z"))
            if key == "pattern"
            else _python_patterns(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_python_patterns(item) for item in node]
    return node


def with_body(vectors: tuple[Vector, ...]) -> Iterator[Vector]:
    return (vector for vector in vectors if vector.raw_body is None)


def of(vectors: tuple[Vector, ...], operation_id: str, *expects: Expect) -> list[Vector]:
    return [
        v
        for v in vectors
        if v.operation_id == operation_id and (not expects or v.expect in expects)
    ]


def at(vector: Vector, path: FieldPath) -> list[Any]:
    return [value for _, value in values_at(vector.body, path)]


def request_paths(
    contract: Contract, kind: TypeExpr, prefix: FieldPath = ()
) -> Iterator[FieldPath]:
    """Every IR path of a request type ("*" for items and map values)."""
    while isinstance(kind, Nullable):
        kind = kind.inner
    if isinstance(kind, ModelRef):
        for field in contract.api.model(kind.name).fields:
            yield (*prefix, field.name)
            yield from request_paths(contract, field.type, (*prefix, field.name))
    elif isinstance(kind, ArrayOf | MapOf):
        inner = kind.items if isinstance(kind, ArrayOf) else kind.values
        yield (*prefix, "*")
        yield from request_paths(contract, inner, (*prefix, "*"))


def depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((depth(item) for item in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((depth(item) for item in value), default=0)
    return 0


def floats(value: Any) -> Iterator[float]:
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from floats(item)
    elif isinstance(value, list):
        for item in value:
            yield from floats(item)


# --- every spec: right by the validator ------------------------------------------------------


def test_rejecting_vectors_break_exactly_their_rule(
    contract: Contract, vectors: tuple[Vector, ...]
) -> None:
    rejected = [v for v in with_body(vectors) if v.expect is Expect.REJECTED]
    assert rejected
    for vector in rejected:
        operation = contract.api.operation(vector.operation_id)
        found = contract.request_violations(operation, vector.body)
        assert found, vector.name
        assert single_rule(found) == vector.rule, (vector.name, found)
        if stock_can_judge(found):
            assert not stock_validator(contract, vector.operation_id).is_valid(vector.body), (
                vector.name
            )


def test_rejecting_vectors_are_named_after_where_they_break(
    contract: Contract, vectors: tuple[Vector, ...]
) -> None:
    """ "<field path>: <what>": every violation is at that path or inside it."""
    for vector in with_body(vectors):
        if vector.expect is not Expect.REJECTED:
            continue
        label = vector.name.split(": ", 1)[0]
        operation = contract.api.operation(vector.operation_id)
        for violation in contract.request_violations(operation, vector.body):
            if label != "body":
                assert violation.field == label or violation.field.startswith(label + "."), (
                    vector.name
                )


def test_accepting_vectors_pass_the_validator(
    contract: Contract, vectors: tuple[Vector, ...]
) -> None:
    valid = [v for v in vectors if v.expect in VALID]
    assert valid
    for vector in valid:
        operation = contract.api.operation(vector.operation_id)
        assert vector.raw_body is None
        assert contract.request_violations(operation, vector.body) == [], vector.name
        assert stock_validator(contract, vector.operation_id).is_valid(vector.body), vector.name


def test_malformed_bodies_are_not_json_objects(
    contract: Contract, vectors: tuple[Vector, ...]
) -> None:
    for operation in contract.operations:
        raw = [v for v in of(vectors, operation.operation_id) if v.raw_body is not None]
        parsed: list[Any] = []
        for vector in raw:
            assert vector.rule == "field_types_enforced"
            assert vector.expect is Expect.REJECTED
            try:
                parsed.append(json.loads(vector.raw_body or b""))
            except ValueError:
                parsed.append("not JSON")
        assert parsed.count("not JSON") == 3  # form-encoded, empty, truncated
        assert b"" in [v.raw_body for v in raw]
        assert any(isinstance(value, list) for value in parsed)
        assert None in parsed
        base = json.dumps(base_body(contract, operation), ensure_ascii=False).encode()
        truncated = [v.raw_body for v in raw if v.name == "body: truncated JSON"]
        assert truncated
        assert truncated[0] is not None
        assert base.startswith(truncated[0].rstrip())


def test_auth_vectors_try_every_wrong_credential_on_a_valid_body(
    contract: Contract, vectors: tuple[Vector, ...]
) -> None:
    for operation in contract.operations:
        auth = [v for v in of(vectors, operation.operation_id) if v.rule == "auth_required"]
        assert {v.auth for v in auth} == set(Auth) - {Auth.VALID}
        for vector in auth:
            assert vector.expect is Expect.UNAUTHORIZED
            assert contract.request_is_valid(operation, vector.body)  # only the key is wrong


def test_live_auth_vectors_carry_a_body_the_spec_forbids(contract: Contract) -> None:
    live = build_vectors(contract, live=True)
    auth = [v for v in live if v.expect is Expect.UNAUTHORIZED]
    assert len(auth) == 6 * len(contract.operations)
    for vector in auth:
        operation = contract.api.operation(vector.operation_id)
        assert contract.request_violations(operation, vector.body), vector.name
        assert not stock_validator(contract, vector.operation_id).is_valid(vector.body)
    others = [v for v in build_vectors(contract) if v.expect is not Expect.UNAUTHORIZED]
    assert [v for v in live if v.expect is not Expect.UNAUTHORIZED] == others


def test_phone_numbers_stay_fictional_unless_probed(
    contract: Contract, vectors: tuple[Vector, ...]
) -> None:
    """A number a vector could dial is one of the spec's fictional examples, except the pattern
    boundaries a valid vector probes (and a run then never rewrites or sends them live)."""
    probed = 0
    for vector in with_body(vectors):
        operation = contract.api.operation(vector.operation_id)
        broken = {
            violation.field for violation in contract.request_violations(operation, vector.body)
        }
        for path in operation.phone_paths:
            for concrete, value in values_at(vector.body, path):
                dialable = isinstance(value, str) and ".".join(concrete) not in broken
                if dialable and not FICTIONAL.fullmatch(value):
                    assert path in vector.probes, (vector.name, value)
                    assert vector.expect in VALID, (vector.name, value)
                    probed += 1
    has_phones = any(operation.phone_paths for operation in contract.operations)
    assert (probed > 0) == has_phones


def test_probes_name_the_replaceable_values_a_valid_vector_is_about(
    contract: Contract, vectors: tuple[Vector, ...]
) -> None:
    for vector in vectors:
        operation = contract.api.operation(vector.operation_id)
        replaceable = set(operation.phone_paths) | {path for path, _ in operation.account_paths}
        assert set(vector.probes) <= replaceable, vector.name
    for operation in contract.operations:
        for path in operation.phone_paths:
            edges = [
                v
                for v in of(vectors, operation.operation_id, Expect.ACCEPTED)
                if "match of the pattern" in v.name
                and v.name.split(":")[0].split(".")[-1] == path[-1]
            ]
            assert len(edges) == 2, path
            assert all(path in v.probes for v in edges), path
        examples = [
            v
            for v in of(vectors, operation.operation_id, Expect.ACCEPTED)
            if "spec example" in v.name
        ]
        assert all(not v.probes for v in examples)


def test_vectors_are_deterministic_unique_and_rejecting_first(
    contract: Contract, vectors: tuple[Vector, ...]
) -> None:
    assert build_vectors(contract) == vectors
    keys = [(v.operation_id, v.rule, v.name) for v in vectors]
    assert len(keys) == len(set(keys))
    sent = [
        (v.operation_id, v.auth, v.raw_body, json.dumps(v.body, sort_keys=True)) for v in vectors
    ]
    assert len(sent) == len(set(sent))
    expects = [v.expect for v in vectors]
    first_valid = min(i for i, e in enumerate(expects) if e in VALID)
    assert first_valid > 0
    assert all(e in VALID for e in expects[first_valid:])
    assert len({v.operation_id for v in vectors[:first_valid]}) == len(contract.operations)
    for vector in vectors:
        label, _, what = vector.name.partition(": ")
        assert label, vector.name
        assert what, vector.name


def test_the_first_accepted_vector_is_the_base_body(
    contract: Contract, vectors: tuple[Vector, ...]
) -> None:
    """A run takes it as the operation's plain valid request (for concurrency, say)."""
    for operation in contract.operations:
        first = of(vectors, operation.operation_id, Expect.ACCEPTED)[0]
        assert first.body == base_body(contract, operation)
        assert not first.probes


def test_every_operation_with_a_body_gets_every_family(
    contract: Contract, vectors: tuple[Vector, ...]
) -> None:
    for operation in contract.operations:
        rules = {v.rule for v in of(vectors, operation.operation_id)}
        assert {"auth_required", "required_fields_enforced", "field_types_enforced"} <= rules
        assert "boundary_values_accepted" in rules


def digest(vectors: tuple[Vector, ...]) -> str:
    """One hash of everything a run would send and judge."""
    shown: list[object] = [
        (v.rule, v.name, v.operation_id, json.dumps(v.body, sort_keys=True), v.raw_body, v.probes)
        for v in vectors
    ]
    shown += [(v.expect, v.auth, v.content_type) for v in vectors]
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def test_the_same_vectors_under_another_hash_seed() -> None:
    """Generation does not depend on set or dict hashing (PYTHONHASHSEED)."""
    script = (
        "from contract_tests.contract import Contract\n"
        "from contract_tests.vectors import build_vectors\n"
        "from tests.contract.test_vectors import digest\n"
        "print(digest(build_vectors(Contract.load())))\n"
    )
    digests = set()
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(result.stdout.strip())
    assert digests == {digest(build_vectors(Contract.load()))}


# --- the project's spec: what each family covers ---------------------------------------------


def test_volume_suits_one_run(project: Contract) -> None:
    assert MIN_VECTORS <= len(build_vectors(project)) <= MAX_VECTORS


def test_base_body_is_the_first_valid_example(project: Contract) -> None:
    for operation in project.operations:
        assert operation.request is not None
        assert base_body(project, operation) == operation.request.examples[0][1]


def test_each_required_field_is_left_out_and_the_empty_object_sent(project: Contract) -> None:
    vectors = build_vectors(project)
    for operation in project.operations:
        bodies = [
            v.body
            for v in of(vectors, operation.operation_id)
            if v.rule == "required_fields_enforced"
        ]
        base = base_body(project, operation)
        assert isinstance(base, dict)
        model = project.model_of(operation.request.type if operation.request else None)
        assert model is not None
        for field in model.fields:
            if field.required:
                assert {k: v for k, v in base.items() if k != field.name} in bodies
        assert {} in bodies


def test_every_field_at_every_depth_gets_other_types_and_null(project: Contract) -> None:
    vectors = build_vectors(project)
    for operation in project.operations:
        assert operation.request is not None
        typed = [
            v
            for v in of(vectors, operation.operation_id)
            if v.rule == "field_types_enforced" and v.raw_body is None
        ]
        for path in request_paths(project, operation.request.type):
            found = [value for v in typed for value in at(v, path)]
            assert None in found, path
            assert any(value is not None for value in found), path
        for vector in typed:  # 35.0 is an integer to JSON Schema: never sent as a wrong type
            assert all(not number.is_integer() for number in floats(vector.body)), vector.name


def test_phone_patterns_get_near_misses_of_every_kind(project: Contract) -> None:
    vectors = build_vectors(project)
    for operation in project.operations:
        for path in operation.phone_paths:
            misses = [
                value
                for v in of(vectors, operation.operation_id, Expect.REJECTED)
                if v.rule == "e164_numbers"
                for value in at(v, path)
                if isinstance(value, str) and not FICTIONAL.fullmatch(value)
            ]
            assert 10 <= len(misses) <= 24, path
            assert any(value.endswith("\n") for value in misses)
            assert any(value != value.strip(" ") for value in misses)
            assert any(any("\u0660" <= char <= "\u0669" for char in value) for value in misses)
            assert any(any("\uff10" <= char <= "\uff19" for char in value) for value in misses)
            assert "" in misses
            assert any(len(value) == 2 for value in misses)  # one digit: the shortest match cut
            assert any(len(value) == 17 for value in misses)  # 16 digits: the longest grown


def test_boundaries_cover_examples_optional_fields_and_free_form_content(project: Contract) -> None:
    vectors = build_vectors(project)
    for operation in project.operations:
        assert operation.request is not None
        accepted = [v.body for v in of(vectors, operation.operation_id, Expect.ACCEPTED)]
        for _, example in operation.request.examples:
            assert example in accepted
        base = base_body(project, operation)
        assert isinstance(base, dict)
        model = project.model_of(operation.request.type)
        assert model is not None
        for field in model.fields:
            if field.name not in base:
                assert any(set(body) == {*base, field.name} for body in accepted), field.name
            kind = field.type
            if isinstance(kind, AnyValue) and kind.object_only:
                contents = [body.get(field.name) for body in accepted]
                assert {} in contents
                assert any(isinstance(c, dict) and 2**64 in c.values() for c in contents)
                assert any(
                    isinstance(c, dict) and 1.7976931348623157e308 in c.values() for c in contents
                )
                assert any(
                    isinstance(c, dict) and any(not key.isascii() for key in c) for c in contents
                )
            if isinstance(kind, MapOf):
                assert {} in [body.get(field.name) for body in accepted]
        assert any(
            set(body) - {f.name for f in model.fields} for body in accepted
        )  # unknown property


def test_large_bodies_fill_each_free_form_object(project: Contract) -> None:
    vectors = build_vectors(project)
    for operation in project.operations:
        assert operation.request is not None
        model = project.model_of(operation.request.type)
        assert model is not None
        handled = [
            v
            for v in of(vectors, operation.operation_id, Expect.HANDLED)
            if v.rule == "large_bodies_handled"
        ]
        for field in model.fields:
            if not (isinstance(field.type, AnyValue) and field.type.object_only):
                continue
            contents = [v.body[field.name] for v in handled if field.name in v.body]
            sizes = sorted(len(json.dumps(content).encode()) for content in contents)
            for minimum in FREE_FORM_MIN_BYTES:
                assert any(minimum <= size < minimum * 1.1 for size in sizes), (field.name, sizes)
            assert 32 in [depth(content) for content in contents]


def test_each_field_an_open_echo_names_is_sent_empty_and_may_be_refused(project: Contract) -> None:
    # issue 8: `override_agent_id: ""` is an open choice; a run must send it, so that a server
    # answering with the default agent, echoing "" or refusing it with a 4xx is judged at all
    vectors = build_vectors(project)
    for operation in project.operations:
        open_echoes = {echo.request: echo.rule for echo in operation.echoes if echo.empty_open}
        empties = {
            (field, v.rule): v
            for v in of(vectors, operation.operation_id, Expect.HANDLED)
            for field in open_echoes
            if v.body.get(field) in ("", {}, [])
        }
        assert ("override_agent_id", "override_agent_honoured") in empties
        vector = empties["override_agent_id", "override_agent_honoured"]
        assert vector.body["override_agent_id"] == ""
        assert project.request_is_valid(operation, vector.body)
        # the run must not fit "" to the account's agent: the empty value is the point
        assert ("override_agent_id",) in vector.probes


# --- evolved and enriched specs: the rules today's spec does not have ------------------------


def test_an_evolved_spec_gets_vectors_for_its_new_rules(evolved: Contract) -> None:
    vectors = of(build_vectors(evolved), "createWebCall")
    rejected: dict[str, list[Vector]] = {v.rule: [] for v in vectors}
    for vector in vectors:
        rejected[vector.rule].append(vector)
    speed = ("agent_override", "voice_speed")
    bounds = [value for v in rejected["bounds_enforced"] for value in at(v, speed)]
    assert 0 in bounds
    assert 11 in bounds
    enums = [
        value
        for v in rejected["enums_enforced"]
        for value in at(v, ("agent_override", "voice_model"))
    ]
    assert "STANDARD" in enums
    assert "" in enums
    assert rejected["closed_objects_enforced"]
    assert [v.body["agent_id"] for v in rejected["lengths_enforced"]] == [""]
    rule = rejected["premium_speed"]
    assert len(rule) == 2
    assert all(v.expect is Expect.REJECTED for v in rule)
    cross = [v for v in vectors if v.name.startswith("agent_override: premium_speed")]
    sides = {v.name.split("premium_speed: ")[1]: v for v in cross}
    assert set(sides) == {
        "the if holds and then is broken",
        "the if holds and then is kept",
        "the if does not hold and else is broken",
        "the if does not hold and else is kept",
    }
    assert sides["the if holds and then is kept"].expect is Expect.ACCEPTED
    accepted = [v for v in vectors if v.expect is Expect.ACCEPTED]
    models = [value for v in accepted for value in at(v, ("agent_override", "voice_model"))]
    assert {"standard", "premium"} <= set(models)
    speeds = [value for v in accepted for value in at(v, speed)]
    assert 1 in speeds
    assert 10 in speeds
    wrong = [value for v in vectors if v.rule == "field_types_enforced" for value in at(v, speed)]
    assert any(isinstance(value, float) and not value.is_integer() for value in wrong)
    assert "10" in wrong or "1" in wrong  # a numeric string, not coerced
    required = [v.body for v in vectors if v.rule == "required_fields_enforced"]
    assert {"agent_id": AGENT, "agent_override": {}} in required  # nested, its parent in the base
    assert all(not v.probes or v.probes == (("agent_id",),) for v in vectors)


def test_an_enriched_spec_gets_vectors_for_every_keyword(tmp_path: Path) -> None:
    contract = Contract.load(write_spec(tmp_path, enrich))
    vectors = build_vectors(contract)
    batch = of(vectors, "createBatchCall")
    rules = {v.rule for v in batch}
    assert {
        "formats_enforced",
        "consts_enforced",
        "closed_objects_enforced",
        "patterns_enforced",
    } <= rules
    assert {"bounds_enforced", "lengths_enforced", "e164_numbers"} <= rules
    # the first example has no task (minItems 1): the base is the second one
    operation = contract.api.operation("createBatchCall")
    assert operation.request is not None
    assert base_body(contract, operation) == operation.request.examples[1][1]
    stamps = {
        value
        for v in batch
        if v.rule == "bounds_enforced"
        for value in at(v, ("trigger_timestamp",))
    }
    assert 0 in stamps
    assert any(isinstance(s, int) and s % 1000 for s in stamps)
    priority = {
        value for v in batch if v.rule == "bounds_enforced" for value in at(v, ("priority",))
    }
    assert {-1, 1} <= priority
    nested = [v for v in batch if v.rule == "e164_numbers" and at(v, ("tasks", "*", "to_number"))]
    assert any(v.body["tasks"][0]["to_number"].endswith("\n") for v in nested)
    assert any(
        ("tasks", "*", "to_number") in v.probes for v in batch if v.expect is Expect.ACCEPTED
    )
    assert {"from_number": "+14155550100", "tasks": [{}], "kind": "batch"} in [
        v.body for v in batch
    ]
    # without examples the base is synthesised, its number borrowed from the spec's examples
    register = contract.api.operation("registerPhoneCall")
    base = base_body(contract, register)
    assert isinstance(base, dict)
    assert FICTIONAL.fullmatch(base["from_number"])
    assert contract.request_is_valid(register, base)
    accepted = [v.body for v in of(vectors, "registerPhoneCall", Expect.ACCEPTED)]
    assert base in accepted  # the synthesised body itself, as the examples would be
    assert {body.get("mode") for body in accepted} >= {"a", "b"}  # each enum value


def test_an_unsatisfiable_request_schema_is_refused_naming_the_operation(tmp_path: Path) -> None:
    def impossible(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["Impossible"] = {
            "type": "object",
            "required": ["code"],
            "properties": {"code": {"type": "string", "minLength": 5, "maxLength": 2}},
        }
        spec["paths"]["/v2/impossible"] = _operation(
            "createImpossible", "Impossible", {"bad": {"code": "x"}}
        )

    contract = Contract.load(write_spec(tmp_path, impossible))
    with pytest.raises(ValueError, match=r"POST /v2/impossible \(createImpossible\)"):
        build_vectors(contract)


def test_operations_out_of_scope_get_no_vectors(project: Contract) -> None:
    first = project.operations[0].operation_id
    scoped = Contract.load(operation_ids=(first,))
    assert {v.operation_id for v in build_vectors(scoped)} == {first}


# --- pattern edges and near-misses -----------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "shortest", "longest"),
    [
        (r"^\+[1-9][0-9]{1,14}$", "+10", "+999999999999999"),
        (r"^[a-z]{2,3}-\d$", "aa-0", "zzz-9"),
        (r"^(ab|c)x?$", "c", "abx"),
        (r"^[^0-9]{2}$", "aa", "aa"),
        (r"^a+$", "a", None),  # unbounded: no longest match
        (r"abc", "abc", None),  # not anchored: no longest match
        (r"^(?=a)a$", None, None),  # lookahead: not handled
        (r"^a\b$", None, None),  # word boundary: not handled
    ],
)
def test_pattern_edges(pattern: str, shortest: str | None, longest: str | None) -> None:
    assert shortest_match(pattern) == shortest
    assert longest_match(pattern) == longest


def test_near_misses_are_single_edits_of_the_valid_string() -> None:
    misses = {what: edited for _, what, edited in near_misses("+14155550100")}
    assert misses["a trailing newline"] == "+14155550100\n"
    assert misses["surrounding spaces"] == " +14155550100 "
    assert misses["a digit replaced by an Arabic-Indic digit"] == "+\u06614155550100"
    assert misses["digits replaced by fullwidth digits"].startswith("+\uff11\uff14")
    assert misses["first character removed"] == "14155550100"
    assert misses["last character doubled"] == "+141555501000"
    assert misses["second character replaced by '0'"] == "+04155550100"  # a leading zero
    assert all(edited != "+14155550100" for edited in misses.values())


# --- the code: no spec content ---------------------------------------------------------------


def _string_literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }


def test_no_field_name_path_or_operation_of_the_spec_in_the_code(project: Contract) -> None:
    api = project.api
    spec_strings = {op.operation_id for op in api.operations} | {op.path for op in api.operations}
    spec_strings |= {field.name for model in api.models for field in model.fields}
    spec_strings |= set(api.rules) | {value for enum in api.enums for value in enum.values}
    for operation in api.operations:  # the examples' own values (numbers, agent ids)
        for _, example in operation.request.examples if operation.request else ():
            if isinstance(example, dict):
                spec_strings |= {value for value in example.values() if isinstance(value, str)}
    sources = [
        *sorted((ROOT / "contract_tests" / "vectors").glob("*.py")),
        ROOT / "contract_tests" / "strategies.py",
    ]
    for source in sources:
        found = _string_literals(source) & spec_strings
        assert not found, (source.name, sorted(found))
