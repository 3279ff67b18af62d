"""One run's shared state, and the one place where an exchange is judged and recorded.

Every part of a run (the planned Schemathesis cases, the vectors, the concurrency phase)
sends to the gateway and hands what came back to `Run.record`, which runs the suite's rules
(`contract_tests.checks.Judge`) and keeps the findings, raw, with the request as it reached
the server under test.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from contract_tests.checks import Exchange, Judge, parse_json
from contract_tests.contract import Contract
from contract_tests.findings import RESPONSE_KEPT_BYTES, Finding, RequestRecord, RunOutcome
from contract_tests.fitting import Fitter
from contract_tests.gateway import EXCHANGE_HEADER, GATEWAY_HEADER, Gateway
from contract_tests.options import SuiteOptions
from contract_tests.target import Target
from generator.ir import Operation

__all__ = ["Progress", "Run"]

Progress = Callable[[str], None]


@dataclass
class Run:
    options: SuiteOptions
    contract: Contract
    target: Target
    gateway: Gateway
    url: str  # the gateway's base URL: where every part of the run sends
    judge: Judge
    fitter: Fitter
    outcome: RunOutcome = field(default_factory=RunOutcome)
    stop: threading.Event = field(default_factory=threading.Event)
    say: Progress = lambda _line: None
    started: float = field(default_factory=time.monotonic)
    interrupted_by: str | None = None  # SIGINT / SIGTERM

    @property
    def stopped(self) -> bool:
        return self.stop.is_set() or self.gateway.stopped is not None

    def halt(self, reason: str) -> None:
        """Stop sending: an interrupt, `--max-time`, or a live server found lenient."""
        self.stop.set()
        self.gateway.stop(reason)

    def request_record(
        self, method: str, path: str, headers: Mapping[str, str], body: bytes | None
    ) -> RequestRecord:
        """The request as the server under test received it (the target's URL, the headers a
        reader needs: not the transport's own)."""
        kept = tuple((n, v) for n, v in headers.items() if n.lower() not in _TRANSPORT_HEADERS)
        return RequestRecord(method.upper(), self.target.url + path, kept, body)

    def record(
        self,
        operation: Operation,
        source: str,
        request: RequestRecord,
        status: int,
        response_headers: Mapping[str, str],
        response_body: bytes,
    ) -> bool:
        """Judge one exchange with the suite's rules; False when the gateway answered it
        itself (withheld, stopped, no complete answer: nothing of the server to judge)."""
        if _header(response_headers, GATEWAY_HEADER) is not None:
            return False
        exchange = Exchange(
            operation=operation,
            request_body=parse_json(request.body),
            status=status,
            response_body=parse_json(response_body),
            key=_header(response_headers, EXCHANGE_HEADER) or f"{source}:{id(request)}",
        )
        for rule, message in self.judge.judge(exchange):
            if rule in self.options.exclude_checks:
                continue
            self.outcome.judge(rule, operation.label)
            if message is not None:
                self.add(rule, operation, source, message, request, status, response_body)
        return True

    def add(
        self,
        rule: str,
        operation: Operation | str,
        source: str,
        message: str,
        request: RequestRecord | None = None,
        status: int | None = None,
        response_body: bytes = b"",
    ) -> None:
        label = operation if isinstance(operation, str) else operation.label
        finding = Finding(
            rule, label, source, message, request, status, response_body[:RESPONSE_KEPT_BYTES]
        )
        self.outcome.add(finding)


_TRANSPORT_HEADERS = frozenset(
    {"user-agent", "accept-encoding", "accept", "connection", "content-length"}
    | {"x-schemathesis-testcaseid", "host"}
)


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            if isinstance(value, list | tuple):
                return str(value[0]) if value else None
            return str(value)
    return None
