"""The run as JUnit XML, in the shape GitLab and Jenkins show (`tests/contract/data/junit.xsd`).

A test case per finding (classname the operation, name the rule; `rule #2`... when a rule
failed several times on an operation, since viewers keep only the first of equal names), a
passing one per rule that passed, a skipped one per rule that never applied (`n/a`), an
error per suite error, and a `run_incomplete` error when the run did not finish. Counts add
up; `time` is on every element that may carry it. Every string is masked and neutralised
first, so the file parses whatever bytes the server sent.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from contract_tests.output.reproduce import MODULE, reproduction_line, rerun_command
from contract_tests.output.sanitize import excerpt, safe_text
from contract_tests.output.summary import (
    MESSAGE_CHARS,
    finding_lines,
    findings_by_pair,
    incomplete_reason,
    summarize,
)

if TYPE_CHECKING:
    from contract_tests.findings import Finding
    from contract_tests.suite import SuiteResult

__all__ = ["INCOMPLETE_CASE", "junit_xml"]

INCOMPLETE_CASE = "run_incomplete"
SUITE_ERROR_CASE = "suite_error"
JUNIT_BODY_CHARS = 16 * 1024
JUNIT_CURL_BODY_BYTES = 1024 * 1024  # larger bodies: rerun the suite with its seed instead
TOO_LARGE = "too large for a command line: run the rerun command (the same seed sends it again)"
NOT_TIMED = "0.000"  # rules judge shared exchanges: no time of their own is measured


def _case(classname: str, name: str, secret: str) -> ET.Element:
    attributes = {"classname": safe_text(classname, secret), "name": safe_text(name, secret)}
    return ET.Element("testcase", {**attributes, "time": NOT_TIMED})


def _problem(case: ET.Element, kind: str, message: str, kind_of: str, secret: str) -> None:
    """A `failure` or `error` child: its message attribute, its type, the message as text."""
    text = excerpt(safe_text(message, secret), MESSAGE_CHARS)
    element = ET.SubElement(case, kind, {"message": text, "type": safe_text(kind_of, secret)})
    element.text = text


def _finding_case(finding: Finding, name: str, secret: str) -> ET.Element:
    case = _case(finding.operation, name, secret)
    _problem(case, "failure", finding.message, finding.rule, secret)
    failure = case[0]
    lines = finding_lines(finding, secret, JUNIT_BODY_CHARS)
    reproduce = reproduction_line(finding, secret, JUNIT_CURL_BODY_BYTES, TOO_LARGE)
    failure.text = "\n".join([*lines, reproduce])
    return case


def _rule_cases(result: SuiteResult, secret: str) -> list[ET.Element]:
    summary = summarize(result)
    grouped = findings_by_pair(result.outcome.findings)
    cases: list[ET.Element] = []
    for rule, operation in sorted(summary.cells):
        found = grouped.get((rule, operation), [])
        if found:
            names = (
                [rule] if len(found) == 1 else [f"{rule} #{i}" for i in range(1, len(found) + 1)]
            )
            cases += [_finding_case(f, n, secret) for f, n in zip(found, names, strict=True)]
            continue
        case = _case(operation, rule, secret)
        if not summary.cells[(rule, operation)].judged:
            ET.SubElement(case, "skipped", {"message": "n/a: the rule never applied here"})
        cases.append(case)
    return cases


def _run_cases(result: SuiteResult, secret: str) -> list[ET.Element]:
    """Errors of the run itself: suite errors and an incomplete run."""
    cases = []
    errors = result.outcome.errors
    for index, error in enumerate(errors, start=1):
        name = SUITE_ERROR_CASE if len(errors) == 1 else f"{SUITE_ERROR_CASE} #{index}"
        case = _case(MODULE, name, secret)
        _problem(case, "error", error, SUITE_ERROR_CASE, secret)
        cases.append(case)
    reason = incomplete_reason(result)
    if reason is not None:
        case = _case(MODULE, INCOMPLETE_CASE, secret)
        _problem(case, "error", f"the run is incomplete: {reason}", INCOMPLETE_CASE, secret)
        cases.append(case)
    return cases


def _counts(cases: list[ET.Element], seconds: float) -> dict[str, str]:
    def having(tag: str) -> int:
        return sum(1 for case in cases if case.find(tag) is not None)

    return {
        "tests": str(len(cases)),
        "failures": str(having("failure")),
        "errors": str(having("error")),
        "skipped": str(having("skipped")),
        "time": f"{seconds:.3f}",
    }


def _properties(result: SuiteResult, secret: str) -> ET.Element:
    options = result.options
    target = (
        f"a mock started for the run at {options.base_url}"
        if options.mock_started
        else options.base_url
    )
    values = {
        "verdict": result.verdict,
        "target": target,
        "seed": str(options.seed),
        "cases": str(result.outcome.cases),
        "rerun": rerun_command(result),
    }
    properties = ET.Element("properties")
    for name, value in values.items():
        ET.SubElement(properties, "property", {"name": name, "value": safe_text(value, secret)})
    return properties


def junit_xml(result: SuiteResult) -> str:
    """The JUnit XML document of a run (UTF-8 text, one `testsuite` in `testsuites`)."""
    secret = result.options.api_key
    cases = _rule_cases(result, secret) + _run_cases(result, secret)
    counts = _counts(cases, result.seconds)
    root = ET.Element("testsuites", {"name": MODULE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": MODULE, **counts})
    suite.append(_properties(result, secret))
    suite.extend(cases)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
