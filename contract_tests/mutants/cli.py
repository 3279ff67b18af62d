"""`python -m contract_tests.mutants`: the suite against the correct mock, the correct variants
and every mutant. Exit 0 only when the mock and every variant pass and every mutant is killed
by a rule it breaks; 1 otherwise; 2 on misuse."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from rich.console import Console

from contract_tests.mutants.catalogue import MUTANTS, VARIANTS
from contract_tests.mutants.runner import (
    MUTANT_MAX_EXAMPLES,
    MUTANT_SEED,
    MutationSettings,
    all_ok,
    kill_rows,
    kill_table,
    timed,
)

CONSOLE_WIDTH = 160


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        print(f"contract_tests.mutants: usage error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m contract_tests.mutants", description=__doc__)
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="run only these mutants (repeatable)",
    )
    parser.add_argument(
        "--max-examples",
        type=int,
        default=MUTANT_MAX_EXAMPLES,
        help=f"fuzzed cases per operation (default {MUTANT_MAX_EXAMPLES})",
    )
    parser.add_argument(
        "--seed", type=int, default=MUTANT_SEED, help=f"the run's seed (default {MUTANT_SEED})"
    )
    return parser


def main(argv: Sequence[str] | None = None, console: Console | None = None) -> int:
    from mock_server import DEFAULT_API_KEY, create_app, running_server

    arguments = _parser().parse_args(argv)
    names = {mutant.name for mutant in MUTANTS}
    unknown = sorted(set(arguments.only) - names)
    if unknown:
        print(
            f"contract_tests.mutants: usage error: --only: no mutant {unknown[0]!r}",
            file=sys.stderr,
        )
        return 2
    chosen = [m for m in MUTANTS if not arguments.only or m.name in arguments.only]
    out = console or Console(width=None if sys.stdout.isatty() else CONSOLE_WIDTH)
    settings = MutationSettings(DEFAULT_API_KEY, arguments.max_examples, arguments.seed)
    rows, seconds = timed(
        kill_rows(lambda key: create_app(api_key=key), running_server, settings, chosen, VARIANTS)
    )
    out.print(kill_table(rows, seconds))
    if all_ok(rows):
        out.print(
            f"all {len(chosen)} mutants killed; the correct mock and its {len(VARIANTS)} "
            "correct variants pass",
            markup=False,
        )
        return 0
    failing = ", ".join(row.name for row in rows if not row.ok)
    print(f"contract_tests.mutants: not every verdict holds: {failing}", file=sys.stderr)
    return 1
