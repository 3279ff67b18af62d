"""Every field the seed pages name is in the spec, with the required flag the facts give.

Seed 000 (v2) prints field names with their flags and is parsed here; seed 001 (the
deprecated endpoint) prints only descriptions, so its names come from the facts page
(shared/docs/api-facts.md), and its request descriptions are matched against the spec.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.spec._spec import load_spec

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED_V2 = SEEDS / "000_ffa678535cb75399.txt"
SEED_V1 = SEEDS / "001_3f289d1ac2bd40a3.txt"

# (schema, field, required), from the seeds as reconciled in shared/docs/api-facts.md.
SEED_FIELDS = [
    ("CreatePhoneCallRequest", "from_number", True),
    ("CreatePhoneCallRequest", "to_number", True),
    ("CreatePhoneCallRequest", "override_agent_id", False),
    ("CreatePhoneCallRequest", "metadata", False),
    ("CreatePhoneCallRequest", "retell_llm_dynamic_variables", False),
    ("PhoneCallResponse", "call_type", True),
    ("PhoneCallResponse", "from_number", True),
    ("PhoneCallResponse", "to_number", True),
    ("PhoneCallResponse", "direction", True),
    ("PhoneCallResponse", "call_id", True),
    ("PhoneCallResponse", "agent_id", True),
    ("PhoneCallResponse", "call_status", True),
    ("PhoneCallResponse", "metadata", False),
    ("PhoneCallResponse", "retell_llm_dynamic_variables", False),
    ("PhoneCallResponse", "opt_out_sensitive_data_storage", False),
    ("PhoneCallResponse", "start_timestamp", False),
    ("PhoneCallResponse", "end_timestamp", False),
    ("PhoneCallResponse", "transcript", False),
    ("PhoneCallResponse", "recording_url", False),
    ("PhoneCallResponse", "public_log_url", False),
    ("PhoneCallResponse", "disconnection_reason", False),
    ("CreatePhoneCallV1Request", "from_number", True),
    ("CreatePhoneCallV1Request", "to_number", True),
    ("CreatePhoneCallV1Request", "override_agent_id", False),
    ("CreatePhoneCallV1Request", "metadata", False),
    ("CreatePhoneCallV1Request", "retell_llm_dynamic_variables", False),
    ("CreatePhoneCallV1Request", "drop_call_if_machine_detected", False),
    ("RegisterCallResponse", "call_id", True),
    ("RegisterCallResponse", "agent_id", True),
    ("RegisterCallResponse", "audio_websocket_protocol", True),
    ("RegisterCallResponse", "audio_encoding", True),
    ("RegisterCallResponse", "sample_rate", True),
    ("RegisterCallResponse", "call_status", True),
    ("RegisterCallResponse", "end_call_after_silence_ms", False),
    ("RegisterCallResponse", "from_number", False),
    ("RegisterCallResponse", "to_number", False),
    ("RegisterCallResponse", "direction", False),
    ("RegisterCallResponse", "metadata", False),
    ("RegisterCallResponse", "retell_llm_dynamic_variables", False),
    ("RegisterCallResponse", "drop_call_if_machine_detected", False),
    ("RegisterCallResponse", "opt_out_sensitive_data_storage", False),
]


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = load_spec()["components"]["schemas"][name]
    return schema


@pytest.mark.parametrize(("schema", "field", "required"), SEED_FIELDS)
def test_seed_field_is_in_the_spec_with_its_required_flag(
    schema: str, field: str, required: bool
) -> None:
    assert field in _schema(schema)["properties"]
    assert (field in _schema(schema).get("required", [])) is required


def test_spec_names_no_field_the_table_does_not_list() -> None:
    for schema in {name for name, _, _ in SEED_FIELDS}:
        listed = {field for name, field, _ in SEED_FIELDS if name == schema}
        assert set(_schema(schema)["properties"]) == listed, schema


def _v2_request_fields_from_seed() -> dict[str, bool]:
    """Parse '• name • type [• required]' bullets between 'Body' and the first 'Response'."""
    text = SEED_V2.read_text(encoding="utf-8")
    body = text.split("\nBody\n", 1)[1].split("\nResponse\n", 1)[0]
    bullets = re.findall(r"•\s*(\S+)", body)
    fields: dict[str, bool] = {}
    for index, word in enumerate(bullets):
        if index + 1 < len(bullets) and bullets[index + 1] in {"string", "object"}:
            fields[word] = index + 2 < len(bullets) and bullets[index + 2] == "required"
    return fields


def test_v2_request_fields_parsed_from_seed_000_match_the_table() -> None:
    from_seed = _v2_request_fields_from_seed()
    from_table = {f: r for name, f, r in SEED_FIELDS if name == "CreatePhoneCallRequest"}
    assert from_seed == from_table


def _descriptions(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [_squash(node["description"])] if isinstance(node.get("description"), str) else []
        return found + [d for value in node.values() for d in _descriptions(value)]
    if isinstance(node, list):
        return [d for item in node for d in _descriptions(item)]
    return []


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_v1_request_descriptions_from_seed_001_are_in_the_spec() -> None:
    text = SEED_V1.read_text(encoding="utf-8")
    body = text.split("\nBody\n", 1)[1].split("\nResponse\n", 1)[0]
    spec_text = "\n".join(_descriptions(load_spec()))
    lines = [_squash(line) for line in body.splitlines() if line.strip()]
    assert len(lines) == 6
    for line in lines:
        assert line.rstrip(".") in spec_text, line
