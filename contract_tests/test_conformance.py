"""The contract suite as plain pytest: `pytest contract_tests/test_conformance.py`.

Target: `CONTRACT_BASE_URL` (default: a mock started on a free loopback port), key from
`RETELL_API_KEY`; `CONTRACT_MAX_EXAMPLES` and `CONTRACT_SEED` tune the run. A non-loopback
target is refused here (use `python -m contract_tests --live` for real servers).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from contract_tests.findings import Finding
from contract_tests.fuzzing import load_schema
from contract_tests.options import SuiteOptions
from contract_tests.report import finding_lines
from contract_tests.safety import refusal
from contract_tests.vector_runner import VectorRunner
from contract_tests.vectors import Vector, all_vectors

PYTEST_MAX_EXAMPLES = 50


def _api_key() -> str:
    key = os.environ.get("RETELL_API_KEY")
    if key:
        return key
    from mock_server import DEFAULT_API_KEY

    return DEFAULT_API_KEY


def _planned_options(base_url: str = "http://127.0.0.1") -> SuiteOptions:
    examples = int(os.environ.get("CONTRACT_MAX_EXAMPLES", PYTEST_MAX_EXAMPLES))
    return SuiteOptions(base_url, _api_key(), examples, int(os.environ.get("CONTRACT_SEED", "0")))


@pytest.fixture(scope="session")
def contract_options() -> Iterator[SuiteOptions]:
    """The run's options, aimed at `CONTRACT_BASE_URL` or at a mock started for the session."""
    base_url = os.environ.get("CONTRACT_BASE_URL")
    if base_url is not None:
        problem = refusal(base_url, live=False)
        if problem is not None:
            pytest.fail(problem)
        yield _planned_options(base_url)
        return
    from mock_server import create_app, running_server

    with running_server(create_app(api_key=_api_key())) as url:
        yield _planned_options(url)


# Loaded at import (Schemathesis's fixture-based lazy schema breaks on pytest 9); the base
# URL is given per call, once the session fixture knows it.
schema = load_schema(_planned_options())


@schema.parametrize()  # type: ignore[untyped-decorator]  # schemathesis's decorator is untyped
def test_schemathesis(case: Any, contract_options: SuiteOptions) -> None:
    case.call_and_validate(base_url=contract_options.base_url)


def _explain(findings: list[Finding], secret: str) -> str:
    return "\n".join(line for finding in findings for line in finding_lines(finding, secret))


@pytest.mark.parametrize(
    "vector", all_vectors(), ids=lambda vector: f"{vector.rule}-{vector.label}-{vector.name}"
)
def test_vector(vector: Vector, contract_options: SuiteOptions) -> None:
    outcome = VectorRunner(contract_options.base_url, contract_options.api_key).run([vector])
    assert not outcome.findings, _explain(outcome.findings, contract_options.api_key)
