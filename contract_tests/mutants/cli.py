"""`python -m contract_tests.mutants`: exit 0 only if the mock passes and every mutant is killed."""

from __future__ import annotations

import sys

from rich.console import Console

from contract_tests.mutants.runner import MutationSettings, all_ok, kill_rows, kill_table, timed

CONSOLE_WIDTH = 160


def main(console: Console | None = None) -> int:
    from mock_server import DEFAULT_API_KEY, create_app, running_server

    out = console or Console(width=None if sys.stdout.isatty() else CONSOLE_WIDTH)
    settings = MutationSettings(api_key=DEFAULT_API_KEY)
    rows, seconds = timed(kill_rows(lambda key: create_app(api_key=key), running_server, settings))
    out.print(kill_table(rows, seconds))
    if all_ok(rows):
        out.print(f"all {len(rows) - 1} mutants killed; the correct mock passes", markup=False)
        return 0
    failing = ", ".join(row.name for row in rows if not row.ok)
    print(f"contract_tests.mutants: not every verdict holds: {failing}", file=sys.stderr)
    return 1
