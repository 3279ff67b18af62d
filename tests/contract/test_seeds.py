"""No false failure against the correct mock, whatever the seed; a default run is big enough."""

from __future__ import annotations

import pytest

from contract_tests.options import DEFAULT_MAX_EXAMPLES, SuiteOptions
from contract_tests.report import finding_lines
from contract_tests.suite import SuiteResult, run_suite
from tests.contract.conftest import TEST_KEY

SEEDS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946]
EXAMPLES_PER_SEED = 30
DEFAULT_RUN_MINIMUM_CASES = 500


def _explain(result: SuiteResult) -> str:
    lines = [
        line for finding in result.outcome.findings for line in finding_lines(finding, TEST_KEY)
    ]
    return "\n".join([*lines, *result.outcome.errors])


def test_twenty_distinct_seeds() -> None:
    assert len(set(SEEDS)) == 20


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_no_false_failure_against_the_correct_mock(mock_url: str, seed: int) -> None:
    result = run_suite(
        SuiteOptions(base_url=mock_url, api_key=TEST_KEY, max_examples=EXAMPLES_PER_SEED, seed=seed)
    )
    assert result.compliant, _explain(result)


@pytest.mark.slow
def test_default_run_passes_with_enough_cases(mock_url: str) -> None:
    result = run_suite(
        SuiteOptions(
            base_url=mock_url, api_key=TEST_KEY, max_examples=DEFAULT_MAX_EXAMPLES, seed=424242
        )
    )
    assert result.compliant, _explain(result)
    assert result.outcome.cases >= DEFAULT_RUN_MINIMUM_CASES
