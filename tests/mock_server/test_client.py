"""The generated Python client works against the mock, including its fault injection."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest
from retell_client import (
    APIConnectionError,
    AuthenticationError,
    BadRequestError,
    CallStatus,
    InternalServerError,
    RateLimitError,
    RetellClient,
    UnprocessableEntityError,
)

from mock_server import DEFAULT_API_KEY, CallStore, create_app, running_server
from tests.mock_server.conftest import FROM, TO


def client_for(url: str, fault: str | None = None, retries: int = 0) -> RetellClient:
    headers = {} if fault is None else {"X-Mock-Fault": f"{fault};id={uuid.uuid4().hex}"}
    http = httpx.Client(headers=headers, timeout=10)
    return RetellClient(
        api_key=DEFAULT_API_KEY, base_url=url, max_retries=retries, http_client=http
    )


def test_create_phone_call(base_url: str, store: CallStore) -> None:
    call = client_for(base_url).create_phone_call(
        from_number=FROM,
        to_number=TO,
        metadata={"k": [1, "v"]},
        retell_llm_dynamic_variables={"a": "b"},
    )
    assert call.call_status is CallStatus.REGISTERED
    assert (call.from_number, call.to_number) == (FROM, TO)
    assert call.metadata == {"k": [1, "v"]}
    assert store.get(call.call_id) is not None


def test_create_phone_call_v1(base_url: str) -> None:
    with pytest.warns(DeprecationWarning, match="deprecated"):
        call = client_for(base_url).create_phone_call_v1(
            from_number=FROM, to_number=TO, drop_call_if_machine_detected=True
        )
    assert call.sample_rate == 8000
    assert call.drop_call_if_machine_detected is True


def test_wrong_key_raises_authentication_error(base_url: str) -> None:
    client = RetellClient(api_key="wrong", base_url=base_url, max_retries=0)
    with pytest.raises(AuthenticationError):
        client.create_phone_call(from_number=FROM, to_number=TO)


def test_retries_through_rate_limits(base_url: str) -> None:
    client = client_for(base_url, "429;count=2;retry-after=0", retries=2)
    assert client.create_phone_call(from_number=FROM, to_number=TO).call_id


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("429;retry-after=0", RateLimitError),
        ("500", InternalServerError),
        ("drop", APIConnectionError),
    ],
)
def test_faults_surface_as_typed_errors(base_url: str, fault: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        client_for(base_url, fault).create_phone_call(from_number=FROM, to_number=TO)


def test_a_bad_fault_header_is_a_bad_request(base_url: str) -> None:
    with pytest.raises(BadRequestError):
        client_for(base_url, "teapot").create_phone_call(from_number=FROM, to_number=TO)


@pytest.fixture(scope="module")
def strict_url() -> Iterator[str]:
    with running_server(create_app(managed_numbers={FROM: "agent_a"})) as url:
        yield url


def test_strict_mode_raises_unprocessable_entity(strict_url: str) -> None:
    client = client_for(strict_url)
    assert client.create_phone_call(from_number=FROM, to_number=TO).agent_id == "agent_a"
    with pytest.raises(UnprocessableEntityError):
        client.create_phone_call(from_number="+14155550000", to_number=TO)
