"""The JUnit XML of every kind of run validates against the JUnit format GitLab and Jenkins
read (`data/junit.xsd`, written from their documentation), checked by a stock validator.

The validator is the JDK's own (`javax.xml.validation`, W3C XML Schema 1.0), run through
`data/ValidateXml.java` with the `java` launcher: no XSD validator is installed for Python
(the `xmlschema` package is not a dependency). A test fails, never skips, without `java`.
Negative controls prove the validator rejects what the format forbids.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from contract_tests.report import junit_xml, write_text
from contract_tests.suite import SuiteResult
from tests.contract.data.results import (
    compliant,
    finding,
    hostile,
    incomplete,
    interrupted,
    result,
    violating,
)

DATA = Path(__file__).parent / "data"
SCHEMA = DATA / "junit.xsd"
VALIDATOR = DATA / "ValidateXml.java"

RUNS: dict[str, Callable[[], SuiteResult]] = {
    "compliant": compliant,
    "violating": violating,
    "hostile": hostile,
    "incomplete": incomplete,
    "interrupted": interrupted,
    "stopped": lambda: dataclasses.replace(violating(), stopped="5 transport failures in a row"),
    "timed_out": lambda: dataclasses.replace(compliant(), timed_out=True, planned_cases=400),
    "suite_errors": lambda: result(errors=["a case could not be run: boom", "again"]),
    "nothing_ran": lambda: result(),
    "run_findings": lambda: result([finding(rule="documented_response", request=None)]),
}


def _document(suite_attributes: str, inside: str = "") -> str:
    return f"<testsuites><testsuite {suite_attributes}>{inside}</testsuite></testsuites>"


# What the format forbids, each in an otherwise valid document
INVALID = {
    "testcase_without_name": _document('name="s" tests="1"', '<testcase classname="c"/>'),
    "count_not_a_number": _document('name="s" tests="many"'),
    "negative_time": _document('name="s" tests="0" time="-1"'),
    "skipped_and_failed": _document(
        'name="s" tests="1"', '<testcase name="t"><skipped/><failure/></testcase>'
    ),
    "unknown_element": _document('name="s" tests="0"', "<result/>"),
    "suite_without_name": _document('tests="0"'),
}
NO_JAVA = "`java` (a JDK: its stock XSD validator) is needed: apt-get install default-jdk-headless"


def _validate(paths: list[Path]) -> dict[str, str]:
    """Each file's verdict from the JDK's validator: "valid", or "invalid: why"."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(NO_JAVA)
    ran = subprocess.run(
        [java, str(VALIDATOR), str(SCHEMA), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert ran.returncode in (0, 1), ran.stderr  # 2: misuse or an unusable schema
    verdicts = {}
    for line in ran.stdout.splitlines():
        verdict, _, rest = line.partition(" ")
        name, _, why = rest.partition(": ")
        verdicts[Path(name).stem] = verdict if verdict == "valid" else f"invalid: {why}"
    assert len(verdicts) == len(paths), ran.stdout
    return verdicts


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("junit")
    paths = []
    for name, build in RUNS.items():
        path = folder / f"{name}.xml"
        write_text(path, junit_xml(build()))
        paths.append(path)
    for name, document in INVALID.items():
        path = folder / f"invalid_{name}.xml"
        path.write_text(document, encoding="utf-8")
        paths.append(path)
    return _validate(paths)


@pytest.mark.parametrize("name", sorted(RUNS))
def test_the_junit_of_every_kind_of_run_is_valid(verdicts: dict[str, str], name: str) -> None:
    assert verdicts[name] == "valid"


@pytest.mark.parametrize("name", sorted(INVALID))
def test_the_validator_rejects_what_the_format_forbids(verdicts: dict[str, str], name: str) -> None:
    assert verdicts[f"invalid_{name}"].startswith("invalid: ")
