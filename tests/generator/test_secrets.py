"""The API key never shows: not in str/repr/inspect of a client, not in an error (message,
body, headers, response, traceback), not in httpx's or httpcore's log records, whatever form
the server echoes it in, and a key that cannot be a header value is refused unseen."""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import pprint
import re
import traceback
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest
import retell_client as rc

from tests.generator.client_support import (
    BASE_URL,
    NUMBERS,
    AsyncScript,
    Script,
    async_client,
    client,
    reply,
)
from tests.generator.loopback import respond, serving

# A key whose JSON-escaped and URL-encoded forms all differ from it.
KEY = "sk_live/Ab+c=d-0123456789"
FORMS = {
    "raw": KEY,
    "json": KEY.replace("/", "\\/"),
    "url": quote(KEY, safe=""),
    "url-lower": re.sub(r"%[0-9A-F]{2}", lambda hit: hit[0].lower(), quote(KEY, safe="")),
    "url-path": quote(KEY),
    "form": quote_plus(KEY),
}
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


def shown(error: BaseException) -> str:
    """Everything a traceback, str and repr of an error show, chained errors included, and
    what it carries from the server."""
    parts = ["".join(traceback.format_exception(error)), str(error), repr(error)]
    for name in ("message", "body", "request"):
        parts.append(repr(getattr(error, name, None)))
    response = getattr(error, "response", None)
    if isinstance(response, httpx.Response):
        parts += [response.text, repr(response.headers.multi_items()), response.reason_phrase]
        parts.append(repr(response))
    return "\n".join(parts)


def _leaks(text: str) -> list[str]:
    return [name for name, form in FORMS.items() if form in text]


# --- the client itself -------------------------------------------------------------------------


@pytest.mark.parametrize("make", [rc.Retell, rc.AsyncRetell])
def test_no_repr_str_vars_or_inspect_of_a_client_shows_the_key(make: type[Any]) -> None:
    retell = make(api_key=KEY, base_url=BASE_URL)
    texts = [repr(retell), str(retell), repr(vars(retell)), pprint.pformat(vars(retell))]
    for name, value in inspect.getmembers(retell):
        texts.append(f"{name}={value!r}")
        if not callable(value) or name.startswith("_"):
            texts += [repr(vars(value)) if hasattr(value, "__dict__") else ""]
    texts += [repr(retell.call), repr(retell.with_options(max_retries=1))]
    assert [text for text in texts if _leaks(text)] == []


def test_the_key_still_authenticates() -> None:
    script = Script([reply(201, {"call_id": "c"})])
    http = httpx.Client(transport=httpx.MockTransport(script))
    rc.Retell(api_key=KEY, base_url=BASE_URL, http_client=http).call.create_phone_call(**NUMBERS)
    assert script.requests[0].headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize("make", [rc.Retell, rc.AsyncRetell], ids=["sync", "async"])
@pytest.mark.parametrize("key", BAD_KEYS)
def test_a_key_that_cannot_be_a_header_is_refused_without_showing_it(
    monkeypatch: pytest.MonkeyPatch, key: str, make: type[Any]
) -> None:
    with pytest.raises(rc.RetellError) as caught:
        make(api_key=key, base_url=BASE_URL)
    assert str(caught.value).startswith("api_key: ")
    assert SECRET not in shown(caught.value)
    if "\x00" in key:  # an environment variable cannot hold NUL
        return
    monkeypatch.setenv("RETELL_API_KEY", key)
    with pytest.raises(rc.RetellError) as from_env:
        make(base_url=BASE_URL)
    assert str(from_env.value).startswith("RETELL_API_KEY: ")
    assert SECRET not in shown(from_env.value)


def test_the_refusal_says_what_to_fix() -> None:
    with pytest.raises(rc.RetellError, match="leading or trailing whitespace"):
        rc.Retell(api_key=f"{SECRET}\n")
    with pytest.raises(rc.RetellError, match="visible ASCII"):
        rc.Retell(api_key=f"{SECRET}\u00e9")


# --- what the server sends back ----------------------------------------------------------------


@pytest.mark.parametrize("form", sorted(FORMS))
def test_a_key_echoed_in_any_form_is_redacted_from_the_error(form: str) -> None:
    echoed = FORMS[form]
    body = {"error_message": f"invalid key {echoed}", "detail": {echoed: [echoed]}}
    script = Script([reply(401, body, {"X-Echo": f"Bearer {echoed}"})])
    http = httpx.Client(transport=httpx.MockTransport(script))
    retell = rc.Retell(api_key=KEY, base_url=BASE_URL, http_client=http)
    with pytest.raises(rc.AuthenticationError) as caught:
        retell.call.create_phone_call(**NUMBERS)
    assert _leaks(shown(caught.value)) == []
    assert caught.value.message == "HTTP 401: invalid key [REDACTED]"
    assert caught.value.headers["x-echo"] == "Bearer [REDACTED]"
    assert caught.value.body == {
        "error_message": "invalid key [REDACTED]",
        "detail": {"[REDACTED]": ["[REDACTED]"]},
    }


