"""The tested account: a number it manages and an agent it owns (`--from-number`, `--agent-id`).

A correct server answers 422 to a valid body whose `from_number` the account does not
manage or whose `override_agent_id` names no agent of it (the spec's `UnprocessableEntity`).
So every request the suite expects to be accepted is fitted to the account: `from_number`
becomes the managed number, and an `override_agent_id` becomes the account's agent (or is
dropped when none was named). Schemathesis's valid cases are fitted on their way out by a
`before_call` hook (the only hook that also sees the examples phase); it is global in
Schemathesis, so it is registered once here and looks up the account of the case's schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import schemathesis

from contract_tests import spec

OVERRIDE_FIELD = "override_agent_id"


@dataclass(frozen=True)
class Account:
    """What the tester told the suite about the account; empty when nothing was named."""

    from_number: str | None = None
    agent_id: str | None = None

    @property
    def named(self) -> bool:
        return self.from_number is not None or self.agent_id is not None

    @property
    def sends_overrides(self) -> bool:
        """Whether valid requests may still carry an `override_agent_id`."""
        return self.agent_id is not None or self.from_number is None

    def problem(self) -> str | None:
        """Why these settings cannot be used, or `None`."""
        if self.from_number is not None and not is_e164(self.from_number):
            shown = self.from_number
            return f"--from-number must be an E.164 number such as +14155550100, got {shown!r}"
        if self.agent_id is not None and not self.agent_id.strip():
            return "--agent-id must not be empty"
        return None

    def fit(self, document: dict[str, Any]) -> dict[str, Any]:
        """A valid body as this account can place it (unchanged when nothing was named)."""
        if not self.named:
            return document
        fitted = dict(document)
        if self.from_number is not None:
            fitted["from_number"] = self.from_number
        if OVERRIDE_FIELD in fitted:
            if self.agent_id is not None:
                fitted[OVERRIDE_FIELD] = self.agent_id
            else:
                del fitted[OVERRIDE_FIELD]
        return fitted


def is_e164(value: object) -> bool:
    """E.164 per the spec's pattern, with JSON Schema's anchors (no trailing newline)."""
    return isinstance(value, str) and re.fullmatch(spec.e164_pattern(), value) is not None


@dataclass
class _AccountState:
    # Held so that its id cannot be reused by another schema while this entry exists.
    schema: Any
    account: Account


_ACCOUNTS: dict[int, _AccountState] = {}


def _is_positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    return meta is not None and bool(meta.generation.mode.is_positive)


@schemathesis.hook("before_call")
def _fit_valid_cases(context: Any, case: Any, kwargs: Any) -> None:
    """A valid (positive-mode) case leaves with the account's number and agent."""
    schema = case.operation.schema
    state = _ACCOUNTS.get(id(schema))
    if state is None or state.schema is not schema:
        return
    if _is_positive(case) and isinstance(case.body, dict):
        case.body = state.account.fit(case.body)


def install_account(schema: Any, account: Account) -> None:
    """Fit the valid cases of `schema` to `account` (nothing to do when nothing was named)."""
    if account.named:
        _ACCOUNTS.setdefault(id(schema), _AccountState(schema, account))


def release_account(schema: Any) -> None:
    _ACCOUNTS.pop(id(schema), None)
