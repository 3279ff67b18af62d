"""The mocked account: the numbers it manages and its agents, driven by the spec's `x-account`.

A request field with `x-account: number` must name a managed number, one with
`x-account: agent` a known agent; in strict mode (managed numbers or agents given) a request
breaking that is refused with 422. An answer that echoes an agent field the request left out
gets the account's agent: the managed number's in strict mode, else the default agent.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.ir import Api
from mock_server import paths
from mock_server.paths import Path
from mock_server.validation import Schemas

__all__ = ["AGENT", "DEFAULT_AGENT_ID", "NUMBER", "AccountFields", "Accounts", "Refused"]

DEFAULT_AGENT_ID = "agent_mock_0000000000000000000000"
NUMBER = "number"  # the `x-account` roles
AGENT = "agent"


class Refused(Exception):
    """A well-formed request the account cannot carry out (answered 422)."""


@dataclass(frozen=True)
class AccountFields:
    """The `x-account` fields of one operation's request, in spec order."""

    fields: tuple[tuple[Path, str], ...]

    @property
    def numbers(self) -> tuple[Path, ...]:
        return tuple(path for path, role in self.fields if role == NUMBER)


@dataclass(frozen=True)
class Accounts:
    """`managed_numbers` None accepts any number; `agent_ids` None (and no managed numbers)
    any agent. The managed numbers' agents are known agents too."""

    managed_numbers: Mapping[str, str] | None = None
    agent_ids: frozenset[str] | None = None
    default_agent_id: str = DEFAULT_AGENT_ID

    @classmethod
    def of(
        cls,
        api: Api,
        schemas: Schemas,
        managed_numbers: Mapping[str, str] | None,
        agent_ids: Collection[str] | None,
        default_agent_id: str = DEFAULT_AGENT_ID,
    ) -> Accounts:
        """The account; ValueError naming the entry for a managed number that breaks the
        spec's rules for number fields (no valid request could use it) or a blank agent id."""
        problem = _entry_problem(api, schemas, managed_numbers, agent_ids)
        if problem is not None:
            raise ValueError(problem)
        known = None if agent_ids is None else frozenset(agent_ids)
        if managed_numbers is not None:
            known = (known or frozenset()) | frozenset(managed_numbers.values())
        numbers = None if managed_numbers is None else dict(managed_numbers)
        return cls(numbers, known, default_agent_id)

    @property
    def strict(self) -> bool:
        return self.managed_numbers is not None or self.agent_ids is not None

    def check(self, fields: AccountFields, request: Any) -> None:
        """Refused naming the first field whose value the account does not have."""
        if self.managed_numbers is None and self.agent_ids is None:
            return  # not strict: any valid value will do
        for path, role in fields.fields:
            for where, value in paths.found_at(request, path):
                if not isinstance(value, str):
                    continue
                if role == NUMBER and self.managed_numbers is not None:
                    if value not in self.managed_numbers:
                        raise Refused(f"{where}: {value} is not a number managed by this account")
                elif role == AGENT and self.agent_ids is not None and value not in self.agent_ids:
                    raise Refused(f"{where}: {value!r} names no agent of this account")

    def agent_for(self, fields: AccountFields, request: Any) -> str:
        """The agent of a request that names none: its managed number's, else the default."""
        if self.managed_numbers is not None:
            for path in fields.numbers:
                for _, value in paths.found_at(request, path):
                    if isinstance(value, str) and value in self.managed_numbers:
                        return self.managed_numbers[value]
        return self.default_agent_id


def _entry_problem(
    api: Api,
    schemas: Schemas,
    managed_numbers: Mapping[str, str] | None,
    agent_ids: Collection[str] | None,
) -> str | None:
    number_fields = _number_fields(api, schemas)
    for number, agent in (managed_numbers or {}).items():
        shown = repr(number[:40])
        for label, validator in number_fields:
            violation = Schemas.probe_violation(validator, number)
            if violation is not None:
                rule = f"{violation.message} (rule: {violation.rule})"
                return f"numbers[{shown}]: not a valid {label}: {rule}"
        if not agent.strip():
            return f"numbers[{shown}]: the agent id is empty"
    for index, agent in enumerate(agent_ids or ()):
        if not agent.strip():
            return f"agents[{index}]: the agent id is empty"
    return None


def _number_fields(api: Api, schemas: Schemas) -> Sequence[tuple[str, Any]]:
    """(field label, validator of its subschema) for every distinct `x-account: number` field."""
    found: dict[tuple[str, Path], tuple[str, Any]] = {}
    for operation in api.operations:
        if operation.request is None:
            continue
        for path, role in operation.account_paths:
            key = (operation.request.schema, path)
            if role == NUMBER and key not in found:
                found[key] = (".".join(path), schemas.at(operation.request.schema, path))
    return list(found.values())
