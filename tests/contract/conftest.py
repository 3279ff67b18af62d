"""Shared fixtures: a correct mock on a loopback port, and the contract CLI run in process."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from rich.console import Console

from contract_tests import cli
from mock_server import create_app, running_server

TEST_KEY = "sk_test_H4_contract_key_93f1a"


def run_cli(argv: list[str]) -> tuple[int, str]:
    """`retell-contract argv` in this process: its exit status and everything it printed."""
    buffer = io.StringIO()
    code = cli.main(argv, console=Console(file=buffer, width=200))
    return code, buffer.getvalue()


@pytest.fixture(scope="session")
def mock_url() -> Iterator[str]:
    """A correct mock server (API key `TEST_KEY`) for the whole session."""
    with running_server(create_app(api_key=TEST_KEY)) as url:
        yield url
