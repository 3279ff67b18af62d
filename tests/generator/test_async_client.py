"""Functional tests of the generated AsyncRetellClient against httpx.MockTransport."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx
import pytest
import retell_client as rc
from pydantic import ValidationError
from retell_client import _base_client as base

from tests.generator.client_support import (
    API_KEY,
    BASE_URL,
    NUMBERS,
    PHONE_CALL,
    REGISTER_CALL,
    AsyncScript,
    reply,
    transport,
)

T = TypeVar("T")


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []

    async def record(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(base, "async_sleep", record)
    return recorded


def call(script: AsyncScript, use: Callable[[rc.AsyncRetellClient], Awaitable[T]], **kw: Any) -> T:
    async def main() -> T:
        http = httpx.AsyncClient(transport=transport(script))
        async with rc.AsyncRetellClient(
            api_key=API_KEY, base_url=BASE_URL, http_client=http, **kw
        ) as retell:
            result = await use(retell)
        await http.aclose()
        return result

    return asyncio.run(main())


def test_success() -> None:
    script = AsyncScript([reply(201, PHONE_CALL)])
    result = call(script, lambda c: c.create_phone_call(**NUMBERS))
    assert isinstance(result, rc.PhoneCallResponse)
    assert script.bodies() == [NUMBERS]


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, rc.BadRequestError),
        (401, rc.AuthenticationError),
        (402, rc.PaymentRequiredError),
        (422, rc.UnprocessableEntityError),
        (429, rc.RateLimitError),
        (500, rc.InternalServerError),
    ],
)
def test_error_classes(status: int, error: type[rc.APIStatusError]) -> None:
    script = AsyncScript([reply(status, {"error_message": f"no {API_KEY}"})])
    with pytest.raises(error) as caught:
        call(script, lambda c: c.create_phone_call(**NUMBERS), max_retries=0)
    assert caught.value.status == status
    assert API_KEY not in str(caught.value)


def test_retry_after_and_stable_idempotency_key(sleeps: list[float]) -> None:
    limited = reply(429, {"error_message": "slow"}, {"Retry-After": "2"})
    script = AsyncScript([limited, reply(503), reply(201, PHONE_CALL)])
    call(script, lambda c: c.create_phone_call(**NUMBERS))
    assert sleeps[0] == 2.0
    assert 0.75 <= sleeps[1] <= 1.0
    assert len(set(script.header("Idempotency-Key"))) == 1


def test_no_retry_on_400(sleeps: list[float]) -> None:
    script = AsyncScript([reply(400, {"error_message": "bad"})])
    with pytest.raises(rc.BadRequestError):
        call(script, lambda c: c.create_phone_call(**NUMBERS))
    assert (len(script.requests), sleeps) == (1, [])


def test_timeout_after_retries(sleeps: list[float]) -> None:
    script = AsyncScript([httpx.ConnectTimeout("slow")])
    with pytest.raises(rc.APITimeoutError):
        call(script, lambda c: c.create_phone_call(**NUMBERS))
    assert len(script.requests) == 3


def test_rejects_bad_input_before_sending() -> None:
    script = AsyncScript([reply(201, PHONE_CALL)])
    with pytest.raises(ValidationError) as caught:
        call(
            script,
            lambda c: c.create_phone_call(from_number=NUMBERS["from_number"], to_number="+1"),
        )
    assert caught.value.errors()[0]["loc"] == ("to_number",)
    assert script.requests == []


def test_v1_is_deprecated() -> None:
    script = AsyncScript([reply(201, REGISTER_CALL)])
    with pytest.warns(DeprecationWarning, match="deprecated"):
        result = call(script, lambda c: c.create_phone_call_v1(**NUMBERS))
    assert result.audio_encoding is rc.AudioEncoding.MULAW


def test_repr_hides_the_key() -> None:
    async def main() -> str:
        async with rc.AsyncRetellClient(api_key=API_KEY) as retell:
            return repr(retell)

    assert API_KEY not in asyncio.run(main())
