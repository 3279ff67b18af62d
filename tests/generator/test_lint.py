"""The committed generated package passes the repository's ruff (lint and format, Markdown
code blocks included) and mypy --strict (pydantic plugin), as `make lint` runs them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.generator.helpers import ROOT

COMMANDS = {
    "ruff-check": ["-m", "ruff", "check", "--no-cache", "generated/python"],
    "ruff-format": ["-m", "ruff", "format", "--check", "--no-cache", "generated/python"],
    "mypy-strict": ["-m", "mypy", "--no-incremental", "generated/python/retell_client"],
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_generated_package_is_clean(name: str) -> None:
    result = subprocess.run(
        [sys.executable, *COMMANDS[name]], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
