"""Human and machine output of a run: console text, summary table, Markdown, JUnit XML.

Every string leaves through `mask_secret` once more, so a key that slipped into a server's
answer (or a message) is still masked in every output.
"""

from __future__ import annotations

import shlex
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from contract_tests.findings import Finding
from contract_tests.masking import KEY_ENVIRONMENT_VARIABLE, mask_secret
from contract_tests.suite import SuiteResult

SHOWN_PER_RULE = 3


@dataclass(frozen=True)
class SummaryRow:
    rule: str
    operation: str
    judged: int
    failed: int

    @property
    def verdict(self) -> str:
        if self.failed:
            return "FAIL"
        return "pass" if self.judged else "n/a"


def summary_rows(result: SuiteResult) -> list[SummaryRow]:
    """One row per (rule, operation) the run put to the test or found broken, sorted by rule;
    `judged` counts only the exchanges where the rule applied (0: it never did, "n/a")."""
    judged = result.outcome.judged
    failed = result.outcome.failed_pairs()
    pairs = sorted(result.outcome.ran | set(judged) | set(failed))
    return [
        SummaryRow(rule, op, judged.get((rule, op), 0), failed.get((rule, op), 0))
        for rule, op in pairs
    ]


def rerun_command(result: SuiteResult) -> str:
    options = result.options
    target = "" if options.mock_started else f" --base-url {options.base_url}"
    live = f" --live --max-live-calls {options.max_live_calls}" if options.live else ""
    if options.account.from_number is not None:
        live += f" --from-number {options.account.from_number}"
    if options.account.agent_id is not None:
        live += f" --agent-id {shlex.quote(options.account.agent_id)}"
    if options.live_numbers is not None:
        live += f" --live-to-number {options.live_numbers.to_number}"
    return (
        f"RETELL_API_KEY=... python -m contract_tests{target} "
        f"--seed {options.seed} --max-examples {options.max_examples}{live}"
    )


def finding_lines(finding: Finding, secret: str) -> Iterator[str]:
    request = finding.request
    yield f"FAIL {finding.rule} on {finding.operation} ({finding.source})"
    yield f"  rule broken: {finding.message}"
    yield f"  request: {request.method} {request.url}"
    for name, value in request.headers.items():
        yield f"    {name}: {value}"
    if request.body is not None:
        yield f"    body: {request.body[:500]}"
    yield f"  response: {finding.status_code} {finding.response_excerpt}"
    yield f"  reproduce: {finding.reproduce}"


def shown_findings(result: SuiteResult) -> tuple[list[Finding], int]:
    """The first few findings of each (rule, operation), and how many more there are."""
    shown: list[Finding] = []
    per_pair: Counter[tuple[str, str]] = Counter()
    for finding in result.outcome.findings:
        per_pair[(finding.rule, finding.operation)] += 1
        if per_pair[(finding.rule, finding.operation)] <= SHOWN_PER_RULE:
            shown.append(finding)
    return shown, len(result.outcome.findings) - len(shown)


def _hidden_note(hidden: int) -> str:
    return f"... and {hidden} more findings of the same rules (all of them are in the JUnit XML)"


def print_result(result: SuiteResult, console: Console) -> None:
    """Findings (a few per rule), engine errors, the summary table and the verdict."""
    secret = result.options.api_key
    shown, hidden = shown_findings(result)
    for finding in shown:
        for line in finding_lines(finding, secret):
            console.print(mask_secret(line, secret), markup=False, highlight=False, soft_wrap=True)
    if hidden:
        console.print(_hidden_note(hidden), markup=False)
    for error in result.outcome.errors:
        console.print(mask_secret(f"note: {error}", secret), markup=False, highlight=False)
    console.print(summary_table(result))
    verdict = "COMPLIANT" if result.compliant else "VIOLATIONS FOUND"
    console.print(
        f"{verdict}: {len(result.outcome.findings)} findings, {result.outcome.cases} cases, "
        f"{result.seconds:.1f} s, seed {result.options.seed}",
        markup=False,
    )
    console.print(f"rerun: {rerun_command(result)}", markup=False, soft_wrap=True)


