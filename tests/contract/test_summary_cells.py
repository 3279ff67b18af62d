"""The summary table counts exchanges, not distinct messages, and shows baselined pairs."""

from __future__ import annotations

from contract_tests import baseline as baselines
from contract_tests.findings import RunOutcome
from contract_tests.output.summary import summarize
from contract_tests.suite import SuiteResult
from tests.contract.data.results import V2, finding, options


def _outcome(broken: int, judged: int) -> RunOutcome:
    outcome = RunOutcome()
    for _ in range(judged):
        outcome.judge("closed_enums", V2)
    for _ in range(broken):
        outcome.add(finding())  # the same message each time: one finding
    return outcome


def test_a_cell_counts_every_exchange_that_broke_the_rule() -> None:
    """17 broken answers of 84 read "FAIL 1/84" when the 17 shared one message."""
    result = SuiteResult(options(), _outcome(broken=17, judged=84))
    assert len(result.outcome.findings) == 1
    assert summarize(result).cells[("closed_enums", V2)].text == "FAIL 17/84"


def test_a_baselined_pair_reads_known_not_ok() -> None:
    result = SuiteResult(options(), _outcome(broken=3, judged=10))
    baselines.apply(result, {("closed_enums", V2)})
    summary = summarize(result)
    assert result.outcome.findings == []
    assert summary.cells[("closed_enums", V2)].text == "known 3/10"
    assert not summary.failed("closed_enums")  # known findings do not fail the run
