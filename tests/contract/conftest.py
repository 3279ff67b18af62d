"""Shared fixtures: a correct mock on a loopback port, and a way to serve any ASGI app."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mock_server import create_app, running_server

TEST_KEY = "sk_test_H4_contract_key_93f1a"


@pytest.fixture(scope="session")
def mock_url() -> Iterator[str]:
    """A correct mock server (API key `TEST_KEY`) for the whole session."""
    with running_server(create_app(api_key=TEST_KEY)) as url:
        yield url
