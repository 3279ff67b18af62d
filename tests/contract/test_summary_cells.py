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


def test_a_known_pair_is_one_note_however_often_it_broke() -> None:
    """A known pair breaking on every answer once printed a note per finding (44 in a row)."""
    outcome = RunOutcome()
    for index in range(44):
        outcome.judge("closed_enums", V2)
        outcome.add(finding(message=f"case {index}: 'weird' is not an enum value"))
    result = SuiteResult(options(), outcome)
    baselines.apply(result, {("closed_enums", V2)})
    known = [note for note in result.outcome.notes if "known finding" in note]
    assert len(known) == 1
    assert "(44 exchanges)" in known[0]
    assert "case 0:" in known[0]
