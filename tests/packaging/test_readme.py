"""Numbers the top-level README states that the code decides."""

from __future__ import annotations

import re

from contract_tests.mutants import MUTANTS
from tests.packaging.helpers import ROOT


def test_the_readme_states_the_number_of_mutants() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    counts = re.findall(r"\b(\d+) deliberately faulty variants\b", readme)
    assert counts, (
        "README.md: say how many mutants `make mutants` runs (N deliberately faulty variants)"
    )
    assert {int(count) for count in counts} == {len(MUTANTS)}, (
        f"README.md says {', '.join(counts)} deliberately faulty variants; "
        f"contract_tests.mutants has {len(MUTANTS)}"
    )
