"""Fixtures: one mock server for the whole session, and clients for it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from mock_server import DEFAULT_API_KEY, CallStore, create_app, running_server

V2 = "/v2/create-phone-call"
V1 = "/create-phone-call"
FROM = "+14157774444"
TO = "+12137774445"
AUTH = {"Authorization": f"Bearer {DEFAULT_API_KEY}"}


@pytest.fixture(scope="session")
def store() -> CallStore:
    return CallStore(max_calls=1000)


@pytest.fixture(scope="session")
def base_url(store: CallStore) -> Iterator[str]:
    with running_server(create_app(store=store)) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, headers=AUTH, timeout=10) as c:
        yield c


@pytest.fixture
def anonymous(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=10) as c:
        yield c
