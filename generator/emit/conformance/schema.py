"""Reading the validation view: which schema nodes apply at a place of a body, and what they say.

A place's value is governed by a list of nodes: the property's own node, the targets of its
`$ref` chain and the members of its `allOf` lists (conditionals are kept apart: they relate
several properties). Keywords are read from the first node that states them, which is how the
normalised view states each of them once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Facets", "Node", "Schemas"]

Node = Mapping[str, Any]
REF_PREFIX = "#/$defs/"


class Schemas:
    """The `$defs` of a validation view, with `$ref`s resolved."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.defs: Mapping[str, Node] = document["$defs"]

    def expand(self, node: Node) -> tuple[Node, ...]:
        """`node`, what its `$ref` chain reaches and the members of its `allOf` lists."""
        out: list[Node] = []
        pending = [node]
        while pending:
            current = pending.pop(0)
            if any(current is seen for seen in out):
                continue
            out.append(current)
            ref = current.get("$ref")
            if isinstance(ref, str) and ref.startswith(REF_PREFIX):
                target = self.defs.get(ref.removeprefix(REF_PREFIX))
                if isinstance(target, Mapping):
                    pending.append(target)
            pending.extend(member for member in current.get("allOf", ()) if _is_node(member))
        return tuple(out)

    def facets(self, node: Node) -> Facets:
        return Facets(self.expand(node), self)


@dataclass(frozen=True)
class Facets:
    """What the nodes of one place say, keyword by keyword."""

    nodes: tuple[Node, ...]
    schemas: Schemas

    def get(self, keyword: str) -> Any:
        for node in self.nodes:
            if keyword in node:
                return node[keyword]
        return None

    def has(self, keyword: str) -> bool:
        return any(keyword in node for node in self.nodes)

    @property
    def types(self) -> tuple[str, ...]:
        """The JSON types allowed here (empty: any)."""
        kind = self.get("type")
        if isinstance(kind, str):
            return (kind,)
        if isinstance(kind, Sequence):
            return tuple(str(item) for item in kind)
        return ()

    @property
    def rule(self) -> str | None:
        """The `x-rule` name of the innermost node on the place's `$ref` chain that states one
        (a cross-field rule's own name, on its `allOf` member, is not the place's)."""
        named = [
            node["x-rule"]
            for node in self.nodes
            if isinstance(node.get("x-rule"), str) and "if" not in node
        ]
        return named[-1] if named else None

    @property
    def is_union(self) -> bool:
        return self.has("anyOf") or self.has("oneOf")

    @property
    def is_object(self) -> bool:
        return "object" in self.types or (not self.types and self.has("properties"))

    def properties(self) -> dict[str, Node]:
        """The named properties, in the schema's order (the first node naming one wins)."""
        found: dict[str, Node] = {}
        for node in self.nodes:
            for name, child in (node.get("properties") or {}).items():
                if _is_node(child):
                    found.setdefault(name, child)
        return found

    def required(self) -> tuple[str, ...]:
        names: list[str] = []
        for node in self.nodes:
            names.extend(name for name in node.get("required", ()) if name not in names)
        return tuple(names)

    def additional(self) -> bool | Node:
        """`additionalProperties`: True (absent: anything), False, or the values' schema."""
        value = self.get("additionalProperties")
        if value is None or value is True:
            return True
        if value is False:
            return False
        return value if _is_node(value) else True

    def items(self) -> Node | None:
        value = self.get("items")
        return value if _is_node(value) else None

    def conditionals(self) -> tuple[tuple[Node, str], ...]:
        """Each node with `if`, and the rule it is reported under (its `x-rule`, else the
        rule of the place, else "if")."""
        found: list[tuple[Node, str]] = []
        for node in self.nodes:
            if _is_node(node.get("if")):
                found.append((node, str(node.get("x-rule") or self.rule or "if")))
        return tuple(found)


def _is_node(value: object) -> bool:
    return isinstance(value, Mapping)
