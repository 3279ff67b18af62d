"""The mock restates none of the spec's values: it takes them from the generated models."""

from __future__ import annotations

import ast
import enum
import pkgutil
from pathlib import Path

import pytest
import retell_client
from retell_client import (
    AudioEncoding,
    AudioWebsocketProtocol,
    CreatePhoneCallRequest,
    CreatePhoneCallV1Request,
    PhoneCallResponse,
    RegisterCallResponse,
)

import mock_server
from mock_server import AudioSettings, behaviour

PACKAGE = Path(mock_server.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))


def spec_enum_values() -> set[str]:
    """Every value of every enum of the spec, as generated."""
    enums = [getattr(retell_client, name) for name in retell_client.__all__]
    return {
        str(member.value)
        for cls in enums
        if isinstance(cls, type) and issubclass(cls, enum.Enum)
        for member in cls
    }


def test_the_generated_enums_are_found() -> None:
    values = spec_enum_values()
    assert {"phone_call", "outbound", "registered", "twilio", "mulaw"} <= values


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_no_module_spells_an_enum_value_of_the_spec(path: Path) -> None:
    values = spec_enum_values()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exported = {  # names in `__all__` (a function may be called phone_call) are no values
        id(node)
        for statement in tree.body
        if isinstance(statement, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in statement.targets)
        for node in ast.walk(statement.value)
    }
    spelled = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in exported
    }
    assert not spelled & values, f"use the generated enum instead of {sorted(spelled & values)}"


def test_the_modules_are_all_scanned() -> None:
    names = {path.stem for path in MODULES}
    assert {m.name for m in pkgutil.iter_modules([str(PACKAGE)])} <= names
    assert {"behaviour", "app", "endpoint"} <= names


@pytest.mark.parametrize(
    ("names", "request_model", "response_model"),
    [
        (behaviour.V2_ECHOED, CreatePhoneCallRequest, PhoneCallResponse),
        (behaviour.V1_ECHOED, CreatePhoneCallV1Request, RegisterCallResponse),
    ],
)
def test_echoed_fields_are_properties_of_both_request_and_answer(
    names: tuple[str, ...],
    request_model: type[CreatePhoneCallRequest],
    response_model: type[PhoneCallResponse],
) -> None:
    for name in (*names, "override_agent_id"):
        assert name in request_model.model_fields, name
    for name in names:
        assert name in response_model.model_fields, name


def test_default_audio_settings_are_generated_enum_members() -> None:
    audio = AudioSettings()
    assert audio.protocol is AudioWebsocketProtocol.TWILIO
    assert audio.encoding is AudioEncoding.MULAW
