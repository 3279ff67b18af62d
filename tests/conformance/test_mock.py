"""The mock server (mock_server.create_app under running_server, over HTTP on 127.0.0.1)
against every vector that applies to a server."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from mock_server import create_app, running_server
from tests.conformance.mock_runner import run_server_vector
from tests.conformance.vectors import API_KEY, Vector, suite
from tests.conformance.verdict import verdict


@pytest.fixture(scope="module")
def mock() -> Iterator[httpx.Client]:
    with running_server(create_app(api_key=API_KEY)) as url, httpx.Client(base_url=url) as client:
        yield client


@pytest.mark.parametrize("vector", suite().server(), ids=lambda vector: vector["id"])
def test_mock_server(mock: httpx.Client, vector: Vector) -> None:
    verdict("mock", vector, run_server_vector(mock, suite(), vector))
