"""Run the generator (in-process or as a subprocess) and read generated trees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

from generator.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`python -m generator ARGV` in this process: (exit status, stdout, stderr)."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_process(*argv: str, hash_seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    command = [sys.executable, "-m", "generator", *argv]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def write_spec(directory: Path, text: str) -> Path:
    spec = directory / "openapi.yaml"
    spec.write_text(text, encoding="utf-8")
    return spec


def read_tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "node_modules" not in path.parts and "__pycache__" not in path.parts
    }


UPDATE_GOLDEN = "UPDATE_GOLDEN"


def golden_update_requested() -> bool:
    """True when UPDATE_GOLDEN=1; any other non-empty value is a mistake, not a "no"."""
    value = os.environ.get(UPDATE_GOLDEN, "")
    if value not in {"", "1"}:
        pytest.fail(f"{UPDATE_GOLDEN} must be 1 (rewrite the golden files) or unset, not {value!r}")
    return value == "1"


def fail_after_golden_rewrite(where: Path) -> NoReturn:
    """A rewrite run never passes, so it cannot go green silently (in CI, say)."""
    pytest.fail(
        f"{UPDATE_GOLDEN}=1 rewrote the golden files in {where}: review the diff, then run the"
        f" tests again without {UPDATE_GOLDEN}"
    )
