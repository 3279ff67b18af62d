"""The IR: every schema construct the vendor's API needs, in both views, and clear refusals.

Each test writes a small spec to `tmp_path`, builds its IR with `load_api`, and checks the
typed view (what emitters turn into classes) and the validation view (what every validator
enforces, here checked with the generated Python validator and a stock JSON Schema one).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from retell_client._validation import Validator

from generator.ir import (
    AnyValue,
    Api,
    ArrayOf,
    Const,
    EnumRef,
    MapOf,
    ModelRef,
    Nullable,
    Scalar,
    UnionOf,
    load_api,
)
from generator.load import SpecError


def _spec(
    schemas: dict[str, Any], body: str = "Body", *, extra_operation: dict[str, Any] | None = None
) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": "createThing",
        "tags": ["thing"],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{body}"}}},
        },
        "responses": {
            "201": {
                "description": "ok",
                "content": {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{body}"}}
                },
            }
        },
        **(extra_operation or {}),
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/things": {"post": operation}},
        "components": {"schemas": schemas},
    }


def _api(tmp_path: Path, document: dict[str, Any]) -> Api:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return load_api(path)


def _valid(api: Api, name: str, value: object) -> bool:
    """The generated validator's verdict, which must agree with a stock 2020-12 validator."""
    document = json.loads(api.schemas_json)
    ours = Validator(document).check(name, value) is None
    stock = Draft202012Validator({**document, "$ref": f"#/$defs/{name}"}).is_valid(value)
    assert ours == stock, (name, value)
    return ours


def test_nested_objects_inline_and_by_ref_are_hoisted_models(tmp_path: Path) -> None:
    api = _api(
        tmp_path,
        _spec(
            {
                "Voice": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {"id": {"type": "string"}},
                },
                "Body": {
                    "type": "object",
                    "properties": {
                        "voice": {"$ref": "#/components/schemas/Voice"},
                        "agent_override": {
                            "type": "object",
                            "properties": {
                                "speed": {"type": "number", "exclusiveMinimum": 0, "maximum": 2},
                                "tier": {"type": "string", "enum": ["basic", "premium"]},
                            },
                        },
                    },
                },
            }
        ),
    )
    body = api.model("Body")
    assert body.field("voice").type == ModelRef("Voice")
    assert body.field("agent_override").type == ModelRef("BodyAgentOverride")
    nested = api.model("BodyAgentOverride")
    assert nested.field("tier").type == EnumRef("BodyAgentOverrideTier")
    assert api.enum("BodyAgentOverrideTier").values == ("basic", "premium")
    assert _valid(
        api, "Body", {"agent_override": {"speed": 2, "tier": "basic"}, "voice": {"id": "v"}}
    )
    assert not _valid(api, "Body", {"agent_override": {"speed": 0}})
    assert not _valid(api, "Body", {"agent_override": {"tier": "gold"}})
    assert not _valid(api, "Body", {"voice": {}})


