"""Run the suite against the correct mock and every mutant; build the kill table."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rich.table import Table
from starlette.types import ASGIApp

from contract_tests.mutants.catalogue import MUTANTS, Mutant
from contract_tests.options import SuiteOptions
from contract_tests.suite import SuiteResult, run_suite

CORRECT = "(correct mock)"
MUTANT_MAX_EXAMPLES = 25
MUTANT_SEED = 20261121
AppFactory = Callable[[str], ASGIApp]
Serve = Callable[[ASGIApp], contextlib.AbstractContextManager[str]]


@dataclass(frozen=True)
class KillRow:
    """The verdict on one server variant."""

    name: str
    breaks: str
    caught_by: tuple[str, ...]
    findings: int
    cases: int
    seconds: float
    is_correct_server: bool = False

    @property
    def ok(self) -> bool:
        """The correct server must pass; a mutant must be killed."""
        return self.findings == 0 if self.is_correct_server else self.findings > 0

    @property
    def verdict(self) -> str:
        if self.is_correct_server:
            return "passes" if self.ok else "FALSE FAILURE"
        return "killed" if self.ok else "SURVIVED"


@dataclass(frozen=True)
class MutationSettings:
    api_key: str
    max_examples: int = MUTANT_MAX_EXAMPLES
    seed: int = MUTANT_SEED


def _row(name: str, breaks: str, result: SuiteResult, *, correct: bool) -> KillRow:
    rules = sorted({finding.rule for finding in result.outcome.findings})
    failures = len(result.outcome.findings) + len(result.engine_errors)
    return KillRow(
        name, breaks, tuple(rules), failures, result.outcome.cases, result.seconds, correct
    )


def _run_against(app: ASGIApp, serve: Serve, settings: MutationSettings) -> SuiteResult:
    with serve(app) as url:
        options = SuiteOptions(url, settings.api_key, settings.max_examples, settings.seed)
        return run_suite(options)


def kill_rows(
    make_app: AppFactory,
    serve: Serve,
    settings: MutationSettings,
    mutants: Iterable[Mutant] = MUTANTS,
) -> Iterator[KillRow]:
    """The correct server's row first, then one row per mutant, as each finishes."""
    correct = _run_against(make_app(settings.api_key), serve, settings)
    yield _row(CORRECT, "nothing", correct, correct=True)
    for mutant in mutants:
        app = mutant.wrap(make_app(settings.api_key), settings.api_key)
        yield _row(mutant.name, mutant.breaks, _run_against(app, serve, settings), correct=False)


def kill_table(rows: Iterable[KillRow], seconds: float | None = None) -> Table:
    title = "Mutant kill table" + ("" if seconds is None else f" ({seconds:.0f} s)")
    table = Table(title=title)
    for column in ("server", "breaks", "verdict", "findings", "caught by", "cases", "s"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row.name,
            row.breaks,
            row.verdict,
            str(row.findings),
            ", ".join(row.caught_by),
            str(row.cases),
            f"{row.seconds:.1f}",
            style=None if row.ok else "bold red",
        )
    return table


def all_ok(rows: Iterable[KillRow]) -> bool:
    return all(row.ok for row in rows)


def timed(rows: Iterator[KillRow]) -> tuple[list[KillRow], float]:
    started = time.perf_counter()
    collected = list(rows)
    return collected, time.perf_counter() - started
