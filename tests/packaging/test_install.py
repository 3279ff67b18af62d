"""The toolkit as a user's CI has it: `pip install` of the repository's wheel in a fresh
virtual environment, its console scripts run from a directory outside the checkout.

retell-contract against the mock it starts and against a loopback server (the installed
retell-mock), the example workflow's contract step as written, `--spec` with another version of
the spec, and retell-generate writing what the checkout's generator writes."""

from __future__ import annotations

import re
import secrets
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.ir import load_api
from tests.packaging.conftest import Distributions
from tests.packaging.helpers import (
    SCRIPTS,
    Venv,
    require_ok,
    run,
    user_env,
)
from tests.packaging.test_example_workflow import step_running

pytestmark = pytest.mark.slow

QUICK = ["--max-examples", "5", "--seed", "20240"]  # a short run: the fixed parts and a few cases
MOCK_START_TIMEOUT_S = 60.0


def wheel_version(distributions: Distributions) -> str:
    return distributions.wheel.name.split("-")[1]


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_each_console_script_answers_help(kit: Venv, outside: Path, script: str) -> None:
    result = run([kit.script(script), "--help"], outside, user_env(kit))
    require_ok(result, f"{script} --help")
    assert result.stdout.startswith("usage: ")
    assert result.stderr == ""


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_each_console_script_answers_version(
    kit: Venv, outside: Path, distributions: Distributions, script: str
) -> None:
    result = run([kit.script(script), "--version"], outside, user_env(kit))
    require_ok(result, f"{script} --version")
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{script} ")
    assert wheel_version(distributions) in line


def installed_spec_path(kit: Venv, outside: Path) -> Path:
    command = [str(kit.python), "-c", "from generator.ir import SPEC_PATH; print(SPEC_PATH)"]
    result = run(command, outside, user_env(kit))
    require_ok(result, "reading SPEC_PATH")
    return Path(result.stdout.strip())


def test_the_installed_tools_read_the_spec_installed_as_package_data(
    kit: Venv, outside: Path, source_tree: Path
) -> None:
    spec = installed_spec_path(kit, outside)
    assert spec == kit.site_packages() / "retell_contract_spec" / "openapi.yaml"
    assert spec.read_bytes() == (source_tree / "spec" / "openapi.yaml").read_bytes()


def junit_cases(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("testcase"))


def test_retell_contract_tests_the_mock_it_starts(kit: Venv, outside: Path) -> None:
    reports = outside / "reports"
    reports.mkdir()
    command = [
        kit.script("retell-contract"),
        *QUICK,
        "--junit-xml",
        str(reports / "contract.xml"),
        "--report",
        str(reports / "contract.md"),
    ]
    result = run(command, outside, user_env(kit))
    require_ok(result, "retell-contract against the mock it starts")
    assert "COMPLIANT" in result.stdout
    assert junit_cases(reports / "contract.xml")
    assert (reports / "contract.md").read_text(encoding="utf-8").startswith("# ")


@contextmanager
def installed_mock(kit: Venv, cwd: Path, key: str) -> Iterator[str]:
    """The installed retell-mock on 127.0.0.1 and a free port: its base URL."""
    command = [kit.script("retell-mock"), "--host", "127.0.0.1", "--port", "0", "--api-key", key]
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=user_env(kit),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield _announced_url(process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def _announced_url(process: subprocess.Popen[str]) -> str:
    """The URL the mock prints when it listens (read in a thread: readline cannot time out)."""
    lines: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if "http://" in line:
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(MOCK_START_TIMEOUT_S)
    found = re.search(r"http://127\.0\.0\.1:\d+", "".join(lines))
    if found is None:
        pytest.fail(f"retell-mock did not announce its URL: {''.join(lines)[-2000:]}")
    return found.group(0)


def test_the_example_workflows_contract_step_passes_against_a_loopback_server(
    kit: Venv, outside: Path
) -> None:
    """The step's script as the workflow has it, under bash as GitHub runs `run:` steps, with
    the variables the workflow and the runner give it; the installed mock as the server."""
    key = f"ci-{secrets.token_hex(16)}"
    summary = outside / "step-summary.md"
    step = step_running("retell-contract")
    with installed_mock(kit, outside, key) as url:
        port = url.rsplit(":", 1)[1]
        env = user_env(kit, PORT=port, RETELL_API_KEY=key, GITHUB_STEP_SUMMARY=str(summary))
        bash = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]]
        result = run(bash, outside, env)
    require_ok(result, "the example's contract step")
    assert f"http://127.0.0.1:{port}" in result.stdout
    cases = junit_cases(outside / "reports" / "contract.xml")
    assert cases
    assert all(case.find("failure") is None for case in cases)
    report = summary.read_text(encoding="utf-8")
    assert "COMPLIANT" in report
    for text in (
        result.stdout,
        result.stderr,
        report,
        (outside / "reports" / "contract.xml").read_text(),
    ):
        assert key not in text


def spec_without_deprecated_operations(source_tree: Path, destination: Path) -> list[str]:
    """Another version of the spec: the project's without its deprecated operations. Returns
    the paths left out."""
    spec_path = source_tree / "spec" / "openapi.yaml"
    gone = [op.path for op in load_api(spec_path).operations if op.deprecated]
    assert gone, "the spec has no deprecated operation to leave out"
    document: dict[str, Any] = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    for path in gone:
        del document["paths"][path]
    destination.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return gone


def test_retell_contract_tests_against_another_version_of_the_spec(
    kit: Venv, outside: Path, source_tree: Path
) -> None:
    other = outside / "other-openapi.yaml"
    gone = spec_without_deprecated_operations(source_tree, other)
    junit = outside / "contract.xml"
    command = [
        kit.script("retell-contract"),
        "--spec",
        str(other),
        *QUICK,
        "--junit-xml",
        str(junit),
    ]
    require_ok(run(command, outside, user_env(kit)), "retell-contract --spec")
    tested = {case.get("classname", "") for case in junit_cases(junit)}
    assert tested
    assert not [name for name in tested if any(name.endswith(f" {path}") for path in gone)]


def test_retell_contract_refuses_a_spec_it_cannot_read(kit: Venv, outside: Path) -> None:
    missing = outside / "missing.yaml"
    result = run([kit.script("retell-contract"), "--spec", str(missing)], outside, user_env(kit))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert str(missing) in result.stderr


def read_tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_retell_generate_writes_what_the_checkouts_generator_writes(
    kit: Venv, outside: Path, source_tree: Path
) -> None:
    """Installed, its defaults are the installed spec and ./generated; the output is the
    checkout's generator's, byte for byte (manifest included: the same generator version)."""
    require_ok(run([kit.script("retell-generate"), "generate"], outside, user_env(kit)), "generate")
    checkout = outside / "from-checkout"
    command = [sys.executable, "-m", "generator", "generate", "--out", str(checkout)]
    require_ok(run(command, source_tree, user_env()), "python -m generator in the checkout")
    installed = read_tree(outside / "generated")
    assert "MANIFEST.json" in installed
    assert installed == read_tree(checkout)
    check = run([kit.script("retell-generate"), "check"], outside, user_env(kit))
    require_ok(check, "retell-generate check")
    assert check.stdout.count("\n") == 1
