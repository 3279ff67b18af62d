"""The whole pipeline: load -> IR -> emitters -> FileSet (+ manifest) -> disk or diff."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.emit import (
    LANGUAGES,
    EmitError,
    FileSet,
    emit_all,
    heavy_files,
    merge,
    present,
    start_heavy,
)
from generator.ir.build import build_api
from generator.load import SpecError, parse_spec, validation_error
from generator.parallel import ChildError, Worker
from generator.write import diff_files, with_manifest, write_files


def render(
    spec_path: Path,
    name: str,
    version: str,
    only: tuple[str, ...] | None,
    heavy: Worker | None = None,
) -> FileSet:
    """The FileSet of a run. The `heavy` worker (started here unless the caller started it
    earlier) emits the heavy parts of the IR while this process validates the spec and renders
    the light parts. A validation error wins over any other error (an invalid spec can make
    later stages fail in less helpful ways), and an emitter's error in the light part over one
    in the heavy part."""
    languages = only or LANGUAGES
    worker = heavy or start_heavy(languages)
    try:
        spec = parse_spec(spec_path, display=name)
        try:
            api = build_api(spec)
        except SpecError as error:
            problem = validation_error(spec)
            raise (SpecError(problem) if problem else spec.located(error)) from None
        worker.submit(api)
        problem = validation_error(spec)
        if problem:
            raise SpecError(problem)
        light = emit_all(api, languages, weight="light")
        files = merge(light, heavy_files(worker.result()))
    finally:
        worker.close()
    return with_manifest(files, spec.sha256, version)


def run_command(
    command: str,
    spec: Path,
    name: str,
    out: Path,
    version: str,
    only: tuple[str, ...] | None,
    heavy: Worker | None = None,
) -> int:
    """`generate` or `check`; a problem in the spec, one an emitter cannot render, or a crash
    in the worker process is one line on stderr and status 2."""
    try:
        if command == "generate":
            return generate(spec, name, out, version, only, heavy)
        return check(spec, name, out, version, only, heavy)
    except (SpecError, EmitError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ChildError as error:
        print(f"error: generating from {name} crashed (worker): {error.summary}", file=sys.stderr)
        return 2


def left_alone(only: tuple[str, ...] | None) -> frozenset[str]:
    """Top-level folders of languages not emitted this run: neither rewritten nor deleted."""
    wanted = only or LANGUAGES
    return frozenset(lang for lang in LANGUAGES if lang not in wanted or not present(lang))


def generate(
    spec: Path,
    name: str,
    out: Path,
    version: str,
    only: tuple[str, ...] | None,
    heavy: Worker | None = None,
) -> int:
    summary = write_files(out, render(spec, name, version, only, heavy), left_alone(only))
    for path in summary.written:
        print(f"wrote {out.name}/{path}")
    for path in summary.deleted:
        print(f"deleted {out.name}/{path}")
    print(
        f"{len(summary.written)} written, {len(summary.deleted)} deleted, "
        f"{summary.unchanged} unchanged"
    )
    return 0


def check(
    spec: Path,
    name: str,
    out: Path,
    version: str,
    only: tuple[str, ...] | None,
    heavy: Worker | None = None,
) -> int:
    files = render(spec, name, version, only, heavy)
    diff = diff_files(out, files, label=out.name, leave=left_alone(only))
    if not diff:
        print(f"{out.name}/ is up to date with {name}")
        return 0
    sys.stdout.write(diff)
    print(f"error: {out.name}/ is stale: run `make generate`", file=sys.stderr)
    return 1
