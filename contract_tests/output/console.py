"""The run on the console: findings, notes, errors, the summary table, the verdict, `rerun:`.

Everything printed is masked and neutralised (`sanitize.safe_text`) and handed to rich as
`Text`, with markup, emoji codes and highlighting off: a server's `[red]`, `:warning:` or
escape sequence is shown as the characters it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from contract_tests.output.reproduce import reproduction_line, rerun_command
from contract_tests.output.sanitize import safe_text
from contract_tests.output.summary import (
    finding_lines,
    shown_findings,
    summarize,
    verdict_line,
)

if TYPE_CHECKING:
    from contract_tests.suite import SuiteResult

__all__ = ["print_result", "summary_table"]

CONSOLE_BODY_CHARS = 500
CONSOLE_CURL_BODY_BYTES = 4 * 1024  # larger bodies: the curl command is in the JUnit XML
IN_JUNIT = "the curl command is in the JUnit XML (--junit-xml PATH)"
ALL_IN_JUNIT = "every finding is in the JUnit XML (--junit-xml PATH)"
VERDICT_STYLES = {"COMPLIANT": "bold green", "VIOLATIONS FOUND": "bold red"}


def _say(console: Console, line: str, style: str | None = None) -> None:
    text = Text(line, style=style or "")  # a Text is never parsed for markup or emoji
    console.print(text, markup=False, highlight=False, emoji=False, soft_wrap=True)


def print_result(result: SuiteResult, console: Console) -> None:
    """Findings (the first few per rule and operation), notes, suite errors, the summary
    table, the verdict line (its first word the verdict) and the command to run it again."""
    secret = result.options.api_key
    shown, hidden = shown_findings(result)
    for finding in shown:
        for line in finding_lines(finding, secret, CONSOLE_BODY_CHARS):
            _say(console, line)
        if finding.request is not None:
            _say(console, reproduction_line(finding, secret, CONSOLE_CURL_BODY_BYTES, IN_JUNIT))
    if hidden:
        _say(console, f"... and {hidden} more findings of the same rules: {ALL_IN_JUNIT}")
    for note in result.outcome.notes:
        _say(console, safe_text(f"note: {note}", secret))
    for error in result.outcome.errors:
        _say(console, safe_text(f"error: {error}", secret), "red")
    console.print(summary_table(result))
    _say(console, verdict_line(result), VERDICT_STYLES.get(result.verdict, "bold yellow"))
    _say(console, safe_text(f"rerun: {rerun_command(result)}", secret))


def summary_table(result: SuiteResult) -> Table:
    """Rules down, operations across; a cell says `ok N`, `FAIL k/N` (k of the N exchanges it
    judged broke it), `known k/N` (the same, listed in the baseline), `n/a` or `-`."""
    secret = result.options.api_key
    summary = summarize(result)
    table = Table(title=Text("Contract summary"), highlight=False)
    table.add_column(Text("rule"), no_wrap=True)
    for operation in summary.operations:
        table.add_column(Text(safe_text(operation, secret)), no_wrap=True)
    for rule in summary.rules:
        cells = [summary.cells.get((rule, operation)) for operation in summary.operations]
        texts = [Text("-" if cell is None else cell.text) for cell in cells]
        style = "red" if summary.failed(rule) else None
        table.add_row(Text(safe_text(rule, secret)), *texts, style=style)
    return table
