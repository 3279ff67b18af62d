"""The Python runner bites: a copy of retell_client with one planted bug fails exactly the
vectors that bug breaks (the known failures aside), in both flavours."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conformance.mutants import (
    STALE,
    TOLERATED,
    Mutation,
    ids,
    python_copy,
    rejections,
    sending,
)
from tests.conformance.python_runner import FLAVOURS, run_vector
from tests.conformance.vectors import Suite, known_failures, suite
from tests.conformance.verdict import verdict

MUTANTS: list[tuple[Mutation, Callable[[Suite], set[str]]]] = [
    (
        Mutation(
            "pattern-check-removed",
            "_validation.py",
            "if search is not None and search(value) is None:",
            "if False:",
        ),
        lambda vectors: rejections(vectors, "pattern"),
    ),
    (
        # Python's own regex semantics instead of ECMAScript's: `$` matches before a final
        # newline again. Only the near misses that end in a newline can tell.
        Mutation(
            "python-regex-semantics",
            "_validation.py",
            "search = ecma_pattern(str(pattern)).search if pattern is not None else None",
            "search = re.compile(str(pattern)).search if pattern is not None else None",
        ),
        lambda vectors: ids(vectors.client(), "pattern.trailing-newline"),
    ),
    (
        Mutation(
            "field-renamed-when-serialised",
            "_base_client.py",
            "body[name] = to_json(value, (name,))",
            'body["meta_data" if name == "metadata" else name] = to_json(value, (name,))',
        ),
        lambda vectors: sending(vectors, "metadata"),
    ),
    (
        Mutation(
            "5xx-made-retryable",
            "_retry.py",
            "return safe and (status in UNSAFE_STATUSES or status >= 500)",
            "return status >= 500 or (safe and status in UNSAFE_STATUSES)",
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
    package = python_copy(mutation, tmp_path)
    vectors = suite()
    expected = breaks(vectors)
    assert expected, "the mutation must break some vector"
    known = set(known_failures("python"))
    for flavour in FLAVOURS:
        failed = {
            vector["id"]
            for vector in vectors.client()
            if run_vector(package, vectors, vector, flavour)
        }
        assert failed - known == expected, (
            f"{flavour}: not caught: {sorted(expected - failed)}; "
            f"unexpected failures: {sorted(failed - known - expected)}"
        )


def test_a_listed_failure_is_tolerated_and_a_stale_entry_fails(tmp_path: Path) -> None:
    package = python_copy(MUTANTS[3][0], tmp_path)  # 5xx made retryable
    vectors = suite().by_id()
    known = {TOLERATED: "the planted bug breaks it", STALE: "it passes: a stale entry"}

    def judge(vector_id: str) -> None:
        vector = vectors[vector_id]
        verdict("python", vector, run_vector(package, suite(), vector, "sync"), known)

    with pytest.raises(pytest.xfail.Exception):
        judge(TOLERATED)
    with pytest.raises(pytest.fail.Exception, match="passes now: remove it"):
        judge(STALE)
    with pytest.raises(pytest.fail.Exception, match=r"retry\.503-not-retried"):
        judge("retry.503-not-retried")
