"""Write stage: FileSet -> generated/, the manifest, the staleness check and its diff.

Only files whose bytes change are rewritten (make compares mtimes); files in generated/ that
the FileSet does not list are deleted by `write_files` and reported by `diff_files`, except
tool caches and installs (node_modules, __pycache__, *.egg-info, the package-lock.json that
`npm install` writes, ...), which are ignored.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from generator.ir import BANNER

MANIFEST = "MANIFEST.json"
IGNORED_DIRS = frozenset(
    {"node_modules", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build", "dist"}
)
IGNORED_SUFFIXES = (".egg-info", ".pyc", ".tsbuildinfo")
IGNORED_FILES = frozenset({"package-lock.json"})


@dataclass(frozen=True)
class Summary:
    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def with_manifest(
    files: dict[str, str], spec_sha256: str, version: str, kept: dict[str, str] | None = None
) -> dict[str, str]:
    """The files and their manifest. `kept`: the entries of files this run left alone (the
    other languages of an `--only` run), taken from the manifest on disk; the version then
    says the run was partial, so the no-op test never takes their hashes on trust."""
    hashes = {**(kept or {}), **{path: sha256(text) for path, text in files.items()}}
    manifest = {
        "banner": BANNER,
        "generator_version": version if kept is None else f"{version} (partial)",
        "spec": "spec/openapi.yaml",
        "spec_sha256": spec_sha256,
        "files": dict(sorted(hashes.items())),
    }
    return {**files, MANIFEST: json.dumps(manifest, indent=2) + "\n"}


def kept_entries(root: Path, leave: frozenset[str]) -> dict[str, str]:
    """The manifest's entries for files under the top-level folders `leave`, still on disk."""
    try:
        listed = json.loads((root / MANIFEST).read_text(encoding="utf-8")).get("files", {})
    except (OSError, ValueError, AttributeError):
        return {}
    if not isinstance(listed, dict):
        return {}
    return {
        path: digest
        for path, digest in listed.items()
        if isinstance(path, str) and path.split("/")[0] in leave and (root / path).is_file()
    }


def ignored(relative: str) -> bool:
    parts = relative.split("/")
    return parts[-1] in IGNORED_FILES or any(
        p in IGNORED_DIRS or p.endswith(IGNORED_SUFFIXES) for p in parts
    )


def existing_files(root: Path, leave: frozenset[str] = frozenset()) -> set[str]:
    """Files under root, without ignored ones and those under the top-level folders `leave`
    (ignored folders such as node_modules are not even walked)."""
    found: set[str] = set()
    for directory, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if f not in IGNORED_DIRS)
        base = Path(directory).relative_to(root).as_posix()
        found.update(name if base == "." else f"{base}/{name}" for name in names)
    return {f for f in found if not ignored(f) and f.split("/")[0] not in leave}


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except (FileNotFoundError, IsADirectoryError):
        return None


def write_files(root: Path, files: dict[str, str], leave: frozenset[str] = frozenset()) -> Summary:
    written = []
    for relative, text in sorted(files.items()):
        target = root / relative
        if _read(target) != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
            written.append(relative)
    extra = sorted(existing_files(root, leave) - set(files))
    for relative in extra:
        (root / relative).unlink()
    return Summary(tuple(written), tuple(extra), len(files) - len(written))


def diff_files(
    root: Path, files: dict[str, str], label: str = "generated", leave: frozenset[str] = frozenset()
) -> str:
    chunks = []
    for relative in sorted(existing_files(root, leave) | set(files)):
        old = _read(root / relative)
        new = files.get(relative)
        if old == new:
            continue
        chunks.append(_diff(old, new, f"{label}/{relative}"))
    return "".join(chunks)


def _diff(old: str | None, new: str | None, name: str) -> str:
    lines = difflib.unified_diff(
        (old or "").splitlines(keepends=True),
        (new or "").splitlines(keepends=True),
        fromfile=f"a/{name}" if old is not None else "/dev/null",
        tofile=f"b/{name}" if new is not None else "/dev/null",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def up_to_date(root: Path, spec_sha256: str, version: str) -> bool:
    """Fast no-op test: the manifest matches the spec and generator, and every file its hash."""
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if manifest.get("spec_sha256") != spec_sha256 or manifest.get("generator_version") != version:
        return False
    listed: dict[str, str] = manifest.get("files", {})
    if existing_files(root) != set(listed) | {MANIFEST}:
        return False
    return all(_digest(root / path) == digest for path, digest in listed.items())


def _digest(path: Path) -> str | None:
    text = _read(path)
    return None if text is None else sha256(text)
