"""The clients against real loopback sockets: the per-attempt deadline covers a body dripped a
byte at a time (and dripped headers), an endless answer stops at the size cap without being
read, a redirect is not followed, a refused connection is retried. No time is asserted."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import retell_client as rc

from tests.generator.client_support import API_KEY, NUMBERS, PHONE_CALL
from tests.generator.loopback import closed_port, drip, endless, respond, serving

BODY = json.dumps(PHONE_CALL).encode()
MiB = 1024 * 1024


def _head(length: int | None, extra: str = "") -> bytes:
    size = f"Content-Length: {length}\r\n" if length is not None else "Connection: close\r\n"
    return f"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n{size}{extra}\r\n".encode()


Make = Callable[..., Any]


def _sync(url: str, **options: Any) -> Any:
    with rc.Retell(api_key=API_KEY, base_url=url, **options) as retell:
        return retell.call.create_phone_call(**NUMBERS)


def _async(url: str, **options: Any) -> Any:
    async def main() -> Any:
        async with rc.AsyncRetell(api_key=API_KEY, base_url=url, **options) as retell:
            return await retell.call.create_phone_call(**NUMBERS)

    return asyncio.run(main())


CLIENTS = [pytest.param(_sync, id="sync"), pytest.param(_async, id="async")]


@pytest.mark.parametrize("call", CLIENTS)
def test_a_body_dripped_faster_than_the_read_timeout_ends_at_the_deadline(
    call: Make, sleeps: list[float]
) -> None:
    """Each byte comes well within the read timeout, so only a deadline over the whole
    attempt can end it: without one, this answer would take 40 x 0.25 s and then succeed."""
    sent: list[int] = []
    padded = BODY[:-1] + b", " + b'"pad": "' + b"x" * 40 + b'"}'
    with (
        serving(drip(_head(len(padded)), padded, 0.25, sent)) as server,
        pytest.raises(rc.APITimeoutError),
    ):
        call(server.url, timeout=1.0, max_retries=0)
    assert sent
    assert sent[0] < len(padded)  # it stopped before the end


@pytest.mark.parametrize("call", CLIENTS)
def test_a_body_dripped_every_2_s_ends_with_a_timeout(call: Make, sleeps: list[float]) -> None:
    sent: list[int] = []
    with (
        serving(drip(_head(len(BODY)), BODY, 2.0, sent)) as server,
        pytest.raises(rc.APITimeoutError),
    ):
        call(server.url, timeout=0.5, max_retries=0)


@pytest.mark.parametrize("call", CLIENTS)
def test_dripped_headers_end_at_the_deadline_too(call: Make, sleeps: list[float]) -> None:
    """A complete, valid answer whose header lines arrive over 8 s, each byte well within
    the read timeout. Only a deadline held inside every socket read (sync) or a cancel scope
    (async) ends the attempt at 1 s, long before the headers are through; a check between
    body chunks would only see it after 8 s, having read them all."""
    sent: list[int] = []
    headers = b"".join(f"X-Slow-{n:02}: {n:02}\r\n".encode() for n in range(40))
    rest = headers + f"Content-Length: {len(BODY)}\r\n\r\n".encode() + BODY
    with (
        serving(drip(b"HTTP/1.1 201 Created\r\n", rest, 8.0 / len(rest), sent)) as server,
        pytest.raises(rc.APITimeoutError),
    ):
        call(server.url, timeout=1.0, max_retries=0)
    assert sent[0] < len(headers) // 2


def test_with_your_own_http_client_the_deadline_holds_between_chunks(sleeps: list[float]) -> None:
    sent: list[int] = []
    padded = BODY[:-1] + b', "pad": "' + b"x" * 40 + b'"}'
    with serving(drip(_head(len(padded)), padded, 0.25, sent)) as server:
        http = httpx.Client()
        with pytest.raises(rc.APITimeoutError):
            _sync(server.url, timeout=1.0, max_retries=0, http_client=http)
        http.close()
    assert sent[0] < len(padded)


@pytest.mark.parametrize("call", CLIENTS)
def test_a_timed_out_create_call_is_not_retried(call: Make, sleeps: list[float]) -> None:
    with (
        serving(drip(_head(len(BODY)), BODY, 2.0, [])) as server,
        pytest.raises(rc.APITimeoutError),
    ):
        call(server.url, timeout=0.3)
    assert len(server.requests) == 1


@pytest.mark.parametrize("call", CLIENTS)
@pytest.mark.parametrize("declared", [False, True], ids=["streamed", "content-length"])
def test_a_100_mib_answer_stops_at_the_cap_without_being_read(
    call: Make, declared: bool, sleeps: list[float]
) -> None:
    sent: list[int] = []
    total = 100 * MiB
    with (
        serving(endless(_head(total if declared else None), total, sent)) as server,
        pytest.raises(rc.APIResponseTooLargeError) as caught,
    ):
        call(server.url, max_response_bytes=1 * MiB, retry_unsafe=True)
    assert len(server.requests) == 1  # never retried
    assert caught.value.limit == MiB
    assert caught.value.status_code == 201
    assert sent
    assert sent[0] < 32 * MiB  # the rest was never read (what was sent sat in socket buffers)


def test_the_default_cap_is_the_ir_s(sleeps: list[float]) -> None:
    from generator.ir import Defaults

    sent: list[int] = []
    limit = Defaults().max_response_bytes
    with (
        serving(endless(_head(None), limit + MiB, sent)) as server,
        pytest.raises(rc.APIResponseTooLargeError) as caught,
    ):
        _sync(server.url)
    assert caught.value.limit == limit


@pytest.mark.parametrize("call", CLIENTS)
def test_a_redirect_to_another_origin_is_not_followed(call: Make, sleeps: list[float]) -> None:
    with serving(respond("200 OK", BODY)) as elsewhere:
        target = {"Location": f"{elsewhere.url}/v2/create-phone-call"}
        with serving(respond("307 Temporary Redirect", b"", target)) as server:
            with pytest.raises(rc.APIStatusError) as caught:
                call(server.url, retry_unsafe=True)
            assert len(server.requests) == 1
        assert elsewhere.requests == []  # the key never went there
    assert caught.value.status_code == 307


@pytest.mark.parametrize("call", CLIENTS)
def test_a_refused_connection_is_retried_then_raised(call: Make, sleeps: list[float]) -> None:
    with pytest.raises(rc.APIConnectionError) as caught:
        call(f"http://127.0.0.1:{closed_port()}")
    assert type(caught.value) is rc.APIConnectionError
    assert len(sleeps) == 2  # both retries were taken: nothing can have been sent


@pytest.mark.parametrize("call", CLIENTS)
def test_a_real_answer(call: Make) -> None:
    with serving(respond("201 Created", BODY, {"Content-Type": "application/json"})) as server:
        result = call(server.url)
    assert result.call_id == PHONE_CALL["call_id"]
    request = server.requests[0]
    assert request.startswith(b"POST /v2/create-phone-call HTTP/1.1\r\n")
    assert f"\r\nAuthorization: Bearer {API_KEY}\r\n".encode() in request
