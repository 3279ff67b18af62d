"""Fixtures of the generated-client tests."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

import pytest
from retell_client import _base_client

from generator.__main__ import main
from tests.generator.client_support import import_package
from tests.generator.helpers import write_spec
from tests.generator.specs import RICH


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits before retries, recorded instead of slept (sync and async clients)."""
    recorded: list[float] = []

    async def record(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(_base_client, "sleep", recorded.append)
    monkeypatch.setattr(_base_client, "async_sleep", record)
    return recorded


@pytest.fixture(scope="session")
def rich(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The package generated from specs.RICH, imported as `rich_client`."""
    directory = tmp_path_factory.mktemp("rich")
    spec = write_spec(directory, RICH)
    out = directory / "generated"
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--only", "python"]) == 0
    package = import_package(out / "python" / "retell_client", "rich_client")
    for module in ("_base_client", "models", "resources", "_models"):
        importlib.import_module(f"rich_client.{module}")
    return package


@pytest.fixture
def rich_sleeps(rich: ModuleType, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []

    async def record(seconds: float) -> None:
        recorded.append(seconds)

    base = sys.modules["rich_client._base_client"]
    monkeypatch.setattr(base, "sleep", recorded.append)
    monkeypatch.setattr(base, "async_sleep", record)
    return recorded
