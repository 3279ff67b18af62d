"""Every rule the spec states, checked with a stock JSON Schema 2020-12 validator.

Each row takes a valid body, changes one thing, and says whether the spec must still
accept it. Values sit on both sides of each boundary, so a loosened or tightened rule
fails here before any generated code or server sees it.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from tests.spec._spec import is_valid, load_spec

V2_REQUEST: dict[str, Any] = {"from_number": "+14157774444", "to_number": "+12137774445"}
V1_REQUEST: dict[str, Any] = {**V2_REQUEST, "drop_call_if_machine_detected": False}
V2_RESPONSE: dict[str, Any] = {
    "call_type": "phone_call",
    "from_number": "+14157774444",
    "to_number": "+12137774445",
    "direction": "outbound",
    "call_id": "call_1",
    "agent_id": "agent_1",
    "call_status": "registered",
}
V1_RESPONSE: dict[str, Any] = {
    "call_id": "call_1",
    "agent_id": "agent_1",
    "audio_websocket_protocol": "twilio",
    "audio_encoding": "mulaw",
    "sample_rate": 8000,
    "call_status": "registered",
}
BASELINES: dict[str, dict[str, Any]] = {
    "CreatePhoneCallRequest": V2_REQUEST,
    "CreatePhoneCallV1Request": V1_REQUEST,
    "PhoneCallResponse": V2_RESPONSE,
    "RegisterCallResponse": V1_RESPONSE,
}
NUMBER_FIELDS = {
    "CreatePhoneCallRequest": ["from_number", "to_number"],
    "CreatePhoneCallV1Request": ["from_number", "to_number"],
    "PhoneCallResponse": ["from_number", "to_number"],
    "RegisterCallResponse": ["from_number", "to_number"],
}

E164_ACCEPTED: list[object] = ["+14157774444", "+12", "+123456789012345", "+442071838750"]
E164_REJECTED: list[object] = [
    "14157774444",  # no '+'
    "+04157774444",  # leading zero after '+'
    "+1234567890123456",  # 16 digits
    "+1",  # one digit
    "+1 415 777 4444",  # spaces
    "+1-415-777-4444",  # dashes
    "+1(415)7774444",  # parentheses
    "+1415777444a",  # a letter
    "+1415\u0663\u0663\u0663",  # Arabic-Indic digits: `\d` would let them through
    "",  # empty
    "+",  # '+' alone
    14157774444,  # a JSON number
    None,  # null
]


def test_e164_pattern_rejects_a_trailing_newline_under_ecma_262() -> None:
    """JSON Schema patterns are ECMA-262, where `$` matches only at the very end.

    Python's `re.search`, which the stock jsonschema validator uses, also lets `$` match
    before a final newline and so accepts "+14157774444\\n"; pydantic's Rust engine and
    every ECMA engine do not. For a pattern anchored at both ends ECMA semantics equal a
    full match of its body, which is what this checks.
    """
    pattern = load_spec()["components"]["schemas"]["E164PhoneNumber"]["pattern"]
    assert pattern.startswith("^")
    assert pattern.endswith("$")
    body = pattern[1:-1]
    assert re.fullmatch(body, "+14157774444")
    assert re.fullmatch(body, "+14157774444\n") is None


def with_field(body: dict[str, Any], field: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(body)
    changed[field] = value
    return changed


def without_field(body: dict[str, Any], field: str) -> dict[str, Any]:
    return {key: value for key, value in body.items() if key != field}


def rows_e164() -> list[Any]:
    rows = []
    for schema, fields in NUMBER_FIELDS.items():
        for field in fields:
            cases = [(v, True) for v in E164_ACCEPTED] + [(v, False) for v in E164_REJECTED]
            for value, accepted in cases:
                row_id = f"{schema}.{field}={value!r}"
                rows.append(pytest.param(schema, field, value, accepted, id=row_id))
    return rows


@pytest.mark.parametrize(("schema", "field", "value", "accepted"), rows_e164())
def test_phone_numbers_must_be_e164(schema: str, field: str, value: Any, accepted: bool) -> None:
    assert is_valid(schema, with_field(BASELINES[schema], field, value)) is accepted


@pytest.mark.parametrize(
    ("rate", "accepted"),
    [
        (7999, False),
        (8000, True),
        (16000, True),
        (48000, True),
        (48001, False),
        (16000.5, False),
        (-8000, False),
        ("16000", False),
        (None, False),
    ],
)
def test_sample_rate_is_an_integer_from_8000_to_48000(rate: Any, accepted: bool) -> None:
    body: dict[str, Any] = {
        **V1_RESPONSE,
        "audio_websocket_protocol": "web",
        "audio_encoding": "s16le",
    }
    assert is_valid("RegisterCallResponse", with_field(body, "sample_rate", rate)) is accepted


@pytest.mark.parametrize(
    ("encoding", "rate", "accepted"),
    [
        ("mulaw", 8000, True),
        ("mulaw", 16000, False),
        ("mulaw", 48000, False),
        ("s16le", 8000, True),
        ("s16le", 16000, True),
        ("s16le", 48000, True),
    ],
)
def test_mulaw_requires_a_sample_rate_of_8000(encoding: str, rate: int, accepted: bool) -> None:
    body = {**V1_RESPONSE, "audio_encoding": encoding, "sample_rate": rate}
    assert is_valid("RegisterCallResponse", body) is accepted


@pytest.mark.parametrize(
    ("silence_ms", "accepted"),
    [
        (9999, False),
        (10000, True),
        (600000, True),
        (0, False),
        (10000.5, False),
        ("10000", False),
        (None, False),
    ],
)
def test_end_call_after_silence_is_at_least_10000_ms(silence_ms: Any, accepted: bool) -> None:
    body = with_field(V1_RESPONSE, "end_call_after_silence_ms", silence_ms)
    assert is_valid("RegisterCallResponse", body) is accepted


ENUMS = [
    ("PhoneCallResponse", "call_type", ["phone_call"], "web_call"),
    ("PhoneCallResponse", "direction", ["inbound", "outbound"], "sideways"),
    ("PhoneCallResponse", "call_status", ["registered", "ongoing", "ended", "error"], "queued"),
    ("PhoneCallResponse", "disconnection_reason", ["user_hangup", "error_unknown"], "hangup"),
    ("RegisterCallResponse", "call_status", ["registered", "ongoing", "ended", "error"], "done"),
    ("RegisterCallResponse", "direction", ["inbound", "outbound"], "Outbound"),
    ("RegisterCallResponse", "audio_websocket_protocol", ["web", "twilio"], "sip"),
    ("RegisterCallResponse", "audio_encoding", ["s16le"], "pcm16"),
]


@pytest.mark.parametrize(("schema", "field", "members", "outsider"), ENUMS)
def test_enums_are_closed(schema: str, field: str, members: list[str], outsider: str) -> None:
    body = BASELINES[schema]
    for member in members:
        assert is_valid(schema, with_field(body, field, member)), member
    assert not is_valid(schema, with_field(body, field, outsider))
    assert not is_valid(schema, with_field(body, field, ""))


def test_every_enum_in_the_spec_is_closed_and_typed() -> None:
    schemas = load_spec()["components"]["schemas"]
    enum_names = [name for name, schema in schemas.items() if "enum" in schema]
    assert sorted(enum_names) == sorted(
        [
            "CallType",
            "Direction",
            "CallStatus",
            "AudioWebsocketProtocol",
            "AudioEncoding",
            "DisconnectionReason",
        ]
    )
    for name in enum_names:
        assert schemas[name]["type"] == "string", name


@pytest.mark.parametrize(
    ("schema", "field"),
    [
        (schema, field)
        for schema, body in BASELINES.items()
        for field in body
        if field in load_spec()["components"]["schemas"][schema]["required"]
    ],
)
def test_each_required_field_removed_in_turn_is_rejected(schema: str, field: str) -> None:
    assert is_valid(schema, BASELINES[schema])
    assert not is_valid(schema, without_field(BASELINES[schema], field))


OPTIONAL_FIELDS = {
    "CreatePhoneCallRequest": ["override_agent_id", "metadata", "retell_llm_dynamic_variables"],
    "CreatePhoneCallV1Request": [
        "override_agent_id",
        "metadata",
        "retell_llm_dynamic_variables",
        "drop_call_if_machine_detected",
    ],
    "PhoneCallResponse": [
        "metadata",
        "retell_llm_dynamic_variables",
        "opt_out_sensitive_data_storage",
        "start_timestamp",
        "end_timestamp",
        "transcript",
        "recording_url",
        "public_log_url",
        "disconnection_reason",
    ],
    "RegisterCallResponse": [
        "end_call_after_silence_ms",
        "from_number",
        "to_number",
        "direction",
        "metadata",
        "retell_llm_dynamic_variables",
        "drop_call_if_machine_detected",
        "opt_out_sensitive_data_storage",
    ],
}


@pytest.mark.parametrize(
    ("schema", "field"),
    [(schema, field) for schema, fields in OPTIONAL_FIELDS.items() for field in fields],
)
def test_null_for_an_optional_field_is_rejected(schema: str, field: str) -> None:
    assert not is_valid(schema, with_field(BASELINES[schema], field, None))


@pytest.mark.parametrize(
    ("variables", "accepted"),
    [
        ({}, True),
        ({"name": "Ada"}, True),
        ({"name": ""}, True),
        ({"n": 1}, False),
        ({"n": True}, False),
        ({"n": None}, False),
        ({"n": ["a"]}, False),
        ({"n": {"a": "b"}}, False),
        ("name=Ada", False),
        (["Ada"], False),
    ],
)
def test_dynamic_variables_are_an_object_of_strings(variables: Any, accepted: bool) -> None:
    for schema in BASELINES:
        body = with_field(BASELINES[schema], "retell_llm_dynamic_variables", variables)
        assert is_valid(schema, body) is accepted, schema


@pytest.mark.parametrize(
    ("metadata", "accepted"),
    [
        ({}, True),
        ({"customer_id": "c1", "n": 2, "nested": {"a": [1]}}, True),
        ("c1", False),
        ([1, 2], False),
        (3, False),
    ],
)
def test_metadata_is_any_object(metadata: Any, accepted: bool) -> None:
    for schema in BASELINES:
        assert is_valid(schema, with_field(BASELINES[schema], "metadata", metadata)) is accepted


@pytest.mark.parametrize(
    ("value", "accepted"), [(True, True), (False, True), ("true", False), (1, False), (0, False)]
)
def test_drop_call_if_machine_detected_is_a_boolean(value: Any, accepted: bool) -> None:
    for schema in ("CreatePhoneCallV1Request", "RegisterCallResponse"):
        body = with_field(BASELINES[schema], "drop_call_if_machine_detected", value)
        assert is_valid(schema, body) is accepted


def test_drop_call_if_machine_detected_defaults_to_false() -> None:
    schemas = load_spec()["components"]["schemas"]
    assert schemas["DropCallIfMachineDetected"]["default"] is False


@pytest.mark.parametrize("schema", list(BASELINES))
def test_unknown_properties_are_allowed(schema: str) -> None:
    assert is_valid(schema, with_field(BASELINES[schema], "field_from_a_later_version", "x"))


@pytest.mark.parametrize(
    ("body", "accepted"),
    [
        ({"error_message": "to_number: must be E.164"}, True),
        ({"error_message": "x", "code": 7}, True),
        ({}, False),
        ({"error_message": None}, False),
        ({"message": "x"}, False),
    ],
)
def test_error_body_carries_a_message(body: dict[str, Any], accepted: bool) -> None:
    assert is_valid("Error", body) is accepted


def test_requests_must_be_json_objects() -> None:
    for schema in ("CreatePhoneCallRequest", "CreatePhoneCallV1Request"):
        not_objects: list[object] = [[], "x", 1, None]
        for body in not_objects:
            assert not is_valid(schema, body)
