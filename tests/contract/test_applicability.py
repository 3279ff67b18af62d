"""Rules are counted only where they apply; a rule that never applied is a finding; a rejected
key stops the run before it starts."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from starlette.types import ASGIApp

from contract_tests import checks, cli, spec
from contract_tests.checks import Exchange
from contract_tests.mutants.asgi import HttpRequest, HttpResponse, answer_before
from contract_tests.mutants.catalogue import MUTANTS
from contract_tests.options import SuiteOptions
from contract_tests.suite import KeyRejected, run_suite
from mock_server import create_app, running_server
from tests.contract.conftest import TEST_KEY

V1, V2 = "POST /create-phone-call", "POST /v2/create-phone-call"
RUN = ["--max-examples", "5", "--seed", "3"]


def _main(argv: list[str]) -> tuple[int, str]:
    buffer = io.StringIO()
    code = cli.main(argv, console=Console(file=buffer, width=200))
    return code, buffer.getvalue()


def test_rules_are_counted_only_where_they_apply(mock_url: str, tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    argv = ["--base-url", mock_url, "--api-key", TEST_KEY, *RUN, "--report", str(report)]
    code, out = _main(argv)
    assert code == cli.EXIT_COMPLIANT, out
    text = report.read_text()
    # v2 answers carry no audio fields: the audio rules never apply there
    for rule in ("mulaw_sample_rate", "sample_rate_range", "silence_minimum"):
        assert f"| {rule} | `{V2}` | 0 | 0 | n/a |" in text
    rows = {
        line.split("|")[1].strip(): line
        for line in text.splitlines()
        if f"`{V1}`" in line and line.startswith("| ")
    }
    judged = {rule: int(row.split("|")[3]) for rule, row in rows.items()}
    # the echo rules judge only accepted calls that carried the field: fewer than all
    assert 0 < judged["metadata_echoed"] < judged["not_a_server_error"]
    assert 0 < judged["positive_data_acceptance"] < judged["not_a_server_error"]


def test_custom_rules_skip_exchanges_they_do_not_judge() -> None:
    rejected = Exchange("/create-phone-call", {"to_number": "1"}, 400, {"error_message": "x"})
    assert checks.judgements(rejected) == []
    v2 = Exchange(
        "/v2/create-phone-call",
        {"from_number": "+14155550100", "to_number": "+14155550123"},
        201,
        {"from_number": "+14155550100", "to_number": "+14155550123", "call_status": "registered"},
    )
    applied = {name for name, _ in checks.judgements(v2)}
    assert {"numbers_echoed", "e164_numbers", "closed_enums"} <= applied
    assert not applied & {"mulaw_sample_rate", "metadata_echoed", "override_agent_honoured"}


def _refusing_metadata(app: ASGIApp) -> ASGIApp:
    """Rejects (400) every body that carries `metadata`: the echo rule never gets to judge."""

    def answer(request: HttpRequest) -> HttpResponse | None:
        document = request.json()
        if isinstance(document, dict) and "metadata" in document:
            return HttpResponse(400).with_json({"error_message": "metadata: not accepted"})
        return None

    return answer_before(app, answer)


@pytest.fixture(scope="module")
def refusing_url() -> Iterator[str]:
    with running_server(_refusing_metadata(create_app(api_key=TEST_KEY))) as url:
        yield url


def test_a_rule_that_never_applied_is_a_finding(refusing_url: str) -> None:
    result = run_suite(SuiteOptions(refusing_url, TEST_KEY, 5, 3))
    never = {
        (finding.rule, finding.operation)
        for finding in result.outcome.findings
        if finding.message.startswith("never applied")
    }
    assert ("metadata_echoed", V1) in never
    assert ("metadata_echoed", V2) in never
    assert not result.compliant


def test_expected_rules_follow_the_spec() -> None:
    v1, v2 = spec.operations()[1], spec.operations()[0]
    assert "sample_rate_range" in checks.expected_rules(v1)
    assert "sample_rate_range" not in checks.expected_rules(v2)
    assert "numbers_echoed" in checks.expected_rules(v2)  # required in PhoneCallResponse
    assert "override_agent_honoured" not in checks.expected_rules(v2, sends_overrides=False)


@pytest.mark.parametrize(("wrap", "status"), [(None, 401), ("unauthorized_as_403", 403)])
def test_a_rejected_key_exits_2_with_one_line(
    wrap: str | None, status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    app: ASGIApp = create_app(api_key=TEST_KEY)
    if wrap is not None:
        app = next(mutant for mutant in MUTANTS if mutant.name == wrap).wrap(app, TEST_KEY)
    wrong = "sk_wrong_key_for_this_server_0000"
    with running_server(app) as url:
        code, out = _main(["--base-url", url, "--api-key", wrong, *RUN])
    err = capsys.readouterr().err
    assert code == cli.EXIT_USAGE
    assert err == f"contract_tests: API key rejected by the server ({status})\n"
    assert "COMPLIANT" not in out
    assert wrong not in out + err


def test_run_suite_raises_on_a_rejected_key(mock_url: str) -> None:
    with pytest.raises(KeyRejected, match=r"\(401\)"):
        run_suite(SuiteOptions(mock_url, "not-the-key-at-all", 5, 1))
