"""What a run produces: findings (broken rules, with proof) and tallies (rules exercised).

Records are kept raw inside the run (the key included, bodies as bytes); they are masked
and neutralised once, where text leaves the process (`contract_tests.output`).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Finding", "RequestRecord", "RunOutcome", "never_applied"]

RESPONSE_KEPT_BYTES = 4096


@dataclass(frozen=True)
class RequestRecord:
    """A request as it was sent to the server under test."""

    method: str
    url: str  # the target's URL (never the gateway's)
    headers: tuple[tuple[str, str], ...]
    body: bytes | None


@dataclass(frozen=True)
class Finding:
    """One broken rule, with the request, the start of the answer and where it came from."""

    rule: str
    operation: str  # the operation's label, e.g. "POST /v2/create-phone-call"
    source: str  # fuzzing, coverage, vectors, concurrency, pre-flight, gateway, run, ...
    message: str
    request: RequestRecord | None = None
    status: int | None = None
    response: bytes = b""  # the first RESPONSE_KEPT_BYTES of the answer

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.rule, self.operation, self.message)


@dataclass
class RunOutcome:
    """Findings and tallies of a run or of one of its parts. Thread-safe to add to."""

    findings: list[Finding] = field(default_factory=list)
    # (rule, operation) -> exchanges the rule judged (where it applied)
    judged: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (rule, operation) pairs the run put to the test, whether or not the rule applied
    ran: set[tuple[str, str]] = field(default_factory=set)
    cases: int = 0
    notes: list[str] = field(default_factory=list)  # what a reader should know (not findings)
    errors: list[str] = field(default_factory=list)  # the suite could not do what it meant to
    # (rule, operation) -> exchanges found breaking it (findings keep one per distinct message)
    broken: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (rule, operation) pairs a baseline lists as known: their findings are notes, not failures
    known: set[tuple[str, str]] = field(default_factory=set)
    _keys: set[tuple[str, str, str]] = field(default_factory=set, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, finding: Finding) -> None:
        with self._lock:
            self.broken[(finding.rule, finding.operation)] += 1
            if finding.key not in self._keys:
                self._keys.add(finding.key)
                self.findings.append(finding)

    def judge(self, rule: str, operation: str, *, applies: bool = True) -> None:
        with self._lock:
            self.ran.add((rule, operation))
            if applies:
                self.judged[(rule, operation)] += 1

    def count_case(self) -> None:
        with self._lock:
            self.cases += 1

    def merge(self, other: RunOutcome) -> None:
        for finding in other.findings:
            self.add(finding)
        with self._lock:
            self.judged.update(other.judged)
            self.broken.update(other.broken)
            self.known |= other.known
            self.ran |= other.ran
            self.cases += other.cases
            self.notes.extend(other.notes)
            self.errors.extend(other.errors)

    def failed_pairs(self) -> Counter[tuple[str, str]]:
        """(rule, operation) -> exchanges that broke it, for the pairs with findings."""
        listed = Counter((finding.rule, finding.operation) for finding in self.findings)
        return Counter({pair: max(self.broken[pair], count) for pair, count in listed.items()})

    def known_pairs(self) -> Counter[tuple[str, str]]:
        """Like `failed_pairs`, for the pairs a baseline lists as known."""
        return Counter({pair: self.broken[pair] for pair in self.known if self.broken[pair]})


def never_applied(rule: str, operation: str, why: str) -> Finding:
    """The finding of a rule that had to apply to an operation and never did."""
    return Finding(rule=rule, operation=operation, source="run", message=f"never applied: {why}")
