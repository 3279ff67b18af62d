"""Spec strings with quotes, triple quotes, newlines and code stay data in generated code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.generator.helpers import ROOT, run, write_spec
from tests.generator.specs import NASTY, tiny_spec

PROBE = """
import json, retell_client, retell_client._client as client, retell_client.models as models
assert retell_client.__file__.startswith({out!r}), retell_client.__file__
print(json.dumps([
    models.WidgetRequest.model_fields["name"].description,
    client.RetellClient.__doc__,
    client.RetellClient.create_widget.__doc__,
]))
"""


@pytest.fixture(scope="module")
def nasty_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("nasty")
    spec = write_spec(directory, tiny_spec(NASTY))
    out = directory / "generated"
    capsys = None  # in-process run without capture: outputs go to pytest's own capture
    from generator.__main__ import main

    assert main(["generate", "--spec", str(spec), "--out", str(out), "--only", "python"]) == 0
    del capsys
    return out / "python"


def test_nasty_strings_round_trip_and_run_no_code(nasty_package: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(nasty_package)}
    probe = PROBE.format(out=str(nasty_package))
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "pwned" not in result.stdout.replace("echo pwned')", "")
    import json

    field_description, class_doc, method_doc = json.loads(result.stdout)
    assert field_description == NASTY
    assert class_doc.startswith(NASTY.split("\n")[0])
    assert "import os; os.system('echo pwned')" in method_doc


def test_nasty_output_passes_ruff_and_mypy_strict(nasty_package: Path) -> None:
    ruff = [sys.executable, "-m", "ruff", "check", "--no-cache", str(nasty_package)]
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "retell_client"]
    for command in (ruff, mypy):
        result = subprocess.run(
            command,
            cwd=nasty_package if command is mypy else ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_payload_in_a_description_cannot_break_the_spec_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write_spec(tmp_path, tiny_spec("{{ 7 * 7 }} {% for x in y %}"))
    status, _, err = run(capsys, "generate", "--spec", str(spec), "--out", str(tmp_path / "g"))
    assert (status, err.count("error")) == (0, 0)
    assert "49" not in (tmp_path / "g" / "python" / "retell_client" / "models.py").read_text()