def test_a_key_echoed_in_an_invalid_success_body_is_redacted() -> None:
    script = Script([httpx.Response(201, content=f"<p>{KEY}</p>".encode())])
    http = httpx.Client(transport=httpx.MockTransport(script))
    retell = rc.Retell(api_key=KEY, base_url=BASE_URL, http_client=http)
    with pytest.raises(rc.APIResponseValidationError) as caught:
        retell.call.create_phone_call(**NUMBERS)
    assert _leaks(shown(caught.value)) == []
    assert caught.value.body == "<p>[REDACTED]</p>"


def test_a_key_echoed_by_a_strict_mode_failure_is_redacted() -> None:
    body = {"call_status": KEY}
    script = Script([reply(201, body)])
    http = httpx.Client(transport=httpx.MockTransport(script))
    retell = rc.Retell(api_key=KEY, base_url=BASE_URL, http_client=http)
    with pytest.raises(rc.APIResponseValidationError) as caught:
        retell.with_options(strict_response_validation=True).call.create_phone_call(**NUMBERS)
    assert _leaks(shown(caught.value)) == []


def test_a_connection_error_s_message_is_kept_but_redacted() -> None:
    script = Script([httpx.ConnectError(f"refused, key {KEY}")])
    http = httpx.Client(transport=httpx.MockTransport(script))
    retell = rc.Retell(api_key=KEY, base_url=BASE_URL, http_client=http, max_retries=0)
    with pytest.raises(rc.APIConnectionError) as caught:
        retell.call.create_phone_call(**NUMBERS)
    assert "refused, key [REDACTED]" in caught.value.message
    assert _leaks(shown(caught.value)) == []
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_request_that_cannot_be_written_is_neither_retried_nor_quoted(
    is_async: bool, sleeps: list[float]
) -> None:
    error = httpx.LocalProtocolError(f"Illegal header value b'Bearer {KEY}\\n'")
    script = AsyncScript([error]) if is_async else Script([error])

    def call() -> object:
        if isinstance(script, AsyncScript):
            return asyncio.run(async_client(script).call.create_phone_call(**NUMBERS))
        return client(script).call.create_phone_call(**NUMBERS)

    with pytest.raises(rc.APIConnectionError) as caught:
        call()
    assert len(script.requests) == 1
    assert "LocalProtocolError" in caught.value.message
    assert _leaks(shown(caught.value)) == []


# --- log records, over a real socket ----------------------------------------------------------


HOSTILE = f"400 Bad key Bearer {KEY}"


def _logging(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "retell_client"):
        caplog.set_level(logging.DEBUG, logger=name)


def test_a_hostile_reason_phrase_reaches_no_log_record_and_no_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    _logging(caplog)
    body = json.dumps({"error_message": f"bad key {KEY}"}).encode()
    answer = respond(HOSTILE, body, {"Content-Type": "application/json", "X-Key": KEY})
    with (
        serving(answer) as server,
        rc.Retell(api_key=KEY, base_url=server.url) as retell,
        pytest.raises(rc.BadRequestError) as caught,
    ):
        retell.call.create_phone_call(**NUMBERS)
    assert caught.value.response.reason_phrase == "Bad key Bearer [REDACTED]"
    assert _leaks(shown(caught.value)) == []
    records = [record.getMessage() for record in caplog.records]
    # httpx logged its line, and httpcore its status line and headers: all redacted
    assert any("HTTP/1.1 400 Bad key Bearer [REDACTED]" in line for line in records), records
    assert any("receive_response_headers.complete" in line for line in records), records
    assert [line for line in records if _leaks(line)] == []
    assert _leaks(caplog.text) == []


def test_the_async_client_keeps_a_hostile_reason_phrase_out_of_the_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    _logging(caplog)

    async def main(url: str) -> None:
        async with rc.AsyncRetell(api_key=KEY, base_url=url) as retell:
            await retell.call.create_phone_call(**NUMBERS)

    answer = respond(HOSTILE, b"{}", {"Content-Type": "application/json"})
    with serving(answer) as server, pytest.raises(rc.BadRequestError) as caught:
        asyncio.run(main(server.url))
    assert any("Bad key Bearer [REDACTED]" in r.getMessage() for r in caplog.records)
    assert _leaks(caplog.text) == []
    assert _leaks(shown(caught.value)) == []


def test_your_own_http_client_keeps_a_hostile_reason_phrase_out_of_errors() -> None:
    """httpx logs its line before the client sees the answer, so with your own client only
    the error is guaranteed clean; the README says to keep the client's own for the logs."""
    answer = respond(HOSTILE, b"{}", {"Content-Type": "application/json"})
    with (
        serving(answer) as server,
        httpx.Client() as http,
        rc.Retell(api_key=KEY, base_url=server.url, http_client=http) as retell,
        pytest.raises(rc.BadRequestError) as caught,
    ):
        retell.call.create_phone_call(**NUMBERS)
    assert _leaks(shown(caught.value)) == []
    assert caught.value.response.reason_phrase == "Bad key Bearer [REDACTED]"
