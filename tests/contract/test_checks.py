"""Each custom rule fires on a planted violation and stays quiet on a correct exchange."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from contract_tests import checks, spec
from contract_tests.checks import Exchange

V1 = "/create-phone-call"
V2 = "/v2/create-phone-call"
REQUEST = {
    "from_number": "+14155550100",
    "to_number": "+14155550123",
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
    "from_number": "+14155550100",
    "to_number": "+14155550123",
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
    "from_number": "+14155550100",
    "to_number": "+14155550123",
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
    ("e164_numbers", V2, {"to_number": "14155550123"}, {"to_number": "14155550123"}),
    ("e164_numbers", V2, {"from_number": "+1 415 555 0100"}, {}),
    ("sample_rate_range", V1, {"audio_encoding": "s16le", "sample_rate": 96000}, {}),
    ("sample_rate_range", V1, {"audio_encoding": "s16le", "sample_rate": "16000"}, {}),
    ("mulaw_sample_rate", V1, {"sample_rate": 16000}, {}),
    ("silence_minimum", V1, {"end_call_after_silence_ms": 9999}, {}),
    ("numbers_echoed", V2, {"to_number": "+14155550199"}, {}),
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


@pytest.mark.parametrize(
    "text",
    [
        '{"metadata": {"x": Infinity}}',
        '{"metadata": {"x": -Infinity}}',
        '{"metadata": {"x": NaN}}',
        b'{"a": [1, NaN]}',
    ],
)
def test_parse_json_rejects_non_finite_tokens(text: str | bytes) -> None:
    assert checks.parse_json(text) is None
    assert checks.parse_json('{"x": 1e308}') == {"x": 1e308}


def test_an_infinity_in_an_answer_breaks_the_echo() -> None:
    body = checks.parse_json('{"call_id": "c", "metadata": {"x": Infinity}}')
    found = dict(checks.violations(Exchange(V2, REQUEST, 201, body)))
    assert "metadata_echoed" in found


def test_the_mulaw_rule_is_read_from_the_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    source = Path(checks.__file__).read_text()
    assert "mulaw" not in source.replace("mulaw_sample_rate", "")
    assert "8000" not in source
    (rule,) = spec.conditionals("RegisterCallResponse")
    assert rule.applies_to({"audio_encoding": "mulaw"})
    assert not rule.applies_to({"audio_encoding": "s16le"})
    # another spec, another rule: the check follows whatever the spec says
    changed = spec.Conditional(rule.if_schema, {"properties": {"sample_rate": {"const": 16000}}})
    monkeypatch.setattr(spec, "conditionals", lambda _name: (changed,))
    assert "mulaw_sample_rate" not in dict(
        checks.violations(_exchange(V1, V1_ANSWER | {"sample_rate": 16000}))
    )
    message = dict(checks.violations(_exchange(V1, V1_ANSWER)))["mulaw_sample_rate"]
    assert message == "`audio_encoding` is 'mulaw' but `sample_rate` is 8000, not 16000"
