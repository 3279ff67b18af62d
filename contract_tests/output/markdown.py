"""The run as Markdown, fit for `$GITHUB_STEP_SUMMARY`: the verdict on the first line, the
summary next, then the findings, under a size cap (GitHub takes 1 MiB per step summary).

Text of the server or the run never meets the Markdown parser as markup: inline it is in a
code span, in blocks it is in a fenced code block, each fence longer than any backtick run
in what it holds (so a body holding ``` cannot close it, and HTML in it is shown as text).
It is masked and neutralised first, like every output.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from contract_tests.output.reproduce import key_variable, reproduction, rerun_command
from contract_tests.output.sanitize import excerpt, safe_text
from contract_tests.output.summary import (
    finding_lines,
    incomplete_reason,
    shown_findings,
    summarize,
    verdict_line,
)

if TYPE_CHECKING:
    from contract_tests.findings import Finding
    from contract_tests.suite import SuiteResult

__all__ = ["MARKDOWN_CAP_BYTES", "code_block", "code_span", "markdown_report"]

MARKDOWN_CAP_BYTES = 256 * 1024
MARKDOWN_BODY_CHARS = 2000
TITLE_REASON_CHARS = 300
MARKDOWN_CURL_BODY_BYTES = 4 * 1024
_BACKTICKS = re.compile(r"`+")
REPRODUCE_ELSEWHERE = "\nThe body is large: its curl command is in the JUnit XML report.\n"


def _fence_for(text: str, least: int) -> str:
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    return "`" * max(least, longest + 1)


def code_span(text: str, *, in_table: bool = False) -> str:
    """`text` (one safe line) as an inline code span; `|` escaped inside a table cell."""
    if not text:
        return ""
    fence = _fence_for(text, 1)
    padded = "`" in text or (text.startswith(" ") and text.endswith(" "))
    # the renderer strips one space each side: padding keeps a backtick off the fence
    span = f"{fence} {text} {fence}" if padded else f"{fence}{text}{fence}"
    return span.replace("|", "\\|") if in_table else span


def code_block(lines: list[str], info: str = "text") -> str:
    """Safe lines as a fenced code block no line can close."""
    fence = _fence_for("\n".join(lines), 3)
    return "\n".join([f"{fence}{info}", *lines, fence]) + "\n"


def _title(result: SuiteResult) -> str:
    line = f"# Contract report: {result.verdict}"
    reason = incomplete_reason(result)
    if reason is not None:
        shown = excerpt(safe_text(reason, result.options.api_key), TITLE_REASON_CHARS)
        line += f" - the run is incomplete: {code_span(shown)}"
    return line + "\n"


def _overview(result: SuiteResult) -> str:
    options = result.options
    secret = options.api_key
    target = safe_text(options.base_url, secret)
    where = (
        f"a mock started for the run ({code_span(target)})"
        if options.mock_started
        else code_span(target)
    )
    lines = [
        "",
        f"- Verdict: {code_span(verdict_line(result))}",
        f"- Target: {where}",
        f"- Seed {options.seed}, max examples {options.max_examples}, workers {options.workers}",
        f"- Rerun (the key comes from `${{{key_variable()}}}`):",
        "",
    ]
    return "\n".join(lines) + "\n" + code_block([safe_text(rerun_command(result), secret)], "sh")


def _summary(result: SuiteResult) -> str:
    secret = result.options.api_key
    summary = summarize(result)
    if not summary.rules:
        return "\n## Summary\n\nNo rule was put to the test.\n"
    header = [
        "rule",
        *(code_span(safe_text(op, secret), in_table=True) for op in summary.operations),
    ]
    lines = ["", "## Summary", "", "| " + " | ".join(header) + " |"]
    lines.append("| " + " | ".join("---" for _ in header) + " |")
    for rule in summary.rules:
        cells = [summary.cells.get((rule, operation)) for operation in summary.operations]
        texts = ["-" if cell is None else cell.text for cell in cells]
        lines.append(
            f"| {code_span(safe_text(rule, secret), in_table=True)} | " + " | ".join(texts) + " |"
        )
    return "\n".join(lines) + "\n"


def _finding(index: int, finding: Finding, secret: str) -> str:
    rule, operation = safe_text(finding.rule, secret), safe_text(finding.operation, secret)
    heading = f"\n### {index}. {code_span(rule)} on {code_span(operation)}\n\n"
    details = code_block(finding_lines(finding, secret, MARKDOWN_BODY_CHARS))
    command = reproduction(finding, secret, MARKDOWN_CURL_BODY_BYTES)
    if command is not None:
        return heading + details + "\nReproduce:\n\n" + code_block([command], "sh")
    return heading + details + (REPRODUCE_ELSEWHERE if finding.request is not None else "")


def _bullets(title: str, items: list[str], secret: str) -> list[str]:
    if not items:
        return []
    return [f"\n## {title}\n\n"] + [f"- {code_span(safe_text(item, secret))}\n" for item in items]


def _blocks(result: SuiteResult) -> list[str]:
    """The report's blocks in order: verdict, overview, summary, findings, errors, notes. A
    block is whole Markdown (a heading, a list item, a fenced block): the cap never cuts one."""
    secret = result.options.api_key
    shown, hidden = shown_findings(result)
    blocks = [_title(result), _overview(result), _summary(result)]
    blocks += ["\n## Findings\n"] if shown else []
    blocks += [_finding(index, finding, secret) for index, finding in enumerate(shown, start=1)]
    if hidden:
        blocks.append(f"\n{hidden} more findings of the same rules are in the JUnit XML report.\n")
    blocks += _bullets("Suite errors", result.outcome.errors, secret)
    blocks += _bullets("Notes", result.outcome.notes, secret)
    return blocks


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def markdown_report(result: SuiteResult, cap_bytes: int = MARKDOWN_CAP_BYTES) -> str:
    """The Markdown report, at most `cap_bytes` of UTF-8: what does not fit is left out, and
    the last line says so and that the JUnit XML has it."""
    footer = (
        f"\n**The report stops here, at its {cap_bytes // 1024} KiB cap: the rest "
        "(findings, errors, notes) is in the JUnit XML report.**\n"
    )
    kept: list[str] = []
    used = 0
    for block in _blocks(result):
        # the first line (the verdict) is always kept, whatever the cap
        if kept and used + _size(block) + _size(footer) > cap_bytes:
            return "".join(kept) + footer
        kept.append(block)
        used += _size(block)
    return "".join(kept)