def test_arrays_consts_maps_and_free_values(tmp_path: Path) -> None:
    api = _api(
        tmp_path,
        _spec(
            {
                "Body": {
                    "type": "object",
                    "properties": {
                        "tags": {
                            "type": "array",
                            "items": {"type": "string", "minLength": 1},
                            "minItems": 1,
                            "maxItems": 2,
                        },
                        "call_type": {"const": "web_call"},
                        "labels": {"type": "object", "additionalProperties": {"type": "integer"}},
                        "anything": {},
                        "bag": {"type": "object"},
                        "when": {"type": "string", "format": "date-time"},
                        "link": {"type": "string", "format": "uri"},
                        "step": {"type": "integer", "multipleOf": 5, "default": 10},
                    },
                }
            }
        ),
    )
    fields = {field.name: field for field in api.model("Body").fields}
    assert fields["tags"].type == ArrayOf(Scalar("string"))
    assert fields["call_type"].type == Const("web_call")
    assert fields["labels"].type == MapOf(Scalar("integer"))
    assert fields["anything"].type == AnyValue()
    assert fields["bag"].type == AnyValue(object_only=True)
    assert fields["step"].has_default
    assert fields["step"].default == 10
    assert _valid(
        api, "Body", {"tags": ["a"], "call_type": "web_call", "labels": {"a": 35.0}, "step": 15}
    )
    bad: dict[str, Any]
    for bad in (
        {"tags": []},
        {"tags": ["a", "b", "c"]},
        {"tags": [""]},
        {"call_type": "phone_call"},
        {"labels": {"a": "35"}},
        {"labels": {"a": True}},
        {"bag": []},
        {"step": 12},
    ):
        assert not _valid(api, "Body", bad), bad
    validator = Validator(json.loads(api.schemas_json))
    assert validator.check("Body", {"when": "2024-02-30T00:00:00Z"}) is not None
    assert validator.check("Body", {"link": "not a uri"}) is not None
    assert (
        validator.check("Body", {"when": "2024-02-29T00:00:00Z", "link": "https://x.example/a"})
        is None
    )


def test_unions_with_and_without_a_discriminator(tmp_path: Path) -> None:
    cat = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"const": "cat"}, "lives": {"type": "integer"}},
    }
    dog = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"const": "dog"}, "barks": {"type": "boolean"}},
    }
    api = _api(
        tmp_path,
        _spec(
            {
                "Cat": cat,
                "Dog": dog,
                "Body": {
                    "type": "object",
                    "properties": {
                        "pet": {
                            "oneOf": [
                                {"$ref": "#/components/schemas/Cat"},
                                {"$ref": "#/components/schemas/Dog"},
                            ],
                            "discriminator": {
                                "propertyName": "kind",
                                "mapping": {
                                    "cat": "#/components/schemas/Cat",
                                    "dog": "#/components/schemas/Dog",
                                },
                            },
                        },
                        "implicit": {
                            "oneOf": [
                                {"$ref": "#/components/schemas/Cat"},
                                {"$ref": "#/components/schemas/Dog"},
                            ],
                            "discriminator": {"propertyName": "kind"},
                        },
                        "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                        "maybe": {"type": ["string", "null"]},
                        "or_null": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
                    },
                },
            }
        ),
    )
    fields = {field.name: field for field in api.model("Body").fields}
    pet = fields["pet"].type
    assert isinstance(pet, UnionOf)
    assert pet.discriminator is not None
    assert pet.discriminator.mapping == (("cat", "Cat"), ("dog", "Dog"))
    implicit = fields["implicit"].type
    assert isinstance(implicit, UnionOf)
    assert implicit.discriminator is not None
    assert implicit.discriminator.mapping == (("cat", "Cat"), ("dog", "Dog"))
    assert fields["either"].type == UnionOf((Scalar("string"), Scalar("integer")), "anyOf")
    assert fields["maybe"].type == Nullable(Scalar("string"))
    assert fields["or_null"].type == Nullable(Scalar("integer"))
    assert _valid(
        api, "Body", {"pet": {"kind": "dog", "barks": True}, "maybe": None, "or_null": None}
    )
    assert not _valid(api, "Body", {"pet": {"kind": "cow"}})
    assert not _valid(api, "Body", {"pet": {"kind": "cat", "lives": "9"}})
    assert not _valid(api, "Body", {"either": 1.5})
    found = Validator(json.loads(api.schemas_json)).check("Body", {"pet": {"kind": "cow"}})
    assert found is not None
    assert (found.field, found.keyword) == ("pet.kind", "discriminator")


