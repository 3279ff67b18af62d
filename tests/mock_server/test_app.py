"""create_app's options, and the safety net for the mock's own bugs."""

from __future__ import annotations

import logging
import re

import httpx
import pytest

from mock_server import (
    DEFAULT_API_KEY,
    AudioSettings,
    CallStore,
    FaultPlan,
    answers,
    create_app,
    hooks,
    running_server,
    wire,
)
from mock_server.errors import MAX_MESSAGE
from tests.mock_server.conftest import API, AUTH, ERROR_FIELD, FROM, TO, V1, V2

BODY = {"from_number": FROM, "to_number": TO}


@pytest.mark.parametrize(
    ("audio", "named"),
    [
        (
            AudioSettings(encoding="mulaw", sample_rate=16000),
            "sample_rate: must be 8000 (rule: mulaw_sample_rate)",
        ),
        (
            AudioSettings("web", "s16le", sample_rate=96000),
            "sample_rate: must be <= 48000 (rule: sample_rate_range)",
        ),
        (
            AudioSettings(end_call_after_silence_ms=5000),
            "end_call_after_silence_ms: must be >= 10000 (rule: silence_minimum)",
        ),
        (AudioSettings(protocol="sip"), 'audio_websocket_protocol: must be one of "web", "twilio"'),
    ],
)
def test_audio_settings_that_break_the_spec_are_refused_at_start(
    audio: AudioSettings, named: str
) -> None:
    expected = f"POST {V1} (createPhoneCallV1): cannot build a valid answer: {named}"
    with pytest.raises(ValueError, match=f"^{re.escape(expected)}"):
        create_app(audio=audio)


def test_web_audio_settings() -> None:
    audio = AudioSettings("web", "s16le", sample_rate=24000)
    with running_server(create_app(audio=audio)) as url:
        body = httpx.post(url + V1, json=BODY, headers=AUTH).json()
    assert (body["audio_websocket_protocol"], body["audio_encoding"]) == ("web", "s16le")
    assert body["sample_rate"] == 24000


def test_hooks_are_keyed_by_operation_ids_of_the_spec() -> None:
    ids = {operation.operation_id for operation in API.operations}
    assert set(hooks.hooks(AudioSettings())) <= ids


def test_state_exposes_the_store_and_the_fault_plan() -> None:
    store, plan = CallStore(), FaultPlan()
    app = create_app(store=store, faults=plan)
    assert app.state.calls is store
    assert app.state.faults is plan


def test_a_bug_of_the_mock_is_answered_500_with_an_error_body_and_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> str:
        raise RuntimeError("planted bug")

    app = create_app()
    monkeypatch.setattr(answers, "new_id", broken)
    with caplog.at_level(logging.ERROR, logger="mock_server"), running_server(app) as url:
        response = httpx.post(url + V2, json=BODY, headers=AUTH)
    assert response.status_code == 500
    assert response.json() == {ERROR_FIELD: "An unexpected error occurred."}
    assert "planted bug" not in response.text
    logged = [r.getMessage() for r in caplog.records if r.name == "mock_server"]
    assert len(logged) == 1
    assert "planted bug" in logged[0]


def test_an_answer_that_breaks_the_spec_is_never_sent(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug that builds a wrong answer (here: an id the spec's minLength refuses) is caught by
    validating every answer before it leaves."""
    app = create_app()
    monkeypatch.setattr(answers, "new_id", lambda: "")
    with caplog.at_level(logging.ERROR, logger="mock_server"), running_server(app) as url:
        response = httpx.post(url + V2, json=BODY, headers=AUTH)
    assert (response.status_code, response.json()) == (
        500,
        {ERROR_FIELD: "An unexpected error occurred."},
    )
    logged = [r.getMessage() for r in caplog.records if r.name == "mock_server"]
    assert logged == [
        f"POST {V2} (createPhoneCall): the answer breaks the spec: "
        "call_id: must be at least 1 characters long (rule: minLength)"
    ]


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
        (
            {"12": "agent_a"},
            None,
            "numbers['12']: not a valid from_number: must match the pattern "
            "^\\+[1-9][0-9]{1,14}$ (rule: e164_numbers)",
        ),
        ({"+1415": ""}, None, "numbers['+1415']: the agent id is empty"),
        (None, ["agent_a", " "], "agents[1]: the agent id is empty"),
    ],
)
def test_strict_mode_entries_that_break_the_spec_are_refused_at_start(
    numbers: dict[str, str] | None, agents: list[str] | None, named: str
) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(named)}$"):
        create_app(managed_numbers=numbers, agent_ids=agents)


def test_error_messages_never_repeat_the_key(client: httpx.Client) -> None:
    """A client that puts the key where the mock repeats what it was sent reads it redacted."""
    key = DEFAULT_API_KEY
    encoded = "".join(f"%{b:02X}" for b in key.encode())
    for path in (f"/{key}", f"/x{encoded}y"):
        message = client.post(path).json()[ERROR_FIELD]
        assert key not in message
        assert encoded not in message
        assert "[redacted]" in message
    bad = client.post(V2, json={**BODY, "retell_llm_dynamic_variables": {key: 1}})
    assert bad.status_code == 400
    assert key not in bad.text
    assert "retell_llm_dynamic_variables.[redacted]: must be a string" in bad.text


def test_a_long_message_is_cut_after_the_key_is_redacted(client: httpx.Client) -> None:
    """The key straddling the cut would otherwise leave most of it readable."""
    key = DEFAULT_API_KEY
    path = "/" + "p" * (MAX_MESSAGE - len("No such endpoint: /") - 5) + key
    message = client.post(path).json()[ERROR_FIELD]
    assert message.endswith("[redacted]") or message.endswith("...")
    assert key[:5] not in message


def test_no_repr_shows_the_key() -> None:
    key = "repr-secret-key-42"
    app = create_app(api_key=key)
    shown = repr(app.state.errors) + repr(vars(app.state)) + repr(app.router.routes)
    shown += "".join(repr(route.app) for route in app.router.routes if hasattr(route, "app"))
    shown += repr(app._fast)  # the endpoints, with everything they hold
    assert "Endpoint(" in shown
    assert key not in shown
    assert "Auth(header='Authorization')" in repr(wire.Auth(key.encode(), "Authorization"))
