"""Emitter registry: one package per language under generator/emit/<language>/.

Each package exposes `emit(api: generator.ir.Api) -> FileSet`, where a FileSet maps a
POSIX path relative to `generated/` (starting with "<language>/") to the file's text.
Every file carries `api.banner` in the language's comment syntax (JSON files, which have no
comments, may carry it as a value). A language whose package is absent (no __init__.py yet)
is skipped with a warning on stderr; an import error inside a present package propagates.

A package may also split its work in two, `emit_light(api)` and `emit_heavy(api)`, whose
union is `emit(api)`, and an optional `warm()` that imports what the heavy part needs. The
CLI then forks a worker at start-up (`start_heavy`) that warms up (for Python, the imports of
datamodel-code-generator, most of a run's time) while the main process reads the spec and
builds the IR; the worker emits the heavy parts of the IR it is sent, while the main process
validates the spec and renders the light parts, so the two overlap on two cores.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from generator import parallel
from generator.ir import Api

FileSet = dict[str, str]
Emitter = Callable[[Api], FileSet]
Weight = Literal["all", "light", "heavy"]

LANGUAGES = ("python", "typescript")
HERE = Path(__file__).resolve().parent


class EmitError(Exception):
    """Something an emitter cannot render (the CLI prints it on one line and exits 2), or an
    emitter that broke the registry's rules (path outside its area, duplicate path).
    Emitters should raise it, or a subclass, for unsupported constructs."""


def present(language: str) -> bool:
    return (HERE / language / "__init__.py").is_file()


def emitter(language: str) -> Emitter:
    module = importlib.import_module(f"generator.emit.{language}")
    function: Emitter = module.emit
    return function


def emit_all(api: Api, languages: tuple[str, ...] = LANGUAGES, weight: Weight = "all") -> FileSet:
    """Every language's files, or only their light or heavy part (see the module docstring)."""
    files: FileSet = {}
    for language in languages:
        if not present(language):
            if weight != "heavy":
                print(f"warning: generator/emit/{language}/ is missing: skipped", file=sys.stderr)
            continue
        for path, text in _emit(language, api, weight).items():
            if not path.startswith(f"{language}/") or path in files:
                raise EmitError(f"emitter {language!r} produced a bad or duplicate path {path!r}")
            files[path] = text
    return dict(sorted(files.items()))


def merge(*parts: FileSet) -> FileSet:
    """The union of FileSets that must not overlap (the light and heavy parts of a run)."""
    files: FileSet = {}
    for part in parts:
        for path, text in part.items():
            if path in files:
                raise EmitError(f"two emitter parts produced {path!r}")
            files[path] = text
    return dict(sorted(files.items()))


def _emit(language: str, api: Api, weight: Weight) -> FileSet:
    module = importlib.import_module(f"generator.emit.{language}")
    if weight == "all":
        return emitter(language)(api)
    if not hasattr(module, "emit_heavy"):
        return emitter(language)(api) if weight == "light" else {}
    part: Emitter = module.emit_heavy if weight == "heavy" else module.emit_light
    return part(api)


def start_heavy(languages: tuple[str, ...] = LANGUAGES) -> parallel.Worker:
    """A worker (a forked child where possible) that warms up now; `submit(api)` to it, then
    `heavy_files(worker.result())` is the heavy part of every language."""
    return parallel.spawn(lambda: _warm(languages), lambda api: _heavy_json(api, languages))


def heavy_files(outcome: str) -> FileSet:
    """The worker's answer as a FileSet, or the EmitError it met."""
    result = json.loads(outcome)
    if "emit_error" in result:
        raise EmitError(result["emit_error"])
    files: FileSet = result["files"]
    return files


def _warm(languages: tuple[str, ...]) -> None:
    for language in languages:
        if present(language):
            warm = getattr(importlib.import_module(f"generator.emit.{language}"), "warm", None)
            if callable(warm):
                warm()


def _heavy_json(api: Api, languages: tuple[str, ...]) -> str:
    try:
        return json.dumps({"files": emit_all(api, languages, weight="heavy")})
    except EmitError as error:
        return json.dumps({"emit_error": str(error)})
