"""Every request needs `Authorization: Bearer KEY`; anything else is 401 with an Error body."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from mock_server import DEFAULT_API_KEY, create_app, running_server
from tests.mock_server.conftest import FROM, TO, V1, V2

BODY = {"from_number": FROM, "to_number": TO}


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
@pytest.mark.parametrize("path", [V2, V1])
def test_missing_or_wrong_key_is_401(
    anonymous: httpx.Client, authorization: str | None, path: str
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = anonymous.post(path, json=BODY, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "API key" in response.json()["error_message"]


def test_auth_is_checked_before_the_body(anonymous: httpx.Client) -> None:
    response = anonymous.post(V2, content=b"{not json", headers={"Content-Type": "text/plain"})
    assert response.status_code == 401


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
def test_the_scheme_is_case_insensitive(anonymous: httpx.Client, scheme: str) -> None:
    headers = {"Authorization": f"{scheme} {DEFAULT_API_KEY}"}
    assert anonymous.post(V2, json=BODY, headers=headers).status_code == 201


@pytest.fixture(scope="module")
def custom_key_url() -> Iterator[str]:
    with running_server(create_app(api_key="s3cret-ключ")) as url:
        yield url


def test_a_custom_key_replaces_the_default(custom_key_url: str) -> None:
    good = {b"Authorization": "Bearer s3cret-ключ".encode()}
    default = {b"Authorization": f"Bearer {DEFAULT_API_KEY}".encode()}
    assert httpx.post(custom_key_url + V2, json=BODY, headers=good).status_code == 201
    assert httpx.post(custom_key_url + V2, json=BODY, headers=default).status_code == 401