def test_all_of_merges_or_refines(tmp_path: Path) -> None:
    api = _api(
        tmp_path,
        _spec(
            {
                "Base": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "string"},
                        "state": {"type": "string", "enum": ["a", "b"]},
                    },
                },
                "Body": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Base"},
                        {
                            "type": "object",
                            "required": ["extra"],
                            "properties": {"extra": {"type": "boolean"}},
                        },
                    ]
                },
            },
            extra_operation={
                "responses": {
                    "201": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "allOf": [
                                        {"$ref": "#/components/schemas/Base"},
                                        {
                                            "x-rule": "only_a",
                                            "properties": {"state": {"const": "a"}},
                                        },
                                    ]
                                }
                            }
                        },
                    }
                }
            },
        ),
    )
    body = api.model("Body")
    assert [field.name for field in body.fields] == ["id", "state", "extra"]
    assert [field.required for field in body.fields] == [True, False, True]
    operation = api.operations[0]
    assert operation.success.body is not None
    assert operation.success.body.type == ModelRef("Base")  # refined, not a new model
    assert operation.success.body.schema == "createThing:201"
    assert "only_a" in api.rules
    assert _valid(api, "createThing:201", {"id": "x", "state": "a"})
    assert not _valid(api, "createThing:201", {"id": "x", "state": "b"})


def test_additional_properties_true_false_or_a_schema(tmp_path: Path) -> None:
    api = _api(
        tmp_path,
        _spec(
            {
                "Body": {
                    "type": "object",
                    "properties": {
                        "open": {"type": "object", "properties": {"a": {"type": "string"}}},
                        "closed": {
                            "type": "object",
                            "properties": {"a": {"type": "string"}},
                            "additionalProperties": False,
                        },
                        "typed": {
                            "type": "object",
                            "properties": {"a": {"type": "string"}},
                            "additionalProperties": {"type": "integer"},
                        },
                    },
                }
            }
        ),
    )
    assert api.model("BodyOpen").additional is True
    assert api.model("BodyClosed").additional is False
    assert api.model("BodyTyped").additional == Scalar("integer")
    assert _valid(api, "Body", {"open": {"z": [1]}, "closed": {"a": "x"}, "typed": {"z": 1}})
    assert not _valid(api, "Body", {"closed": {"z": 1}})
    assert not _valid(api, "Body", {"typed": {"z": "1"}})


def test_if_then_else_with_any_subschema_and_its_rule_name(tmp_path: Path) -> None:
    api = _api(
        tmp_path,
        _spec(
            {
                "Body": {
                    "type": "object",
                    "properties": {
                        "ignore_e164_validation": {"type": "boolean"},
                        "from_number": {"type": "string"},
                    },
                    "allOf": [
                        {
                            "x-rule": "e164_unless_ignored",
                            "if": {
                                "required": ["ignore_e164_validation"],
                                "properties": {"ignore_e164_validation": {"const": True}},
                            },
                            "then": {"properties": {"from_number": {"minLength": 1}}},
                            "else": {
                                "properties": {"from_number": {"pattern": "^\\+[1-9][0-9]{1,14}$"}}
                            },
                        }
                    ],
                }
            }
        ),
    )
    assert api.model("Body").rules == ("e164_unless_ignored",)
    assert _valid(api, "Body", {"ignore_e164_validation": True, "from_number": "sip:alice"})
    assert not _valid(api, "Body", {"from_number": "sip:alice"})
    found = Validator(json.loads(api.schemas_json)).check("Body", {"from_number": "sip:alice"})
    assert found is not None
    assert (found.field, found.rule, found.keyword) == (
        "from_number",
        "e164_unless_ignored",
        "pattern",
    )


def test_integers_as_json_schema_means_them(tmp_path: Path) -> None:
    api = _api(
        tmp_path,
        _spec({"Body": {"type": "object", "properties": {"n": {"type": "integer", "minimum": 1}}}}),
    )
    assert _valid(api, "Body", {"n": 35.0})
    assert not _valid(api, "Body", {"n": "35"})
    assert not _valid(api, "Body", {"n": True})
    assert not _valid(api, "Body", {"n": 35.5})


