"""Vectors derived from the IR: for every operation with a JSON object body, every keyword of
every place of that body probed from both sides, in the clients' terms (parameters by wire
name), each candidate kept only when the reference validator agrees with what it is meant to
show.

- accepted (a `request` vector): the spec's request examples, and per place the values that sit
  on the valid side of a rule (a pattern's shortest and longest match, each enum value, a bound
  hit exactly, a cross-field rule kept);
- rejected (a `rejection` vector): the values just past each rule (a pattern's near misses, a
  bound crossed, an outsider of an enum or type, a cross-field rule broken), each one breaking
  exactly the rule it names: the first violation the validator reports is at that place with
  that keyword (or, for a cross-field rule, that rule).

A null for a top-level property and a property the spec does not name are sent through the
extra body: no client can say them with its typed parameters.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from generator.emit.conformance.reference import Validator, Violation, reference_validator
from generator.emit.conformance.schema import Node, Schemas
from generator.emit.conformance.values import (
    EXTRA_PROPERTY,
    Candidate,
    candidates,
    synthesize,
)
from generator.ir import Api, Operation

__all__ = ["DerivationError", "derive", "request_headers"]

MAX_DEPTH = 4
JSON_MEDIA_TYPE = "application/json"
# Header names a client could use for an idempotency key; none may be sent unless the operation
# declares one (a retry must not pretend to be safe).
IDEMPOTENCY_HEADERS = ("Idempotency-Key", "X-Idempotency-Key")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


class DerivationError(Exception):
    """An operation whose body no valid request can be built for."""


@dataclass(frozen=True)
class Place:
    path: tuple[str, ...]
    node: Node
    required: bool


def derive(api: Api) -> list[dict[str, Any]]:
    document = json.loads(api.schemas_json)
    schemas = Schemas(document)
    validator = reference_validator(document)
    vectors: list[dict[str, Any]] = []
    for operation in api.operations:
        if operation.request is None or not _object_body(schemas, operation):
            continue
        vectors.extend(_Deriver(api, operation, schemas, validator).vectors())
    return _unique_ids(vectors)


def request_headers(api: Api, with_body: bool) -> dict[str, str]:
    """The headers every request must carry (`{api_key}` stands for the key)."""
    headers = {api.auth_header: "Bearer {api_key}", "Accept": JSON_MEDIA_TYPE}
    if with_body:
        headers["Content-Type"] = JSON_MEDIA_TYPE
    return headers


def _object_body(schemas: Schemas, operation: Operation) -> bool:
    assert operation.request is not None
    return schemas.facets(schemas.defs[operation.request.schema]).is_object


class _Deriver:
    def __init__(
        self, api: Api, operation: Operation, schemas: Schemas, validator: Validator
    ) -> None:
        assert operation.request is not None
        self.api = api
        self.operation = operation
        self.schema = operation.request.schema
        self.schemas = schemas
        self.validator = validator
        self.root = schemas.defs[self.schema]
        self.base = self._base()
        self.nodes: dict[tuple[str, ...], Node] = {(): self.root}  # the node of each place

    def vectors(self) -> Iterator[dict[str, Any]]:
        for name, example in self._examples():
            yield self._request(f"example.{name}", f"the spec's request example {name!r}", example)
        for place in self._places():
            self.nodes[place.path] = place.node
            current = _get(self.base, place.path)
            if current is _ABSENT:
                current = synthesize(self.schemas, place.node)
            top = len(place.path) == 1
            for candidate in candidates(self.schemas, place.node, current, top, place.required):
                vector = self._try(place.path, candidate)
                if vector is not None:
                    yield vector
            if self.schemas.facets(place.node).is_object:
                yield from self._conditionals(place.path, place.node)
        yield from self._conditionals((), self.root)
        yield from self._open_body()

    # --- the base request ------------------------------------------------------------------

    def _base(self) -> dict[str, Any]:
        """The first request example the validator accepts, else one synthesized."""
        for _, example in self._examples():
            return copy.deepcopy(example)
        value = synthesize(self.schemas, self.root)
        if not isinstance(value, dict) or self.validator.violations(self.schema, value):
            problem = self.validator.violations(self.schema, value)[:1]
            raise DerivationError(
                f"{self.operation.label} ({self.operation.operation_id}): no valid request to "
                f"derive vectors from: give the request body a valid example"
                + (f" ({problem[0].field or 'body'}: {problem[0].message})" if problem else "")
            )
        return value

    def _examples(self) -> Iterator[tuple[str, dict[str, Any]]]:
        assert self.operation.request is not None
        for name, example in self.operation.request.examples:
            if isinstance(example, dict) and not self.validator.violations(self.schema, example):
                yield name, example

    # --- places ----------------------------------------------------------------------------

    def _places(self) -> Iterator[Place]:
        """Every property of the body, depth first in the schema's order, array items as
        their first item ("0")."""
        yield from self._children((), self.root, 0)

    def _children(self, path: tuple[str, ...], node: Node, depth: int) -> Iterator[Place]:
        if depth >= MAX_DEPTH:
            return
        facets = self.schemas.facets(node)
        if facets.is_union:
            return
        required = facets.required()
        for name, child in facets.properties().items():
            place = Place((*path, name), child, name in required)
            yield place
            yield from self._children(place.path, child, depth + 1)
        items = facets.items()
        if items is not None and path:
            yield Place((*path, "0"), items, True)
            yield from self._children((*path, "0"), items, depth + 1)

    # --- one candidate ---------------------------------------------------------------------

    def _try(self, path: tuple[str, ...], candidate: Candidate) -> dict[str, Any] | None:
        params, extra = self._apply(self.base, path, candidate)
        if params is None:
            return None
        body = {**params, **(extra or {})}
        found = self.validator.violations(self.schema, body)
        name = f"{_dotted(path)}.{candidate.name}"
        text = f"{_dotted(path) or 'body'}: {candidate.description}"
        if candidate.accepted:
            if not found:
                return self._request(name, text, params, extra)
            return self._accepted_in_context(path, candidate, name, text)
        member = candidate.details.get("member")
        field = _dotted((*path, str(member)) if member is not None else path)
        first = found[0] if found else None
        if first is None or first.field != field or first.keyword != candidate.keyword:
            return None
        return self._rejection(name, text, params, extra, first)

    def _accepted_in_context(
        self, path: tuple[str, ...], candidate: Candidate, name: str, text: str
    ) -> dict[str, Any] | None:
        """A valid value that a cross-field rule of its object refuses on its own (8000 Hz
        without mulaw, say) is tried where each branch of that rule holds."""
        parent = path[:-1]
        node = self.nodes.get(parent)
        if node is None:
            return None
        original = self._object_at(parent, node)
        for context in _contexts(self.schemas, node, original):
            base = (
                context
                if not parent
                else _with(self.schemas, self.root, self.base, parent, context)
            )
            if not isinstance(base, dict):
                continue
            params, extra = self._apply(base, path, candidate)
            if params is None:
                continue
            if not self.validator.violations(self.schema, {**params, **(extra or {})}):
                where = _settled(context, original, path)
                return self._request(name, f"{text} (where {where})", params, extra)
        return None

    def _apply(
        self, base: dict[str, Any], path: tuple[str, ...], candidate: Candidate
    ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """The parameters (and extra body) that put the candidate's value at `path` of `base`."""
        if candidate.extra_body:
            params = copy.deepcopy(base)
            params.pop(path[0], None)
            return params, {path[0]: candidate.value}
        body = _with(self.schemas, self.root, base, path, candidate.value)
        return (body if isinstance(body, dict) else None), None

    # --- cross-field rules -----------------------------------------------------------------

    def _conditionals(self, path: tuple[str, ...], node: Node) -> Iterator[dict[str, Any]]:
        for conditional, rule in self.schemas.facets(node).conditionals():
            base = self._object_at(path, node)
            for name, tries, text, rejected in _conditional_candidates(
                self.schemas, node, conditional, base
            ):
                for value in tries:
                    candidate = Candidate(name, value, text, rule=rule if rejected else None)
                    vector = self._try_conditional(path, candidate, rule)
                    if vector is not None:
                        yield vector
                        break

    def _object_at(self, path: tuple[str, ...], node: Node) -> dict[str, Any]:
        current = _get(self.base, path) if path else self.base
        if isinstance(current, dict):
            return copy.deepcopy(current)
        made = synthesize(self.schemas, node)
        return made if isinstance(made, dict) else {}

    def _try_conditional(
        self, path: tuple[str, ...], candidate: Candidate, rule: str
    ) -> dict[str, Any] | None:
        if path:
            body = _with(self.schemas, self.root, self.base, path, candidate.value)
        else:
            body = candidate.value
        if not isinstance(body, dict):
            return None
        found = self.validator.violations(self.schema, body)
        name = f"{_dotted(path) or 'body'}.{rule}.{candidate.name}"
        text = f"{_dotted(path) or 'body'}: {candidate.description} ({rule})"
        if candidate.rule is None:
            return None if found else self._request(name, text, body)
        first = found[0] if found else None
        if first is None or first.rule != rule or not _within(first.field, path):
            return None
        return self._rejection(name, text, body, None, first)

    # --- the open body ---------------------------------------------------------------------

    def _open_body(self) -> Iterator[dict[str, Any]]:
        """A property the spec does not name, through the extra body: sent as is by an open
        body, refused by a closed one."""
        extra = {EXTRA_PROPERTY: "kept as sent"}
        params = copy.deepcopy(self.base)
        found = self.validator.violations(self.schema, {**params, **extra})
        name = "body.extra-body.unknown-property"
        text = "body: a property the spec does not name, sent through the extra body"
        if not found:
            yield self._request(name, text, params, extra)
        elif found[0].keyword == "additionalProperties":
            yield self._rejection(name, text, params, extra, found[0])

    # --- vectors ---------------------------------------------------------------------------

    def _request(
        self,
        name: str,
        text: str,
        params: dict[str, Any],
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        body = {**params, **(extra or {})}
        declared = self.operation.idempotency_header
        forbidden = [
            header
            for header in IDEMPOTENCY_HEADERS
            if declared is None or header.lower() != declared.lower()
        ]
        return {
            "id": self._id(name),
            "kind": "request",
            "appliesTo": "both",
            "operation": self.operation.operation_id,
            "description": f"{text}: sent as is",
            "params": params,
            **_options(extra),
            "request": {
                "method": self.operation.method.upper(),
                "path": self.operation.path,
                "query": {},
                "headers": request_headers(self.api, with_body=True),
                "require_headers": [declared] if declared is not None else [],
                "forbid_headers": forbidden,
                "body": body,
            },
        }

    def _rejection(
        self,
        name: str,
        text: str,
        params: dict[str, Any],
        extra: dict[str, Any] | None,
        first: Violation,
    ) -> dict[str, Any]:
        return {
            "id": self._id(name),
            "kind": "rejection",
            "appliesTo": "both",
            "operation": self.operation.operation_id,
            "description": f"{text}: refused before sending ({first.field or 'body'}: "
            f"{first.message}, rule {first.rule})",
            "params": params,
            **_options(extra),
            "error": {
                "class": "ValidationError",
                "field": first.field,
                "rule": first.rule,
                "keyword": first.keyword,
            },
        }

    def _id(self, name: str) -> str:
        parts = [_ID_UNSAFE.sub("_", part) for part in name.split(".")]
        return ".".join([self.operation.operation_id, *(part for part in parts if part)])


def _options(extra: dict[str, Any] | None) -> dict[str, Any]:
    return {"options": {"extra_body": extra}} if extra else {}


# --- cross-field candidates ---------------------------------------------------------------


@dataclass(frozen=True)
class _Conditional:
    """One `if`/`then`/`else` of an object, and the object's own properties."""

    schemas: Schemas
    node: Mapping[str, Any]
    properties: Mapping[str, Node]

    def branch(self, name: str) -> Mapping[str, Any] | None:
        value = self.node.get(name)
        return value if isinstance(value, Mapping) else None

    def value_for(self, name: str, constraint: Node) -> object:
        """A value of property `name` that meets a branch's `constraint` and the property's own
        schema (the branch's keywords first: its bound wins over the property's)."""
        own = self.properties.get(name)
        return synthesize(self.schemas, {"allOf": [constraint, *([own] if own else [])]})


def _conditional_candidates(
    schemas: Schemas, node: Node, conditional: Node, base: dict[str, Any]
) -> Iterator[tuple[str, list[dict[str, Any]], str, bool]]:
    """(name, objects to try in turn, description, meant to be rejected): the `if` made to hold
    with `then` kept and broken, and made to fail with `else` kept and broken (without `else`:
    `then`'s constraint broken, which must then not matter). The deriver keeps the first object
    of each that the validator judges as meant."""
    rule = _Conditional(schemas, conditional, schemas.facets(node).properties())
    condition = rule.branch("if") or {}
    then, otherwise = rule.branch("then"), rule.branch("else")
    holds = _kept(rule, condition, base)
    fails = _failing(rule, condition, holds)
    if then is not None:
        yield "then-kept", [_kept(rule, then, holds)], "the condition holds, its rule kept", False
        broken = list(_broken(rule, then, holds, otherwise))
        yield "then-broken", broken, "the condition holds, its rule broken", True
    if fails is None:
        return
    if otherwise is not None:
        yield (
            "else-kept",
            [_kept(rule, otherwise, fails)],
            "the condition fails, the other rule kept",
            False,
        )
        broken = list(_broken(rule, otherwise, fails, then))
        yield "else-broken", broken, "the condition fails, the other rule broken", True
    elif then is not None:
        broken = list(_broken(rule, then, fails, None))
        yield "if-fails", broken, "the condition fails, so its rule does not apply", False


def _contexts(schemas: Schemas, node: Node, base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The object `base` made to satisfy each branch of each cross-field rule of `node`."""
    properties = schemas.facets(node).properties()
    for conditional, _ in schemas.facets(node).conditionals():
        rule = _Conditional(schemas, conditional, properties)
        holds = _kept(rule, rule.branch("if") or {}, base)
        then, otherwise = rule.branch("then"), rule.branch("else")
        if then is not None:
            yield _kept(rule, then, holds)
        fails = _failing(rule, rule.branch("if") or {}, holds)
        if fails is not None:
            yield _kept(rule, otherwise, fails) if otherwise is not None else fails


def _settled(context: dict[str, Any], original: dict[str, Any], path: tuple[str, ...]) -> str:
    """How a context reads in a description: the members it changed, but the place's own."""
    changed = {
        name: value
        for name, value in context.items()
        if name != path[-1] and (name not in original or original[name] != value)
    }
    return ", ".join(f"{name} {json.dumps(value)}" for name, value in changed.items())


def _kept(rule: _Conditional, branch: Mapping[str, Any], value: dict[str, Any]) -> dict[str, Any]:
    """`value` made to satisfy a branch: the properties it requires present, the ones it names
    given the values it fixes (consts, first enum values, lower bounds)."""
    kept = dict(value)
    for name in branch.get("required", ()):
        if name not in kept and name in rule.properties:
            kept[name] = synthesize(rule.schemas, rule.properties[name])
    for name, child in (branch.get("properties") or {}).items():
        kept[name] = rule.value_for(name, child)
    return kept


def _failing(
    rule: _Conditional, condition: Mapping[str, Any], holding: dict[str, Any]
) -> dict[str, Any] | None:
    """The object made to break the condition: a property it names given another value its
    own schema allows (the next enum value, the other boolean), else one it requires left out."""
    for name in condition.get("properties") or {}:
        fixed = holding.get(name)
        for other in _own_values(rule, name):
            if other != fixed:
                return {**holding, name: other}
    for name in condition.get("required", ()):
        if name in holding:
            return {key: item for key, item in holding.items() if key != name}
    return None


def _broken(
    rule: _Conditional,
    branch: Mapping[str, Any],
    value: dict[str, Any],
    other_branch: Mapping[str, Any] | None,
) -> Iterator[dict[str, Any]]:
    """Objects that keep the rest of `branch` but break one of its constraints: a property it
    names given another value (one the other branch fixes, one its own schema allows), or one
    it requires left out."""
    kept = _kept(rule, branch, value)
    others = (other_branch or {}).get("properties") or {}
    for name in branch.get("properties") or {}:
        tries = [rule.value_for(name, others[name])] if name in others else []
        for other in [*tries, *_own_values(rule, name)]:
            if other != kept.get(name):
                yield {**kept, name: other}
    for name in branch.get("required", ()):
        if name in kept:
            yield {key: item for key, item in kept.items() if key != name}


def _own_values(rule: _Conditional, name: str) -> Iterator[object]:
    """Values a property's own schema allows: its enum values, bounds, a boolean's two values,
    a synthesized one."""
    node = rule.properties.get(name)
    if node is None:
        return
    facets = rule.schemas.facets(node)
    yield from facets.get("enum") or ()
    for keyword in ("minimum", "maximum"):
        bound = facets.get(keyword)
        if isinstance(bound, int | float) and not isinstance(bound, bool):
            yield bound
    if "boolean" in facets.types:
        yield from (True, False)
    yield synthesize(rule.schemas, node)


# --- bodies ----------------------------------------------------------------------------------


class _Absent:
    pass


_ABSENT = _Absent()


def _get(value: object, path: tuple[str, ...]) -> object:
    for part in path:
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return _ABSENT
    return value


def _with(
    schemas: Schemas, node: Node, base: object, path: tuple[str, ...], value: object
) -> object:
    """A copy of `base` with `value` at `path`; parents it lacks are synthesized."""
    if not path:
        return copy.deepcopy(value)
    head, rest = path[0], path[1:]
    facets = schemas.facets(node)
    if head.isdigit() and facets.items() is not None:
        child_node = facets.items()
        assert child_node is not None
        items = list(base) if isinstance(base, list) else []
        while len(items) <= int(head):
            items.append(synthesize(schemas, child_node))
        items[int(head)] = _with(schemas, child_node, items[int(head)], rest, value)
        return items
    properties = facets.properties()
    child = properties.get(head)
    if child is None:
        return base
    out = copy.deepcopy(base) if isinstance(base, dict) else {}
    current = out.get(head, _ABSENT)
    if current is _ABSENT and rest:
        current = synthesize(schemas, child)
    out[head] = _with(schemas, child, current, rest, value)
    return out


def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(path)


def _within(field: str, path: tuple[str, ...]) -> bool:
    prefix = _dotted(path)
    return not prefix or field == prefix or field.startswith(prefix + ".")


def _unique_ids(vectors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ids made unique (a suffix for repeats), and vectors that repeat an earlier one's input
    (the same parameters and extra body, for the same operation) left out."""
    seen_inputs: set[str] = set()
    seen_ids: dict[str, int] = {}
    out: list[dict[str, Any]] = []
    for vector in vectors:
        key = json.dumps(
            [vector["operation"], vector["params"], vector.get("options")], sort_keys=True
        )
        if key in seen_inputs:
            continue
        seen_inputs.add(key)
        count = seen_ids.get(vector["id"], 0)
        seen_ids[vector["id"]] = count + 1
        if count:
            vector = {**vector, "id": f"{vector['id']}-{count + 1}"}
        out.append(vector)
    return out
