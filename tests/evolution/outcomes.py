"""The clients' calls as a plan for a runner, and their outcomes judged against the cases."""

from __future__ import annotations

import json
from string import Template
from typing import Any

from generator.ir import Api
from tests.evolution.cases import Call, Refused
from tests.evolution.chain import API_KEY, Stage
from tests.evolution.servers import Served


def plan(
    api: Api, stage: Stage, served: Served, calls: tuple[Call, ...], language: str
) -> dict[str, Any]:
    """What a runner makes: each call's server, mode, method (as the language spells the IR's
    names: client.call.create_web_call, client.call.createWebCall) and body."""
    planned = []
    for call in calls:
        operation = api.operation(call.operation)
        casing = "snake" if language == "python" else "camel"
        planned.append(
            {
                "id": call.id,
                "base_url": served.urls[call.server],
                "strict": call.strict,
                "resource": getattr(operation.resource, casing),
                "method": getattr(operation.name, casing),
                "arguments": call.body,
            }
        )
    package = stage.python_path / "retell_client"
    return {"package": str(package), "api_key": API_KEY, "calls": planned}


def _check_refused(where: str, expect: Refused, result: dict[str, Any]) -> None:
    got = {key: result.get(key) for key in ("error", "field", "rule")}
    wanted = {"error": expect.error, "field": expect.field, "rule": expect.rule}
    assert got == wanted, f"{where}: expected {wanted}, got {result}"


def check_outcome(call: Call, result: dict[str, Any], language: str, names: dict[str, str]) -> None:
    where = f"{language} call {call.id!r}"
    expect = call.expect
    if isinstance(expect, Refused):
        _check_refused(where, expect, result)
        return
    assert result.get("ok") is True, f"{where}: expected an answer, got {result}"
    body = result["body"]
    for name, value in expect.includes.items():
        got = body.get(name, "(absent)")
        assert got == value, f"{where}: the answer's {name} should be {value!r}, got {got!r}"
    for name in expect.nonempty:
        text = body.get(name)
        assert isinstance(text, str), f"{where}: the answer's {name} is no string: {body}"
        assert text, f"{where}: the answer's {name} is empty: {body}"
    if language == "python":
        for name, kind in expect.python_types.items():
            typed = Template(kind).substitute(names)
            read = result["types"].get(name)
            assert read == typed, f"{where}: `{name}` should read as a {typed}, not a {read}"
    if language == "go":
        for name, value in expect.go_facts.items():
            assert (result.get("facts") or {}).get(name) == value, f"{where}: {name}: {result}"


def check_calls(
    api: Api,
    served: Served,
    calls: tuple[Call, ...],
    results: list[dict[str, Any]],
    language: str,
    names: dict[str, str],
) -> None:
    """Every call's outcome as its case says; the mock received the valid calls' bodies
    exactly as the cases give them, in order, and nothing of the refused ones; and no two
    answers share a call id."""
    assert [result.get("id") for result in results] == [call.id for call in calls], results
    for call, result in zip(calls, results, strict=True):
        check_outcome(call, result, language, names)
    expected = [(api.operation(call.operation).path, call.body) for call in calls if call.sent]
    received = served.take_received()
    assert received == expected, (
        f"{language}: the mock should have received exactly the valid calls' bodies, in order;"
        f"\nexpected {json.dumps(expected)}\nreceived {json.dumps(received)}"
    )
    ids = [result["body"]["call_id"] for result in results if result.get("ok")]
    assert len(ids) == len(set(ids)), f"{language}: call ids repeat across answers: {ids}"
