"""The contract suite as plain pytest: `pytest contract_tests/test_conformance.py`.

One run of the suite (the same as `retell-contract`) per session, then one test per rule, so a
pytest report lists each rule with its findings. Target: `CONTRACT_BASE_URL` (default: a mock
started on a free loopback port), key from `RETELL_API_KEY`; `CONTRACT_MAX_EXAMPLES` and
`CONTRACT_SEED` tune the run. A non-loopback target is refused (use `retell-contract --live`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from contract_tests.checks import Judge
from contract_tests.contract import Contract
from contract_tests.fuzzing import BUILTIN_CHECKS
from contract_tests.options import SuiteOptions
from contract_tests.report import finding_lines
from contract_tests.suite import SuiteResult, run_suite
from contract_tests.target import parse_target

PYTEST_MAX_EXAMPLES = 50
RULES = sorted({*Judge(Contract.load()).rule_names, *BUILTIN_CHECKS, "documented_response"})


def _api_key() -> str:
    key = os.environ.get("RETELL_API_KEY")
    if key:
        return key
    from mock_server import DEFAULT_API_KEY

    return DEFAULT_API_KEY


@pytest.fixture(scope="session")
def contract_result() -> Iterator[SuiteResult]:
    """One run of the suite against `CONTRACT_BASE_URL` or a mock started for the session."""
    base_url = os.environ.get("CONTRACT_BASE_URL")
    examples = int(os.environ.get("CONTRACT_MAX_EXAMPLES", PYTEST_MAX_EXAMPLES))
    seed = int(os.environ.get("CONTRACT_SEED", "0"))
    if base_url is not None:
        if not parse_target(base_url).is_loopback():
            pytest.fail(
                f"refusing non-loopback {parse_target(base_url).host}: use retell-contract --live"
            )
        yield run_suite(
            SuiteOptions(base_url=base_url, api_key=_api_key(), max_examples=examples, seed=seed)
        )
        return
    from mock_server import create_app, running_server

    with running_server(create_app(api_key=_api_key())) as url:
        yield run_suite(
            SuiteOptions(base_url=url, api_key=_api_key(), max_examples=examples, seed=seed)
        )


@pytest.mark.parametrize("rule", RULES)
def test_rule(rule: str, contract_result: SuiteResult) -> None:
    findings = [finding for finding in contract_result.outcome.findings if finding.rule == rule]
    secret = contract_result.options.api_key
    assert not findings, "\n".join(line for f in findings for line in finding_lines(f, secret))


def test_no_other_finding(contract_result: SuiteResult) -> None:
    others = [finding for finding in contract_result.outcome.findings if finding.rule not in RULES]
    secret = contract_result.options.api_key
    assert not others, "\n".join(line for f in others for line in finding_lines(f, secret))
    assert not contract_result.outcome.errors, contract_result.outcome.errors
