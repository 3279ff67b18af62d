"""The suite also runs as plain pytest (`pytest contract_tests/test_conformance.py`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.contract.conftest import TEST_KEY

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_plain_pytest_passes_against_a_mock_it_starts() -> None:
    environment = os.environ | {"RETELL_API_KEY": TEST_KEY, "CONTRACT_MAX_EXAMPLES": "10"}
    environment.pop("CONTRACT_BASE_URL", None)
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "contract_tests/test_conformance.py",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:]
    assert " passed" in completed.stdout
    assert TEST_KEY not in completed.stdout
