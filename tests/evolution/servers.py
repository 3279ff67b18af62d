"""Servers of a patched spec: its mock (recording what reaches it), a correct variant answering
the new enum value, and faulty variants the contract suite must catch.

Every variant is the mock `create_app(api=...)` builds from the patched spec, wrapped with the
mutants' ASGI wrappers (`contract_tests.mutants.asgi`), so it depends on nothing but the IR
and the ASGI interface.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp

from contract_tests.mutants.asgi import HttpRequest, HttpResponse, rewrite_request, rewrite_response
from generator.ir import Api, Operation, load_api
from mock_server import create_app, running_server
from tests.evolution.cases import NOT_CONNECTED
from tests.evolution.chain import API_KEY
from tests.evolution.patches import E164_UNLESS_IGNORED, PHONE_CALL, WEB_CALL, write_stage

JsonEdit = Callable[[Any, dict[str, Any]], None]  # (request, answer): changes the answer
Rewrite = Callable[[HttpRequest, HttpResponse], HttpResponse]


def mock(api: Api) -> ASGIApp:
    return create_app(api_key=API_KEY, api=api)


def answers_edited(app: ASGIApp, operation: Operation, edit: JsonEdit) -> ASGIApp:
    """`app`, with the 2xx JSON answers of one operation edited."""

    def rewrite(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        document = response.json()
        if request.path != operation.path or not 200 <= response.status < 300:
            return response
        if not isinstance(document, dict):
            return response
        edited = copy.deepcopy(document)
        edit(request.json(), edited)
        return response.with_json(edited)

    return rewrite_response(app, rewrite)


def answering_not_connected(app: ASGIApp, api: Api) -> ASGIApp:
    """A server correct under patch 3: its new phone calls are `not_connected`."""
    return answers_edited(app, api.operation(PHONE_CALL), _set("call_status", NOT_CONNECTED))


@dataclass
class Served:
    """The mock of a stage at `urls["mock"]` and its variant answering `not_connected` at
    `urls["not connected"]`; `received` holds every (path, JSON body) that reached them."""

    urls: dict[str, str] = field(default_factory=dict)
    received: list[tuple[str, Any]] = field(default_factory=list)

    def take_received(self) -> list[tuple[str, Any]]:
        taken, self.received[:] = list(self.received), []
        return taken


@contextmanager
def serving(api: Api) -> Iterator[Served]:
    served = Served()

    def record(request: HttpRequest) -> HttpRequest:
        served.received.append((request.path, request.json()))
        return request

    recorded = rewrite_request(mock(api), record)
    with ExitStack() as stack:
        served.urls["mock"] = stack.enter_context(running_server(recorded))
        variant = answering_not_connected(recorded, api)
        served.urls["not connected"] = stack.enter_context(running_server(variant))
        yield served


# --- faulty servers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Patched:
    """What a faulty server is made from: the patch, the patched spec's IR, the operation it
    breaks, and a folder of its own."""

    number: int
    api: Api
    operation: Operation
    folder: Path


def _set(name: str, value: Any) -> JsonEdit:
    def edit(_request: Any, answer: dict[str, Any]) -> None:
        answer[name] = value

    return edit


def _drop(name: str) -> JsonEdit:
    def edit(_request: Any, answer: dict[str, Any]) -> None:
        answer.pop(name, None)

    return edit


def _edited(edit: JsonEdit) -> Callable[[Patched], ASGIApp]:
    return lambda patched: answers_edited(mock(patched.api), patched.operation, edit)


def _rule_ignored(patched: Patched) -> ASGIApp:
    """A server that never applies the E.164 rule: it serves every request whose
    `ignore_e164_validation` is absent or false as if it were true (the mock then checks only
    that the number is not empty)."""

    def rewrite(request: HttpRequest) -> HttpRequest:
        document = request.json()
        if request.path != patched.operation.path or not isinstance(document, dict):
            return request
        if document.get("ignore_e164_validation", False) is not False:
            return request
        return request.with_json({**document, "ignore_e164_validation": True})

    return rewrite_request(mock(patched.api), rewrite)


def _not_updated(patched: Patched) -> ASGIApp:
    """The mock of the spec before the patch: a server not updated for it (for patch 5: E.164
    always, so the relaxation is never granted)."""
    previous = write_stage(patched.number - 1, patched.folder / "previous" / "openapi.yaml")
    return mock(load_api(previous))


@dataclass(frozen=True)
class Faulty:
    patch: int
    name: str
    operation: str  # operation id
    build: Callable[[Patched], ASGIApp]
    rules: tuple[str, ...]  # caught when one of these fails on the operation


FAULTY = (
    Faulty(
        4,
        "web call answered with call_type phone_call",
        WEB_CALL,
        _edited(_set("call_type", "phone_call")),
        ("closed_enums",),
    ),
    Faulty(
        4,
        "web call ids reused",
        WEB_CALL,
        _edited(_set("call_id", "call_0000")),
        ("call_ids_unique",),
    ),
    Faulty(
        4,
        "web call metadata not echoed",
        WEB_CALL,
        _edited(_drop("metadata")),
        ("metadata_echoed",),
    ),
    Faulty(5, "the E.164 rule never applied", PHONE_CALL, _rule_ignored, (E164_UNLESS_IGNORED,)),
    Faulty(
        5,
        "the relaxation never granted",
        PHONE_CALL,
        _not_updated,
        ("positive_data_acceptance", "boundary_values_accepted", E164_UNLESS_IGNORED),
    ),
)
