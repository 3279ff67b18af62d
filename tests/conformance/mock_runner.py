"""The mock's runner: every vector that applies to a server, sent over HTTP to a mock (or any
ASGI app standing in for one) served on 127.0.0.1.

- `server` vectors carry their request and what the answer must be;
- `request` vectors (accepted by the clients) must be accepted: the success status, and a body
  the success schema validates;
- `rejection` vectors (refused by the clients) are sent as the client would have built them
  (parameters and extra body merged) and must be refused: 400, the spec's error body, naming
  the field and the rule.

`run_server_vector` returns the problems found (empty: the server conforms)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import httpx
from retell_client._validation import Validator

from generator.ir import load_api
from tests.conformance.vectors import API_KEY, Suite, Vector, includes, substitute


@dataclass(frozen=True)
class Sent:
    method: str
    path: str
    headers: dict[str, str]
    content: bytes | None


@cache
def validator() -> Validator:
    return Validator(json.loads(load_api().schemas_json))


def sent(suite: Suite, vector: Vector) -> Sent:
    """The request a vector sends to the server."""
    operation = suite.operations[vector["operation"]]
    kind = vector["kind"]
    if kind == "server":
        request = substitute(vector["request"])
        if "raw_body" in request:
            content: bytes | None = request["raw_body"].encode("utf-8")
        elif "body" in request:
            content = json.dumps(request["body"]).encode("utf-8")
        else:
            content = None
        return Sent(request["method"], request["path"], request.get("headers", {}), content)
    if kind == "request":
        request = substitute(vector["request"])
        path = str(httpx.URL(request["path"], params=request.get("query") or None))
        body = json.dumps(request["body"]).encode("utf-8")
        return Sent(request["method"], path, request["headers"], body)
    body_value = {
        **substitute(vector["params"]),
        **substitute(vector.get("options", {})).get("extra_body", {}),
    }
    return Sent(
        operation["method"],
        operation["path"],
        substitute(suite.headers),
        json.dumps(body_value).encode("utf-8"),
    )


def expected(suite: Suite, vector: Vector) -> dict[str, Any]:
    """What the server must answer."""
    operation = suite.operations[vector["operation"]]
    if vector["kind"] == "server":
        expect: dict[str, Any] = substitute(vector["expect"])
        return expect
    if vector["kind"] == "request":
        return {"status": operation["success_status"], "schema": operation["success_schema"]}
    error = vector["error"]
    names = [name for name in (error["field"], error["rule"]) if name]
    return {"status": 400, "schema": operation["error_schemas"].get("400"), "names": names}


def run_server_vector(client: httpx.Client, suite: Suite, vector: Vector) -> list[str]:
    request = sent(suite, vector)
    response = client.request(
        request.method, request.path, headers=request.headers, content=request.content
    )
    return list(answer_problems(response, expected(suite, vector)))


def answer_problems(response: httpx.Response, expect: dict[str, Any]) -> Iterator[str]:
    if response.status_code != expect["status"]:
        shown = response.text[:300]
        yield f"answered {response.status_code} {shown!r}, expected {expect['status']}"
        return
    for name, value in expect.get("headers", {}).items():
        if response.headers.get(name) != value:
            yield f"header {name}: {response.headers.get(name)!r}, expected {value!r}"
    if expect.get("masks_key"):
        if API_KEY in response.text:
            yield "the body repeats the key"
        if any(API_KEY in value for _, value in response.headers.multi_items()):
            yield "a header repeats the key"
    if expect.get("schema") is None:
        return
    try:
        body = response.json()
    except ValueError:
        yield f"the body is not JSON: {response.text[:300]!r}"
        return
    violation = validator().check(expect["schema"], body)
    if violation is not None:
        yield f"the body breaks {expect['schema']}: {violation}"
    names = expect.get("names", [])
    if names and not any(all(name in text for name in names) for text in _strings(body)):
        yield f"no message of {json.dumps(body)} names {names}"
    if "includes" in expect:
        yield from includes(body if isinstance(body, dict) else {}, expect["includes"])
    for name in expect.get("absent", ()):
        if isinstance(body, dict) and name in body:
            yield f"{name} is in the answer ({json.dumps(body[name])}); it must be absent"


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
