"""The suite's outputs (console, JUnit XML, Markdown, reproduction commands): a re-export of
`contract_tests.output`, where they live."""

from __future__ import annotations

from contract_tests.output import (
    curl_command,
    finding_lines,
    junit_xml,
    key_variable,
    markdown_report,
    mask_secret,
    print_result,
    rerun_command,
    safe_text,
    summary_table,
    write_text,
)

__all__ = [
    "curl_command",
    "finding_lines",
    "junit_xml",
    "key_variable",
    "markdown_report",
    "mask_secret",
    "print_result",
    "rerun_command",
    "safe_text",
    "summary_table",
    "write_text",
]
