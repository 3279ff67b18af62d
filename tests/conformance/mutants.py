"""Copies of generated code with one deliberate bug each, for the tests that show the runners
bite: the runner must fail exactly the vectors the bug breaks."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from tests.conformance.vectors import ROOT, Suite, Vector, known_failures


@dataclass(frozen=True)
class Mutation:
    """Replace `old` (which must occur) by `new` in the file `path` of a copy."""

    name: str
    path: str
    old: str
    new: str
    count: int = -1  # how many occurrences, from the first (-1: all)

    def apply(self, root: Path) -> None:
        target = root / self.path
        text = target.read_text(encoding="utf-8")
        assert self.old in text, f"{self.name}: {self.old!r} is not in {self.path} any more"
        target.write_text(text.replace(self.old, self.new, self.count), encoding="utf-8")


def python_copy(mutation: Mutation, into: Path) -> ModuleType:
    """generated/python/retell_client copied with the mutation, imported under its own name."""
    name = f"retell_client_mutant_{mutation.name.replace('-', '_')}"
    package = into / name
    shutil.copytree(
        ROOT / "generated" / "python" / "retell_client",
        package,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    mutation.apply(package)
    spec = importlib.util.spec_from_file_location(
        name, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def tree_copy(
    language: str,
    mutation: Mutation,
    into: Path,
    runner: Path,
    known: dict[str, str] | None = None,
) -> Path:
    """A repository-shaped tree: generated/<language> copied with the mutation, the runner
    copied, the vectors linked (or copied, with `known` added to the language's known
    failures). Returns its root."""
    shutil.copytree(
        ROOT / "generated" / language,
        into / "generated" / language,
        ignore=shutil.ignore_patterns("node_modules", "dist"),
    )
    mutation.apply(into / "generated" / language)
    (into / "generated" / "conformance").symlink_to(ROOT / "generated" / "conformance")
    if known is None:
        (into / "conformance").symlink_to(ROOT / "conformance")
    else:
        shutil.copytree(ROOT / "conformance", into / "conformance")
        listing = into / "conformance" / "known-failures" / f"{language}.json"
        listing.write_text(json.dumps({**known_failures(language), **known}), encoding="utf-8")
    (into / runner).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / runner, into / runner)
    return into


def rejections(suite: Suite, keyword: str) -> set[str]:
    return {
        vector["id"]
        for vector in suite.client()
        if vector["kind"] == "rejection" and vector["error"]["keyword"] == keyword
    }


def sending(
    suite: Suite, field: str, extra_body: bool = False, objects_only: bool = False
) -> set[str]:
    """The client vectors that check what is sent or refused and pass `field` as a parameter
    (`objects_only`: a JSON object), or also (`extra_body`) in the extra body."""

    def carries(vector: Vector) -> bool:
        if field in vector["params"]:
            return not objects_only or isinstance(vector["params"][field], dict)
        return extra_body and field in vector.get("options", {}).get("extra_body", {})

    return {
        vector["id"]
        for vector in suite.client()
        if vector["kind"] in ("request", "rejection") and carries(vector)
    }


def ids(vectors: list[Vector], ending: str) -> set[str]:
    return {vector["id"] for vector in vectors if vector["id"].endswith(ending)}


# One run shows both halves of the known-failure rule: a listed vector that the planted bug
# breaks is tolerated, a listed vector that passes fails the run as a stale entry.
STALE = "response.created"
TOLERATED = "retry.500-not-retried"
