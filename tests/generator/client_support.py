"""Shared pieces of the client tests: a scripted httpx transport, canned bodies, and loading
a generated package under a name of its own (so several can live in one process)."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, TypedDict

import httpx
import retell_client as rc

API_KEY = "sk-test-0123456789-secret"
BASE_URL = "http://retell.test"


class Numbers(TypedDict):
    from_number: str
    to_number: str


NUMBERS = Numbers(from_number="+14155550100", to_number="+14155550123")
PHONE_CALL: dict[str, Any] = {
    "call_type": "phone_call",
    **NUMBERS,
    "direction": "outbound",
    "call_id": "call_1",
    "agent_id": "agent_1",
    "call_status": "registered",
}
REGISTER_CALL: dict[str, Any] = {
    "call_id": "call_1",
    "agent_id": "agent_1",
    "audio_websocket_protocol": "twilio",
    "audio_encoding": "mulaw",
    "sample_rate": 8000,
    "call_status": "registered",
}

Reply = httpx.Response | Exception


def reply(status: int, body: Any = None, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body if body is not None else {}, headers=headers)


@dataclass
class Script:
    """Answers requests with the scripted replies in order (the last one repeats)."""

    replies: list[Reply]
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.replies[min(len(self.requests), len(self.replies)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def bodies(self) -> list[Any]:
        return [json.loads(request.content) for request in self.requests]

    def header(self, name: str) -> list[str | None]:
        return [request.headers.get(name) for request in self.requests]


class AsyncScript(Script):
    async def handle(self, request: httpx.Request) -> httpx.Response:
        return self(request)


def transport(script: Script) -> httpx.MockTransport:
    handler: Callable[[httpx.Request], Any] = (
        script.handle if isinstance(script, AsyncScript) else script
    )
    return httpx.MockTransport(handler)


def client(script: Script, **options: Any) -> rc.Retell:
    http = httpx.Client(transport=transport(script))
    return rc.Retell(api_key=API_KEY, base_url=BASE_URL, http_client=http, **options)


def async_client(script: AsyncScript, **options: Any) -> rc.AsyncRetell:
    http = httpx.AsyncClient(transport=transport(script))
    return rc.AsyncRetell(api_key=API_KEY, base_url=BASE_URL, http_client=http, **options)


def import_package(root: Path, name: str) -> ModuleType:
    """The generated package at `root` (its folder holding __init__.py), imported as `name`:
    its imports are relative, so it runs beside the installed retell_client."""
    spec = importlib.util.spec_from_file_location(
        name, root / "__init__.py", submodule_search_locations=[str(root)]
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
