"""Fixed vectors: requests whose right answer the spec decides, derived from the IR alone.

`build_vectors(contract)` gives, for every operation in scope with a request body, vectors
built from its base body (the first request example the validator accepts, else one
synthesised from the schema):

- `auth_required`: missing or wrong credentials (with `live=True`, on a body the spec
  forbids too, so a server ignoring credentials still places no call);
- `required_fields_enforced`: each required field left out, and `{}`;
- `field_types_enforced`: every place given a value of each other JSON type, and null;
  bodies that are not a JSON object (raw bytes);
- one vector per way of breaking each other rule (pattern near-misses, bounds, lengths,
  enums, consts, formats, closed objects, cross-field rules), named after the rule the
  validator reports (`rules.rule_of`): an `x-rule` name, else a generic one;
- `boundary_values_accepted`: the spec's examples, each optional field, values exactly on
  each rule's edge, both valid sides of cross-field rules, extreme free-form content;
- each `empty: open` echo's rule: its request field sent empty ("", {}, []) where valid,
  answered with the documented 2xx or a documented 4xx;
- `large_bodies_handled`: large and deep free-form content.

Every vector is checked with the validator before it is kept: a rejecting one breaks exactly
the rule it names, an accepting one breaks none. No field name, path or value of the spec
appears here: they come from the IR (typed and validation views) and the spec's examples.
Vectors are deterministic, unique per (operation, rule, name), rejecting ones first.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator

from contract_tests.contract import Contract
from contract_tests.vectors.boundaries import (
    content_vectors,
    empty_echo_vectors,
    example_vectors,
    large_vectors,
    optional_vectors,
)
from contract_tests.vectors.conditionals import conditional_vectors
from contract_tests.vectors.context import OperationContext
from contract_tests.vectors.examples import ExampleBank
from contract_tests.vectors.model import Auth, Expect, Vector
from contract_tests.vectors.rules import GENERIC_RULES, rule_of, single_rule
from contract_tests.vectors.schema import Schema, SchemaView, canonical
from contract_tests.vectors.slots import walk
from contract_tests.vectors.structure import (
    auth_vectors,
    malformed_vectors,
    required_vectors,
    type_vectors,
)
from contract_tests.vectors.synth import Synthesizer
from contract_tests.vectors.values import rule_vectors
from generator.ir import Operation

__all__ = [
    "GENERIC_RULES",
    "Auth",
    "Expect",
    "Vector",
    "base_body",
    "build_vectors",
    "rule_of",
    "single_rule",
]

EXPECT_ORDER = (Expect.UNAUTHORIZED, Expect.REJECTED, Expect.ACCEPTED, Expect.HANDLED)


def build_vectors(contract: Contract, *, live: bool = False) -> tuple[Vector, ...]:
    """Every fixed vector of the operations in scope that take a request body. Raises
    ValueError naming the operation when no valid base body can be had for it."""
    view = SchemaView(contract.schema_document)
    bank = ExampleBank(contract, view)
    found: list[Vector] = []
    for operation in contract.operations:
        if operation.request is not None:
            found.extend(_operation_vectors(_context(contract, operation, view, bank), live=live))
    return _ordered(_unique(found))


def base_body(contract: Contract, operation: Operation) -> object:
    """The body vectors of an operation start from: its first request example the validator
    accepts, else one synthesised from the schema (ValueError when neither exists)."""
    view = SchemaView(contract.schema_document)
    return _base(
        contract, operation, Synthesizer(contract.api, operation, view, ExampleBank(contract, view))
    )


def _context(
    contract: Contract, operation: Operation, view: SchemaView, bank: ExampleBank
) -> OperationContext:
    synth = Synthesizer(contract.api, operation, view, bank)
    base = _base(contract, operation, synth)

    def valid(body: object) -> bool:
        return contract.request_is_valid(operation, body)

    slots = walk(view, synth, _root(view, operation), base, valid)
    return OperationContext(contract, operation, view, bank, synth, base, slots)


def _root(view: SchemaView, operation: Operation) -> Schema:
    if operation.request is None:
        raise ValueError(f"{operation.label} ({operation.operation_id}) has no request body")
    return view.ref(operation.request.schema)


def _base(contract: Contract, operation: Operation, synth: Synthesizer) -> object:
    root = _root(synth.view, operation)
    for _, example in operation.request.examples if operation.request else ():
        if contract.request_is_valid(operation, example):
            return copy.deepcopy(example)
    try:
        return synth.value(root, ())
    except LookupError:
        raise ValueError(
            f"{operation.label} ({operation.operation_id}): no request example passes the "
            "validator and no valid body can be synthesised from the request schema"
        ) from None


def _operation_vectors(ctx: OperationContext, *, live: bool) -> Iterator[Vector]:
    families: list[Iterable[Vector | None]] = [
        auth_vectors(ctx, live=live),
        required_vectors(ctx),
        type_vectors(ctx),
        malformed_vectors(ctx),
        example_vectors(ctx),
        optional_vectors(ctx),
    ]
    for slot in ctx.slots:
        families += [
            rule_vectors(ctx, slot),
            conditional_vectors(ctx, slot),
            content_vectors(ctx, slot),
        ]
    families += [empty_echo_vectors(ctx), large_vectors(ctx)]
    for family in families:
        yield from (vector for vector in family if vector is not None)


def _unique(vectors: list[Vector]) -> list[Vector]:
    """The first vector of each distinct request, each name unique per (operation, rule)."""
    requests: set[tuple[str, str, str, str]] = set()
    names: set[tuple[str, str, str]] = set()
    out: list[Vector] = []
    for vector in vectors:
        sent = (
            "raw " + vector.raw_body.hex()
            if vector.raw_body is not None
            else canonical(vector.body)
        )
        request = (vector.operation_id, vector.auth.value, vector.content_type, sent)
        if request in requests:
            continue
        requests.add(request)
        name, count = vector.name, 1
        while (vector.operation_id, vector.rule, name) in names:
            count += 1
            name = f"{vector.name} ({count})"
        names.add((vector.operation_id, vector.rule, name))
        out.append(_detached(vector, name))
    return out


def _detached(vector: Vector, name: str) -> Vector:
    """The vector with its own copy of the body (candidates share unchanged parts)."""
    return Vector(
        rule=vector.rule,
        name=name,
        operation_id=vector.operation_id,
        body=copy.deepcopy(vector.body),
        expect=vector.expect,
        auth=vector.auth,
        raw_body=vector.raw_body,
        content_type=vector.content_type,
        probes=vector.probes,
    )


def _ordered(vectors: list[Vector]) -> tuple[Vector, ...]:
    return tuple(sorted(vectors, key=lambda vector: EXPECT_ORDER.index(vector.expect)))
