"""Review findings in the generated Python clients: API keys that cannot be header values,
non-JSON request data, one Retry-After rule shared with TypeScript, and `max_retries=0`."""

from __future__ import annotations

import asyncio
import datetime
import decimal
import json
import math
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    AsyncScript,
    Script,
    reply,
    transport,
)

ROOT = Path(__file__).resolve().parents[2]
RETRY_AFTER_TABLE = ROOT / "tests" / "typescript" / "retry-after.json"
SECRET = "sk_live_SECRET"
BAD_KEYS = [
    pytest.param(f"{SECRET}\n", id="trailing-newline"),
    pytest.param(f"{SECRET}\r\n", id="trailing-crlf"),
    pytest.param(f"\t{SECRET}", id="leading-tab"),
    pytest.param(f"{SECRET} x", id="inner-space"),
    pytest.param(f"{SECRET}\nX-Injected: 1", id="inner-newline"),
    pytest.param(f"{SECRET}\x00", id="nul"),
    pytest.param(f"{SECRET}\x7f", id="del"),
    pytest.param(f"{SECRET}\u00e9", id="latin-1"),
    pytest.param(f"{SECRET}\u2603", id="beyond-latin-1"),
]


def shown(exc: BaseException) -> str:
    """Everything a traceback, str and repr of the error show, chained errors included."""
    return "".join(traceback.format_exception(exc)) + str(exc) + repr(exc)