def test_the_extensions_reach_the_operations(tmp_path: Path) -> None:
    document = _spec(
        {
            "Phone": {"type": "string", "x-phone-number": True, "x-rule": "phones"},
            "Body": {
                "type": "object",
                "required": ["caller"],
                "properties": {
                    "caller": {"$ref": "#/components/schemas/Phone", "x-account": "number"},
                    "to": {"type": "array", "items": {"$ref": "#/components/schemas/Phone"}},
                    "agent": {"type": "string", "x-account": "agent"},
                    "id": {"type": "string", "x-unique": "ids_unique"},
                    "flag": {"type": "boolean", "default": False},
                },
            },
        },
        extra_operation={
            "x-echo": [
                {"rule": "echoed", "response": "caller", "request": "caller"},
                {"rule": "defaults", "response": "flag", "request": "flag"},
            ]
        },
    )
    operation = _api(tmp_path, document).operations[0]
    assert operation.phone_paths == (("caller",), ("to", "*"))
    assert operation.account_paths == ((("caller",), "number"), (("agent",), "agent"))
    assert operation.unique_paths == ((("id",), "ids_unique"),)
    assert [(echo.rule, echo.has_default, echo.default) for echo in operation.echoes] == [
        ("echoed", False, None),
        ("defaults", True, False),
    ]
    assert operation.resource.snake == "thing"
    assert operation.name.snake == "create_thing"


@pytest.mark.parametrize(
    ("schemas", "says"),
    [
        (
            {
                "Body": {
                    "type": "object",
                    "properties": {"a": {"type": "string", "patternProperties": {}}},
                }
            },
            "keyword 'patternProperties' is not supported",
        ),
        (
            {"Body": {"type": "object", "properties": {"a": {"type": "string", "x-typo": 1}}}},
            "extension 'x-typo' is not supported",
        ),
        (
            {
                "Body": {
                    "type": "object",
                    "properties": {"a": {"type": "string", "format": "email"}},
                }
            },
            "format: 'email' is not checked",
        ),
        (
            {
                "Body": {
                    "type": "object",
                    "properties": {"a": {"type": "string", "pattern": "(?=x)"}},
                }
            },
            "lookaround",
        ),
        (
            {"Body": {"type": "object", "properties": {"__proto__": {"type": "string"}}}},
            "'__proto__'",
        ),
        (
            {"Body": {"type": "object", "properties": {"model_config": {"type": "string"}}}},
            "pydantic",
        ),
        ({"Body": {"type": "object", "properties": {"json": {"type": "string"}}}}, "pydantic"),
        (
            {"Body": {"type": "object", "properties": {"constructor": {"type": "string"}}}},
            "JavaScript",
        ),
        (
            {"Body": {"type": "object", "properties": {"from": {"type": "string"}}}},
            "Python keyword",
        ),
        (
            {"Body": {"type": "object", "properties": {"a-b": {"type": "string"}}}},
            "letters, digits and _",
        ),
        (
            {
                "Error": {"type": "object", "properties": {"a": {"type": "string"}}},
                "Body": {
                    "type": "object",
                    "properties": {"e": {"$ref": "#/components/schemas/Error"}},
                },
            },
            "'Error'",
        ),
        (
            {
                "Body": {
                    "type": "object",
                    "required": ["missing"],
                    "properties": {"a": {"type": "string"}},
                }
            },
            "'missing' is not a property",
        ),
        (
            {"Body": {"type": "object", "properties": {"a": {"type": ["string", "integer"]}}}},
            "only one type",
        ),
    ],
)
def test_an_unsupported_construct_is_refused_with_its_location(
    tmp_path: Path, schemas: dict[str, Any], says: str
) -> None:
    with pytest.raises(SpecError) as refused:
        _api(tmp_path, _spec(schemas))
    message = str(refused.value)
    assert says in message
    assert message.startswith(str(tmp_path / "spec.yaml") + ":")
    assert "#/components/schemas/" in message
    assert "\n" not in message
