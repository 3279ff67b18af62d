"""What every output says alike: the summary cells, the findings shown in full, the verdict
and whether the run is complete, and the details of a finding (masked and neutralised)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contract_tests.findings import RESPONSE_KEPT_BYTES, Finding
from contract_tests.masking import mask_truncated
from contract_tests.output.sanitize import decode, excerpt, safe_text, visible

if TYPE_CHECKING:
    from contract_tests.suite import SuiteResult

__all__ = [
    "Cell",
    "Summary",
    "finding_lines",
    "findings_by_pair",
    "incomplete_reason",
    "shown_findings",
    "summarize",
    "verdict_line",
]

SHOWN_PER_PAIR = 3  # findings shown in full per (rule, operation); the JUnit XML has all
MESSAGE_CHARS = 2000
BODY_CHARS = 1000

Pair = tuple[str, str]  # (rule, operation)


@dataclass(frozen=True)
class Cell:
    """A rule on an operation: the exchanges it judged and the findings it made."""

    judged: int
    failed: int  # exchanges that broke the rule
    known: int = 0  # exchanges that broke it, where a baseline lists the pair as known

    @property
    def text(self) -> str:
        for word, count in (("FAIL", self.failed), ("known", self.known)):
            if count:
                return f"{word} {count}/{self.judged}" if self.judged else f"{word} {count}"
        return f"ok {self.judged}" if self.judged else "n/a"


@dataclass(frozen=True)
class Summary:
    """Rules down, operations across; a missing cell: the rule did not run there."""

    rules: tuple[str, ...]
    operations: tuple[str, ...]
    cells: dict[Pair, Cell]

    def failed(self, rule: str) -> bool:
        return any(
            self.cells[(rule, op)].failed for op in self.operations if (rule, op) in self.cells
        )


def summarize(result: SuiteResult) -> Summary:
    """Every (rule, operation) the run put to the test or found broken; `judged` counts only
    the exchanges where the rule applied (0: it never did, "n/a")."""
    judged = result.outcome.judged
    failed = result.outcome.failed_pairs()
    known = result.outcome.known_pairs()
    pairs = result.outcome.ran | set(judged) | set(failed) | set(known)
    cells = {
        pair: Cell(judged.get(pair, 0), failed.get(pair, 0), known.get(pair, 0)) for pair in pairs
    }
    rules = tuple(sorted({rule for rule, _ in pairs}))
    operations = tuple(sorted({operation for _, operation in pairs}))
    return Summary(rules, operations, cells)


def findings_by_pair(findings: list[Finding]) -> dict[Pair, list[Finding]]:
    grouped: dict[Pair, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault((finding.rule, finding.operation), []).append(finding)
    return grouped


def shown_findings(result: SuiteResult) -> tuple[list[Finding], int]:
    """The first few findings of each (rule, operation), and how many more there are."""
    shown: list[Finding] = []
    per_pair: Counter[Pair] = Counter()
    for finding in result.outcome.findings:
        per_pair[(finding.rule, finding.operation)] += 1
        if per_pair[(finding.rule, finding.operation)] <= SHOWN_PER_PAIR:
            shown.append(finding)
    return shown, len(result.outcome.findings) - len(shown)


def incomplete_reason(result: SuiteResult) -> str | None:
    """Why the run did not do all it planned (None: it did; `--max-time` ending the fuzzing
    is what the tester asked for, not an incomplete run)."""
    if result.interrupted:
        return f"interrupted by {result.interrupted}: sending stopped at once"
    if result.incomplete:
        return result.incomplete
    if result.stopped:
        return f"sending stopped early: {result.stopped}"
    return None


def verdict_line(result: SuiteResult) -> str:
    """The verdict word first, then the counts; safe to print."""
    outcome = result.outcome
    parts = [
        f"{len(outcome.findings)} findings",
        f"{outcome.cases} cases",
        f"{result.seconds:.1f} s",
        f"seed {result.options.seed}",
    ]
    if outcome.errors:
        parts.insert(1, f"{len(outcome.errors)} suite errors")
    line = f"{result.verdict}: {', '.join(parts)}"
    reason = incomplete_reason(result)
    if reason is not None:
        line += f"; the run is incomplete ({reason})"
    if result.timed_out and result.fuzzed_cases:
        line += (
            f"; --max-time ended the fuzzing after {result.fuzzed_cases} of its "
            f"{result.planned_cases} planned cases"
        )
    return safe_text(line, result.options.api_key)


def finding_lines(finding: Finding, secret: str, body_chars: int = BODY_CHARS) -> list[str]:
    """What a reader needs to see of a finding, one safe line each (reproduction apart)."""
    lines = [
        f"FAIL {finding.rule} on {finding.operation} ({finding.source})",
        f"  rule broken: {excerpt(safe_text(finding.message, secret), MESSAGE_CHARS)}",
    ]
    request = finding.request
    if request is not None:
        lines.append(f"  request: {request.method} {request.url}")
        for name, value in request.headers:
            lines.append(excerpt(safe_text(f"    {name}: {value}", secret), MESSAGE_CHARS))
        if request.body is not None:
            body = excerpt(safe_text(decode(request.body), secret), body_chars)
            lines.append(f"    body ({len(request.body)} bytes): {body}")
    if finding.status is not None or finding.response:
        status = "no status" if finding.status is None else str(finding.status)
        lines.append(f"  response: {status} {_response_text(finding, secret, body_chars)}")
    return [safe_text(line, secret) for line in lines]


def _response_text(finding: Finding, secret: str, limit: int) -> str:
    """The start of the answer; a key cut off at the end of what the run kept is masked."""
    text = decode(finding.response)
    if len(finding.response) >= RESPONSE_KEPT_BYTES:
        return excerpt(visible(mask_truncated(text, secret)), limit) + " (cut)"
    return excerpt(safe_text(text, secret), limit)
