"""The spec's own extensions are well formed, as the IR reads them.

`x-echo` (a response field returns a request field), `x-account` (a request value the
account must own: a number or an agent), `x-phone-number` (strings that dial), `x-unique`
(a fresh id per answer) and `x-rule` (the stable name a violation or finding reports). The
contract suite, the mock and the clients act on these; one that names a missing field, a
role nobody checks or a rule name with two meanings would make them check the wrong thing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

from generator.ir import Echo, Operation, TypeExpr
from generator.ir.keywords import VALIDATION
from tests.spec.views import API, DEFS, field_at, model_of, phone_paths, type_label

ACCOUNT_ROLES = ("number", "agent")  # the roles an account check knows (COMMON: x-account)
ECHOES = [(op, echo) for op in API.operations for echo in op.echoes]
ACCOUNTS = [(op, path, role) for op in API.operations for path, role in op.account_paths]
UNIQUES = [(op, path, rule) for op in API.operations for path, rule in op.unique_paths]


def _request_type(op: Operation) -> TypeExpr:
    assert op.request is not None, f"{op.label} has no request body"
    return op.request.type


def _success_type(op: Operation) -> TypeExpr:
    assert op.success.body is not None, f"{op.label} has no success body"
    return op.success.body.type


# --- x-echo ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "echo"), ECHOES, ids=[f"{op.operation_id}:{echo.response}" for op, echo in ECHOES]
)
def test_echo_pairs_a_request_field_with_a_response_field_of_its_type(
    op: Operation, echo: Echo
) -> None:
    sent = field_at(_request_type(op), echo.request)
    returned = field_at(_success_type(op), echo.response)
    assert sent is not None, f"the request has no field {echo.request!r}"
    assert returned is not None, f"the answer has no field {echo.response!r}"
    assert type_label(sent.type) == type_label(returned.type)
    assert (echo.has_default, echo.default) == (sent.has_default, sent.default)


def test_every_number_a_request_dials_is_echoed() -> None:
    """A response returns the request's numbers as they were sent (spec: "Echo")."""
    assert ECHOES
    for op in API.operations:
        echoed = {echo.request for echo in op.echoes if echo.response == echo.request}
        assert op.phone_paths
        for path in op.phone_paths:
            assert ".".join(path) in echoed, f"{op.label}: {'.'.join(path)} is not echoed"


def test_an_echo_rule_means_one_relation_everywhere() -> None:
    """Wherever a rule name is used, it pairs the same fields under the same conditions."""
    relations: dict[str, set[frozenset[tuple[str, str, bool, bool]]]] = defaultdict(set)
    for op in API.operations:
        by_rule: dict[str, set[tuple[str, str, bool, bool]]] = defaultdict(set)
        for echo in op.echoes:
            by_rule[echo.rule].add((echo.request, echo.response, echo.present, echo.empty_open))
        for rule, pairs in by_rule.items():
            relations[rule].add(frozenset(pairs))
    assert relations
    for rule, meanings in relations.items():
        assert len(meanings) == 1, f"{rule} means {sorted(map(sorted, meanings))}"


# --- x-account -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "path", "role"),
    ACCOUNTS,
    ids=[f"{op.operation_id}:{'.'.join(path)}" for op, path, _ in ACCOUNTS],
)
def test_account_value_is_a_request_field_with_a_known_role(
    op: Operation, path: tuple[str, ...], role: str
) -> None:
    assert role in ACCOUNT_ROLES
    field = field_at(_request_type(op), ".".join(path))
    assert field is not None
    assert field.account == role
    # a managed number is a phone number; an agent is named by its id
    assert type_label(field.type) == ("e164" if role == "number" else "string")


def test_every_operation_names_the_number_it_calls_from() -> None:
    """A create call must come from a number the account manages: each operation says which
    request field that is, so the mock and the contract suite can hold a server to it."""
    assert ACCOUNTS
    for op in API.operations:
        assert "number" in [role for _, role in op.account_paths], op.label


