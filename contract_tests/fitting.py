"""Requests as the run sends them: fitted to the tested account, aimed for a live run.

A correct server answers 422 to a valid body whose calling number the account does not
manage or whose agent it does not own (the spec marks these fields `x-account: number` and
`x-account: agent`). So every request the suite expects to be accepted is fitted: values at
`number` paths become `--from-number`, values at `agent` paths become `--agent-id` (or are
dropped when none was named). Requests that must be rejected keep what they carry. In a live
run every request is then aimed (`contract_tests.live.aim`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from contract_tests.contract import Contract, delete_at, replace_at, values_at
from contract_tests.live import LiveNumbers, aim
from generator.ir import Operation

__all__ = ["Account", "Fitter"]

NUMBER, AGENT = "number", "agent"


@dataclass(frozen=True)
class Account:
    """What the tester said about the account (`--from-number`, `--agent-id`)."""

    from_number: str | None = None
    agent_id: str | None = None

    @property
    def named(self) -> bool:
        return self.from_number is not None or self.agent_id is not None

    def problem(self, contract: Contract) -> str | None:
        """Why these values cannot be used, or None: a `--from-number` must keep the rules of
        every field it fills (the spec's own, read through the validator)."""
        if self.agent_id is not None and not self.agent_id.strip():
            return "--agent-id must not be empty"
        if self.from_number is None:
            return None
        for operation in contract.operations:
            for path, role in operation.account_paths:
                if role != NUMBER or "*" in path:
                    continue
                trial: Any = self.from_number
                for part in reversed(path):
                    trial = {part: trial}
                where = ".".join(path)
                broken = [
                    v for v in contract.request_violations(operation, trial) if v.field == where
                ]
                if broken:
                    number = self.from_number
                    return f"--from-number {number!r} cannot fill `{where}`: {broken[0].message}"
        return None

    def fit(self, operation: Operation, body: Any) -> Any:
        """A valid body as this account can place it (unchanged when nothing was named)."""
        if not self.named or not isinstance(body, dict):
            return body
        fitted: Any = body
        for path, role in operation.account_paths:
            for concrete, _ in list(values_at(fitted, path)):
                if role == NUMBER and self.from_number is not None:
                    fitted = replace_at(fitted, concrete, self.from_number)
                elif role == AGENT and self.agent_id is not None:
                    fitted = replace_at(fitted, concrete, self.agent_id)
                elif role == AGENT and self.from_number is not None:
                    fitted = delete_at(fitted, concrete)
        return fitted

    def replaces(self, operation: Operation, path: tuple[str, ...]) -> bool:
        """Whether fitting rewrites the value at `path` (a vector probing it is skipped)."""
        roles = {p: role for p, role in operation.account_paths}
        role = roles.get(path)
        if role == NUMBER:
            return self.from_number is not None
        return role == AGENT and self.named


@dataclass(frozen=True)
class Fitter:
    """Prepares every body a run sends."""

    contract: Contract
    account: Account = Account()
    live: bool = False
    numbers: LiveNumbers | None = None

    def prepare(self, operation: Operation, body: Any, *, valid: bool) -> Any:
        if valid:
            body = self.account.fit(operation, body)
        if self.live:
            body = aim(self.contract, operation, body, self.numbers)
        return body

    def would_rewrite(self, operation: Operation, path: tuple[str, ...]) -> bool:
        """Whether a valid body's value at `path` is rewritten before it is sent."""
        return self.account.replaces(operation, path) or (
            self.live and path in operation.phone_paths
        )
