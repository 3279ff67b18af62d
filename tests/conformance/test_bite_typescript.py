"""The TypeScript runner bites: a copy of the generated package with one planted bug fails
exactly the vectors that bug breaks (the known failures aside)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conformance.mutants import STALE, TOLERATED, Mutation, rejections, sending, tree_copy
from tests.conformance.typescript import RUNNER, compile_runner, run_runner
from tests.conformance.vectors import Suite, known_failures, suite

MUTANTS: list[tuple[Mutation, Callable[[Suite], set[str]]]] = [
    (
        Mutation(
            "pattern-check-removed",
            "src/validation.ts",
            "if (regex !== undefined && !regex.test(text)) {",
            "if (regex !== undefined && false) {",
        ),
        lambda vectors: rejections(vectors, "pattern"),
    ),
    (
        Mutation(
            "field-renamed-when-serialised",
            "src/json.ts",
            "entries.push([key, convert(",
            'entries.push([key === "metadata" ? "meta_data" : key, convert(',
        ),
        # JsonBodies converts the extra body the same way: a member there is renamed too.
        lambda vectors: sending(vectors, "metadata", extra_body=True),
    ),
    (
        Mutation(
            "5xx-made-retryable",
            "src/retry.ts",
            "return unsafeOk && (failure.status === 408 || failure.status === 409"
            " || failure.status >= 500);",
            "return failure.status >= 500 || (unsafeOk && (failure.status === 408"
            " || failure.status === 409));",
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
    tree = tree_copy("typescript", mutation, tmp_path / "tree", RUNNER)
    compile_runner(tree, tmp_path / "build")
    run = run_runner(tree, tmp_path / "build")
    expected = breaks(suite())
    assert expected, "the mutation must break some vector"
    failed = set(run.failed) - set(known_failures("typescript"))
    assert run.returncode != 0
    assert failed == expected, (
        f"not caught: {sorted(expected - failed)}; unexpected failures: {sorted(failed - expected)}"
    )


def test_a_listed_failure_is_tolerated_and_a_stale_entry_fails(tmp_path: Path) -> None:
    mutation, breaks = MUTANTS[2]  # 5xx made retryable
    known = {TOLERATED: "the planted bug breaks it", STALE: "it passes: a stale entry"}
    tree = tree_copy("typescript", mutation, tmp_path / "tree", RUNNER, known)
    compile_runner(tree, tmp_path / "build")
    run = run_runner(tree, tmp_path / "build")
    assert set(run.failed) == (breaks(suite()) - {TOLERATED}) | {STALE}
    assert TOLERATED in run.passed
