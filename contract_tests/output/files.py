"""Writing a report file."""

from __future__ import annotations

from pathlib import Path

__all__ = ["write_text"]


def write_text(path: Path, text: str) -> None:
    """Write a report as UTF-8 with `\\n` line ends, in place (the path may be a special file
    such as `$GITHUB_STEP_SUMMARY` or `/dev/stdout`, so it is not replaced by another file).
    A character UTF-8 cannot hold (a lone surrogate) is written as an escape, never an
    error. Its directory must exist (the CLI checks before the run)."""
    Path(path).write_text(text, encoding="utf-8", errors="backslashreplace", newline="")
