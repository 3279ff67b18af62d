"""What every vector family of one operation works from, and how a candidate becomes a vector.

`OperationContext.rejected` keeps a candidate body only when the validator's violations
name exactly one rule (and, when asked, only the keywords and the place meant);
`OperationContext.accepted` keeps one only when the validator accepts it. So no family can
emit a vector whose expectation the spec does not decide.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from retell_client._validation import Violation

from contract_tests.contract import MISSING, Contract, FieldPath, values_at
from contract_tests.vectors.examples import ExampleBank
from contract_tests.vectors.model import Expect, Vector
from contract_tests.vectors.rules import BOUNDARY_VALUES_ACCEPTED, single_rule
from contract_tests.vectors.schema import Schema, SchemaView, canonical
from contract_tests.vectors.slots import Slot, set_at, value_at_path
from contract_tests.vectors.synth import Synthesizer
from generator.ir import Operation

__all__ = ["OperationContext"]

MAX_HOSTS = 12
SIBLING_VALUES = 4


@dataclass
class OperationContext:
    contract: Contract
    operation: Operation
    view: SchemaView
    bank: ExampleBank
    synth: Synthesizer
    base: Any
    slots: list[Slot]
    _hosts: dict[FieldPath, list[Any]] = field(default_factory=dict, repr=False)

    def violations(self, body: object) -> list[Violation]:
        return self.contract.request_violations(self.operation, body)

    def valid(self, body: object) -> bool:
        return not self.violations(body)

    @property
    def replaceable_paths(self) -> tuple[FieldPath, ...]:
        """IR paths whose values a run may rewrite (phone numbers, account values)."""
        paths = [*self.operation.phone_paths, *(path for path, _ in self.operation.account_paths)]
        return tuple(dict.fromkeys(paths))

    def is_replaceable(self, ir_path: FieldPath) -> bool:
        return ir_path in self.replaceable_paths

    def rejected(
        self,
        label: str,
        what: str,
        body: Any,
        *,
        keywords: Iterable[str] | None = None,
        at: FieldPath | None = None,
    ) -> Vector | None:
        """A rejecting vector, when the body breaks exactly one rule (through one of
        `keywords`, and only at `at`, when given)."""
        found = self.violations(body)
        if not found:
            return None
        if at is not None and any(violation.field != ".".join(at) for violation in found):
            return None
        if keywords is not None:
            wanted = set(keywords)
            if not any(violation.keyword in wanted for violation in found):
                return None
        rule = single_rule(found)
        if rule is None:
            return None
        return Vector(
            rule=rule,
            name=f"{label}: {what}",
            operation_id=self.operation.operation_id,
            body=body,
            expect=Expect.REJECTED,
            probes=self.probes(body, found),
        )

    def accepted(
        self,
        label: str,
        what: str,
        body: Any,
        *,
        rule: str = BOUNDARY_VALUES_ACCEPTED,
        expect: Expect = Expect.ACCEPTED,
    ) -> Vector | None:
        """A valid vector, when the validator accepts the body."""
        if not self.valid(body):
            return None
        return Vector(
            rule=rule,
            name=f"{label}: {what}",
            operation_id=self.operation.operation_id,
            body=body,
            expect=expect,
            probes=self.probes(body, []),
        )

    # --- one value changed, in the slot's body or, failing that, in a sibling variant ------

    def reject_value(
        self,
        slot: Slot,
        what: str,
        value: Any,
        *,
        keywords: Iterable[str] | None = None,
        at: FieldPath | None = None,
    ) -> Vector | None:
        """A rejecting vector with `value` at the slot, in the first host body where it breaks
        exactly one rule (a cross-field rule may need other sibling values)."""
        for host in self.hosts(slot):
            vector = self.rejected(
                slot.label, what, set_at(host, slot.path, value), keywords=keywords, at=at
            )
            if vector is not None:
                return vector
        return None

    def accept_value(self, slot: Slot, what: str, value: Any) -> Vector | None:
        """An accepting vector with `value` at the slot, in the first host body it keeps valid."""
        for host in self.hosts(slot):
            vector = self.accepted(slot.label, what, set_at(host, slot.path, value))
            if vector is not None:
                return vector
        return None

    def hosts(self, slot: Slot) -> list[Any]:
        """Bodies to put a value into the slot: its own, then variants in which one sibling
        takes another valid value or is left out (never an invented replaceable value), valid
        but for the slot itself."""
        found = self._hosts.get(slot.path)
        if found is None:
            found = [slot.body, *itertools.islice(self._variants(slot), MAX_HOSTS - 1)]
            self._hosts[slot.path] = found
        return found

    def _variants(self, slot: Slot) -> Iterator[Any]:
        parent = slot.parent
        current = value_at_path(slot.body, parent.path) if parent is not None else None
        if parent is None or not isinstance(current, dict):
            return
        siblings = self.view.constraints(parent.schema)
        for name, schema in siblings.properties.items():
            if name == slot.path[-1]:
                continue
            for option in self._sibling_options(parent, name, schema, name in siblings.required):
                if option is MISSING:
                    changed = {key: value for key, value in current.items() if key != name}
                else:
                    changed = {**current, name: option}  # in place when it is there
                if canonical(changed) == canonical(current):
                    continue
                body = set_at(slot.body, parent.path, changed)
                if self._valid_around(body, slot.path):
                    yield body

    def _sibling_options(
        self, parent: Slot, name: str, schema: Schema, required: bool
    ) -> list[Any]:
        """A sibling's other values: left out (when optional), or one of its first valid
        values, never one a run would have to replace that the examples do not show."""
        ir_path = (*parent.ir_path, name)
        options: list[Any] = [] if required else [MISSING]
        for option in itertools.islice(self.synth.values(schema, ir_path), SIBLING_VALUES):
            if not self.is_replaceable(ir_path) or self.bank.known(option):
                options.append(option)
        return options

    def _valid_around(self, body: Any, path: FieldPath) -> bool:
        """Whether every violation of the body is at the slot or inside it (the slot's value
        is about to be replaced)."""
        where = ".".join(path)
        return all(
            violation.field == where or violation.field.startswith(where + ".")
            for violation in self.violations(body)
        )

    def probes(self, body: Any, violations: list[Violation]) -> tuple[FieldPath, ...]:
        """The replaceable paths holding a valid value the spec's examples do not show: such
        a value is the point of the vector (a pattern boundary, a bound), so a run that
        would rewrite it skips the vector instead."""
        broken = [violation.field for violation in violations]
        found: list[FieldPath] = []
        for path in self.replaceable_paths:
            for concrete, value in values_at(body, path):
                where = ".".join(concrete)
                if any(field == where or field.startswith(where + ".") for field in broken):
                    continue
                if not self.bank.known(value):
                    found.append(path)
                    break
        return tuple(found)
