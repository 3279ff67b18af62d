"""Shared pieces of the client tests: a scripted httpx transport and canned bodies."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypedDict

import httpx

API_KEY = "sk-test-0123456789-secret"
BASE_URL = "http://retell.test"


class Numbers(TypedDict):
    from_number: str
    to_number: str


NUMBERS = Numbers(from_number="+14157774444", to_number="+12137774445")
PHONE_CALL = {
    "call_type": "phone_call",
    **NUMBERS,
    "direction": "outbound",
    "call_id": "call_1",
    "agent_id": "agent_1",
    "call_status": "registered",
}
REGISTER_CALL = {
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
