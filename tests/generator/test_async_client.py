"""The async client (AsyncRetell) over httpx.MockTransport: the same contract as the sync one
(test_client.py holds the full set; these show each point holds for the async code too)."""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx
import pytest
import retell_client as rc

from generator.ir import load_api
from tests.generator.client_support import (
    API_KEY,
    BASE_URL,
    NUMBERS,
    PHONE_CALL,
    REGISTER_CALL,
    AsyncScript,
    async_client,
    reply,
)

T = TypeVar("T")
API = load_api()


def run(script: AsyncScript, use: Callable[[rc.AsyncRetell], Awaitable[T]], **options: Any) -> T:
    async def main() -> T:
        async with async_client(script, **options) as retell:
            return await use(retell)

    return asyncio.run(main())


def test_the_async_methods_mirror_the_sync_ones() -> None:
    for operation in API.operations:
        name = operation.name.snake
        for sync, is_async in (
            (rc.CallResource, rc.AsyncCallResource),
            (rc.CallResourceWithRawResponse, rc.AsyncCallResourceWithRawResponse),
        ):
            assert inspect.iscoroutinefunction(getattr(is_async, name))
            ours = inspect.signature(getattr(is_async, name)).parameters
            theirs = inspect.signature(getattr(sync, name)).parameters
            assert list(ours) == list(theirs)
    assert inspect.iscoroutinefunction(rc.AsyncRetell.aclose)


def test_a_call_sends_the_body_and_returns_the_model() -> None:
    script = AsyncScript([reply(201, PHONE_CALL)])
    result = run(script, lambda c: c.call.create_phone_call(**NUMBERS, metadata={"a": [1]}))
    assert isinstance(result, rc.PhoneCallResponse)
    assert script.bodies() == [{**NUMBERS, "metadata": {"a": [1]}}]
    assert script.requests[0].headers["authorization"] == f"Bearer {API_KEY}"
    assert str(script.requests[0].url) == f"{BASE_URL}/v2/create-phone-call"


def test_per_request_options() -> None:
    script = AsyncScript([reply(201, PHONE_CALL)])
    run(
        script,
        lambda c: c.call.create_phone_call(
            **NUMBERS,
            extra_headers={"X-Trace": "t"},
            extra_query={"q": "1"},
            extra_body={"new_field": 1},
            timeout=httpx.Timeout(4.0, connect=1.0),
        ),
    )
    (request,) = script.requests
    assert request.headers["x-trace"] == "t"
    assert request.url.params["q"] == "1"
    assert script.bodies() == [{**NUMBERS, "new_field": 1}]
    assert request.extensions["timeout"] == httpx.Timeout(4.0, connect=1.0).as_dict()


def test_a_bad_number_is_a_validation_error_and_nothing_is_sent() -> None:
    script = AsyncScript([reply(201, PHONE_CALL)])
    with pytest.raises(rc.RetellError) as caught:
        run(script, lambda c: c.call.create_phone_call(from_number="+14155550100", to_number="+1"))
    assert isinstance(caught.value, rc.ValidationError)
    assert (caught.value.field, caught.value.rule) == ("to_number", "e164_numbers")
    assert script.requests == []


@pytest.mark.parametrize(
    ("status", "error"), [(e.status, getattr(rc, e.name.pascal)) for e in API.errors]
)
def test_each_status_raises_its_class(status: int, error: type[Any]) -> None:
    script = AsyncScript([reply(status, {"error_message": f"no {API_KEY}"})])
    with pytest.raises(error) as caught:
        run(script, lambda c: c.call.create_phone_call(**NUMBERS), max_retries=0)
    assert caught.value.status_code == status
    assert API_KEY not in str(caught.value)


def test_lenient_by_default_strict_when_asked() -> None:
    body = {**PHONE_CALL, "call_status": "not_connected", "extra": {"nested": [1]}}
    call = run(AsyncScript([reply(201, body)]), lambda c: c.call.create_phone_call(**NUMBERS))
    assert call.call_status == "not_connected"
    assert call.model_extra == {"extra": {"nested": [1]}}
    with pytest.raises(rc.APIResponseValidationError) as caught:
        run(
            AsyncScript([reply(201, body)]),
            lambda c: c.call.create_phone_call(**NUMBERS),
            strict_response_validation=True,
        )
    assert (caught.value.field, caught.value.rule) == ("call_status", "enum")


def test_raw_responses_parse_when_awaited(sleeps: list[float]) -> None:
    script = AsyncScript([reply(429, {}, {"retry-after": "0"}), reply(201, PHONE_CALL)])

    async def use(retell: rc.AsyncRetell) -> tuple[Any, ...]:
        raw = await retell.call.with_raw_response.create_phone_call(**NUMBERS)
        return raw, await raw.parse(), await raw.text(), await raw.json(), await raw.read()

    raw, parsed, text, data, content = run(script, use)
    assert isinstance(raw, rc.AsyncAPIResponse)
    assert (raw.status_code, raw.retries_taken) == (201, 1)
    assert parsed.call_id == "call_1"
    assert json.loads(text) == data == PHONE_CALL
    assert content == raw.http_response.content


def test_the_deprecated_operation_warns() -> None:
    script = AsyncScript([reply(201, REGISTER_CALL)])
    with pytest.warns(DeprecationWarning, match="create_phone_call_v1 is deprecated"):
        result = run(script, lambda c: c.call.create_phone_call_v1(**NUMBERS))
    assert result.audio_encoding is rc.AudioEncoding.MULAW


def test_with_options_and_aclose_keep_a_shared_pool_open() -> None:
    async def main() -> tuple[bool, bool]:
        shared = httpx.AsyncClient()
        retell = rc.AsyncRetell(api_key=API_KEY, http_client=shared)
        copy = retell.with_options(max_retries=5)
        assert (type(copy), copy.max_retries, copy._http) == (rc.AsyncRetell, 5, shared)
        await copy.aclose()
        await retell.aclose()
        closed = shared.is_closed
        await shared.aclose()
        async with rc.AsyncRetell(api_key=API_KEY) as own:
            pool = own._http
        return closed, pool.is_closed

    assert asyncio.run(main()) == (False, True)


def test_the_async_client_refuses_a_sync_http_client() -> None:
    with pytest.raises(rc.RetellError, match=r"^http_client: must be an httpx\.AsyncClient"):
        rc.AsyncRetell(api_key=API_KEY, http_client=httpx.Client())  # type: ignore[arg-type]


def test_repr_hides_the_key() -> None:
    async def main() -> str:
        async with rc.AsyncRetell(api_key=API_KEY) as retell:
            return repr(retell)

    assert API_KEY not in asyncio.run(main())
