"""Byte-identical output across runs and hash seeds, for every language, on the real spec."""

from __future__ import annotations

from pathlib import Path

from tests.generator.helpers import ROOT, read_tree, run_process


def generate(out: Path, hash_seed: str) -> dict[str, bytes]:
    spec = ROOT / "spec" / "openapi.yaml"
    result = run_process("generate", "--spec", str(spec), "--out", str(out), hash_seed=hash_seed)
    assert result.returncode == 0, result.stderr
    return read_tree(out)


def test_two_hash_seeds_give_identical_bytes(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", "0")
    second = generate(tmp_path / "b", "4242")
    assert "python/retell_client/models.py" in first
    assert first == second
