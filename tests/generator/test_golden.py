"""Golden output: the tiny spec's generated Python, compared file by file.

Missing and extra files fail as well as changed ones. After a deliberate change to the
templates, refresh with `UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/generator`: that run
rewrites the files and fails on purpose; review the diff and run again without it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.generator.helpers import (
    fail_after_golden_rewrite,
    golden_update_requested,
    read_tree,
    run,
    write_spec,
)
from tests.generator.specs import tiny_spec

GOLDEN = Path(__file__).resolve().parent / "golden"
SUFFIX = ".golden"  # keeps ruff, mypy and pytest away from the golden Python files


def generate_tiny(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, bytes]:
    spec = write_spec(tmp_path, tiny_spec())
    out = tmp_path / "generated"
    status, _, err = run(
        capsys, "generate", "--spec", str(spec), "--out", str(out), "--only", "python"
    )
    assert (status, err) == (0, "")
    tree = read_tree(out)
    del tree["MANIFEST.json"]  # holds the generator's fingerprint, tested in test_cli
    return tree


def update_golden(tree: dict[str, bytes]) -> None:
    shutil.rmtree(GOLDEN / "python", ignore_errors=True)  # golden/typescript_tiny is H2's
    for path, content in tree.items():
        (GOLDEN / f"{path}{SUFFIX}").parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / f"{path}{SUFFIX}").write_bytes(content)


def test_tiny_spec_output_matches_golden_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actual = generate_tiny(tmp_path, capsys)
    if golden_update_requested():
        update_golden(actual)
        fail_after_golden_rewrite(GOLDEN / "python")
    golden = read_tree(GOLDEN / "python")
    expected = {f"python/{path.removesuffix(SUFFIX)}": data for path, data in golden.items()}
    assert sorted(set(expected) - set(actual)) == [], "files missing from the output"
    assert sorted(set(actual) - set(expected)) == [], "files the golden set does not have"
    for path, data in expected.items():
        assert actual[path].decode() == data.decode(), f"{path} differs from its golden file"
