"""`make mutants`: the correct mock passes and every mutant in the catalogue is killed."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from contract_tests.mutants import MUTANTS
from contract_tests.mutants.cli import main

MINIMUM_MUTANTS = 15


def test_catalogue_is_large_and_uniquely_named() -> None:
    names = [mutant.name for mutant in MUTANTS]
    assert len(names) >= MINIMUM_MUTANTS
    assert len(set(names)) == len(names)


@pytest.mark.slow
def test_every_mutant_is_killed_and_the_mock_passes() -> None:
    buffer = io.StringIO()
    code = main(Console(file=buffer, width=200))
    table = buffer.getvalue()
    assert code == 0, table
    assert "SURVIVED" not in table
    assert "FALSE FAILURE" not in table
    for mutant in MUTANTS:
        assert mutant.name in table
