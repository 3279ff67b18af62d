"""Hypothesis strategies for the spec's bodies: every value it allows, and values it forbids.

The closed lists, bounds and defaults come from `spec.py`; the property tests of the
generated models (`tests/contract/test_model_properties.py`) draw from these.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from contract_tests import spec
from contract_tests.vectors import E164_NEAR_MISSES

E164 = st.from_regex(r"\A\+[1-9][0-9]{1,14}\Z", fullmatch=True)
TEXT = st.text(max_size=20)
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
EXTRA_NAMES = st.from_regex(r"\Ax_[a-z]{1,8}\Z", fullmatch=True)


def _enum(schema_name: str) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(spec.component_schemas()[schema_name]["enum"]))


def request_bodies(schema_name: str) -> st.SearchStrategy[dict[str, Any]]:
    """Valid bodies of a request schema: required numbers, any optional fields, open extras."""
    optional: dict[str, st.SearchStrategy[Any]] = {
        "override_agent_id": TEXT,
        "metadata": st.dictionaries(TEXT, JSON_VALUES, max_size=4),
        "retell_llm_dynamic_variables": st.dictionaries(TEXT, TEXT, max_size=4),
    }
    if "drop_call_if_machine_detected" in spec.properties_of(schema_name):
        optional["drop_call_if_machine_detected"] = st.booleans()
    core = st.fixed_dictionaries({"from_number": E164, "to_number": E164}, optional=optional)
    return _with_extras(core)


def _with_extras(core: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    extras = st.dictionaries(EXTRA_NAMES, JSON_VALUES, max_size=2)
    return st.builds(lambda body, extra: extra | body, core, extras)


@st.composite
def audio_settings(draw: st.DrawFn) -> dict[str, Any]:
    """Encoding and sample rate together: mulaw only at 8000, s16le anywhere in range."""
    encoding = draw(_enum("AudioEncoding"))
    low = spec.schema_number("SampleRate", "minimum")
    high = spec.schema_number("SampleRate", "maximum")
    rate = 8000 if encoding == "mulaw" else draw(st.integers(low, high))
    return {"audio_encoding": encoding, "sample_rate": rate}


def register_call_responses() -> st.SearchStrategy[dict[str, Any]]:
    required = st.fixed_dictionaries(
        {
            "call_id": TEXT,
            "agent_id": TEXT,
            "audio_websocket_protocol": _enum("AudioWebsocketProtocol"),
            "call_status": _enum("CallStatus"),
        }
    )
    optional = st.fixed_dictionaries(
        {},
        optional={
            "end_call_after_silence_ms": st.integers(
                spec.schema_number("EndCallAfterSilenceMs", "minimum"), 2**31
            ),
            "from_number": E164,
            "to_number": E164,
            "direction": _enum("Direction"),
            "metadata": st.dictionaries(TEXT, JSON_VALUES, max_size=3),
            "retell_llm_dynamic_variables": st.dictionaries(TEXT, TEXT, max_size=3),
            "drop_call_if_machine_detected": st.booleans(),
            "opt_out_sensitive_data_storage": st.booleans(),
        },
    )
    merged = st.builds(lambda a, b, c: a | b | c, required, audio_settings(), optional)
    return _with_extras(merged)


def phone_call_responses() -> st.SearchStrategy[dict[str, Any]]:
    core = st.fixed_dictionaries(
        {
            "call_type": _enum("CallType"),
            "from_number": E164,
            "to_number": E164,
            "direction": _enum("Direction"),
            "call_id": TEXT,
            "agent_id": TEXT,
            "call_status": _enum("CallStatus"),
        },
        optional={
            "metadata": st.dictionaries(TEXT, JSON_VALUES, max_size=3),
            "retell_llm_dynamic_variables": st.dictionaries(TEXT, TEXT, max_size=3),
            "opt_out_sensitive_data_storage": st.booleans(),
            "start_timestamp": st.integers(0, 2**53),
            "end_timestamp": st.integers(0, 2**53),
            "transcript": TEXT,
            "recording_url": TEXT,
            "public_log_url": TEXT,
            "disconnection_reason": _enum("DisconnectionReason"),
        },
    )
    return _with_extras(core)


def _not_in(schema_name: str) -> st.SearchStrategy[str]:
    allowed = set(spec.component_schemas()[schema_name]["enum"])
    return TEXT.filter(lambda value: value not in allowed)


NOT_A_STRING = st.none() | st.integers() | st.booleans() | st.lists(TEXT, max_size=2)
NOT_AN_OBJECT = st.none() | TEXT | st.integers() | st.lists(TEXT, max_size=2)
NEAR_MISS_NUMBERS = st.sampled_from(list(E164_NEAR_MISSES.values()))

# field -> values the spec forbids for it (type, pattern, null, closed list, bounds)
FORBIDDEN_REQUEST_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "from_number": NEAR_MISS_NUMBERS,
    "to_number": NEAR_MISS_NUMBERS,
    "override_agent_id": NOT_A_STRING,
    "metadata": NOT_AN_OBJECT,
    "retell_llm_dynamic_variables": NOT_AN_OBJECT
    | st.dictionaries(TEXT, NOT_A_STRING, min_size=1, max_size=2),
    "drop_call_if_machine_detected": st.none()
    | st.integers()
    | st.sampled_from(["true", "false", "1"]),
}
FORBIDDEN_REGISTER_CALL_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "audio_websocket_protocol": _not_in("AudioWebsocketProtocol") | st.none(),
    "call_status": _not_in("CallStatus") | st.none(),
    "direction": _not_in("Direction") | st.none(),
    "sample_rate": st.integers(max_value=7999)
    | st.integers(min_value=48001)
    | st.just("8000")
    | st.none(),
    "end_call_after_silence_ms": st.integers(max_value=9999) | st.just(True) | st.none(),
    "to_number": NEAR_MISS_NUMBERS,
}
FORBIDDEN_PHONE_CALL_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "call_type": _not_in("CallType") | st.none(),
    "disconnection_reason": _not_in("DisconnectionReason") | st.none(),
    "from_number": NEAR_MISS_NUMBERS,
    "start_timestamp": st.just("1700000000000") | st.floats(0.5, 10.5) | st.none(),
}
