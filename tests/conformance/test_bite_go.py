"""The Go runner bites: a copy of the generated module with one planted bug fails exactly the
vectors that bug breaks (the known failures aside)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conformance.golang import RUNNER, run_runner
from tests.conformance.mutants import STALE, TOLERATED, Mutation, rejections, sending, tree_copy
from tests.conformance.vectors import ROOT, Suite, known_failures, suite

MUTANTS: list[tuple[Mutation, Callable[[Suite], set[str]]]] = [
    (
        Mutation(
            "pattern-check-removed",
            "validation.go",
            "if r.pattern != nil && !r.pattern.MatchString(value) {",
            "if r.pattern != nil && r.pattern == nil {",
        ),
        lambda vectors: rejections(vectors, "pattern"),
    ),
    (
        Mutation(
            "field-renamed-when-serialised",
            "models.go",
            'writeOpt(&w, "metadata", m.Metadata,',
            'writeOpt(&w, "meta_data", m.Metadata,',
            count=2,  # the two request models (the response models come later in the file)
        ),
        # A parameter that does not fit its Go type (metadata given as a string) is decoded
        # into ExtraFields and sent under its own name: only objects reach the renamed field.
        lambda vectors: sending(vectors, "metadata", objects_only=True),
    ),
    (
        Mutation(
            "5xx-made-retryable",
            "retry.go",
            "\tcase r.status == http.StatusRequestTimeout ||",
            "\tcase r.status >= 500:\n\t\treturn true\n"
            "\tcase r.status == http.StatusRequestTimeout ||",
        ),
        lambda vectors: {
            "retry.500-not-retried",
            "retry.503-not-retried",
            "retry.v1-500-not-retried",
        },
    ),
]


@pytest.mark.parametrize(("mutation", "breaks"), MUTANTS, ids=[m.name for m, _ in MUTANTS])
def test_a_planted_bug_fails_exactly_its_vectors(
    mutation: Mutation, breaks: Callable[[Suite], set[str]], tmp_path: Path
) -> None:
    tree = tree_copy("go", mutation, tmp_path / "tree", RUNNER)
    shutil.copy(ROOT / "tests" / "go" / "go.mod", tree / "tests" / "go" / "go.mod")
    run = run_runner(tree / "tests" / "go", tree)
    expected = breaks(suite())
    assert expected, "the mutation must break some vector"
    failed = set(run.failed) - set(known_failures("go"))
    assert run.returncode != 0
    assert failed == expected, (
        f"not caught: {sorted(expected - failed)}; unexpected failures: {sorted(failed - expected)}"
        f"\n{run.output[-3000:]}"
    )


def test_a_listed_failure_is_tolerated_and_a_stale_entry_fails(tmp_path: Path) -> None:
    mutation, breaks = MUTANTS[2]  # 5xx made retryable
    known = {TOLERATED: "the planted bug breaks it", STALE: "it passes: a stale entry"}
    tree = tree_copy("go", mutation, tmp_path / "tree", RUNNER, known)
    shutil.copy(ROOT / "tests" / "go" / "go.mod", tree / "tests" / "go" / "go.mod")
    run = run_runner(tree / "tests" / "go", tree)
    assert set(run.failed) == (breaks(suite()) - {TOLERATED}) | {STALE}
    assert TOLERATED in run.passed
