"""Hypothesis strategies for the spec's bodies: every value it allows, and values it forbids.

The closed lists, bounds and defaults come from `spec.py`; the property tests of the
generated models (`tests/contract/test_model_properties.py`) draw from these.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

from contract_tests import spec

E164_RE = re.compile(spec.python_pattern(spec.e164_pattern()))
E164 = st.from_regex(E164_RE, fullmatch=True)
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


# --- values the spec forbids, derived from it for every property of every schema -----------

NOT_A_STRING = st.integers() | st.booleans() | st.lists(TEXT, max_size=2) | st.just({"a": "b"})
JSON_TYPE_OUTSIDERS: dict[str, st.SearchStrategy[Any]] = {
    "string": NOT_A_STRING | st.floats(allow_nan=False, allow_infinity=False),
    # a number with a fraction is no integer; JSON Schema counts 2.0 as one, so it is left out
    "integer": TEXT
    | st.booleans()
    | st.floats(allow_nan=False, allow_infinity=False).filter(lambda value: not value.is_integer())
    | st.lists(st.integers(), max_size=2),
    "boolean": st.sampled_from(["true", "false", "1", "0", ""])
    | st.integers()
    | st.lists(st.booleans(), max_size=2),
    "object": TEXT | st.integers() | st.booleans() | st.lists(TEXT, max_size=2),
}


def _pattern_near_misses(pattern: str) -> st.SearchStrategy[str]:
    """Strings one edit away from a match of `pattern` that no longer match it: a character
    inserted, removed, replaced or doubled, surrounding space, a trailing newline."""
    compiled = re.compile(spec.python_pattern(pattern))
    edits = st.sampled_from(["insert", "delete", "replace", "double", "newline", "spaces"])
    foreign = st.sampled_from([" ", "-", "(", "x", "+", "0", "\u0661", "\uff11", ".", "/"])

    @st.composite
    def near_miss(draw: st.DrawFn) -> str:
        value = draw(st.from_regex(compiled, fullmatch=True))
        edit = draw(edits)
        at = draw(st.integers(0, len(value)))
        if edit == "insert":
            value = value[:at] + draw(foreign) + value[at:]
        elif edit == "delete" and value:
            value = value[: min(at, len(value) - 1)] + value[min(at, len(value) - 1) + 1 :]
        elif edit == "replace" and value:
            index = min(at, len(value) - 1)
            value = value[:index] + draw(foreign) + value[index + 1 :]
        elif edit == "double" and value:
            value = value[0] + value
        elif edit == "newline":
            value += "\n"
        else:
            value = f" {value} "
        return value

    return near_miss().filter(lambda value: compiled.fullmatch(value) is None)


def forbidden_for(node: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """Values a (resolved) property schema forbids: `null` (no property of the spec is
    nullable), values of another JSON type, outsiders of a closed list, near-misses of a
    pattern, numbers across a bound, and objects breaking `additionalProperties`."""
    options: list[st.SearchStrategy[Any]] = [st.none()]
    kind = node.get("type")
    if isinstance(kind, str) and kind in JSON_TYPE_OUTSIDERS:
        options.append(JSON_TYPE_OUTSIDERS[kind])
    if "enum" in node:
        allowed = set(node["enum"])
        options.append(TEXT.filter(lambda value: value not in allowed))
        shouted = {str(value).upper() for value in allowed} - allowed
        options.append(st.sampled_from(sorted(shouted) or [""]))
    if "pattern" in node:
        options.append(_pattern_near_misses(node["pattern"]))
    if "minimum" in node:
        options.append(st.integers(max_value=node["minimum"] - 1))
    if "maximum" in node:
        options.append(st.integers(min_value=node["maximum"] + 1))
    extra = node.get("additionalProperties")
    if isinstance(extra, Mapping) and extra.get("type") in JSON_TYPE_OUTSIDERS:
        options.append(st.dictionaries(TEXT, forbidden_for(extra), min_size=1, max_size=2))
    return st.one_of(options)


def forbidden_values(schema_name: str) -> dict[str, st.SearchStrategy[Any]]:
    """Every property of a component schema -> the values the spec forbids for it."""
    return {name: forbidden_for(node) for name, node in spec.properties_of(schema_name).items()}


FORBIDDEN_REQUEST_VALUES = forbidden_values("CreatePhoneCallRequest")
FORBIDDEN_V1_REQUEST_VALUES = forbidden_values("CreatePhoneCallV1Request")
FORBIDDEN_REGISTER_CALL_VALUES = forbidden_values("RegisterCallResponse")
FORBIDDEN_PHONE_CALL_VALUES = forbidden_values("PhoneCallResponse")
