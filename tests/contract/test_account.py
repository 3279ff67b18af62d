"""The tested account (`--from-number`, `--agent-id`): no false failure against a correct
server that answers 422 to numbers and agents the account does not have."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from rich.console import Console

from contract_tests import cli
from contract_tests.account import Account
from contract_tests.vector_runner import VectorRunner
from contract_tests.vectors import NUMBER_PROBES, all_vectors
from mock_server import create_app, running_server
from tests.contract.conftest import TEST_KEY

MANAGED, AGENT = "+14155550100", "agent_b"
RUN = ["--max-examples", "8", "--seed", "11"]


def _main(argv: list[str]) -> tuple[int, str]:
    buffer = io.StringIO()
    code = cli.main(argv, console=Console(file=buffer, width=200))
    return code, buffer.getvalue()


@pytest.fixture(scope="module")
def strict_url() -> Iterator[str]:
    """A correct server in strict mode: one managed number (agent_a) and one more agent."""
    app = create_app(api_key=TEST_KEY, managed_numbers={MANAGED: "agent_a"}, agent_ids=[AGENT])
    with running_server(app) as url:
        yield url


def test_strict_server_is_compliant_given_its_number_and_agent(strict_url: str) -> None:
    account = ["--from-number", MANAGED, "--agent-id", AGENT]
    code, out = _main(["--base-url", strict_url, "--api-key", TEST_KEY, *account, *RUN])
    assert code == cli.EXIT_COMPLIANT, out
    assert "COMPLIANT: 0 findings" in out
    assert "skipped (they probe number formats such as '+12'" in out
    assert f"--from-number {MANAGED} --agent-id {AGENT}" in out  # the rerun command keeps them


def test_strict_server_is_compliant_given_only_its_number(strict_url: str) -> None:
    """Without --agent-id, overrides are dropped from valid requests (and not expected)."""
    code, out = _main(
        ["--base-url", strict_url, "--api-key", TEST_KEY, "--from-number", MANAGED, *RUN]
    )
    assert code == cli.EXIT_COMPLIANT, out


def test_strict_server_without_the_account_gets_findings(strict_url: str) -> None:
    """Why the options exist: without them, valid requests use numbers nobody manages."""
    code, out = _main(["--base-url", strict_url, "--api-key", TEST_KEY, *RUN])
    assert code == cli.EXIT_VIOLATIONS
    assert "FAIL boundary_values_accepted" in out
    assert "is not a number managed by this account" in out


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["--from-number", "4155550100"], "--from-number must be an E.164 number"),
        (["--from-number", "+14155550100\n"], "--from-number must be an E.164 number"),
        (["--agent-id", " "], "--agent-id must not be empty"),
    ],
)
def test_bad_account_is_misuse(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = _main(["--api-key", TEST_KEY, *argv])
    err = capsys.readouterr().err.strip()
    assert code == cli.EXIT_USAGE
    assert len(err.splitlines()) == 1
    assert complaint in err


def test_fit_sets_the_number_and_the_agent() -> None:
    body = {"from_number": "+12", "to_number": "+98", "override_agent_id": "x", "metadata": {}}
    assert Account(MANAGED, AGENT).fit(body) == body | {
        "from_number": MANAGED,
        "override_agent_id": AGENT,
    }
    dropped = Account(MANAGED).fit(body)
    assert "override_agent_id" not in dropped
    assert dropped["from_number"] == MANAGED
    assert Account().fit(body) is body
    assert Account(agent_id=AGENT).fit({"to_number": "+98"}) == {"to_number": "+98"}


def test_vectors_fit_the_account_and_skip_number_probes(strict_url: str) -> None:
    runner = VectorRunner(strict_url, TEST_KEY, account=Account(MANAGED, AGENT))
    outcome = runner.run(all_vectors())
    assert outcome.findings == [], [finding.message for finding in outcome.findings]
    assert {vector.name for vector in runner.skipped} == set(NUMBER_PROBES)
    assert outcome.judged[("override_agent_honoured", "POST /v2/create-phone-call")] > 0
