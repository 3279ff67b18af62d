"""Strict mode: only the account's managed numbers and agents are accepted (else 422)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mock_server import create_app, running_server
from mock_server.numbers import NumbersFileError, load_numbers
from tests.mock_server.conftest import AUTH, ERROR_FIELD, FROM, TO, V1, V2

OTHER_NUMBER = "+14155550000"
NUMBERS = {FROM: "agent_of_from", "+442071234567": "agent_uk"}
AGENTS = ["agent_extra"]


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    path = tmp_path_factory.mktemp("numbers") / "numbers.json"
    path.write_text(json.dumps({"numbers": NUMBERS, "agents": AGENTS}), encoding="utf-8")
    numbers = load_numbers(path)
    app = create_app(managed_numbers=numbers.managed_numbers, agent_ids=numbers.agent_ids)
    with running_server(app) as url, httpx.Client(base_url=url, headers=AUTH) as client:
        yield client


@pytest.mark.parametrize("path", [V2, V1])
def test_a_managed_number_calls_with_its_agent(strict: httpx.Client, path: str) -> None:
    response = strict.post(path, json={"from_number": FROM, "to_number": TO})
    assert response.status_code == 201
    assert response.json()["agent_id"] == "agent_of_from"


@pytest.mark.parametrize("agent", ["agent_extra", "agent_uk"])
@pytest.mark.parametrize("path", [V2, V1])
def test_a_known_agent_can_override(strict: httpx.Client, path: str, agent: str) -> None:
    body = {"from_number": FROM, "to_number": TO, "override_agent_id": agent}
    response = strict.post(path, json=body)
    assert response.status_code == 201
    assert response.json()["agent_id"] == agent


@pytest.mark.parametrize("path", [V2, V1])
def test_an_unmanaged_from_number_is_422(strict: httpx.Client, path: str) -> None:
    response = strict.post(path, json={"from_number": OTHER_NUMBER, "to_number": TO})
    assert response.status_code == 422
    message = response.json()[ERROR_FIELD]
    assert message.startswith("from_number:")
    assert OTHER_NUMBER in message


@pytest.mark.parametrize("path", [V2, V1])
def test_an_unknown_agent_is_422(strict: httpx.Client, path: str) -> None:
    body = {"from_number": FROM, "to_number": TO, "override_agent_id": "agent_nobody"}
    response = strict.post(path, json=body)
    assert response.status_code == 422
    assert response.json()[ERROR_FIELD].startswith("override_agent_id:")


def test_schema_errors_still_come_first(strict: httpx.Client) -> None:
    response = strict.post(V2, json={"from_number": "bad", "to_number": TO})
    assert response.status_code == 400


def test_agents_alone_restrict_only_the_override() -> None:
    app = create_app(agent_ids=["agent_a"])
    with running_server(app) as url, httpx.Client(base_url=url, headers=AUTH) as client:
        plain = client.post(V2, json={"from_number": OTHER_NUMBER, "to_number": TO})
        assert plain.status_code == 201
        body = {"from_number": OTHER_NUMBER, "to_number": TO, "override_agent_id": "agent_b"}
        assert client.post(V2, json=body).status_code == 422


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("not json", "Expecting value"),
        ("[]", "JSON object"),
        ('{"numbers": {"+1": 5}}', "'numbers'"),
        ('{"numbers": []}', "'numbers'"),
        ('{"agents": "a"}', "'agents'"),
        ('{"agents": [1]}', "'agents'"),
        ('{"nmbers": {}}', "unknown keys"),
    ],
)
def test_a_bad_numbers_file_is_reported(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "numbers.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NumbersFileError, match=problem):
        load_numbers(path)


def test_a_missing_numbers_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(NumbersFileError, match="No such file"):
        load_numbers(tmp_path / "absent.json")
