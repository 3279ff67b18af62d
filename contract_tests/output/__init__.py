"""Everything a run shows or writes: the console (`console`), JUnit XML (`junit`), Markdown
(`markdown`), reproduction commands (`reproduce`), all masked and neutralised (`sanitize`,
`contract_tests.masking`) where the text leaves the process; findings are kept raw until then.
"""

from __future__ import annotations

from contract_tests.masking import mask_secret
from contract_tests.output.console import print_result, summary_table
from contract_tests.output.files import write_text
from contract_tests.output.junit import junit_xml
from contract_tests.output.markdown import markdown_report
from contract_tests.output.reproduce import curl_command, key_variable, rerun_command
from contract_tests.output.sanitize import safe_text
from contract_tests.output.summary import finding_lines

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
