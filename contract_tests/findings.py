"""What a run produces: findings (broken rules, with proof) and tallies (rules exercised)."""

from __future__ import annotations

import shlex
from collections import Counter
from dataclasses import dataclass, field

from contract_tests.masking import mask_headers, mask_secret, shell_header

RESPONSE_EXCERPT_CHARS = 400
REQUEST_BODY_CHARS = 2000


@dataclass(frozen=True)
class RequestRecord:
    """A request as sent, with the API key already masked out."""

    method: str
    url: str
    headers: dict[str, str]
    body: str | None

    @classmethod
    def masked(
        cls, method: str, url: str, headers: dict[str, str], body: str | None, secret: str
    ) -> RequestRecord:
        return cls(
            method=method,
            url=mask_secret(url, secret),
            headers=mask_headers(headers, secret),
            body=None if body is None else mask_secret(body, secret),
        )


@dataclass(frozen=True)
class Finding:
    """One broken rule, with the request, an excerpt of the answer and how to reproduce it."""

    rule: str
    operation: str
    source: str
    message: str
    request: RequestRecord
    status_code: int | None
    response_excerpt: str
    reproduce: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.rule, self.operation, self.message)


@dataclass
class RunOutcome:
    """Findings and tallies of one part of a run (a Schemathesis phase, the vectors)."""

    findings: list[Finding] = field(default_factory=list)
    # (rule, operation) -> number of exchanges the rule judged
    judged: Counter[tuple[str, str]] = field(default_factory=Counter)
    cases: int = 0
    errors: list[str] = field(default_factory=list)
    # (rule, operation) pairs the run put to the test, whether or not the rule applied
    ran: set[tuple[str, str]] = field(default_factory=set)

    def merge(self, other: RunOutcome) -> None:
        known = {finding.key for finding in self.findings}
        self.findings.extend(finding for finding in other.findings if finding.key not in known)
        self.judged.update(other.judged)
        self.ran |= other.ran
        self.cases += other.cases
        self.errors.extend(other.errors)

    def judge(self, rule: str, operation: str, *, applies: bool = True) -> None:
        """Record that `rule` was run on an exchange of `operation` (and applied, or not)."""
        self.ran.add((rule, operation))
        if applies:
            self.judged[(rule, operation)] += 1

    def failed_pairs(self) -> Counter[tuple[str, str]]:
        return Counter((finding.rule, finding.operation) for finding in self.findings)


def never_applied(rule: str, operation: str, why: str) -> Finding:
    """The finding of a rule that should have applied to an operation and never did."""
    return Finding(
        rule=rule,
        operation=operation,
        source="run",
        message=f"never applied: {why}",
        request=RequestRecord("POST", "", {}, None),
        status_code=None,
        response_excerpt="",
        reproduce="",
    )


def excerpt(text: str, secret: str, limit: int = RESPONSE_EXCERPT_CHARS) -> str:
    masked = mask_secret(text, secret)
    return masked if len(masked) <= limit else masked[:limit] + " ..."


def curl_command(
    method: str, url: str, headers: dict[str, str], body: str | None, secret: str
) -> str:
    """A curl command replaying one request; the key is referenced as `$RETELL_API_KEY`."""
    parts = ["curl", "-sS", "-X", method, shlex.quote(mask_secret(url, secret))]
    parts.extend(shell_header(name, value, secret) for name, value in headers.items())
    if body is not None:
        parts.extend(["--data-binary", shlex.quote(mask_secret(body, secret))])
    return " ".join(parts)
