"""Functional tests of the generated RetellClient (sync) against httpx.MockTransport."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator

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
    Script,
    reply,
    transport,
)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    recorded: list[float] = []
    monkeypatch.setattr(base, "sleep", recorded.append)
    return recorded


def client(script: Script, **options: object) -> rc.RetellClient:
    http = httpx.Client(transport=transport(script))
    return rc.RetellClient(api_key=API_KEY, base_url=BASE_URL, http_client=http, **options)  # type: ignore[arg-type]


def test_success_sends_the_validated_body_and_returns_the_model() -> None:
    script = Script([reply(201, {**PHONE_CALL, "extra": "kept"})])
    call = client(script).create_phone_call(**NUMBERS, metadata={"n": 1})
    assert isinstance(call, rc.PhoneCallResponse)
    assert call.direction is rc.Direction.OUTBOUND
    assert call.model_extra == {"extra": "kept"}
    (request,) = script.requests
    assert (request.method, str(request.url)) == ("POST", f"{BASE_URL}/v2/create-phone-call")
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert script.bodies() == [{**NUMBERS, "metadata": {"n": 1}}]


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, rc.BadRequestError),
        (401, rc.AuthenticationError),
        (402, rc.PaymentRequiredError),
        (403, rc.PermissionDeniedError),
        (404, rc.NotFoundError),
        (409, rc.ConflictError),
        (422, rc.UnprocessableEntityError),
        (429, rc.RateLimitError),
        (500, rc.InternalServerError),
        (503, rc.InternalServerError),
        (418, rc.APIStatusError),
    ],
)
def test_each_status_raises_its_error_class(status: int, error: type[rc.APIStatusError]) -> None:
    script = Script([reply(status, {"error_message": "nope"})])
    with pytest.raises(error) as caught:
        client(script, max_retries=0).create_phone_call(**NUMBERS)
    assert type(caught.value) is error
    assert (caught.value.status, caught.value.status_code) == (status, status)
    assert caught.value.body == {"error_message": "nope"}
    assert "nope" in caught.value.message


def test_retries_honour_retry_after(sleeps: list[float]) -> None:
    limited = reply(429, {"error_message": "slow down"}, {"Retry-After": "3"})
    script = Script([limited, limited, reply(201, PHONE_CALL)])
    assert client(script).create_phone_call(**NUMBERS).call_id == "call_1"
    assert sleeps == [3.0, 3.0]
    assert len(script.requests) == 3


def test_retries_back_off_exponentially_with_jitter_then_give_up(sleeps: list[float]) -> None:
    script = Script([reply(503, {"error_message": "down"})])
    with pytest.raises(rc.InternalServerError):
        client(script).create_phone_call(**NUMBERS)
    assert len(script.requests) == 3  # max_retries defaults to 2
    assert 0.375 <= sleeps[0] <= 0.5
    assert 0.75 <= sleeps[1] <= 1.0


@pytest.mark.parametrize("status", [408, 409, 500, 502])
def test_retryable_statuses(sleeps: list[float], status: int) -> None:
    script = Script([reply(status), reply(201, PHONE_CALL)])
    client(script).create_phone_call(**NUMBERS)
    assert len(script.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 422])
def test_no_retry_on_client_errors(sleeps: list[float], status: int) -> None:
    script = Script([reply(status, {"error_message": "bad"}), reply(201, PHONE_CALL)])
    with pytest.raises(rc.APIStatusError):
        client(script).create_phone_call(**NUMBERS)
    assert (len(script.requests), sleeps) == (1, [])


def test_idempotency_key_is_stable_across_retries_and_new_per_call(sleeps: list[float]) -> None:
    script = Script([reply(500), reply(201, PHONE_CALL)])
    retell = client(script)
    retell.create_phone_call(**NUMBERS)
    first, second = script.header("Idempotency-Key")
    assert first is not None
    assert first == second
    retell.create_phone_call(**NUMBERS, idempotency_key="mine")
    assert script.header("Idempotency-Key")[2:] == ["mine"]


def test_timeouts_and_connection_errors_are_retried_then_raised(sleeps: list[float]) -> None:
    timeout = Script([httpx.ReadTimeout("slow")])
    with pytest.raises(rc.APITimeoutError):
        client(timeout).create_phone_call(**NUMBERS)
    assert len(timeout.requests) == 3
    refused = Script([httpx.ConnectError("refused"), reply(201, PHONE_CALL)])
    assert client(refused).create_phone_call(**NUMBERS).call_id == "call_1"
    broken = Script([httpx.RemoteProtocolError("eof")])
    with pytest.raises(rc.APIConnectionError):
        client(broken, max_retries=0).create_phone_call(**NUMBERS)


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A loopback server that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        accepted: list[socket.socket] = []
        thread = threading.Thread(target=lambda: accepted.append(listener.accept()[0]))
        thread.start()
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
        thread.join(timeout=5)
        for connection in accepted:
            connection.close()


def test_a_real_read_timeout_raises_api_timeout_error(silent_server: str) -> None:
    retell = rc.RetellClient(api_key=API_KEY, base_url=silent_server, timeout=0.2, max_retries=0)
    with retell, pytest.raises(rc.APITimeoutError):
        retell.create_phone_call(**NUMBERS)


def test_default_settings() -> None:
    retell = rc.RetellClient(api_key=API_KEY)
    assert (retell.timeout.read, retell.timeout.connect, retell.max_retries) == (60.0, 5.0, 2)
    assert retell.base_url == "https://api.retellai.com"
    retell.close()


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({**NUMBERS, "to_number": "4157774444"}, "to_number"),
        ({**NUMBERS, "from_number": "+0123"}, "from_number"),
        ({**NUMBERS, "retell_llm_dynamic_variables": {"name": 1}}, "retell_llm_dynamic_variables"),
        ({**NUMBERS, "override_agent_id": 7}, "override_agent_id"),
    ],
)
def test_bad_input_is_rejected_before_sending(arguments: dict[str, object], field: str) -> None:
    script = Script([reply(201, PHONE_CALL)])
    with pytest.raises(ValidationError) as caught:
        client(script).create_phone_call(**arguments)  # type: ignore[arg-type]
    assert caught.value.errors()[0]["loc"][0] == field
    assert script.requests == []


def test_a_response_breaking_the_mulaw_rule_raises(sleeps: list[float]) -> None:
    script = Script([reply(201, {**REGISTER_CALL, "sample_rate": 16000})])
    with (
        pytest.warns(DeprecationWarning, match="deprecated"),
        pytest.raises(rc.APIResponseValidationError) as caught,
    ):
        client(script).create_phone_call_v1(**NUMBERS)
    assert "sample_rate" in caught.value.message


def test_v1_warns_deprecation_and_returns_register_call_response() -> None:
    script = Script([reply(201, REGISTER_CALL)])
    with pytest.warns(DeprecationWarning, match="create_phone_call_v1 is deprecated"):
        call = client(script).create_phone_call_v1(**NUMBERS, drop_call_if_machine_detected=True)
    assert call.sample_rate == 8000
    assert script.bodies() == [{**NUMBERS, "drop_call_if_machine_detected": True}]
    assert str(script.requests[0].url) == f"{BASE_URL}/create-phone-call"


def test_the_key_never_shows(caplog: pytest.LogCaptureFixture, sleeps: list[float]) -> None:
    caplog.set_level(logging.DEBUG)
    echo = {"error_message": f"invalid key {API_KEY}", "key": API_KEY}
    retell = client(Script([reply(401, echo)]))
    with pytest.raises(rc.AuthenticationError) as caught:
        retell.create_phone_call(**NUMBERS)
    down = client(Script([httpx.ConnectError(f"cannot reach {BASE_URL}")]))
    with pytest.raises(rc.APIConnectionError) as refused:
        down.create_phone_call(**NUMBERS)
    texts = [repr(retell), str(retell), str(caught.value), repr(caught.value)]
    texts += [caught.value.message, str(caught.value.body), str(refused.value), caplog.text]
    assert all(API_KEY not in text for text in texts)
    assert "[REDACTED]" in caught.value.message


def test_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETELL_API_KEY", API_KEY)
    monkeypatch.setenv("RETELL_BASE_URL", "http://env.test/")
    with rc.RetellClient() as retell:
        assert retell.base_url == "http://env.test"
    monkeypatch.delenv("RETELL_API_KEY")
    with pytest.raises(rc.APIError, match="RETELL_API_KEY"):
        rc.RetellClient()


def test_context_manager_closes_its_own_pool_only() -> None:
    with rc.RetellClient(api_key=API_KEY) as retell:
        pool = retell._http
    assert pool.is_closed
    shared = httpx.Client()
    with rc.RetellClient(api_key=API_KEY, http_client=shared):
        pass
    assert not shared.is_closed
    shared.close()
