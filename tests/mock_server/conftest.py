"""Fixtures: one mock server for the whole session, clients for it, and the IR it serves.

Paths, bodies and operations come from the IR; literal field names and values appear only
where a test states what the two real endpoints answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from generator.ir import Api, Operation, load_api
from mock_server import DEFAULT_API_KEY, CallStore, create_app, running_server

API: Api = load_api()
V2_OPERATION: Operation = API.operation("createPhoneCall")
V1_OPERATION: Operation = API.operation("createPhoneCallV1")
V2 = V2_OPERATION.path
V1 = V1_OPERATION.path
PATHS = [operation.path for operation in API.operations]
FROM = "+14157774444"
TO = "+12137774445"
AUTH = {API.auth_header: f"Bearer {DEFAULT_API_KEY}"}
ERROR_FIELD = "error_message"  # the spec's ErrorResponse carries the message here


def minimal(operation: Operation) -> dict[str, Any]:
    """The spec's first request example of the operation (a valid body)."""
    assert operation.request is not None
    assert operation.request.examples
    example = operation.request.examples[0][1]
    assert isinstance(example, dict)
    return dict(example)


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
