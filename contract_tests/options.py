"""The settings of one contract run."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from contract_tests.account import Account
from contract_tests.safety import LiveNumbers

DEFAULT_MAX_EXAMPLES = 200
DEFAULT_MAX_LIVE_CALLS = 0
PHASES = ("examples", "coverage", "fuzzing")


def new_seed() -> int:
    return secrets.randbelow(2**32)


@dataclass(frozen=True)
class SuiteOptions:
    """What to test and how hard; `seed` makes a run reproducible."""

    base_url: str
    api_key: str
    max_examples: int = DEFAULT_MAX_EXAMPLES
    seed: int = field(default_factory=new_seed)
    live: bool = False
    max_live_calls: int = DEFAULT_MAX_LIVE_CALLS
    # the only numbers valid live calls may dial (required when max_live_calls > 0)
    live_numbers: LiveNumbers | None = None
    # the account's managed number and agent: every valid request is fitted to them
    account: Account = field(default_factory=Account)
    phases: tuple[str, ...] = PHASES
    run_vectors: bool = True
    # True when the CLI started a mock for this run (its URL will not outlive the run)
    mock_started: bool = False
