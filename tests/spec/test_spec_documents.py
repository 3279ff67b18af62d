"""The spec is a valid OpenAPI 3.1 document and every example in it obeys its own schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from openapi_spec_validator import validate

from tests.spec._spec import load_spec, validator_for


def test_spec_is_a_valid_openapi_3_1_document() -> None:
    spec = load_spec()
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def _media_examples() -> Iterator[tuple[str, str, Any]]:
    """(where, schema pointer, example value) for every example of a request or response body."""
    spec = load_spec()
    for path, item in spec["paths"].items():
        operation = item["post"]
        bodies = [("request", operation["requestBody"])]
        bodies += [(f"response {code}", resp) for code, resp in operation["responses"].items()]
        for label, body in bodies:
            body = _deref(spec, body)
            media = body["content"]["application/json"]
            pointer = media["schema"]["$ref"].removeprefix("#")
            for name, example in media["examples"].items():
                yield f"{path} {label} example {name!r}", pointer, example["value"]


def _deref(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" not in node:
        return node
    found: Any = spec
    for part in node["$ref"].removeprefix("#/").split("/"):
        found = found[part]
    result: dict[str, Any] = found
    return result


MEDIA_EXAMPLES = list(_media_examples())


def test_every_request_and_response_body_has_an_example() -> None:
    spec = load_spec()
    wheres = {where.rsplit(" example ", 1)[0] for where, _, _ in MEDIA_EXAMPLES}
    for path, item in spec["paths"].items():
        codes = item["post"]["responses"]
        expected = {f"{path} request"} | {f"{path} response {code}" for code in codes}
        assert expected <= wheres


@pytest.mark.parametrize(
    ("pointer", "example"),
    [(pointer, example) for _, pointer, example in MEDIA_EXAMPLES],
    ids=[where for where, _, _ in MEDIA_EXAMPLES],
)
def test_body_example_obeys_its_schema(pointer: str, example: Any) -> None:
    errors = [e.message for e in validator_for(pointer).iter_errors(example)]
    assert errors == []


def _schema_examples() -> Iterator[tuple[str, Any]]:
    for name, schema in load_spec()["components"]["schemas"].items():
        for example in schema.get("examples", []):
            yield name, example


@pytest.mark.parametrize(("name", "example"), list(_schema_examples()))
def test_schema_example_obeys_its_schema(name: str, example: Any) -> None:
    assert validator_for(f"/components/schemas/{name}").is_valid(example)


def test_both_operations_require_bearer_auth() -> None:
    spec = load_spec()
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": spec["components"]["securitySchemes"]["bearerAuth"]["description"],
    }
    for item in spec["paths"].values():
        assert item["post"].get("security", spec["security"]) == [{"bearerAuth": []}]


def test_operations_ids_statuses_and_deprecation() -> None:
    paths = load_spec()["paths"]
    v2, v1 = paths["/v2/create-phone-call"]["post"], paths["/create-phone-call"]["post"]
    assert (v2["operationId"], v2.get("deprecated", False)) == ("createPhoneCall", False)
    assert (v1["operationId"], v1["deprecated"]) == ("createPhoneCallV1", True)
    assert set(v2["responses"]) == {"201", "400", "401", "402", "422", "429", "500"}
    assert set(v1["responses"]) == {"201", "400", "401", "422", "429", "500"}


def test_every_error_response_shares_the_error_schema() -> None:
    spec = load_spec()
    for item in spec["paths"].values():
        for code, response in item["post"]["responses"].items():
            if code.startswith(("4", "5")):
                schema = _deref(spec, response)["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"}
