"""Each custom rule fires on a planted violation and stays quiet on a correct exchange."""

from __future__ import annotations

from typing import Any

import pytest

from contract_tests import checks
from contract_tests.checks import Exchange

V1 = "/create-phone-call"
V2 = "/v2/create-phone-call"
REQUEST = {
    "from_number": "+14157774444",
    "to_number": "+12137774445",
    "metadata": {"id": 1},
    "retell_llm_dynamic_variables": {"name": "Ann"},
    "override_agent_id": "agent_x",
}
V1_ANSWER = {
    "call_id": "c1",
    "agent_id": "agent_x",
    "audio_websocket_protocol": "twilio",
    "audio_encoding": "mulaw",
    "sample_rate": 8000,
    "call_status": "registered",
    "end_call_after_silence_ms": 600000,
    "from_number": "+14157774444",
    "to_number": "+12137774445",
    "metadata": {"id": 1},
    "retell_llm_dynamic_variables": {"name": "Ann"},
    "drop_call_if_machine_detected": False,
}
V2_ANSWER = {
    "call_type": "phone_call",
    "direction": "outbound",
    "call_id": "c2",
    "agent_id": "agent_x",
    "call_status": "registered",
    "from_number": "+14157774444",
    "to_number": "+12137774445",
    "metadata": {"id": 1},
    "retell_llm_dynamic_variables": {"name": "Ann"},
}


def _exchange(path: str, answer: dict[str, Any], status: int = 201, **request: Any) -> Exchange:
    return Exchange(path, REQUEST | request, status, answer)


def test_correct_exchanges_break_no_rule() -> None:
    assert checks.violations(_exchange(V1, V1_ANSWER)) == []
    assert checks.violations(_exchange(V2, V2_ANSWER)) == []


PLANTED: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    ("closed_enums", V2, {"call_status": "queued"}, {}),
    ("closed_enums", V1, {"audio_encoding": ["mulaw"]}, {}),
    ("e164_numbers", V2, {"to_number": "12137774445"}, {"to_number": "12137774445"}),
    ("e164_numbers", V2, {"from_number": "+1 415 777 4444"}, {}),
    ("sample_rate_range", V1, {"audio_encoding": "s16le", "sample_rate": 96000}, {}),
    ("sample_rate_range", V1, {"audio_encoding": "s16le", "sample_rate": "16000"}, {}),
    ("mulaw_sample_rate", V1, {"sample_rate": 16000}, {}),
    ("silence_minimum", V1, {"end_call_after_silence_ms": 9999}, {}),
    ("numbers_echoed", V2, {"to_number": "+12137770000"}, {}),
    ("metadata_echoed", V2, {"metadata": {"id": "1"}}, {}),
    ("metadata_echoed", V1, {"metadata": None}, {}),
    ("dynamic_variables_echoed", V1, {"retell_llm_dynamic_variables": {"name": "ANN"}}, {}),
    ("defaults_honoured", V1, {"drop_call_if_machine_detected": True}, {}),
    (
        "defaults_honoured",
        V1,
        {"drop_call_if_machine_detected": 1},
        {"drop_call_if_machine_detected": True},
    ),
    ("override_agent_honoured", V2, {"agent_id": "agent_default"}, {}),
]


@pytest.mark.parametrize(("rule", "path", "answer_change", "request_change"), PLANTED)
def test_planted_violation_is_named(
    rule: str, path: str, answer_change: dict[str, Any], request_change: dict[str, Any]
) -> None:
    answer = (V1_ANSWER if path == V1 else V2_ANSWER) | answer_change
    found = {name for name, _ in checks.violations(_exchange(path, answer, **request_change))}
    assert rule in found


def test_dropped_echo_is_reported() -> None:
    answer = {key: value for key, value in V2_ANSWER.items() if key != "metadata"}
    assert (
        "metadata_echoed",
        "`metadata` was sent but is missing from the response",
    ) in checks.violations(_exchange(V2, answer))


def test_rejections_are_not_judged_by_response_rules() -> None:
    error = {"error_message": "to_number: not E.164"}
    assert checks.violations(Exchange(V1, {"to_number": "123"}, 400, error)) == []


def test_every_rule_is_registered_with_schemathesis() -> None:
    assert set(checks.SCHEMATHESIS_CHECKS) == set(checks.CUSTOM_RULE_NAMES)
    assert len(checks.CUSTOM_RULE_NAMES) == len(set(checks.CUSTOM_RULE_NAMES))
