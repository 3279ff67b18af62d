"""The whole pipeline: load -> IR -> emitters -> FileSet (+ manifest) -> disk or diff."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from generator.emit import (
    LANGUAGES,
    EmitError,
    FileSet,
    emit_all,
    heavy_files,
    merge,
    present,
)
from generator.ir.build import build_api
from generator.load import SpecError, parse_spec, validation_error
from generator.parallel import ChildError, Worker
from generator.write import diff_files, with_manifest, write_files


@dataclass(frozen=True)
class Run:
    """What one `generate` or `check` works on."""

    spec: Path  # the spec file
    name: str  # how messages name it
    out: Path  # the generated/ folder
    version: str  # the generator's version, for the manifest
    only: tuple[str, ...] | None  # the languages asked for (None: all)
    heavy: Worker  # the worker emitting the heavy parts, started early by the caller

    @property
    def languages(self) -> tuple[str, ...]:
        return self.only or LANGUAGES

    @property
    def left_alone(self) -> frozenset[str]:
        """Top-level folders of languages not emitted this run: neither rewritten nor deleted."""
        return frozenset(
            lang for lang in LANGUAGES if lang not in self.languages or not present(lang)
        )


def render(run: Run) -> FileSet:
    """The FileSet of a run. The heavy worker emits the heavy parts of the IR while this
    process validates the spec and renders the light parts. A validation error wins over any
    other error (an invalid spec can make later stages fail in less helpful ways), and an
    emitter's error in the light part over one in the heavy part."""
    try:
        spec = parse_spec(run.spec, display=run.name)
        try:
            api = build_api(spec)
        except SpecError as error:
            problem = validation_error(spec)
            raise (SpecError(problem) if problem else spec.located(error)) from None
        run.heavy.submit(api)
        problem = validation_error(spec)
        if problem:
            raise SpecError(problem)
        light = emit_all(api, run.languages, weight="light")
        files = merge(light, heavy_files(run.heavy.result()))
    finally:
        run.heavy.close()
    return with_manifest(files, spec.sha256, run.version)


def run_command(command: str, run: Run) -> int:
    """`generate` or `check`; a problem in the spec, one an emitter cannot render, or a crash
    in the worker process is one line on stderr and status 2."""
    try:
        return generate(run) if command == "generate" else check(run)
    except (SpecError, EmitError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ChildError as error:
        print(
            f"error: generating from {run.name} crashed (worker): {error.summary}", file=sys.stderr
        )
        return 2


def generate(run: Run) -> int:
    summary = write_files(run.out, render(run), run.left_alone)
    for path in summary.written:
        print(f"wrote {run.out.name}/{path}")
    for path in summary.deleted:
        print(f"deleted {run.out.name}/{path}")
    print(
        f"{len(summary.written)} written, {len(summary.deleted)} deleted, "
        f"{summary.unchanged} unchanged"
    )
    return 0


def check(run: Run) -> int:
    diff = diff_files(run.out, render(run), label=run.out.name, leave=run.left_alone)
    if not diff:
        print(f"{run.out.name}/ is up to date with {run.name}")
        return 0
    sys.stdout.write(diff)
    print(f"error: {run.out.name}/ is stale: run `make generate`", file=sys.stderr)
    return 1
