"""The mock's runner bites: a mock with one planted bug fails exactly the vectors that bug
breaks (the known failures aside)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable

import httpx
import pytest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from generator.ir import load_api
from mock_server import create_app, running_server
from tests.conformance.mock_runner import run_server_vector
from tests.conformance.vectors import API_KEY, Suite, known_failures, suite


def without_member(app: ASGIApp, name: str) -> ASGIApp:
    """`app`, its JSON answers stripped of the top-level member `name` (an echo forgotten)."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        start: list[Message] = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.append(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            try:
                value = json.loads(body)
            except ValueError:
                value = None
            if isinstance(value, dict) and name in value:
                del value[name]
                body = json.dumps(value).encode()
            headers = [(k, v) for k, v in start[0]["headers"] if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(body)).encode()))
            await send({**start[0], "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await app(scope, receive, capture)

    return wrapped


def without_patterns() -> ASGIApp:
    """A mock whose validation view lost every `pattern`."""
    api = load_api()
    document = json.loads(api.schemas_json)

    def strip(node: object) -> None:
        if isinstance(node, dict):
            node.pop("pattern", None)
            for child in node.values():
                strip(child)
        elif isinstance(node, list):
            for child in node:
                strip(child)

    strip(document)
    return create_app(
        api_key=API_KEY, api=dataclasses.replace(api, schemas_json=json.dumps(document))
    )


def pattern_refusals(vectors: Suite) -> set[str]:
    found = {
        vector["id"]
        for vector in vectors.server()
        if vector["kind"] == "rejection" and vector["error"]["keyword"] == "pattern"
    }
    return found | {"server.mask.field-value"}  # the key as a number: refused by the pattern


def metadata_echoes(vectors: Suite) -> set[str]:
    return {
        vector["id"]
        for vector in vectors.server()
        if vector["kind"] == "server" and "metadata" in vector["expect"].get("includes", {})
    }


MUTANTS: list[tuple[str, Callable[[], ASGIApp], Callable[[Suite], set[str]]]] = [
    ("pattern-check-removed", without_patterns, pattern_refusals),
    (
        "metadata-echo-dropped",
        lambda: without_member(create_app(api_key=API_KEY), "metadata"),
        metadata_echoes,
    ),
]


@pytest.mark.parametrize(("name", "app", "breaks"), MUTANTS, ids=[m[0] for m in MUTANTS])
def test_a_planted_bug_fails_exactly_its_vectors(
    name: str, app: Callable[[], ASGIApp], breaks: Callable[[Suite], set[str]]
) -> None:
    vectors = suite()
    expected = breaks(vectors)
    assert expected, "the mutant must break some vector"
    with running_server(app()) as url, httpx.Client(base_url=url) as client:
        failed = {
            vector["id"]
            for vector in vectors.server()
            if run_server_vector(client, vectors, vector)
        }
    failed -= set(known_failures("mock"))
    assert failed == expected, (
        f"not caught: {sorted(expected - failed)}; unexpected failures: {sorted(failed - expected)}"
    )
