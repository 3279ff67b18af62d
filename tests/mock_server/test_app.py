"""create_app's options, and the safety net for the mock's own bugs."""

from __future__ import annotations

import re

import httpx
import pytest
from retell_client import AudioEncoding, AudioWebsocketProtocol

from mock_server import AudioSettings, CallStore, FaultPlan, behaviour, create_app, running_server
from tests.mock_server.conftest import AUTH, FROM, TO, V1, V2

BODY = {"from_number": FROM, "to_number": TO}


@pytest.mark.parametrize(
    ("audio", "rule"),
    [
        (AudioSettings(encoding=AudioEncoding.MULAW, sample_rate=16000), "8000"),
        (
            AudioSettings(AudioWebsocketProtocol.WEB, AudioEncoding.S16LE, sample_rate=96000),
            "sample_rate",
        ),
        (AudioSettings(end_call_after_silence_ms=5000), "end_call_after_silence_ms"),
        # an untyped caller can still pass any string: refused at start-up too
        (AudioSettings(protocol="sip"), "audio_websocket_protocol"),  # type: ignore[arg-type]
    ],
)
def test_audio_settings_that_break_the_spec_are_refused_at_start(
    audio: AudioSettings, rule: str
) -> None:
    with pytest.raises(ValueError, match=rule):
        create_app(audio=audio)


def test_web_audio_settings() -> None:
    audio = AudioSettings(AudioWebsocketProtocol.WEB, AudioEncoding.S16LE, sample_rate=24000)
    with running_server(create_app(audio=audio)) as url:
        body = httpx.post(url + V1, json=BODY, headers=AUTH).json()
    assert (body["audio_websocket_protocol"], body["audio_encoding"]) == ("web", "s16le")
    assert body["sample_rate"] == 24000


def test_state_exposes_the_store_and_the_fault_plan() -> None:
    store, plan = CallStore(), FaultPlan()
    app = create_app(store=store, faults=plan)
    assert app.state.calls is store
    assert app.state.faults is plan


def test_a_bug_of_the_mock_is_answered_500_with_an_error_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> str:
        raise RuntimeError("planted bug")

    app = create_app()
    monkeypatch.setattr(behaviour, "new_call_id", broken)
    with running_server(app) as url:
        response = httpx.post(url + V2, json=BODY, headers=AUTH)
    assert response.status_code == 500
    assert response.json() == {"error_message": "An unexpected error occurred."}
    assert "planted bug" not in response.text


def test_a_small_body_limit_is_honoured() -> None:
    with running_server(create_app(max_body_bytes=100)) as url:
        big = {**BODY, "metadata": {"x": "a" * 100}}
        assert httpx.post(url + V2, json=big, headers=AUTH).status_code == 413
        assert httpx.post(url + V2, json=BODY, headers=AUTH).status_code == 201


def test_an_empty_api_key_is_refused() -> None:
    # it would let in `Authorization: Bearer ` with no token at all
    with pytest.raises(ValueError, match="api_key must not be empty"):
        create_app(api_key="")


@pytest.mark.parametrize(
    ("numbers", "agents", "named"),
    [
        ({"12": "agent_a"}, None, "numbers['12']: not a valid from_number"),
        ({"+1415": ""}, None, "numbers['+1415']: the agent id is empty"),
        (None, ["agent_a", " "], "agents[1]: the agent id is empty"),
    ],
)
def test_strict_mode_entries_that_break_the_spec_are_refused_at_start(
    numbers: dict[str, str] | None, agents: list[str] | None, named: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(named)):
        create_app(managed_numbers=numbers, agent_ids=agents)
