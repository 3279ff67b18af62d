"""Byte-identical Python output across runs and hash seeds, on the real spec and on RICH (the
TypeScript and Go helpers pin their own languages' output)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generator.helpers import ROOT, read_tree, run_process, write_spec
from tests.generator.specs import RICH


def generate(spec: Path, out: Path, hash_seed: str) -> dict[str, bytes]:
    argv = ("generate", "--spec", str(spec), "--out", str(out), "--only", "python")
    result = run_process(*argv, hash_seed=hash_seed)
    assert result.returncode == 0, result.stderr
    return read_tree(out)


@pytest.mark.parametrize("which", ["real", "rich"])
def test_two_hash_seeds_give_identical_bytes(tmp_path: Path, which: str) -> None:
    spec = ROOT / "spec" / "openapi.yaml" if which == "real" else write_spec(tmp_path, RICH)
    first = generate(spec, tmp_path / "a", "0")
    second = generate(spec, tmp_path / "b", "4242")
    assert "python/retell_client/models.py" in first
    assert first == second


def test_the_committed_python_package_is_current() -> None:
    result = run_process("check", "--only", "python")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr
