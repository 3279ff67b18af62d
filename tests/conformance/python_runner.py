"""The Python client's runner: each client vector run against a `retell_client` package (the
installed one, or a copy loaded under another name) over an `httpx.MockTransport` that answers
with the vector's script and records every attempt. Retry waits are observed by replacing the
client's sleep functions (`_base_client.sleep` and `async_sleep`), so nothing waits.

`run_vector` returns the problems found (empty: the client conforms)."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import json
import traceback
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import httpx

from tests.conformance.vectors import (
    API_KEY,
    Suite,
    Vector,
    json_equal,
    operation_names,
    substitute,
    wait_problems,
)

BASE_URL = "http://conformance.test"
FLAVOURS = ("sync", "async")
# How each scripted failure surfaces from httpx's transport layer.
FAILURES: dict[str, Callable[[httpx.Request], Exception]] = {
    "connect": lambda r: httpx.ConnectError("[Errno 111] Connection refused", request=r),
    "dns": lambda r: httpx.ConnectError("[Errno -2] Name or service not known", request=r),
    "connect_timeout": lambda r: httpx.ConnectTimeout("timed out while connecting", request=r),
    "after_send": lambda r: httpx.RemoteProtocolError(
        "Server disconnected without sending a response.", request=r
    ),
    "timeout": lambda r: httpx.ReadTimeout("timed out", request=r),
}


class Unscripted(Exception):
    """The client made an attempt the vector does not script."""


@dataclass
class Script:
    """Answers each attempt with the next scripted answer, recording the requests."""

    answers: list[dict[str, Any]]
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if len(self.requests) > len(self.answers):
            raise Unscripted(f"attempt {len(self.requests)} is not in the vector's script")
        return answer(self.answers[len(self.requests) - 1], request)


def answer(scripted: dict[str, Any], request: httpx.Request) -> httpx.Response:
    if "fail" in scripted:
        raise FAILURES[scripted["fail"]](request)
    headers = dict(scripted.get("headers", {}))
    if "raw_body" in scripted:
        content = scripted["raw_body"].encode("utf-8")
    elif "body" in scripted:
        content = json.dumps(scripted["body"]).encode("utf-8")
        if not any(name.lower() == "content-type" for name in headers):
            headers["Content-Type"] = "application/json"
    else:
        content = b""
    extensions = {"reason_phrase": scripted["reason"].encode()} if "reason" in scripted else {}
    return httpx.Response(
        scripted["status"], headers=headers, content=content, extensions=extensions, request=request
    )


@dataclass
class Outcome:
    requests: list[httpx.Request]
    waits: list[float]
    value: Any = None
    error: BaseException | None = None


# --- running one call -----------------------------------------------------------------------


def call(
    package: ModuleType,
    suite: Suite,
    vector: Vector,
    answers: list[dict[str, Any]],
    flavour: str,
    strict: bool = False,
    max_retries: int | None = None,
) -> Outcome:
    """One call of the vector's operation with its parameters and options, answered by
    `answers`."""
    script = Script(answers)
    options = vector.get("options", {})
    settings: dict[str, Any] = {
        "api_key": API_KEY,
        "base_url": BASE_URL,
        "strict_response_validation": strict,
        "retry_unsafe": options.get("retry_unsafe", False),
    }
    if "max_response_bytes" in options:
        settings["max_response_bytes"] = options["max_response_bytes"]
    per_call: dict[str, Any] = {
        name: options[name]
        for name in ("extra_headers", "extra_query", "extra_body", "timeout")
        if name in options
    }
    retries = max_retries if max_retries is not None else options.get("max_retries")
    if retries is not None:
        per_call["max_retries"] = retries
    arguments = {**substitute(vector["params"]), **substitute(per_call)}
    resource, method = operation_names(suite.operations[vector["operation"]])
    waits: list[float] = []
    outcome = Outcome(script.requests, waits)
    with _recorded_sleeps(package, waits), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            if flavour == "sync":
                with httpx.Client(transport=httpx.MockTransport(script)) as http:
                    client = package.Retell(http_client=http, **settings)
                    result = getattr(getattr(client, resource), method)(**arguments)
            else:
                result = asyncio.run(
                    _async_call(package, settings, script, resource, method, arguments)
                )
            outcome.value = to_json(result)
        except Exception as error:  # whichever error: the vector says which one is right
            outcome.error = error
    return outcome


async def _async_call(
    package: ModuleType,
    settings: dict[str, Any],
    script: Script,
    resource: str,
    method: str,
    arguments: dict[str, Any],
) -> Any:
    async with httpx.AsyncClient(transport=httpx.MockTransport(script)) as http:
        client = package.AsyncRetell(http_client=http, **settings)
        return await getattr(getattr(client, resource), method)(**arguments)


@contextlib.contextmanager
def _recorded_sleeps(package: ModuleType, waits: list[float]) -> Iterator[None]:
    base: Any = importlib.import_module(f"{package.__name__}._base_client")
    saved = base.sleep, base.async_sleep

    async def async_sleep(seconds: float) -> None:
        waits.append(seconds)

    base.sleep, base.async_sleep = waits.append, async_sleep
    try:
        yield
    finally:
        base.sleep, base.async_sleep = saved


def to_json(result: Any) -> Any:
    """The value a method returned, as JSON: a model's set fields (extra ones included)."""
    if hasattr(result, "to_json"):
        return json.loads(result.to_json(indent=None))
    return result


# --- checking one vector --------------------------------------------------------------------


def run_vector(package: ModuleType, suite: Suite, vector: Vector, flavour: str) -> list[str]:
    kind = vector["kind"]
    if kind == "request":
        return _request(package, suite, vector, flavour)
    if kind == "rejection":
        return _rejection(package, suite, vector, flavour)
    if kind == "response":
        return _response(package, suite, vector, flavour)
    if kind == "retry":
        return _retry(package, suite, vector, flavour)
    return [f"not a client vector: kind {kind!r}"]


def _success(suite: Suite, vector: Vector) -> dict[str, Any]:
    """A 2xx any client accepts in lenient mode (the request is what is checked)."""
    operation = suite.operations[vector["operation"]]
    if operation["success_schema"] is None:
        return {"status": operation["success_status"], "raw_body": ""}
    return {"status": operation["success_status"], "body": {}}


def _request(package: ModuleType, suite: Suite, vector: Vector, flavour: str) -> list[str]:
    outcome = call(package, suite, vector, [_success(suite, vector)], flavour)
    problems = _unexpected_error(outcome)
    if len(outcome.requests) != 1:
        return [*problems, f"sent {len(outcome.requests)} requests, expected 1"]
    return problems + list(request_problems(outcome.requests[0], substitute(vector["request"])))


def request_problems(request: httpx.Request, expected: dict[str, Any]) -> Iterator[str]:
    if request.method != expected["method"]:
        yield f"method {request.method}, expected {expected['method']}"
    if request.url.path != expected["path"]:
        yield f"path {request.url.path!r}, expected {expected['path']!r}"
    query = sorted(request.url.params.multi_items())
    if query != sorted(expected.get("query", {}).items()):
        yield f"query {query}, expected {sorted(expected.get('query', {}).items())}"
    for name, value in expected.get("headers", {}).items():
        sent = request.headers.get_list(name)
        if sent != [value]:
            shown = "the key" if API_KEY in value else repr(value)
            yield f"header {name}: sent {len(sent)} other value(s), expected {shown}"
    for name in expected.get("require_headers", ()):
        if name not in request.headers:
            yield f"header {name} was not sent; it must be"
    for name in expected.get("forbid_headers", ()):
        if name in request.headers:
            yield f"header {name} was sent; it must not be"
    if "body" in expected:
        try:
            body = json.loads(request.content)
        except ValueError:
            yield f"the body is not JSON: {request.content[:200]!r}"
            return
        if not json_equal(body, expected["body"]):
            yield f"body {json.dumps(body)}, expected {json.dumps(expected['body'])}"


def _rejection(package: ModuleType, suite: Suite, vector: Vector, flavour: str) -> list[str]:
    outcome = call(package, suite, vector, [_success(suite, vector)], flavour)
    problems = list(error_problems(package, outcome, vector["error"], masks_key=False))
    if outcome.requests:
        problems.append(f"sent {len(outcome.requests)} request(s); a refused call sends none")
    return problems


