"""The retry policy of COMMON.md's table, row by row, for both clients: a create call (not
idempotent) by default and with retry_unsafe, and an idempotent operation (specs.RICH); then
the waits (Retry-After, backoff) and max_retries."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable, Coroutine
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import retell_client as rc
from retell_client import _retry

from generator.ir import Defaults, load_api
from tests.generator.client_support import (
    API_KEY,
    BASE_URL,
    NUMBERS,
    PHONE_CALL,
    AsyncScript,
    Script,
    async_client,
    client,
    reply,
    transport,
)

ROOT = Path(__file__).resolve().parents[2]
RETRY_AFTER_TABLE = ROOT / "tests" / "typescript" / "retry-after.json"
FIGURE = {"id": "f1", "body": {"kind": "circle", "radius": 1.0}}
Failure = Callable[[], httpx.Response | Exception]

# (failure, retried when idempotent, when not idempotent, not idempotent with retry_unsafe)
TABLE: list[Any] = [
    pytest.param(lambda: httpx.ConnectError("refused"), True, True, True, id="connect-refused"),
    pytest.param(lambda: httpx.ConnectTimeout("slow dns"), True, True, True, id="connect-timeout"),
    pytest.param(lambda: httpx.PoolTimeout("no slot"), True, True, True, id="pool-timeout"),
    pytest.param(lambda: reply(429, {}, {"Retry-After": "0"}), True, True, True, id="429"),
    pytest.param(lambda: reply(408), True, False, True, id="408"),
    pytest.param(lambda: reply(409), True, False, True, id="409"),
    pytest.param(lambda: reply(500), True, False, True, id="500"),
    pytest.param(lambda: reply(502), True, False, True, id="502"),
    pytest.param(lambda: reply(503), True, False, True, id="503"),
    pytest.param(lambda: httpx.ReadTimeout("slow answer"), True, False, True, id="read-timeout"),
    pytest.param(lambda: httpx.WriteTimeout("slow send"), True, False, True, id="write-timeout"),
    pytest.param(lambda: httpx.RemoteProtocolError("eof"), True, False, True, id="dropped"),
    pytest.param(lambda: httpx.ReadError("reset"), True, False, True, id="read-error"),
    pytest.param(lambda: reply(400), False, False, False, id="400"),
    pytest.param(lambda: reply(401), False, False, False, id="401"),
    pytest.param(lambda: reply(402), False, False, False, id="402"),
    pytest.param(lambda: reply(404), False, False, False, id="404"),
    pytest.param(lambda: reply(422), False, False, False, id="422"),
    pytest.param(lambda: reply(418), False, False, False, id="418"),
    pytest.param(lambda: reply(302, {}, {"Location": "/x"}), False, False, False, id="302"),
    pytest.param(
        lambda: httpx.LocalProtocolError("bad header"), False, False, False, id="unsendable"
    ),
]


def _run(coroutine: Coroutine[Any, Any, object]) -> object:
    return asyncio.run(coroutine)


def _requests(script: Script, use: Callable[[], object]) -> int:
    """How many requests one call sent; whether it then raised is the other tests' concern
    (the rich package's errors are classes of its own)."""
    with contextlib.suppress(Exception):
        use()
    return len(script.requests)


@pytest.mark.parametrize(("failure", "idempotent", "default", "unsafe"), TABLE)
def test_a_create_call_follows_the_table(
    failure: Failure, idempotent: bool, default: bool, unsafe: bool, sleeps: list[float]
) -> None:
    for retry_unsafe, expected in ((False, default), (True, unsafe)):
        script = Script([failure(), reply(201, PHONE_CALL)])
        retell = client(script, retry_unsafe=retry_unsafe)
        sent = _requests(script, partial(retell.call.create_phone_call, **NUMBERS))
        assert sent == (2 if expected else 1), f"retry_unsafe={retry_unsafe}"


@pytest.mark.parametrize(("failure", "idempotent", "default", "unsafe"), TABLE)
def test_the_async_client_follows_the_table(
    failure: Failure, idempotent: bool, default: bool, unsafe: bool, sleeps: list[float]
) -> None:
    for retry_unsafe, expected in ((False, default), (True, unsafe)):
        script = AsyncScript([failure(), reply(201, PHONE_CALL)])
        retell = async_client(script, retry_unsafe=retry_unsafe)
        sent = _requests(script, partial(_run, retell.call.create_phone_call(**NUMBERS)))
        assert sent == (2 if expected else 1), f"retry_unsafe={retry_unsafe}"


@pytest.mark.parametrize(("failure", "idempotent", "default", "unsafe"), TABLE)
def test_an_idempotent_operation_follows_the_table(
    failure: Failure,
    idempotent: bool,
    default: bool,
    unsafe: bool,
    rich: ModuleType,
    rich_sleeps: list[float],
) -> None:
    script = Script([failure(), reply(200, FIGURE)])
    http = httpx.Client(transport=transport(script))
    figures = rich.Retell(api_key=API_KEY, base_url=BASE_URL, http_client=http).figure
    sent = _requests(script, lambda: figures.put_figure(body={"kind": "circle", "radius": 1.0}))
    assert sent == (2 if idempotent else 1)


def test_the_issue_s_three_sequences(sleeps: list[float]) -> None:
    """500 -> 201 is one request; 429 (Retry-After: 0) -> 201 two; a connect failure -> 201 two."""
    for first, sent in (
        (reply(500, {"error_message": "boom"}), 1),
        (reply(429, {"error_message": "slow"}, {"Retry-After": "0"}), 2),
        (httpx.ConnectError("refused"), 2),
    ):
        script = Script([first, reply(201, PHONE_CALL)])
        try:
            call = client(script).call.create_phone_call(**NUMBERS)
        except rc.InternalServerError:
            assert sent == 1
        else:
            assert call.call_id == "call_1"
        assert len(script.requests) == sent
    assert sleeps == [0.0, sleeps[1]]
    assert 0.375 <= sleeps[1] <= 0.5


def test_an_idempotency_header_is_sent_only_when_declared_and_kept_across_attempts(
    rich: ModuleType, rich_sleeps: list[float]
) -> None:
    script = Script([reply(503), reply(200, FIGURE)])
    http = httpx.Client(transport=transport(script))
    retell = rich.Retell(api_key=API_KEY, base_url=BASE_URL, http_client=http)
    retell.figure.put_figure(body={"kind": "circle", "radius": 1.0})
    first, second = script.header("Idempotency-Key")
    assert first is not None
    assert first == second
    retell.figure.put_figure(body={"kind": "circle", "radius": 1.0}, idempotency_key="mine-1")
    assert script.header("Idempotency-Key")[2] == "mine-1"
    with pytest.raises(rich.RetellError, match=r"^idempotency_key: "):
        retell.figure.put_figure(body={"kind": "circle", "radius": 1.0}, idempotency_key="a\nb")
    assert len(script.requests) == 3


def test_retry_after_is_honoured(sleeps: list[float]) -> None:
    limited = reply(429, {"error_message": "slow down"}, {"Retry-After": "3"})
    script = Script([limited, limited, reply(201, PHONE_CALL)])
    assert client(script).call.create_phone_call(**NUMBERS).call_id == "call_1"
    assert sleeps == [3.0, 3.0]


def test_retry_after_ms_wins_over_retry_after(sleeps: list[float]) -> None:
    limited = reply(429, {}, {"retry-after-ms": "250", "retry-after": "9"})
    client(Script([limited, reply(201, PHONE_CALL)])).call.create_phone_call(**NUMBERS)
    assert sleeps == [0.25]


def test_a_wait_beyond_the_longest_honoured_one_backs_off_instead(sleeps: list[float]) -> None:
    limited = reply(429, {}, {"Retry-After": str(int(Defaults().max_retry_after_s) + 1)})
    client(Script([limited, reply(201, PHONE_CALL)])).call.create_phone_call(**NUMBERS)
    assert 0.375 <= sleeps[0] <= 0.5


def test_backoff_doubles_with_jitter_up_to_its_cap(sleeps: list[float]) -> None:
    script = Script([httpx.ConnectError("refused")])
    with pytest.raises(rc.APIConnectionError):
        client(script, max_retries=7).call.create_phone_call(**NUMBERS)
    assert len(script.requests) == 8
    defaults = Defaults()
    for retry, wait in enumerate(sleeps):
        full = min(defaults.initial_backoff_s * 2**retry, defaults.max_backoff_s)
        assert 0.75 * full <= wait <= full, (retry, wait)
    assert max(sleeps) <= defaults.max_backoff_s


@pytest.mark.parametrize(("headers", "ms", "now"), [
    pytest.param(case["headers"], case["ms"], table["now"] / 1000, id=json.dumps(case["headers"]))
    for table in [json.loads(RETRY_AFTER_TABLE.read_text(encoding="utf-8"))]
    for case in table["cases"]
])  # fmt: skip
def test_retry_after_follows_the_table_shared_with_typescript(
    headers: dict[str, str], ms: float | None, now: float
) -> None:
    seconds = _retry.retry_after_seconds(httpx.Headers(headers), now=now)
    if ms is None:
        assert seconds is None
    else:
        assert seconds == pytest.approx(ms / 1000, abs=1e-9)


def test_the_longest_honoured_wait_comes_from_the_ir() -> None:
    from retell_client import _constants

    assert Defaults().max_retry_after_s == _constants.MAX_RETRY_AFTER
    assert Defaults().initial_backoff_s == _constants.INITIAL_RETRY_DELAY
    assert Defaults().max_backoff_s == _constants.MAX_RETRY_DELAY


RETRYABLE = [
    pytest.param(lambda: reply(429, {}, {"retry-after": "0"}), rc.RateLimitError, id="429"),
    pytest.param(lambda: httpx.ConnectError("refused"), rc.APIConnectionError, id="refused"),
    pytest.param(lambda: httpx.ConnectTimeout("slow"), rc.APITimeoutError, id="connect-timeout"),
]


@pytest.mark.parametrize(("failure", "error"), RETRYABLE)
def test_max_retries_0_sends_exactly_one_request(
    failure: Failure, error: type[Exception], sleeps: list[float]
) -> None:
    script = Script([failure(), reply(201, PHONE_CALL)])
    with pytest.raises(error):
        client(script, max_retries=0).call.create_phone_call(**NUMBERS)
    assert (len(script.requests), sleeps) == (1, [])
    again = Script([failure(), reply(201, PHONE_CALL)])
    with pytest.raises(error):
        client(again).call.create_phone_call(**NUMBERS, max_retries=0)  # per request
    assert len(again.requests) == 1


def test_a_per_request_max_retries_raises_the_client_s(sleeps: list[float]) -> None:
    script = Script([httpx.ConnectError("refused")])
    with pytest.raises(rc.APIConnectionError):
        client(script, max_retries=0).call.create_phone_call(**NUMBERS, max_retries=3)
    assert len(script.requests) == 4


def test_retries_give_up_with_the_last_error(sleeps: list[float]) -> None:
    script = Script([reply(429, {"error_message": "slow"}, {"retry-after": "0"})])
    with pytest.raises(rc.RateLimitError) as caught:
        client(script).call.create_phone_call(**NUMBERS)
    assert len(script.requests) == 1 + Defaults().max_retries
    assert caught.value.body == {"error_message": "slow"}


def test_what_is_never_retried(sleeps: list[float]) -> None:
    bad = Script([reply(201, PHONE_CALL)])
    with pytest.raises(rc.ValidationError):
        client(bad, retry_unsafe=True).call.create_phone_call(
            from_number=NUMBERS["from_number"], to_number="x"
        )
    assert bad.requests == []
    large = Script([httpx.Response(201, content=b"x" * 2048)])
    with pytest.raises(rc.APIResponseTooLargeError):
        client(large, retry_unsafe=True, max_response_bytes=1024).call.create_phone_call(**NUMBERS)
    assert len(large.requests) == 1
    strict = Script([reply(201, {**PHONE_CALL, "call_status": "new"})])
    retell = client(strict, retry_unsafe=True, strict_response_validation=True)
    with pytest.raises(rc.APIResponseValidationError):
        retell.call.create_phone_call(**NUMBERS)
    assert len(strict.requests) == 1
    assert sleeps == []


def test_retries_are_logged_without_the_key(
    caplog: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    caplog.set_level(logging.INFO, logger="retell_client")
    script = Script([reply(429, {}, {"retry-after": "0"}), reply(201, PHONE_CALL)])
    raw = client(script).call.with_raw_response.create_phone_call(**NUMBERS)
    assert raw.retries_taken == 1
    (record,) = [r for r in caplog.records if r.name == "retell_client"]
    assert record.getMessage() == (
        "retrying POST /v2/create-phone-call in 0.00 s after 429 (retry 1 of 2)"
    )
    assert API_KEY not in caplog.text


def test_a_retried_request_is_the_same_request(sleeps: list[float]) -> None:
    script = Script([httpx.ConnectError("refused"), reply(201, PHONE_CALL)])
    client(script).call.create_phone_call(**NUMBERS, metadata={"a": 1}, extra_query={"q": 1})
    first, second = script.requests
    assert first.content == second.content
    assert first.url == second.url
    assert first.headers == second.headers


def test_the_ir_marks_both_create_calls_as_not_idempotent() -> None:
    assert [op.idempotent for op in load_api().operations] == [False, False]
    assert BASE_URL
