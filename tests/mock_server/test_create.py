"""Valid requests: what the two real endpoints answer (the README's behaviour table), and the
record of created calls."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from mock_server import DEFAULT_AGENT_ID, CallStore
from tests.mock_server.conftest import FROM, TO, V1, V1_OPERATION, V2, V2_OPERATION

METADATA: dict[str, Any] = {
    "customer_id": "cus_123",
    "attempt": 2,
    "nested": {"list": [1, 2.5, None, True, {"deep": "ünïcødé ✓"}]},
    "big": 123456789012345678901234567890,
    "ключ": "значение",
}
VARIABLES = {"customer_name": "John Doe", "城市": "東京", "empty": ""}


def create(client: httpx.Client, path: str, **fields: Any) -> dict[str, Any]:
    response = client.post(path, json={"from_number": FROM, "to_number": TO, **fields})
    assert response.status_code == 201, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert isinstance(body, dict)
    return body


def test_v2_answers_a_registered_outbound_phone_call(client: httpx.Client) -> None:
    body = create(client, V2)
    assert body["call_type"] == "phone_call"
    assert body["direction"] == "outbound"
    assert body["call_status"] == "registered"
    assert body["from_number"] == FROM
    assert body["to_number"] == TO
    assert body["agent_id"] == DEFAULT_AGENT_ID
    assert isinstance(body["call_id"], str)
    assert len(body["call_id"]) == 32
    assert "metadata" not in body
    assert "retell_llm_dynamic_variables" not in body


def test_v2_echoes_metadata_and_dynamic_variables_exactly(client: httpx.Client) -> None:
    body = create(client, V2, metadata=METADATA, retell_llm_dynamic_variables=VARIABLES)
    assert body["metadata"] == METADATA
    assert body["retell_llm_dynamic_variables"] == VARIABLES
    assert body["metadata"]["big"] == 123456789012345678901234567890


def test_v2_echoes_empty_objects(client: httpx.Client) -> None:
    body = create(client, V2, metadata={}, retell_llm_dynamic_variables={})
    assert body["metadata"] == {}
    assert body["retell_llm_dynamic_variables"] == {}


@pytest.mark.parametrize("path", [V2, V1])
def test_override_agent_id_chooses_the_agent(client: httpx.Client, path: str) -> None:
    assert create(client, path, override_agent_id="agent_override")["agent_id"] == "agent_override"


@pytest.mark.parametrize("path", [V2, V1])
def test_unknown_properties_are_accepted(client: httpx.Client, path: str) -> None:
    create(client, path, something_new={"a": 1})


@pytest.mark.parametrize("path", [V2, V1])
def test_call_ids_are_unique(client: httpx.Client, path: str) -> None:
    ids = {create(client, path)["call_id"] for _ in range(50)}
    assert len(ids) == 50


def test_v1_answers_audio_settings_that_obey_the_rules(client: httpx.Client) -> None:
    body = create(client, V1, metadata=METADATA, retell_llm_dynamic_variables=VARIABLES)
    assert body["audio_websocket_protocol"] == "twilio"
    assert body["audio_encoding"] == "mulaw"
    assert body["sample_rate"] == 8000
    assert body["end_call_after_silence_ms"] >= 10000
    assert body["call_status"] == "registered"
    assert body["direction"] == "outbound"
    assert (body["from_number"], body["to_number"]) == (FROM, TO)
    assert body["metadata"] == METADATA
    assert body["retell_llm_dynamic_variables"] == VARIABLES


@pytest.mark.parametrize(("sent", "expected"), [(None, False), (True, True), (False, False)])
def test_v1_echoes_drop_call_if_machine_detected(
    client: httpx.Client, sent: bool | None, expected: bool
) -> None:
    fields = {} if sent is None else {"drop_call_if_machine_detected": sent}
    assert create(client, V1, **fields)["drop_call_if_machine_detected"] is expected


@pytest.mark.parametrize("path", [V2, V1])
def test_created_calls_can_be_looked_up(client: httpx.Client, store: CallStore, path: str) -> None:
    body = create(client, path, metadata={"k": "v"})
    stored = store.get(body["call_id"])
    assert stored is not None
    operation = V2_OPERATION if path == V2 else V1_OPERATION
    assert (stored.operation_id, stored.path) == (operation.operation_id, path)
    assert stored.response() == body
    assert store.get("no-such-call") is None


def test_charset_utf8_content_type_is_accepted(client: httpx.Client) -> None:
    headers = {"Content-Type": "application/json; charset=UTF-8"}
    content = f'{{"from_number": "{FROM}", "to_number": "{TO}"}}'.encode()
    assert client.post(V2, content=content, headers=headers).status_code == 201


def test_duplicate_keys_take_the_last_value(client: httpx.Client) -> None:
    content = f'{{"from_number": "+10", "from_number": "{FROM}", "to_number": "{TO}"}}'.encode()
    response = client.post(V2, content=content, headers={"Content-Type": "application/json"})
    assert response.status_code == 201
    assert response.json()["from_number"] == FROM


def test_v2_answers_only_what_it_was_sent_or_the_spec_requires(client: httpx.Client) -> None:
    """The spec's example carries metadata and dynamic variables; an answer carries them only
    when the request did."""
    body = create(client, V2)
    assert set(body) == {
        "call_type", "from_number", "to_number", "direction", "call_id", "agent_id", "call_status"
    }  # fmt: skip


def test_v1_answers_only_what_it_was_sent_or_the_spec_requires(client: httpx.Client) -> None:
    body = create(client, V1)
    assert set(body) == {
        "call_id", "agent_id", "audio_websocket_protocol", "audio_encoding", "sample_rate",
        "call_status", "end_call_after_silence_ms", "from_number", "to_number", "direction",
        "drop_call_if_machine_detected",
    }  # fmt: skip
    assert body["end_call_after_silence_ms"] == 600_000
    assert body["agent_id"] == DEFAULT_AGENT_ID


@pytest.mark.parametrize("path", [V2, V1])
def test_the_example_s_ids_are_never_answered(client: httpx.Client, path: str) -> None:
    body = create(client, path, override_agent_id="agent_override")
    assert body["call_id"] not in {
        "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6",
        "9TXYYJHfvl6Syypi88rdAHYHmcq6Jabr",
    }
    assert re.fullmatch("[0-9a-f]{32}", body["call_id"])


@pytest.mark.parametrize(
    ("size", "depth"),
    [(64 * 1024, 1), (512 * 1024, 1), (100, 32)],
    ids=["64KiB", "512KiB", "32-deep"],
)
@pytest.mark.parametrize("path", [V2, V1])
def test_big_and_deep_valid_metadata_is_created_and_echoed(
    client: httpx.Client, path: str, size: int, depth: int
) -> None:
    metadata: dict[str, Any] = {"blob": "m" * size}
    for level in range(depth - 1):
        metadata = {f"level{level}": metadata, "n": level}
    body = create(client, path, metadata=metadata)
    assert body["metadata"] == metadata
