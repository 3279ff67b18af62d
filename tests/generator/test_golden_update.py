"""UPDATE_GOLDEN means the same in both golden tests: "1" rewrites and then fails on purpose,
any other non-empty value fails without writing; unset compares. Run here against temporary
golden folders, so the real ones are never touched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.generator import test_golden, test_typescript_golden

Capsys = pytest.CaptureFixture[str]


def python_golden(tmp_path: Path, capsys: Capsys) -> Path:
    test_golden.test_tiny_spec_output_matches_golden_files(tmp_path, capsys)
    return test_golden.GOLDEN / "python"


def typescript_golden(tmp_path: Path, capsys: Capsys) -> Path:
    test_typescript_golden.test_typescript_output_matches_golden_files(tmp_path)
    return test_typescript_golden.GOLDEN


GOLDEN_TESTS = [
    pytest.param(test_golden, python_golden, id="python"),
    pytest.param(test_typescript_golden, typescript_golden, id="typescript"),
]
Runner = Callable[[Path, Capsys], Path]


@pytest.mark.parametrize(("module", "runner"), GOLDEN_TESTS)
def test_update_golden_1_rewrites_then_fails(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, module: object, runner: Runner
) -> None:
    golden = tmp_path / "golden"
    monkeypatch.setattr(module, "GOLDEN", golden)
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(pytest.fail.Exception, match="rewrote the golden files"):
        runner(work, capsys)
    written = [path for path in golden.rglob("*") if path.is_file()]
    assert written, "nothing was rewritten"
    # The rewritten files are what a normal run then compares against: it passes.
    monkeypatch.delenv("UPDATE_GOLDEN")
    again = tmp_path / "again"
    again.mkdir()
    runner(again, capsys)


@pytest.mark.parametrize("value", ["yes", "true", "0"])
@pytest.mark.parametrize(("module", "runner"), GOLDEN_TESTS)
def test_any_other_update_golden_value_fails_without_writing(
    tmp_path: Path,
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
    module: object,
    runner: Runner,
    value: str,
) -> None:
    golden = tmp_path / "golden"
    monkeypatch.setattr(module, "GOLDEN", golden)
    monkeypatch.setenv("UPDATE_GOLDEN", value)
    with pytest.raises(pytest.fail.Exception, match="UPDATE_GOLDEN must be 1"):
        runner(tmp_path, capsys)
    assert not golden.exists()