def summary_table(result: SuiteResult) -> Table:
    """Rules down, operations across; each cell says how many exchanges failed of those judged."""
    rows = summary_rows(result)
    operations = sorted({row.operation for row in rows})
    table = Table(title="Contract summary")
    table.add_column("rule", no_wrap=True)
    for operation in operations:
        table.add_column(operation, no_wrap=True)
    cells = {(row.rule, row.operation): row for row in rows}
    for rule in sorted({row.rule for row in rows}):
        found = [cells.get((rule, operation)) for operation in operations]
        failed = any(row is not None and row.failed for row in found)
        table.add_row(rule, *(_cell(row) for row in found), style="red" if failed else None)
    return table


def _cell(row: SummaryRow | None) -> str:
    if row is None:
        return "-"
    if row.failed:
        return f"FAIL {row.failed}/{row.judged}" if row.judged else f"FAIL {row.failed}"
    return f"ok {row.judged}" if row.judged else "n/a"


def markdown_report(result: SuiteResult) -> str:
    options = result.options
    lines = [
        "# Contract report",
        "",
        f"- Target: `{options.base_url}`",
        f"- Verdict: **{'compliant' if result.compliant else 'violations found'}**",
        f"- Cases: {result.outcome.cases}; findings: {len(result.outcome.findings)}; "
        f"time: {result.seconds:.1f} s; seed: {options.seed}; max examples: {options.max_examples}",
        f"- Rerun: `{rerun_command(result)}` (the key comes from `${KEY_ENVIRONMENT_VARIABLE}`)",
        "",
        "## Summary",
        "",
        "| rule | operation | judged | failed | verdict |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    lines.extend(
        f"| {row.rule} | `{row.operation}` | {row.judged} | {row.failed} | {row.verdict} |"
        for row in summary_rows(result)
    )
    shown, hidden = shown_findings(result)
    if shown:
        lines.extend(["", "## Findings"])
    for index, finding in enumerate(shown, start=1):
        lines.extend(
            ["", f"### {index}. `{finding.rule}` on `{finding.operation}` ({finding.source})", ""]
        )
        lines.extend(["```text", *finding_lines(finding, options.api_key), "```"])
    if hidden:
        lines.extend(["", _hidden_note(hidden)])
    if result.outcome.errors:
        lines.extend(["", "## Notes", ""])
        lines.extend(f"- {error}" for error in result.outcome.errors)
    return mask_secret("\n".join(lines) + "\n", options.api_key)


def junit_xml(result: SuiteResult) -> str:
    """One test case per (rule, operation); a failure element per finding."""
    secret = result.options.api_key
    rows = summary_rows(result)
    suite = ET.Element(
        "testsuite",
        {
            "name": "contract_tests",
            "tests": str(len(rows)),
            "failures": str(sum(1 for row in rows if row.failed)),
            "errors": str(len(result.engine_errors)),
            "time": f"{result.seconds:.3f}",
        },
    )
    by_pair: dict[tuple[str, str], list[Finding]] = {}
    for finding in result.outcome.findings:
        by_pair.setdefault((finding.rule, finding.operation), []).append(finding)
    for row in rows:
        case = ET.SubElement(suite, "testcase", {"classname": row.operation, "name": row.rule})
        for finding in by_pair.get((row.rule, row.operation), []):
            failure = ET.SubElement(
                case, "failure", {"message": mask_secret(finding.message[:300], secret)}
            )
            failure.text = mask_secret("\n".join(finding_lines(finding, secret)), secret)
    for error in result.engine_errors:
        case = ET.SubElement(suite, "testcase", {"classname": "engine", "name": "engine_error"})
        ET.SubElement(case, "error", {"message": mask_secret(error[:300], secret)})
    root = ET.Element("testsuites")
    root.append(suite)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def write_text(path: Path, text: str) -> None:
    """Write a report; its directory must exist (the CLI checks before the run)."""
    path.write_text(text, encoding="utf-8")
