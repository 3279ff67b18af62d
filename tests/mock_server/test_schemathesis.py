"""The issue's "done when": Schemathesis with every check finds nothing against the mock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mock_server import DEFAULT_API_KEY, create_app, running_server

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
SCHEMATHESIS = Path(sys.executable).parent / "st"


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    with running_server(create_app()) as url:
        yield url


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 20261121])
def test_schemathesis_with_every_check_finds_nothing(
    mock_url: str, tmp_path: Path, seed: int
) -> None:
    command = [
        str(SCHEMATHESIS), "run", str(SPEC),
        "--url", mock_url,
        "--checks", "all",
        "-H", f"Authorization: Bearer {DEFAULT_API_KEY}",
        "--max-examples", "200",
        "--seed", str(seed),
        "--generation-database", "none",
        "--workers", "1",
        "--no-color",
    ]  # fmt: skip
    # Run from an empty directory so that no schemathesis.toml changes the checks.
    result = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=240, check=False
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout
