"""`--baseline FILE`: findings known before do not fail the run; new ones do; fixed ones are stale.

A finding is known by its rule and operation (not its message: fuzzed values change from seed
to seed). The file is JSON, written by `--baseline-update`:

    {"version": 1, "known": [{"rule": "closed_enums", "operation": "POST /v2/..."}]}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from contract_tests.suite import SuiteResult

__all__ = ["BaselineError", "apply", "load", "save"]

VERSION = 1
Key = tuple[str, str]


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message says where and why."""


def load(path: Path) -> set[Key]:
    try:
        document: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BaselineError(f"--baseline {path}: cannot read it: {exc}") from None
    if not isinstance(document, dict) or document.get("version") != VERSION:
        raise BaselineError(f"--baseline {path}: not a baseline of version {VERSION}")
    entries = document.get("known")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict)
        and isinstance(e.get("rule"), str)
        and isinstance(e.get("operation"), str)
        for e in entries
    ):
        raise BaselineError(f"--baseline {path}: 'known' must be a list of {{rule, operation}}")
    return {(entry["rule"], entry["operation"]) for entry in entries}


def save(path: Path, result: SuiteResult) -> None:
    keys = sorted({(finding.rule, finding.operation) for finding in result.outcome.findings})
    document = {"version": VERSION, "known": [{"rule": rule, "operation": op} for rule, op in keys]}
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def apply(result: SuiteResult, known: set[Key]) -> None:
    """Move known findings out of the verdict (kept as notes) and report stale entries."""
    outcome = result.outcome
    found = {(finding.rule, finding.operation) for finding in outcome.findings}
    accepted = [f for f in outcome.findings if (f.rule, f.operation) in known]
    outcome.known |= {(f.rule, f.operation) for f in accepted}
    outcome.findings[:] = [f for f in outcome.findings if (f.rule, f.operation) not in known]
    # one note per known pair, not per finding: a known pair may break on every answer
    first: dict[tuple[str, str], str] = {}
    for finding in accepted:
        first.setdefault((finding.rule, finding.operation), finding.message)
    for (rule, operation), message in first.items():
        count = outcome.broken[(rule, operation)] or 1
        outcome.notes.append(
            f"baseline: known finding {rule} on {operation} ({count} exchanges), e.g. {message}"
        )
    for rule, operation in sorted(known - found):
        outcome.notes.append(
            f"baseline: stale entry {rule} on {operation} (it did not fail this run)"
        )
