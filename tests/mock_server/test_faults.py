"""Fault injection: off by default; 429 with Retry-After, 500, slow, dropped connection."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import httpx
import pytest

from mock_server import (
    CallStore,
    Fault,
    FaultKind,
    FaultPlan,
    create_app,
    parse_fault,
    running_server,
)
from mock_server.faults import FaultSyntaxError
from tests.mock_server.conftest import AUTH, ERROR_FIELD, FROM, TO, V1, V2

BODY = {"from_number": FROM, "to_number": TO}


def fresh(spec: str) -> str:
    """A header value no other test uses, so each test arms its own plan."""
    return f"{spec};id={uuid.uuid4().hex}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("429", Fault(FaultKind.RATE_LIMITED)),
        ("429;count=3;retry-after=7", Fault(FaultKind.RATE_LIMITED, count=3, retry_after_s=7)),
        ("500; count=2", Fault(FaultKind.SERVER_ERROR, count=2)),
        ("SLOW;delay=0.5", Fault(FaultKind.SLOW, delay_s=0.5)),
        ("drop;id=abc", Fault(FaultKind.DROP)),
    ],
)
def test_parse_fault(text: str, expected: Fault) -> None:
    assert parse_fault(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "404",
        "429;count",
        "429;count=0",
        "429;count=x",
        "slow;delay=-1",
        "slow;delay=nan",
        "slow;delay=1e9",
        "429;colour=red",
        "429;retry-after=1.5",
    ],
)
def test_parse_fault_refuses_nonsense(text: str) -> None:
    with pytest.raises(FaultSyntaxError):
        parse_fault(text)


def test_no_faults_by_default(client: httpx.Client) -> None:
    for _ in range(5):
        assert client.post(V2, json=BODY).status_code == 201


@pytest.mark.parametrize("path", [V2, V1])
def test_header_429_then_success_for_retries_with_the_same_header(
    client: httpx.Client, path: str
) -> None:
    headers = {"X-Mock-Fault": fresh("429;count=2;retry-after=3")}
    for _ in range(2):
        response = client.post(path, json=BODY, headers=headers)
        assert response.status_code == 429
        assert response.headers["retry-after"] == "3"
        assert response.json()[ERROR_FIELD]
    assert client.post(path, json=BODY, headers=headers).status_code == 201


def test_header_500(client: httpx.Client) -> None:
    headers = {"X-Mock-Fault": fresh("500")}
    response = client.post(V2, json=BODY, headers=headers)
    assert response.status_code == 500
    assert response.json()[ERROR_FIELD]
    assert client.post(V2, json=BODY, headers=headers).status_code == 201


def test_slow_awaits_its_delay_before_serving_then_serves_normally() -> None:
    store = CallStore()
    waits: list[tuple[float, int]] = []

    async def record(delay_s: float) -> None:  # no real waiting: the delay asked is recorded
        waits.append((delay_s, len(store)))

    app = create_app(store=store, faults=FaultPlan(sleep=record))
    headers = {"X-Mock-Fault": "slow;delay=0.3"}
    with running_server(app) as url, httpx.Client(base_url=url, headers=AUTH) as client:
        assert client.post(V2, json=BODY, headers=headers).status_code == 201
        assert waits == [(0.3, 0)]  # awaited before the call was created
        assert len(store) == 1
        assert client.post(V1, json=BODY, headers=headers).status_code == 201
        assert client.post(V2, json=BODY).status_code == 201
    assert waits == [(0.3, 0)]  # count=1: later requests are not delayed


def test_a_start_up_slow_fault_uses_its_default_delay() -> None:
    waits: list[float] = []

    async def record(delay_s: float) -> None:
        waits.append(delay_s)

    plan = FaultPlan(Fault(FaultKind.SLOW, count=2), sleep=record)
    with running_server(create_app(faults=plan)) as url:
        for _ in range(3):
            assert httpx.post(url + V2, json=BODY, headers=AUTH).status_code == 201
    assert waits == [2.0, 2.0]


def test_the_real_sleep_is_the_default() -> None:
    assert FaultPlan().sleep is asyncio.sleep


def test_header_drop_closes_the_connection(client: httpx.Client) -> None:
    headers = {"X-Mock-Fault": fresh("drop")}
    # the client sees the drop as a protocol error or a reset, depending on timing
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        client.post(V2, json=BODY, headers=headers)
    assert client.post(V2, json=BODY, headers=headers).status_code == 201


def test_a_bad_fault_header_is_400(client: httpx.Client) -> None:
    response = client.post(V2, json=BODY, headers={"X-Mock-Fault": "teapot"})
    assert response.status_code == 400
    assert "x-mock-fault" in response.json()[ERROR_FIELD]


def test_faults_need_auth_first(anonymous: httpx.Client) -> None:
    response = anonymous.post(V2, json=BODY, headers={"X-Mock-Fault": fresh("500")})
    assert response.status_code == 401


@pytest.fixture
def armed() -> Iterator[tuple[httpx.Client, FaultPlan]]:
    plan = FaultPlan()
    app = create_app(faults=plan, fault=Fault(FaultKind.RATE_LIMITED, count=2, retry_after_s=5))
    with running_server(app) as url, httpx.Client(base_url=url, headers=AUTH) as client:
        yield client, plan


def test_start_up_fault_applies_to_the_next_n_requests(
    armed: tuple[httpx.Client, FaultPlan],
) -> None:
    client, _ = armed
    assert [client.post(V2, json=BODY).status_code for _ in range(3)] == [429, 429, 201]


def test_faults_armed_later_queue_up(armed: tuple[httpx.Client, FaultPlan]) -> None:
    client, plan = armed
    plan.arm(Fault(FaultKind.SERVER_ERROR))
    codes = [client.post(V1, json=BODY).status_code for _ in range(4)]
    assert codes == [429, 429, 500, 201]


def test_clear_disarms(armed: tuple[httpx.Client, FaultPlan]) -> None:
    client, plan = armed
    plan.clear()
    assert client.post(V2, json=BODY).status_code == 201


def test_header_plans_are_bounded() -> None:
    plan = FaultPlan()
    for n in range(2000):
        assert plan.take(f"429;id={n}") is not None
    assert plan.take("429;id=0") is not None  # forgotten, so armed again
    assert plan.take("429;id=1999") is None
