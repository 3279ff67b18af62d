"""`retell-generate` (or `python -m generator`) `{generate|check} [--spec PATH] [--out DIR]
[--only LANG[,LANG]]`.

`--help` (also after a command) describes the options, `--version` prints the generator's
version (the one its manifests record); both exit 0.

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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from generator.emit import LANGUAGES
from generator.ir import SPEC_PATH

ROOT = Path(__file__).resolve().parent.parent
# In a checkout, generated/ beside spec/. Installed (the spec is then package data), the
# current directory's generated/: never a folder inside site-packages.
IN_CHECKOUT = SPEC_PATH == ROOT / "spec" / "openapi.yaml"
DEFAULT_OUT = ROOT / "generated" if IN_CHECKOUT else Path("generated")
DISTRIBUTION = "retell-contract-kit"
MODULE_PROG = "python -m generator"
SCRIPT_PROG = "retell-generate"
DESCRIPTION = "Generate typed clients from an OpenAPI spec, or check that generated/ is current."
COMMANDS = {
    "generate": "regenerate the output folder (a no-op when its manifest says nothing changed)",
    "check": "exit 1 with a unified diff when the output folder is stale",
}


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but misuse raises UsageError (one line, exit 2) instead of printing usage."""

    def __init__(self, *args: Any, command: str = MODULE_PROG, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.command = command  # how the help hint names the program

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.command} --help`)")


class _VersionAction(argparse.Action):
    """`--version`: computed only when asked (it hashes the generator's sources)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        from generator.version import generator_version

        print(f"{parser.prog} {generator_version()} ({DISTRIBUTION} {_distribution_version()})")
        parser.exit()


def _distribution_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "not installed"


@dataclass(frozen=True)
class Options:
    command: str
    spec: Path = SPEC_PATH
    out: Path = DEFAULT_OUT
    only: tuple[str, ...] | None = None


def _languages(value: str) -> tuple[str, ...]:
    only = tuple(value.split(","))
    unknown = sorted(set(only) - set(LANGUAGES))
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown language {unknown[0]!r} (choose from {LANGUAGES})"
        )
    return only


def parser(prog: str = MODULE_PROG) -> argparse.ArgumentParser:
    main_parser = _Parser(prog=prog, description=DESCRIPTION, command=prog)
    main_parser.add_argument("--version", action=_VersionAction)
    commands = main_parser.add_subparsers(
        dest="command", metavar="{generate,check}", parser_class=_Parser
    )
    for name, text in COMMANDS.items():
        command = commands.add_parser(name, help=text, description=text, command=prog)
        command.add_argument(
            "--spec",
            type=Path,
            default=SPEC_PATH,
            help="the OpenAPI document (default: the toolkit's spec/openapi.yaml)",
        )
        command.add_argument(
            "--out",
            type=Path,
            default=DEFAULT_OUT,
            help="the output folder (default: generated/ of the checkout"
            + (")" if IN_CHECKOUT else "; installed: ./generated)"),
        )
        command.add_argument(
            "--only",
            type=_languages,
            metavar="LANG[,LANG]",
            help=f"emit only these languages ({', '.join(LANGUAGES)})",
        )
    return main_parser


def parse(argv: Sequence[str], prog: str = MODULE_PROG) -> Options:
    namespace = parser(prog).parse_args(list(argv))
    if namespace.command is None:
        raise UsageError(f"expected a command, generate or check (see `{prog} --help`)")
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


def main(argv: Sequence[str] | None = None, prog: str = MODULE_PROG) -> int:
    """Run the CLI on `argv` (default: the process's arguments); the exit status."""
    try:
        options = parse(sys.argv[1:] if argv is None else argv, prog)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help or --version printed their text
        return exc.code if isinstance(exc.code, int) else 0
    return run(options)


def script() -> int:
    """The `retell-generate` console script."""
    # A short batch run: the cyclic garbage collector would mostly walk the modules being
    # imported (most of a run's time), and the process ends before garbage matters.
    gc.disable()
    return main(prog=SCRIPT_PROG)


if __name__ == "__main__":
    gc.disable()  # as in script()
    sys.exit(main())
