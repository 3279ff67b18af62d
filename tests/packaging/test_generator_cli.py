"""The generator's command line as a console script (`retell-generate`): `--version`, the name
it goes by in help and errors, and where it reads and writes by default in a checkout
(test_install.py runs the installed script)."""

from __future__ import annotations

import pytest

from generator.__main__ import DEFAULT_OUT, main
from generator.ir import SPEC_PATH
from generator.version import generator_version
from tests.packaging.helpers import ROOT


def test_version_prints_the_generators_fingerprint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"], prog="retell-generate") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"retell-generate {generator_version()} (retell-contract-kit ")
    assert out.count("\n") == 1


def test_python_m_generator_keeps_its_own_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: python -m generator")


def test_misuse_names_the_program_it_was_called_as(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--bogus"], prog="retell-generate") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "see `retell-generate --help`" in err


def test_without_arguments_it_reads_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.argv", ["retell-generate", "--version"])
    assert main(prog="retell-generate") == 0
    assert capsys.readouterr().out.startswith("retell-generate ")


def test_in_a_checkout_it_reads_spec_and_writes_generated_of_the_checkout() -> None:
    assert SPEC_PATH == ROOT / "spec" / "openapi.yaml"
    assert DEFAULT_OUT == ROOT / "generated"
