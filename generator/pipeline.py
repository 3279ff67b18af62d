"""The whole pipeline: load -> IR -> emitters -> FileSet (+ manifest) -> disk or diff."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.emit import LANGUAGES, EmitError, FileSet, emit_all, present
from generator.ir.build import build_api
from generator.load import SpecError, parse_spec
from generator.load.background import validating
from generator.write import diff_files, with_manifest, write_files


def render(spec_path: Path, name: str, version: str, only: tuple[str, ...] | None) -> FileSet:
    spec = parse_spec(spec_path, display=name)
    with validating(spec):
        try:
            api = build_api(spec)
        except SpecError as error:
            raise spec.located(error) from None
        files = emit_all(api, only or LANGUAGES)
    return with_manifest(files, spec.sha256, version)


def run_command(
    command: str, spec: Path, name: str, out: Path, version: str, only: tuple[str, ...] | None
) -> int:
    """`generate` or `check`; a problem in the spec, or one an emitter cannot render, is one
    line on stderr and status 2."""
    try:
        if command == "generate":
            return generate(spec, name, out, version, only)
        return check(spec, name, out, version, only)
    except (SpecError, EmitError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def left_alone(only: tuple[str, ...] | None) -> frozenset[str]:
    """Top-level folders of languages not emitted this run: neither rewritten nor deleted."""
    wanted = only or LANGUAGES
    return frozenset(lang for lang in LANGUAGES if lang not in wanted or not present(lang))


def generate(spec: Path, name: str, out: Path, version: str, only: tuple[str, ...] | None) -> int:
    summary = write_files(out, render(spec, name, version, only), left_alone(only))
    for path in summary.written:
        print(f"wrote {out.name}/{path}")
    for path in summary.deleted:
        print(f"deleted {out.name}/{path}")
    print(
        f"{len(summary.written)} written, {len(summary.deleted)} deleted, "
        f"{summary.unchanged} unchanged"
    )
    return 0


def check(spec: Path, name: str, out: Path, version: str, only: tuple[str, ...] | None) -> int:
    files = render(spec, name, version, only)
    diff = diff_files(out, files, label=out.name, leave=left_alone(only))
    if not diff:
        print(f"{out.name}/ is up to date with {name}")
        return 0
    sys.stdout.write(diff)
    print(f"error: {out.name}/ is stale: run `make generate`", file=sys.stderr)
    return 1