def test_only_requests_carry_account_values() -> None:
    in_requests = {(op.operation_id, path) for op in API.operations for path, _ in op.account_paths}
    for op in API.operations:
        for response in (op.success, *op.errors):
            model = model_of(response.body.type) if response.body else None
            owned = [field.name for field in model.fields if field.account] if model else []
            assert owned == [], f"{op.label} {response.status}: {owned}"
    assert in_requests


# --- x-unique --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("op", "path", "rule"),
    UNIQUES,
    ids=[f"{op.operation_id}:{'.'.join(path)}" for op, path, _ in UNIQUES],
)
def test_unique_id_is_a_required_non_empty_string_of_the_answer(
    op: Operation, path: tuple[str, ...], rule: str
) -> None:
    field = field_at(_success_type(op), ".".join(path))
    assert field is not None
    assert field.unique == rule
    assert field.required
    assert type_label(field.type) == "string"
    min_length = dict(field.constraints).get("minLength")
    assert isinstance(min_length, int)
    assert min_length >= 1


def test_every_operation_answers_with_a_unique_id() -> None:
    assert {op.operation_id for op, _, _ in UNIQUES} == {op.operation_id for op in API.operations}


def test_requests_carry_no_unique_ids() -> None:
    for op in API.operations:
        model = model_of(_request_type(op))
        assert model is not None
        assert [field.name for field in model.fields if field.unique] == [], op.label


# --- x-phone-number --------------------------------------------------------------------------


@pytest.mark.parametrize("op", API.operations, ids=[op.operation_id for op in API.operations])
def test_phone_paths_are_every_number_of_the_request(op: Operation) -> None:
    assert op.phone_paths == phone_paths(_request_type(op))
    assert op.phone_paths


# --- x-rule ----------------------------------------------------------------------------------


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from _nodes(item)


def _rule_nodes() -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in _nodes(DEFS):
        if "x-rule" in node:
            found[node["x-rule"]].append(node)
    return found


def test_the_apis_rules_are_those_of_the_validation_view() -> None:
    assert list(API.rules) == sorted(_rule_nodes())


def test_a_rule_name_states_one_rule() -> None:
    """A name the spec gives a rule means one subschema: two different rules under one name
    would make a violation's rule ambiguous (e.g. in a contract report)."""
    for rule, nodes in _rule_nodes().items():
        shapes = {json.dumps(node, sort_keys=True) for node in nodes}
        assert len(shapes) == 1, f"{rule} names {len(shapes)} different rules"


def test_rule_names_are_not_keywords_and_kinds_do_not_share_them() -> None:
    """A violation reports the `x-rule` name in force, else the keyword: a rule named like a
    keyword could not be told apart, nor an echo or unique-id rule named like a schema rule."""
    schema_rules = set(_rule_nodes())
    echo_rules = {echo.rule for _, echo in ECHOES}
    unique_rules = {rule for _, _, rule in UNIQUES}
    every = schema_rules | echo_rules | unique_rules
    assert every & VALIDATION == set()
    assert schema_rules & echo_rules == set()
    assert schema_rules & unique_rules == set()
    assert echo_rules & unique_rules == set()


def test_a_unique_id_rule_names_one_kind_of_id() -> None:
    kinds: dict[str, set[str]] = defaultdict(set)
    for op, path, rule in UNIQUES:
        field = field_at(_success_type(op), ".".join(path))
        assert field is not None
        kinds[rule].add(f"{field.name}: {type_label(field.type)} {field.constraints}")
    for rule, found in kinds.items():
        assert len(found) == 1, f"{rule}: {sorted(found)}"


def test_a_models_rules_are_stated_in_its_own_schema() -> None:
    """The typed view's `Model.rules` and the validation view agree on where a rule lives."""
    for model in API.models:
        stated = {node["x-rule"] for node in _nodes(DEFS[model.name]) if "x-rule" in node}
        assert set(model.rules) <= stated, model.name
