"""Format emitted Python with the pinned ruff, in isolation: imports sorted, `__all__` sorted
(isort-style, as ruff's RUF022 wants it), then the formatter, which also formats the Python
code blocks of Markdown files (as `ruff format --check .` on the repository expects).

The settings are fixed here, not read from any pyproject, so the bytes do not depend on where
the files land or on what is already on disk. All files go through one ruff run per step.
"""

from __future__ import annotations

import subprocess
import tempfile
from functools import cache
from pathlib import Path

SETTINGS = ("--isolated", "--line-length=100", "--target-version=py311")
FIXES = "--select=I,RUF022"
FORMATTED = (".py", ".md")


def format_python(files: dict[str, str], package: str) -> dict[str, str]:
    python = sorted(path for path in files if path.endswith(FORMATTED))
    settings = (*SETTINGS, "--config", f"lint.isort.known-first-party = [{package!r}]")
    with tempfile.TemporaryDirectory(prefix="generator-ruff-") as directory:
        root = Path(directory)
        for path in python:
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_bytes(files[path].encode("utf-8"))
        _ruff(root, settings, "check", FIXES, "--fix", "--exit-zero")
        _ruff(root, settings, "format")
        formatted = {path: (root / path).read_bytes().decode("utf-8") for path in python}
    return {**files, **formatted}


def _ruff(root: Path, settings: tuple[str, ...], *options: str) -> None:
    command = [_ruff_binary(), *options, "--quiet", *settings, "--no-cache", "."]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise RuntimeError(f"ruff {options[0]} failed: {result.stderr.strip()}")


@cache
def _ruff_binary() -> str:
    """The pinned ruff's executable (calling it directly saves a Python start-up per run)."""
    from ruff import find_ruff_bin  # type: ignore[import-untyped]

    return str(find_ruff_bin())
