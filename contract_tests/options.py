"""The settings of one contract run."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from contract_tests.fitting import Account
from contract_tests.gateway import Limits
from contract_tests.live import LiveNumbers

__all__ = ["DEFAULT_MAX_EXAMPLES", "PHASES", "SuiteOptions", "new_seed"]

DEFAULT_MAX_EXAMPLES = 200
DEFAULT_WORKERS = 1
PHASES = ("coverage", "fuzzing")
CONCURRENT_REQUESTS = 8  # at once, in the concurrency phase
CONCURRENT_ROUNDS = 3  # rounds of that many, per operation


def new_seed() -> int:
    return secrets.randbelow(2**32)


@dataclass(frozen=True)
class SuiteOptions:
    """What to test and how hard; `seed` makes a run reproducible (whatever `workers`)."""

    base_url: str  # the server under test (the mock's URL when the run started one)
    api_key: str
    spec: Path | None = None  # another version of the spec (default: the project's)
    include_operations: tuple[str, ...] = ()  # operation ids (empty: all)
    exclude_operations: tuple[str, ...] = ()
    exclude_checks: tuple[str, ...] = ()
    max_examples: int = DEFAULT_MAX_EXAMPLES
    seed: int = field(default_factory=new_seed)
    workers: int = DEFAULT_WORKERS
    live: bool = False
    max_live_calls: int = 0
    live_numbers: LiveNumbers | None = None  # required when max_live_calls > 0
    account: Account = field(default_factory=Account)
    limits: Limits = field(default_factory=Limits)
    max_time_s: float | None = None
    phases: tuple[str, ...] = PHASES
    run_vectors: bool = True
    run_concurrency: bool = True
    mock_started: bool = False  # the CLI started a mock for this run
    baseline: Path | None = None  # --baseline FILE (for the rerun line)
