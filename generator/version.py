"""The generator's version: a release number plus a fingerprint of everything that shapes output.

The fingerprint hashes the generator's own files and the versions of the tools that shape its
output (Jinja renders every file, ruff formats the Python), so a no-op regeneration can be
detected without running the pipeline.
"""

from __future__ import annotations

import hashlib
from importlib.util import find_spec
from pathlib import Path

RELEASE = "0.1.0"
HERE = Path(__file__).resolve().parent
TOOLS = (("jinja2", "jinja2"), ("ruff", "ruff"))
SKIPPED = frozenset({"__pycache__", "node_modules"})
SOURCE_SUFFIXES = frozenset({".py", ".jinja"})


def generator_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(_sources(), key=lambda p: p.relative_to(HERE).as_posix()):
        digest.update(path.relative_to(HERE).as_posix().encode() + b"\0" + path.read_bytes())
    for module, distribution in TOOLS:
        digest.update(f"{_tool_version(module, distribution)}\0".encode())
    return f"{RELEASE}+{digest.hexdigest()[:12]}"


def _sources() -> list[Path]:
    """The generator's code and templates (stray files such as caches do not count)."""
    return [
        path
        for path in HERE.rglob("*")
        if path.suffix in SOURCE_SUFFIXES
        and path.is_file()
        and not SKIPPED & set(path.relative_to(HERE).parts)
    ]


def _tool_version(module: str, distribution: str) -> str:
    """The installed `name-version.dist-info` folder name (no import, no importlib.metadata:
    both would cost more than the rest of a no-op run)."""
    spec = find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return f"{distribution}-absent"
    site = Path(next(iter(spec.submodule_search_locations))).parent
    found = sorted(path.name for path in site.glob(f"{distribution}-*.dist-info"))
    return ",".join(found) or f"{distribution}-unknown"
