"""`python -m benchmarks [AREA ...]`: run the benchmarks and write BENCHMARKS.md.

Each area is a module of this package exposing `run() -> str`, a Markdown section with
the command that produced it, the figures, the peer, the ratio and the target. Missed
targets are reported in the file, not hidden; a benchmark that cannot run is a finding.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import cast

AREAS = ("generator_speed", "go_speed", "mock_speed", "contract_speed")
OUTPUT = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"


def _header(areas: list[str]) -> str:
    return "\n".join(
        [
            "# Benchmarks",
            "",
            f"Produced by `make bench` (`python -m benchmarks {' '.join(areas)}`) on "
            f"{time.strftime('%Y-%m-%d', time.gmtime())}: Python {platform.python_version()}, "
            f"{platform.machine()}, {os.cpu_count()} cores. Every figure is compared with a peer "
            "measured in the same run; shared machines are noisy, so read the ratios.",
            "",
        ]
    )


def _run_area(area: str) -> tuple[str, bool]:
    """The area's section, and whether it ran to the end."""
    print(f"benchmarks: running {area} ...", file=sys.stderr, flush=True)
    try:
        module = importlib.import_module(f"benchmarks.{area}")
        run = cast(Callable[[], str], module.run)
        return run(), True
    except Exception:  # a broken benchmark is reported in the file, not swallowed
        return f"## {area}\n\nDid not run:\n\n```\n{traceback.format_exc()}```\n", False


def main(argv: list[str]) -> int:
    unknown = [area for area in argv if area not in AREAS]
    if unknown:
        print(
            f"benchmarks: unknown area {unknown[0]!r}; choose from {', '.join(AREAS)}",
            file=sys.stderr,
        )
        return 2
    areas = argv or list(AREAS)
    results = [_run_area(area) for area in areas]
    sections = [section.rstrip() + "\n" for section, _ in results]
    OUTPUT.write_text(_header(areas) + "\n" + "\n".join(sections), encoding="utf-8")
    print(f"benchmarks: wrote {OUTPUT.name}")
    return 0 if all(ok for _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
