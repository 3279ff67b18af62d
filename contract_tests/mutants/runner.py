"""Run the suite against the correct mock and every mutant; build the kill table."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rich.table import Table
from starlette.types import ASGIApp

from contract_tests.mutants.catalogue import MUTANTS, VARIANTS, Mutant
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
    fired: tuple[str, ...]
    findings: int
    cases: int
    seconds: float
    is_correct_server: bool = False
    expected: tuple[str, ...] = ()

    @property
    def killed_by(self) -> tuple[str, ...]:
        """The expected rules that fired (a mutant caught by another rule only survives)."""
        return tuple(rule for rule in self.expected if rule in self.fired)

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(rule for rule in self.fired if rule not in self.expected)

    @property
    def ok(self) -> bool:
        """The correct server must pass; a mutant must be killed by a rule it breaks."""
        return self.findings == 0 if self.is_correct_server else bool(self.killed_by)

    @property
    def verdict(self) -> str:
        if self.is_correct_server:
            return "passes" if self.ok else "FALSE FAILURE"
        if self.ok:
            return "killed"
        return "WRONG RULE" if self.fired else "SURVIVED"


@dataclass(frozen=True)
class MutationSettings:
    api_key: str
    max_examples: int = MUTANT_MAX_EXAMPLES
    seed: int = MUTANT_SEED


def _row(
    name: str, breaks: str, result: SuiteResult, *, correct: bool, expected: tuple[str, ...] = ()
) -> KillRow:
    rules = sorted({finding.rule for finding in result.outcome.findings})
    failures = len(result.outcome.findings) + len(result.outcome.errors)
    return KillRow(
        name,
        breaks,
        tuple(rules),
        failures,
        result.outcome.cases,
        result.seconds,
        correct,
        expected,
    )


def _run_against(app: ASGIApp, serve: Serve, settings: MutationSettings) -> SuiteResult:
    with serve(app) as url:
        options = SuiteOptions(
            base_url=url,
            api_key=settings.api_key,
            max_examples=settings.max_examples,
            seed=settings.seed,
        )
        return run_suite(options)


def kill_rows(
    make_app: AppFactory,
    serve: Serve,
    settings: MutationSettings,
    mutants: Iterable[Mutant] = MUTANTS,
    variants: Iterable[Mutant] = VARIANTS,
) -> Iterator[KillRow]:
    """The correct server's row first, then each correct variant's (a server reading an open
    choice another way: it must pass too), then one row per mutant, as each finishes."""
    correct = _run_against(make_app(settings.api_key), serve, settings)
    yield _row(CORRECT, "nothing", correct, correct=True)
    for variant in variants:
        app = variant.wrap(make_app(settings.api_key), settings.api_key)
        yield _row(variant.name, variant.breaks, _run_against(app, serve, settings), correct=True)
    for mutant in mutants:
        app = mutant.wrap(make_app(settings.api_key), settings.api_key)
        result = _run_against(app, serve, settings)
        yield _row(mutant.name, mutant.breaks, result, correct=False, expected=mutant.expects)


def kill_table(rows: Iterable[KillRow], seconds: float | None = None) -> Table:
    title = "Mutant kill table" + ("" if seconds is None else f" ({seconds:.0f} s)")
    table = Table(title=title)
    columns = ("server", "breaks", "verdict", "killed by", "other rules fired", "findings", "cases")
    for column in (*columns, "s"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row.name,
            row.breaks,
            row.verdict,
            ", ".join(row.killed_by)
            or ("-" if row.is_correct_server else "none of: " + ", ".join(row.expected)),
            ", ".join(row.others),
            str(row.findings),
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
