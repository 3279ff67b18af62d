"""The spec's rules, applied by the validator generated from it (`retell_client._validation`).

The mock holds no rule of its own: requests, answers and strict mode's configuration are
checked against the IR's validation view (`api.schemas_json`) by the same validator the
generated Python client uses, so the spec stays the single source of truth.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from retell_client._validation import Validator, Violation

from generator.ir import Api

__all__ = ["MAX_SHOWN", "Schemas", "describe"]

MAX_SHOWN = 5  # violations named in one message
_MAX_COUNTED = 100  # violations looked for at most (a hostile body can break thousands)
_PROBE = "mock_server:probe"


class Schemas:
    """The validation view of an Api, compiled once."""

    def __init__(self, api: Api) -> None:
        self._defs: dict[str, Any] = json.loads(api.schemas_json)["$defs"]
        self._validator = Validator({"$defs": self._defs})

    def first_violation(self, schema: str, value: object) -> Violation | None:
        return self._validator.check(schema, value)

    def violations(self, schema: str, value: object) -> list[Violation]:
        """The violations of `value`, in the validator's order, at most `_MAX_COUNTED + 1`."""
        return self._validator.violations(schema, value, limit=_MAX_COUNTED + 1)

    def problem(self, schema: str, value: object) -> str | None:
        """A message naming the first few broken fields and their rules; None when valid.

        The fast path costs one `check`; the violations are gathered only for a bad value.
        """
        if self._validator.check(schema, value) is None:
            return None
        return describe(self.violations(schema, value))

    def at(self, schema: str, path: Sequence[str]) -> Validator:
        """A validator whose entry `mock_server:probe` is the subschema of `schema` at `path`
        (property names; "*" for array items and map values)."""
        return Validator({"$defs": {**self._defs, _PROBE: self._subschema(schema, path)}})

    @staticmethod
    def probe_violation(validator: Validator, value: object) -> Violation | None:
        return validator.check(_PROBE, value)

    def _subschema(self, schema: str, path: Sequence[str]) -> dict[str, Any]:
        nodes: list[Any] = [self._defs[schema]]
        for part in path:
            found = [sub for node in nodes for sub in self._children(node, part)]
            if not found:
                raise KeyError(f"{schema} has no subschema at {'.'.join(path)}")
            nodes = found
        return nodes[0] if len(nodes) == 1 else {"allOf": nodes}

    def _children(self, node: Any, part: str) -> list[Any]:
        """The subschemas that apply to `part` of a value `node` describes (through `$ref` and
        `allOf`, which every value must satisfy), each keeping the `x-rule` in force."""
        if not isinstance(node, dict):
            return []
        found: list[Any] = []
        if "$ref" in node:
            found += self._children(self._defs[str(node["$ref"]).removeprefix("#/$defs/")], part)
        for branch in node.get("allOf", ()):
            found += self._children(branch, part)
        if part == "*":
            found += [node[key] for key in ("items", "additionalProperties") if key in node]
        elif part in node.get("properties", {}):
            found.append(node["properties"][part])
        found = [sub for sub in found if not isinstance(sub, bool)]
        rule = node.get("x-rule")
        return found if rule is None else [{"x-rule": rule, "allOf": [sub]} for sub in found]


def describe(violations: Sequence[Violation]) -> str:
    """`field: message (rule: ...)` for the first few violations, and how many more."""
    parts = [str(violation) for violation in violations[:MAX_SHOWN]]
    more = len(violations) - MAX_SHOWN
    if more > 0:
        parts.append(
            f"and at least {more} more" if len(violations) > _MAX_COUNTED else f"and {more} more"
        )
    return "; ".join(parts)
