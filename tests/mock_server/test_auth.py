"""Every request needs `Authorization: Bearer KEY`; anything else is 401 with an error body."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from generator.ir import Operation
from mock_server import DEFAULT_API_KEY, create_app, running_server
from tests.mock_server.conftest import API, ERROR_FIELD, V2, V2_OPERATION, minimal

OPERATIONS = {operation.operation_id: operation for operation in API.operations}


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        f"Basic {DEFAULT_API_KEY}",
        DEFAULT_API_KEY,
        f"Bearer {DEFAULT_API_KEY}x",
        f"Bearer {DEFAULT_API_KEY[:-1]}",
        f"Bearer {DEFAULT_API_KEY.upper()}",
        "Bearer wrong-key",
    ],
)
@pytest.mark.parametrize("operation", OPERATIONS.values(), ids=list(OPERATIONS))
def test_missing_or_wrong_key_is_401(
    anonymous: httpx.Client, authorization: str | None, operation: Operation
) -> None:
    headers = {} if authorization is None else {API.auth_header: authorization}
    response = anonymous.post(operation.path, json=minimal(operation), headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {
        ERROR_FIELD: f'Missing or invalid API key: send "{API.auth_header}: Bearer YOUR_API_KEY".'
    }


def test_auth_is_checked_before_the_body(anonymous: httpx.Client) -> None:
    response = anonymous.post(V2, content=b"{not json", headers={"Content-Type": "text/plain"})
    assert response.status_code == 401


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
def test_the_scheme_is_case_insensitive(anonymous: httpx.Client, scheme: str) -> None:
    headers = {API.auth_header: f"{scheme} {DEFAULT_API_KEY}"}
    assert anonymous.post(V2, json=minimal(V2_OPERATION), headers=headers).status_code == 201


@pytest.fixture(scope="module")
def custom_key_url() -> Iterator[str]:
    with running_server(create_app(api_key="s3cret-ключ")) as url:
        yield url


def test_a_custom_key_replaces_the_default(custom_key_url: str) -> None:
    good = {API.auth_header.encode(): "Bearer s3cret-ключ".encode()}
    default = {API.auth_header.encode(): f"Bearer {DEFAULT_API_KEY}".encode()}
    body = minimal(V2_OPERATION)
    assert httpx.post(custom_key_url + V2, json=body, headers=good).status_code == 201
    assert httpx.post(custom_key_url + V2, json=body, headers=default).status_code == 401
