"""How a runner's verdict on one vector becomes a pytest outcome."""

from __future__ import annotations

import pytest

from tests.conformance.vectors import Vector, known_failures


def verdict(
    runner: str, vector: Vector, problems: list[str], listed: dict[str, str] | None = None
) -> None:
    """Pass, fail, or (for a listed known failure) xfail; a listed vector that passes fails as
    a stale entry, as the protobuf conformance suite does. `listed`: the runner's known
    failures (default: its file)."""
    reason = (known_failures(runner) if listed is None else listed).get(vector["id"])
    if reason is not None:
        if problems:
            pytest.xfail(f"known failure of {runner}: {reason}")
        pytest.fail(
            f"{vector['id']} passes now: remove it from conformance/known-failures/{runner}.json"
        )
    if problems:
        pytest.fail(f"{vector['id']} ({vector['description']}):\n  " + "\n  ".join(problems))