def make(is_async: bool, **options: Any) -> rc.RetellClient | rc.AsyncRetellClient:
    return (rc.AsyncRetellClient if is_async else rc.RetellClient)(**options)


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []

    async def record(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(base, "sleep", recorded.append)
    monkeypatch.setattr(base, "async_sleep", record)
    return recorded


# --- 1. API keys that cannot be header values ------------------------------------------------


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("key", BAD_KEYS)
def test_a_key_that_cannot_be_a_header_is_refused_without_showing_it(
    monkeypatch: pytest.MonkeyPatch, key: str, is_async: bool
) -> None:
    with pytest.raises(rc.APIError) as caught:
        make(is_async, api_key=key, base_url=BASE_URL)
    assert caught.value.message.startswith("api_key: ")
    assert SECRET not in shown(caught.value)
    if "\x00" in key:  # an environment variable cannot hold NUL
        return
    monkeypatch.setenv("RETELL_API_KEY", key)
    with pytest.raises(rc.APIError) as from_env:
        make(is_async, base_url=BASE_URL)
    assert from_env.value.message.startswith("RETELL_API_KEY: ")
    assert SECRET not in shown(from_env.value)


def test_the_error_says_what_to_fix() -> None:
    with pytest.raises(rc.APIError, match="leading or trailing whitespace"):
        rc.RetellClient(api_key=f"{SECRET}\n")
    with pytest.raises(rc.APIError, match="visible ASCII"):
        rc.RetellClient(api_key=f"{SECRET}\u00e9")


def protocol_error(request: httpx.Request) -> httpx.Response:
    """What h11 raises for an invalid header value: the value is in the message."""
    raise httpx.LocalProtocolError(f"Illegal header value b'Bearer {API_KEY}\\n'")


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_local_protocol_error_is_neither_retried_nor_chained(is_async: bool) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return protocol_error(request)

    async def async_handler(request: httpx.Request) -> httpx.Response:
        return handler(request)

    options: dict[str, Any] = {"api_key": API_KEY, "base_url": BASE_URL, "max_retries": 2}
    if is_async:
        http = httpx.AsyncClient(transport=httpx.MockTransport(async_handler))
        client = rc.AsyncRetellClient(**options, http_client=http)
        with pytest.raises(rc.APIConnectionError) as caught:
            asyncio.run(client.create_phone_call(**NUMBERS))
    else:
        http_sync = httpx.Client(transport=httpx.MockTransport(handler))
        sync_client = rc.RetellClient(**options, http_client=http_sync)
        with pytest.raises(rc.APIConnectionError) as caught:
            sync_client.create_phone_call(**NUMBERS)
    assert len(sent) == 1
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__
    assert API_KEY not in shown(caught.value)
    assert "LocalProtocolError" in caught.value.message


def test_a_connection_error_message_is_kept_but_redacted() -> None:
    script = Script([httpx.ConnectError(f"refused, key {API_KEY}")])
    http = httpx.Client(transport=transport(script))
    client = rc.RetellClient(api_key=API_KEY, base_url=BASE_URL, http_client=http, max_retries=0)
    with pytest.raises(rc.APIConnectionError) as caught:
        client.create_phone_call(**NUMBERS)
    assert "refused, key [REDACTED]" in caught.value.message
    assert API_KEY not in shown(caught.value)


def test_an_idempotency_key_that_cannot_be_a_header_is_refused_before_sending() -> None:
    script = Script([reply(201, PHONE_CALL)])
    http = httpx.Client(transport=transport(script))
    client = rc.RetellClient(api_key=API_KEY, base_url=BASE_URL, http_client=http)
    with pytest.raises(rc.APIError, match=r"^idempotency_key: "):
        client.create_phone_call(**NUMBERS, idempotency_key="key\n")
    assert script.requests == []


# --- 3. Request data that JSON cannot carry exactly -------------------------------------------


class Point:
    pass


cyclic: dict[str, Any] = {}
cyclic["self"] = cyclic

NON_JSON = [
    pytest.param({"a": math.inf}, "metadata.a", id="inf"),
    pytest.param({"a": -math.inf}, "metadata.a", id="-inf"),
    pytest.param({"a": math.nan}, "metadata.a", id="nan"),
    pytest.param({"when": datetime.datetime(2024, 1, 1)}, "metadata.when", id="datetime"),
    pytest.param({"day": datetime.date(2024, 1, 1)}, "metadata.day", id="date"),
    pytest.param({"raw": b"bytes"}, "metadata.raw", id="bytes"),
    pytest.param({"price": decimal.Decimal("1.10")}, "metadata.price", id="decimal"),
    pytest.param({"pair": (1, 2)}, "metadata.pair", id="tuple"),
    pytest.param({"tags": {"a"}}, "metadata.tags", id="set"),
    pytest.param({"point": Point()}, "metadata.point", id="object"),
    pytest.param({"deep": {"list": [1, {"n": math.nan}]}}, "metadata.deep.list.1.n", id="nested"),
    pytest.param({"deep": {1: "x"}}, "metadata.deep", id="int-key"),
    pytest.param({"loop": cyclic}, "metadata.loop.self", id="cycle"),
]


@pytest.mark.parametrize(("metadata", "where"), NON_JSON)
def test_metadata_that_json_would_change_is_refused_before_sending(
    metadata: dict[str, Any], where: str
) -> None:
    script = Script([reply(201, PHONE_CALL)])
    http = httpx.Client(transport=transport(script))
    client = rc.RetellClient(api_key=API_KEY, base_url=BASE_URL, http_client=http)
    with pytest.raises(ValidationError) as caught:
        client.create_phone_call(**NUMBERS, metadata=metadata)
    (error,) = caught.value.errors()
    assert error["loc"] == ("metadata",)
    assert error["msg"].startswith(f"Value error, {where}: "), error["msg"]
    assert "(rule: json)" in error["msg"]
    assert script.requests == []


def test_json_metadata_is_sent_unchanged() -> None:
    script = Script([reply(201, PHONE_CALL)])
    http = httpx.Client(transport=transport(script))
    client = rc.RetellClient(api_key=API_KEY, base_url=BASE_URL, http_client=http)
    metadata = {"a": 1.5, "b": [None, True, "x", {"c": -0.0}], "big": 10**30, "e": {}}
    client.create_phone_call(**NUMBERS, metadata=metadata)
    assert script.bodies() == [{**NUMBERS, "metadata": metadata}]


# --- 4. One Retry-After rule for both clients -------------------------------------------------


def retry_after_cases() -> list[Any]:
    table = json.loads(RETRY_AFTER_TABLE.read_text(encoding="utf-8"))
    now = table["now"] / 1000
    return [
        pytest.param(case["headers"], case["ms"], now, id=json.dumps(case["headers"]))
        for case in table["cases"]
    ]


@pytest.mark.parametrize(("headers", "ms", "now"), retry_after_cases())
def test_retry_after_follows_the_shared_table(
    headers: dict[str, str], ms: float | None, now: float
) -> None:
    seconds = base.retry_after_seconds(httpx.Headers(headers), now=now)
    if ms is None:
        assert seconds is None
    else:
        assert seconds == pytest.approx(ms / 1000, abs=1e-9)


def test_the_longest_honoured_wait_comes_from_the_ir_defaults() -> None:
    from generator.ir import Defaults

    assert Defaults().max_retry_after_s == base.MAX_RETRY_AFTER


def test_retry_after_ms_sets_the_wait_of_a_real_retry(no_sleep: list[float]) -> None:
    limited = reply(429, {"error_message": "slow"}, {"retry-after-ms": "250", "retry-after": "9"})
    script = Script([limited, reply(201, PHONE_CALL)])
    http = httpx.Client(transport=transport(script))
    rc.RetellClient(api_key=API_KEY, base_url=BASE_URL, http_client=http).create_phone_call(
        **NUMBERS
    )
    assert no_sleep == [0.25]


# --- 5. max_retries=0 sends exactly one request -----------------------------------------------

ONE_SHOT = [
    pytest.param(lambda: reply(500, {"error_message": "down"}), rc.InternalServerError, id="500"),
    pytest.param(lambda: reply(503, {}, {"retry-after": "0"}), rc.InternalServerError, id="503"),
    pytest.param(lambda: reply(429, {}, {"retry-after-ms": "0"}), rc.RateLimitError, id="429"),
    pytest.param(lambda: reply(408, {}), rc.APIStatusError, id="408"),
    pytest.param(lambda: reply(409, {}), rc.ConflictError, id="409"),
    pytest.param(lambda: httpx.ReadTimeout("slow"), rc.APITimeoutError, id="read-timeout"),
    pytest.param(lambda: httpx.ConnectError("refused"), rc.APIConnectionError, id="connect-error"),
    pytest.param(lambda: httpx.RemoteProtocolError("eof"), rc.APIConnectionError, id="dropped"),
]
Answer = Callable[[], httpx.Response | Exception]


@pytest.mark.parametrize(("answer", "error"), ONE_SHOT)
def test_max_retries_0_sends_exactly_one_request(
    answer: Answer, error: type[Exception], no_sleep: list[float]
) -> None:
    script = Script([answer(), reply(201, PHONE_CALL)])
    http = httpx.Client(transport=transport(script))
    client = rc.RetellClient(api_key=API_KEY, base_url=BASE_URL, http_client=http, max_retries=0)
    with pytest.raises(error):
        client.create_phone_call(**NUMBERS)
    assert (len(script.requests), no_sleep) == (1, [])


@pytest.mark.parametrize(("answer", "error"), ONE_SHOT)
def test_async_max_retries_0_sends_exactly_one_request(
    answer: Answer, error: type[Exception], no_sleep: list[float]
) -> None:
    script = AsyncScript([answer(), reply(201, PHONE_CALL)])
    http = httpx.AsyncClient(transport=transport(script))
    client = rc.AsyncRetellClient(
        api_key=API_KEY, base_url=BASE_URL, http_client=http, max_retries=0
    )
    with pytest.raises(error):
        asyncio.run(client.create_phone_call(**NUMBERS))
    assert (len(script.requests), no_sleep) == (1, [])


def test_the_docstrings_say_that_a_retried_create_may_call_twice() -> None:
    for documented in (rc.RetellClient, rc.AsyncRetellClient, rc, base):
        text = " ".join((documented.__doc__ or "").split())
        assert "may place a second call" in text, documented
        assert "max_retries=0" in text, documented


@pytest.mark.parametrize(
    ("number", "where"),
    [("1e400", "metadata.n"), ("-2E+999", "metadata.n"), ('[0, {"m": 1e309}]', "metadata.n.1.m")],
)
def test_a_response_number_beyond_float_range_is_refused_when_read(number: str, where: str) -> None:
    """JSON input takes a lighter path (only an overflowing number can break the rule there);
    it must refuse the same values, in the same words, as the full check."""
    body = json.dumps(PHONE_CALL)[:-1] + f', "metadata": {{"n": {number}}}}}'
    with pytest.raises(ValidationError) as caught:
        rc.PhoneCallResponse.model_validate_json(body)
    (error,) = caught.value.errors()
    assert error["msg"].startswith(f"Value error, {where}: must be a finite number"), error["msg"]
    assert "(rule: json)" in error["msg"]