def _response(package: ModuleType, suite: Suite, vector: Vector, flavour: str) -> list[str]:
    problems: list[str] = []
    scripted = substitute(vector["response"])
    for mode in ("lenient", "strict"):
        if mode not in vector:
            continue
        outcome = call(package, suite, vector, [scripted], flavour, mode == "strict", 0)
        found = list(
            outcome_problems(package, outcome, vector[mode], vector.get("masks_key", False))
        )
        if len(outcome.requests) != 1:
            found.append(f"sent {len(outcome.requests)} requests, expected 1")
        problems.extend(f"{mode}: {problem}" for problem in found)
    return problems


def _retry(package: ModuleType, suite: Suite, vector: Vector, flavour: str) -> list[str]:
    outcome = call(package, suite, vector, substitute(vector["answers"]), flavour)
    problems = list(outcome_problems(package, outcome, vector["outcome"], masks_key=False))
    if len(outcome.requests) != vector["attempts"]:
        problems.append(f"made {len(outcome.requests)} attempts, expected {vector['attempts']}")
    problems.extend(wait_problems(outcome.waits, vector["waits"]))
    first = outcome.requests[0] if outcome.requests else None
    for index, again in enumerate(outcome.requests[1:], start=2):
        assert first is not None
        if (again.method, again.url, again.content) != (first.method, first.url, first.content):
            problems.append(f"attempt {index} is not the same request as the first")
        if sorted(again.headers.multi_items()) != sorted(first.headers.multi_items()):
            problems.append(f"attempt {index} sent other headers than the first")
    return problems


def outcome_problems(
    package: ModuleType, outcome: Outcome, expected: dict[str, Any], masks_key: bool
) -> Iterator[str]:
    if "value" in expected:
        yield from _unexpected_error(outcome)
        if outcome.error is None and not json_equal(outcome.value, expected["value"]):
            yield f"returned {json.dumps(outcome.value)}, expected {json.dumps(expected['value'])}"
    else:
        yield from error_problems(package, outcome, expected["error"], masks_key)


def _unexpected_error(outcome: Outcome) -> list[str]:
    if outcome.error is None:
        return []
    if isinstance(outcome.error, Unscripted):
        return [f"made an attempt the vector does not script ({outcome.error})"]
    return [f"raised {type(outcome.error).__name__}: {outcome.error}"]


def error_problems(
    package: ModuleType, outcome: Outcome, expected: dict[str, Any], masks_key: bool
) -> Iterator[str]:
    error = outcome.error
    wanted = expected["class"]
    if error is None:
        yield f"returned {json.dumps(outcome.value)}, expected {wanted}"
        return
    if isinstance(error, Unscripted):
        yield f"made an attempt the vector does not script ({error}), expected {wanted}"
        return
    if type(error) is not getattr(package, wanted, None):
        yield f"raised {type(error).__name__}: {error}, expected {wanted}"
        return
    for name in ("field", "rule", "keyword"):
        if name in expected and getattr(error, name, None) != expected[name]:
            yield f"{name} {getattr(error, name, None)!r}, expected {expected[name]!r}"
    if "status" in expected and getattr(error, "status_code", None) != expected["status"]:
        yield f"status {getattr(error, 'status_code', None)}, expected {expected['status']}"
    if "message_contains" in expected and expected["message_contains"] not in str(error):
        yield f"message {str(error)!r} does not say {expected['message_contains']!r}"
    if "body" in expected and not json_equal(getattr(error, "body", None), expected["body"]):
        yield f"body {getattr(error, 'body', None)!r}, expected {expected['body']!r}"
    if masks_key:
        for where, text in surfaces(error):
            if API_KEY in text:
                yield f"the key shows in the error's {where}"


def surfaces(error: BaseException) -> Iterator[tuple[str, str]]:
    """Every text of an error a program may print or log."""
    yield "str", str(error)
    yield "repr", repr(error)
    yield "traceback", "".join(traceback.format_exception(error))
    yield "body", json.dumps(getattr(error, "body", None), default=str)
    response = getattr(error, "response", None)
    if isinstance(response, httpx.Response):
        yield "headers", json.dumps(list(response.headers.multi_items()))
        yield "reason phrase", response.reason_phrase
        with contextlib.suppress(Exception):
            yield "response text", response.text
