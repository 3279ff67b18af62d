"""The whole pipeline: load -> IR -> emitters -> FileSet (+ manifest) -> disk or diff."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from generator.emit import LANGUAGES, EmitError, FileSet, emit_all, present
from generator.ir.build import build_api
from generator.load import SpecError, parse_spec, validation_error
from generator.write import MANIFEST, diff_files, kept_entries, with_manifest, write_files


@dataclass(frozen=True)
class Run:
    """What one `generate` or `check` works on."""

    spec: Path  # the spec file
    name: str  # how messages name it
    out: Path  # the generated/ folder
    version: str  # the generator's version, for the manifest
    only: tuple[str, ...] | None  # the languages asked for (None: all)

    @property
    def languages(self) -> tuple[str, ...]:
        return self.only or LANGUAGES

    @property
    def left_alone(self) -> frozenset[str]:
        """Top-level folders of languages not emitted this run: neither rewritten nor deleted."""
        return frozenset(
            lang for lang in LANGUAGES if lang not in self.languages or not present(lang)
        )

    @property
    def partial(self) -> bool:
        """An `--only` run that leaves some language out."""
        return self.only is not None and set(self.only) != set(LANGUAGES)


def render(run: Run, manifest: bool = True) -> FileSet:
    """The FileSet of a run, with its manifest unless `manifest` is False. A validation error
    wins over any other error: an invalid spec can make the IR builder fail in less helpful
    ways. A partial run's manifest keeps the other languages' entries (see with_manifest)."""
    spec = parse_spec(run.spec, display=run.name)
    try:
        api = build_api(spec)
    except SpecError as error:
        problem = validation_error(spec)
        raise (SpecError(problem) if problem else spec.located(error)) from None
    problem = validation_error(spec)
    if problem:
        raise SpecError(problem)
    files = emit_all(api, run.languages)
    if not manifest:
        return files
    kept = kept_entries(run.out, run.left_alone) if run.partial else None
    return with_manifest(files, spec.sha256, run.version, kept)


def run_command(command: str, run: Run) -> int:
    """`generate` or `check`; a problem in the spec, or one an emitter cannot render, is one
    line on stderr and status 2."""
    try:
        return generate(run) if command == "generate" else check(run)
    except (SpecError, EmitError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def generate(run: Run) -> int:
    summary = write_files(run.out, render(run), run.left_alone)
    print(
        f"{run.out.name}/ ({', '.join(run.languages)}): {len(summary.written)} written, "
        f"{len(summary.deleted)} deleted, {summary.unchanged} unchanged"
    )
    return 0


def check(run: Run) -> int:
    """A partial check compares its languages' files only: the manifest speaks for all."""
    leave = run.left_alone | {MANIFEST} if run.partial else run.left_alone
    files = render(run, manifest=not run.partial)
    diff = diff_files(run.out, files, label=run.out.name, leave=leave)
    if not diff:
        print(f"{run.out.name}/ is up to date with {run.name}")
        return 0
    sys.stdout.write(diff)
    print(f"error: {run.out.name}/ is stale: run `make generate`", file=sys.stderr)
    return 1
