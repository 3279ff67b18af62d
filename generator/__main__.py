"""`python -m generator {generate|check} [--spec PATH] [--out DIR] [--only LANG[,LANG]]`.

generate: regenerate generated/ (a no-op when the manifest says nothing changed).
check:    exit 1 with a unified diff when generated/ is stale (changed, missing or extra files).
Exit 2, with a one-line reason, on misuse or on a problem in the spec.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.emit import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
USAGE = "usage: python -m generator {generate|check} [--spec PATH] [--out DIR] [--only LANGS]"


class UsageError(Exception):
    pass


@dataclass(frozen=True)
class Options:
    command: str
    spec: Path = ROOT / "spec" / "openapi.yaml"
    out: Path = ROOT / "generated"
    only: tuple[str, ...] | None = None


def parse(argv: list[str]) -> Options:
    if not argv or argv[0] not in {"generate", "check"}:
        raise UsageError(f"expected a command, generate or check ({USAGE})")
    values: dict[str, str] = {}
    rest = argv[1:]
    while rest:
        flag, *rest = rest
        if flag not in {"--spec", "--out", "--only"} or not rest or flag in values:
            raise UsageError(f"unexpected argument {flag!r} ({USAGE})")
        values[flag], *rest = rest
    only = tuple(values["--only"].split(",")) if "--only" in values else None
    unknown = sorted(set(only or ()) - set(LANGUAGES))
    if unknown:
        raise UsageError(f"unknown language {unknown[0]!r} for --only (choose from {LANGUAGES})")
    spec = Path(values.get("--spec", ROOT / "spec" / "openapi.yaml"))
    return Options(argv[0], spec, Path(values.get("--out", ROOT / "generated")), only)


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
    from generator.pipeline import run_command

    name = display(options.spec)
    return run_command(options.command, options.spec, name, options.out, version, options.only)


def _sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def main(argv: list[str]) -> int:
    try:
        return run(parse(argv))
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
