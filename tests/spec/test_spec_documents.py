"""The spec is a valid OpenAPI 3.1 document, and every example in it obeys its own schema.

Validity is judged by the loader the IR itself uses (`generator.load.load_spec`, which runs
openapi-spec-validator). Body examples come from the IR; the examples of component schemas
and the operations' security requirements, which the IR does not carry, come from the same
loaded document.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.ir import SPEC_PATH
from generator.load import Spec, load_spec
from tests.spec.views import (
    API,
    DEFS,
    BodyUse,
    body_uses,
    first_violation,
    model_named,
    model_of,
    pointer_to,
    stock_errors,
    stock_validator,
    type_label,
)

ERROR_MODEL = "ErrorResponse"  # the error body's model (never `Error`: clients export errors)
BODIES = body_uses()


@cache
def _document() -> Spec:
    return load_spec(SPEC_PATH)


def test_spec_is_a_valid_openapi_3_1_document() -> None:
    assert str(_document().document["openapi"]).startswith("3.1.")


def test_validation_view_is_a_valid_2020_12_schema_naming_every_body() -> None:
    Draft202012Validator.check_schema({"$defs": DEFS})
    for use in BODIES:
        assert use.body.schema in DEFS, use.label
    for model in API.models:
        assert model.name in DEFS, model.name


@pytest.mark.parametrize("use", BODIES, ids=[use.label for use in BODIES])
def test_every_request_and_response_body_has_an_example(use: BodyUse) -> None:
    assert use.body.examples


EXAMPLES = [(use, name, value) for use in BODIES for name, value in use.body.examples]


@pytest.mark.parametrize(
    ("use", "value"),
    [(use, value) for use, _, value in EXAMPLES],
    ids=[f"{use.label} example {name!r}" for use, name, _ in EXAMPLES],
)
def test_body_example_obeys_its_schema(use: BodyUse, value: object) -> None:
    assert stock_errors(use.body.schema, value) == []
    assert first_violation(use.body.schema, value) is None


def _schema_examples() -> Iterator[Any]:
    """(component, path inside it, example) for every `examples` entry of a component schema,
    at any depth (a property's examples too)."""
    schemas = _document().document["components"]["schemas"]
    for component, node in schemas.items():
        for inside, found in _walk(node, ()):
            for index, example in enumerate(found.get("examples") or []):
                label = "/".join((component, *inside, f"examples/{index}"))
                yield pytest.param(component, inside, example, id=label)


def _walk(node: Any, inside: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every subschema of a schema node, with its path (the validation view keeps the same
    shape, so the path leads to the same subschema there)."""
    if not isinstance(node, dict):
        return
    yield inside, node
    for name, value in (node.get("properties") or {}).items():
        yield from _walk(value, (*inside, "properties", str(name)))
    for key in ("additionalProperties", "items", "not", "if", "then", "else"):
        yield from _walk(node.get(key), (*inside, key))
    for key in ("allOf", "anyOf", "oneOf"):
        for index, item in enumerate(node.get(key) or []):
            yield from _walk(item, (*inside, key, str(index)))


SCHEMA_EXAMPLES = list(_schema_examples())


def test_the_spec_has_schema_examples_to_check() -> None:
    """The reusable E.164 schema shows a number; the test below must have rows to run."""
    assert SCHEMA_EXAMPLES


@pytest.mark.parametrize(("component", "inside", "example"), SCHEMA_EXAMPLES)
def test_schema_example_obeys_its_schema(
    component: str, inside: tuple[str, ...], example: object
) -> None:
    errors = list(stock_validator(pointer_to(component, *inside)).iter_errors(example))
    assert [error.message for error in errors] == []
    if not inside:
        assert first_violation(component, example) is None


def test_every_operation_requires_bearer_auth() -> None:
    document = _document().document
    schemes = document["components"]["securitySchemes"]
    assert API.auth_header == "Authorization"
    for op in API.operations:
        required = document["paths"][op.path][op.method.lower()].get(
            "security", document["security"]
        )
        assert required, f"{op.label} requires no authentication"
        for requirement in required:
            for name in requirement:
                assert (schemes[name]["type"], schemes[name]["scheme"]) == ("http", "bearer")


def test_every_error_body_is_the_error_model() -> None:
    assert ERROR_MODEL in [model.name for model in API.models]
    assert "Error" not in [model.name for model in API.models]
    for op in API.operations:
        assert op.errors, op.label
        for response in op.errors:
            assert response.body is not None, f"{op.label} {response.status}"
            model = model_of(response.body.type)
            assert model is not None
            assert (model.name, response.body.schema) == (ERROR_MODEL, ERROR_MODEL)


def test_the_error_model_carries_a_required_message() -> None:
    """Every error answer says what went wrong: its one required field is a string."""
    model = model_named(ERROR_MODEL)
    assert [type_label(field.type) for field in model.fields if field.required] == ["string"]
