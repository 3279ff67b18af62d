"""The suite's rules, from the IR: named rules, closed enums, echoes, unique ids (no server)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from contract_tests.checks import CLOSED_ENUMS, Exchange, Judge, same_json
from contract_tests.contract import Contract
from generator.ir import Operation

CONTRACT = Contract.load()


def _answer(operation: Operation) -> dict[str, Any]:
    body = operation.success.body
    assert body is not None
    example = body.examples[0][1]
    assert isinstance(example, dict)
    return copy.deepcopy(example)


def _request(operation: Operation) -> dict[str, Any]:
    assert operation.request is not None
    examples = [value for _, value in operation.request.examples if isinstance(value, dict)]
    return copy.deepcopy(max(examples, key=len))


def _exchange(
    operation: Operation, request: Any, response: Any, status: int | None = None, key: str = "1"
) -> Exchange:
    return Exchange(operation, request, status or operation.success.status, response, key)


def _judged(judge: Judge, exchange: Exchange) -> dict[str, str | None]:
    return dict(judge.judge(exchange))


def _consistent(operation: Operation) -> tuple[dict[str, Any], dict[str, Any]]:
    """A request and an answer that keeps every rule: the answer echoes what was sent."""
    request, response = _request(operation), _answer(operation)
    for echo in operation.echoes:
        if echo.request in request:
            response[echo.response] = request[echo.request]
        elif echo.has_default:
            response[echo.response] = echo.default
        else:
            response.pop(echo.response, None)
    return request, response


@pytest.mark.parametrize("operation", CONTRACT.operations, ids=lambda op: op.operation_id)
def test_a_consistent_exchange_keeps_every_rule(operation: Operation) -> None:
    request, response = _consistent(operation)
    verdicts = _judged(Judge(CONTRACT), _exchange(operation, request, response))
    assert verdicts
    assert all(message is None for message in verdicts.values()), verdicts
    assert CLOSED_ENUMS in verdicts
    assert {echo.rule for echo in operation.echoes} <= set(verdicts)


@pytest.mark.parametrize("operation", CONTRACT.operations, ids=lambda op: op.operation_id)
def test_rejected_calls_are_not_judged_by_response_rules(operation: Operation) -> None:
    assert (
        Judge(CONTRACT).judge(_exchange(operation, {}, {"error_message": "no"}, status=400)) == []
    )


def test_an_echo_that_differs_is_broken_under_its_rule() -> None:
    operation = CONTRACT.operations[0]
    request, response = _consistent(operation)
    echo = next(
        e for e in operation.echoes if e.request in request and isinstance(request[e.request], str)
    )
    response[echo.response] = request[echo.request] + "9"
    message = _judged(Judge(CONTRACT), _exchange(operation, request, response))[echo.rule]
    assert message is not None
    assert echo.request in message


def test_a_present_echo_must_come_back() -> None:
    operation = CONTRACT.operations[0]
    request, response = _consistent(operation)
    echo = next(e for e in operation.echoes if e.present and e.request in request)
    del response[echo.response]
    assert "missing" in str(
        _judged(Judge(CONTRACT), _exchange(operation, request, response))[echo.rule]
    )


@pytest.mark.parametrize("empty", ["", {}])
def test_an_empty_value_under_an_open_echo_frees_the_response(empty: Any) -> None:
    """Open choice: `override_agent_id: ""` may mean the default agent; `{}` may be dropped."""
    operation = CONTRACT.operations[0]
    request, response = _consistent(operation)
    echo = next(
        e for e in operation.echoes if e.empty_open and type(request.get(e.request)) is type(empty)
    )
    request[echo.request] = empty
    response[echo.response] = "the default agent" if empty == "" else response.get(echo.response)
    if empty == {}:
        response.pop(echo.response, None)
    verdicts = _judged(Judge(CONTRACT), _exchange(operation, request, response))
    assert verdicts.get(echo.rule) is None


def test_a_default_is_what_an_omitted_field_comes_back_as() -> None:
    operation, echo = next(
        (op, e) for op in CONTRACT.operations for e in op.echoes if e.has_default
    )
    request, response = _consistent(operation)
    request.pop(echo.request, None)
    response[echo.response] = not echo.default
    assert "default" in str(
        _judged(Judge(CONTRACT), _exchange(operation, request, response))[echo.rule]
    )
    response.pop(echo.response)  # absent is fine: the spec does not require it back
    assert echo.rule not in _judged(Judge(CONTRACT), _exchange(operation, request, response))


def test_an_enum_outsider_breaks_closed_enums() -> None:
    operation = CONTRACT.operations[0]
    request, response = _consistent(operation)
    assert operation.success.body is not None
    path = CONTRACT.enum_paths(operation.success.body.type)[-1]
    response[path[0]] = "not_a_listed_value"
    assert (
        _judged(Judge(CONTRACT), _exchange(operation, request, response))[CLOSED_ENUMS] is not None
    )


def _rule_fields() -> list[tuple[Operation, str, dict[str, Any], str]]:
    """(operation, response field, the subschema naming the rule, rule) for every named rule
    that judges one field of a success answer."""
    found = []
    for operation in CONTRACT.operations:
        body = operation.success.body
        assert body is not None
        for rule in CONTRACT.api.rules:
            for path, node in CONTRACT.rule_sites(body.schema, rule):
                if len(path) == 1:
                    found.append((operation, path[0], node, rule))
    return found


def _broken_value(node: dict[str, Any]) -> Any:
    if "pattern" in node:
        return "not matching"
    if "minimum" in node:
        return node["minimum"] - 1
    return node["maximum"] + 1


@pytest.mark.parametrize(
    ("operation", "field", "node", "rule"),
    _rule_fields(),
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_an_answer_breaking_a_named_rule_is_a_finding_under_its_name(
    operation: Operation, field: str, node: dict[str, Any], rule: str
) -> None:
    request, response = _consistent(operation)
    response[field] = _broken_value(node)
    verdict = _judged(Judge(CONTRACT), _exchange(operation, request, response)).get(rule)
    assert verdict is not None
    assert field in verdict


def test_every_named_rule_of_a_field_is_covered() -> None:
    assert {rule for *_, rule in _rule_fields()} >= {
        "e164_numbers",
        "sample_rate_range",
        "silence_minimum",
    }


def test_a_reused_id_breaks_the_unique_rule_across_the_run() -> None:
    operation = next(op for op in CONTRACT.operations if op.unique_paths)
    (path, rule), *_ = operation.unique_paths
    request, response = _consistent(operation)
    judge = Judge(CONTRACT)
    assert _judged(judge, _exchange(operation, request, response, key="1"))[rule] is None
    assert (
        _judged(judge, _exchange(operation, request, response, key="1"))[rule] is None
    )  # same exchange
    assert "already given" in str(
        _judged(judge, _exchange(operation, request, response, key="2"))[rule]
    )
    response[path[0]] = ""
    assert "empty" in str(_judged(judge, _exchange(operation, request, response, key="3"))[rule])


def test_a_request_breaking_a_named_rule_that_was_accepted_is_a_finding() -> None:
    operation = CONTRACT.operations[0]
    request, response = _consistent(operation)
    phone = operation.phone_paths[0][0]
    request[phone] = "+1 415 555 0100"
    response[phone] = request[phone]
    verdicts = _judged(Judge(CONTRACT), _exchange(operation, request, response))
    assert "yet the server accepted it" in str(verdicts["e164_numbers"])


def test_expected_rules_are_those_every_accepted_answer_exercises() -> None:
    for operation in CONTRACT.operations:
        expected = Judge(CONTRACT).expected_rules(operation)
        assert CLOSED_ENUMS in expected
        assert {rule for _, rule in operation.unique_paths} <= expected


def test_same_json_follows_json_types() -> None:
    assert same_json(1, 1.0)
    assert not same_json(True, 1)
    assert not same_json("1", 1)
    assert same_json({"a": [1, {"b": None}]}, {"a": [1.0, {"b": None}]})
    assert not same_json({"a": 1}, {"a": 1, "b": 2})
