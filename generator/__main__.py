"""`python -m generator {generate|check} [--spec PATH] [--out DIR] [--only LANG[,LANG]]`.

`--help` (also after a command) describes the options and exits 0.

generate: regenerate generated/ (a no-op when the manifest says nothing changed).
check:    exit 1 with a unified diff when generated/ is stale (changed, missing or extra files).
Exit 2, with a one-line reason, on misuse or on a problem in the spec.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from generator.emit import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTION = "Generate typed clients from an OpenAPI spec, or check that generated/ is current."
COMMANDS = {
    "generate": "regenerate the output folder (a no-op when its manifest says nothing changed)",
    "check": "exit 1 with a unified diff when the output folder is stale",
}


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but misuse raises UsageError (one line, exit 2) instead of printing usage."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `python -m generator --help`)")


@dataclass(frozen=True)
class Options:
    command: str
    spec: Path = ROOT / "spec" / "openapi.yaml"
    out: Path = ROOT / "generated"
    only: tuple[str, ...] | None = None


def _languages(value: str) -> tuple[str, ...]:
    only = tuple(value.split(","))
    unknown = sorted(set(only) - set(LANGUAGES))
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown language {unknown[0]!r} (choose from {LANGUAGES})"
        )
    return only


def parser() -> argparse.ArgumentParser:
    main_parser = _Parser(prog="python -m generator", description=DESCRIPTION)
    commands = main_parser.add_subparsers(dest="command", metavar="{generate,check}")
    for name, text in COMMANDS.items():
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument(
            "--spec",
            type=Path,
            default=ROOT / "spec" / "openapi.yaml",
            help="the OpenAPI document (default: spec/openapi.yaml)",
        )
        command.add_argument(
            "--out",
            type=Path,
            default=ROOT / "generated",
            help="the output folder (default: generated/)",
        )
        command.add_argument(
            "--only",
            type=_languages,
            metavar="LANG[,LANG]",
            help=f"emit only these languages ({', '.join(LANGUAGES)})",
        )
    return main_parser


def parse(argv: list[str]) -> Options:
    namespace = parser().parse_args(argv)
    if namespace.command is None:
        raise UsageError("expected a command, generate or check (see `python -m generator --help`)")
    return Options(namespace.command, namespace.spec, namespace.out, namespace.only)


def display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def run(options: Options) -> int:
    from generator.version import generator_version
    from generator.write import up_to_date

    version = generator_version()
    if options.command == "generate" and options.only is None:
        spec_sha = _sha256_of(options.spec)
        if spec_sha and up_to_date(options.out, spec_sha, version):
            print(f"{display(options.out)}/ is up to date")
            return 0
    from generator.pipeline import Run, run_command

    run = Run(options.spec, display(options.spec), options.out, version, options.only)
    return run_command(options.command, run)


def _sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def main(argv: list[str]) -> int:
    try:
        options = parse(argv)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help printed the help
        return exc.code if isinstance(exc.code, int) else 0
    return run(options)


if __name__ == "__main__":
    # A short batch run: the cyclic garbage collector would mostly walk the modules being
    # imported (most of a run's time), and the process ends before garbage matters.
    gc.disable()
    sys.exit(main(sys.argv[1:]))
