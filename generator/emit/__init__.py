"""Emitter registry: one package per language under generator/emit/<language>/.

Each package exposes `emit(api: generator.ir.Api) -> FileSet`, where a FileSet maps a
POSIX path relative to `generated/` (starting with "<language>/") to the file's text.
Every file carries `api.banner` in the language's comment syntax (JSON files, which have no
comments, may carry it as a value). A language whose package is absent (no __init__.py yet)
is skipped with a warning on stderr; an import error inside a present package propagates.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path

from generator.ir import Api

FileSet = dict[str, str]
Emitter = Callable[[Api], FileSet]

LANGUAGES = ("python", "typescript", "go", "conformance")
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


def emit_all(api: Api, languages: tuple[str, ...] = LANGUAGES) -> FileSet:
    """Every present language's files, sorted by path."""
    files: FileSet = {}
    for language in languages:
        if not present(language):
            print(f"warning: generator/emit/{language}/ is missing: skipped", file=sys.stderr)
            continue
        for path, text in emitter(language)(api).items():
            if not path.startswith(f"{language}/") or path in files:
                raise EmitError(f"emitter {language!r} produced a bad or duplicate path {path!r}")
            files[path] = text
    return dict(sorted(files.items()))
