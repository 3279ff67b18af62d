"""A contract suite for the spec's operations, against any server: `retell-contract`.

`python -m contract_tests` (see `cli.py`) starts the gateway (`gateway/`, the one point every
request passes), probes the target (`phases.py`), sends the fixed vectors derived from the IR
(`vectors/`, `vector_runner.py`), the concurrency phase, and the Schemathesis cases planned
from the seed (`fuzzing.py`), judging every answer with the built-in checks and the rules of
`checks.py`, and reports with the key masked (`report.py`). `contract_tests.mutants` proves
the suite catches faulty servers. Names load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contract_tests.options import SuiteOptions
    from contract_tests.suite import (
        KeyRejected,
        RunControl,
        ServerUnreachable,
        SuiteResult,
        run_suite,
    )

__version__ = "0.2.0"

__all__ = [
    "KeyRejected",
    "RunControl",
    "ServerUnreachable",
    "SuiteOptions",
    "SuiteResult",
    "__version__",
    "run_suite",
]

_MODULES = {
    "SuiteOptions": "contract_tests.options",
    **dict.fromkeys(
        ("KeyRejected", "RunControl", "ServerUnreachable", "SuiteResult", "run_suite"),
        "contract_tests.suite",
    ),
}


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
