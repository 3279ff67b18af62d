# generated from spec/openapi.yaml by `make generate`; do not edit
"""Rules of the spec that plain field types do not carry, used by the models' validators."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationInfo

_ABSENT = object()


def reject_null(value: Any, info: ValidationInfo) -> Any:
    """An optional field may be left out but never be null (no field of the spec is nullable)."""
    if value is None:
        raise ValueError("may be omitted but must not be null")
    return value


def check_register_call_response_sample_rate(value: Any, info: ValidationInfo) -> Any:
    """RegisterCallResponse: sample_rate must be 8000 when audio_encoding is mulaw."""
    values: dict[str, Any] = {**info.data, str(info.field_name): value}
    if_value = values.get("audio_encoding", _ABSENT)
    then_value = values.get("sample_rate", _ABSENT)
    if if_value == "mulaw" and then_value not in (_ABSENT, 8000):
        raise ValueError("sample_rate must be 8000 when audio_encoding is mulaw")
    return value
