"""What the mock answers to a valid request: the account's numbers and agents, and the calls.

Pure functions of already validated requests; nothing here knows about HTTP.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

import pydantic
from retell_client import (
    AudioEncoding,
    AudioWebsocketProtocol,
    CallStatus,
    CallType,
    CreatePhoneCallRequest,
    Direction,
)

from mock_server import validation

__all__ = [
    "DEFAULT_AGENT_ID",
    "V1_ECHOED",
    "V2_ECHOED",
    "Accounts",
    "AudioSettings",
    "Refused",
    "account_problem",
    "new_call_id",
    "phone_call",
    "registered_call",
    "registered_call_sample",
]

DEFAULT_AGENT_ID = "agent_mock_0000000000000000000000"

# The spec's enum values, through the generated enums: a renamed value breaks here, loudly.
# Plain strings (`.value`) in the answers: serializing an Enum member costs ten times more.
_PHONE_CALL: str = CallType.PHONE_CALL.value
_OUTBOUND: str = Direction.OUTBOUND.value
_REGISTERED: str = CallStatus.REGISTERED.value

V2_ECHOED = ("from_number", "to_number", "metadata", "retell_llm_dynamic_variables")
V1_ECHOED = (*V2_ECHOED, "drop_call_if_machine_detected")


class Refused(Exception):
    """A well-formed request the account cannot carry out (answered 422)."""


@dataclass(frozen=True)
class Accounts:
    """The numbers and agents of the mocked account.

    `managed_numbers` None accepts any `from_number`; `agent_ids` None (and no managed
    numbers) accepts any `override_agent_id`.
    """

    managed_numbers: Mapping[str, str] | None = None
    agent_ids: frozenset[str] | None = None
    default_agent_id: str = DEFAULT_AGENT_ID

    @classmethod
    def of(
        cls,
        managed_numbers: Mapping[str, str] | None,
        agent_ids: Collection[str] | None,
        default_agent_id: str = DEFAULT_AGENT_ID,
    ) -> Accounts:
        problem = account_problem(managed_numbers, agent_ids)
        if problem is not None:
            raise ValueError(problem)
        known = None if agent_ids is None else frozenset(agent_ids)
        if managed_numbers is not None:
            known = (known or frozenset()) | frozenset(managed_numbers.values())
        numbers = None if managed_numbers is None else dict(managed_numbers)
        return cls(numbers, known, default_agent_id)

    def agent_for(self, from_number: str, override_agent_id: str | None) -> str:
        """The agent that places the call, or Refused naming the field at fault."""
        if self.managed_numbers is not None and from_number not in self.managed_numbers:
            raise Refused(f"from_number: {from_number} is not a number managed by this account")
        if override_agent_id is not None:
            if self.agent_ids is not None and override_agent_id not in self.agent_ids:
                shown = override_agent_id[:80]
                raise Refused(f"override_agent_id: {shown!r} names no agent of this account")
            return override_agent_id
        if self.managed_numbers is not None:
            return self.managed_numbers[from_number]
        return self.default_agent_id


def account_problem(
    managed_numbers: Mapping[str, str] | None, agent_ids: Collection[str] | None
) -> str | None:
    """What makes these numbers or agents unusable, naming the entry; None when usable.

    A managed number must keep the spec's rules of `from_number` (else no valid request
    could use it), and an agent id must not be blank (it would be answered as `agent_id`).
    """
    for number, agent_id in (managed_numbers or {}).items():
        shown = repr(number[:40])
        problem = validation.field_problem(CreatePhoneCallRequest, "from_number", number)
        if problem is not None:
            return f"numbers[{shown}]: not a valid from_number: {problem}"
        if not agent_id.strip():
            return f"numbers[{shown}]: the agent id is empty"
    for index, agent_id in enumerate(agent_ids or ()):
        if not agent_id.strip():
            return f"agents[{index}]: the agent id is empty"
    return None


@dataclass(frozen=True)
class AudioSettings:
    """Audio settings of the calls registered through the deprecated endpoint."""

    protocol: AudioWebsocketProtocol = AudioWebsocketProtocol.TWILIO
    encoding: AudioEncoding = AudioEncoding.MULAW
    sample_rate: int = 8000
    end_call_after_silence_ms: int = 600_000


def new_call_id() -> str:
    """32 random hex characters, like the vendor's ids are 32 characters long."""
    return os.urandom(16).hex()


def phone_call(request: pydantic.BaseModel, accounts: Accounts, call_id: str) -> dict[str, Any]:
    """The PhoneCallResponse payload for a valid CreatePhoneCallRequest."""
    echoed = validation.echo_fields(request, (*V2_ECHOED, "override_agent_id"))
    agent_id = accounts.agent_for(echoed["from_number"], echoed.pop("override_agent_id", None))
    return {
        "call_type": _PHONE_CALL,
        "direction": _OUTBOUND,
        "call_id": call_id,
        "agent_id": agent_id,
        "call_status": _REGISTERED,
        **echoed,
    }


def registered_call(
    request: pydantic.BaseModel, accounts: Accounts, audio: AudioSettings, call_id: str
) -> dict[str, Any]:
    """The RegisterCallResponse payload for a valid CreatePhoneCallV1Request."""
    echoed = validation.echo_fields(request, (*V1_ECHOED, "override_agent_id"))
    agent_id = accounts.agent_for(echoed["from_number"], echoed.pop("override_agent_id", None))
    return {**_registered(audio, call_id, agent_id), **echoed}


def registered_call_sample(audio: AudioSettings) -> dict[str, Any]:
    """A RegisterCallResponse payload with these audio settings (to check them at start-up)."""
    return _registered(audio, new_call_id(), DEFAULT_AGENT_ID)


def _registered(audio: AudioSettings, call_id: str, agent_id: str) -> dict[str, Any]:
    return {
        "call_id": call_id,
        "agent_id": agent_id,
        "audio_websocket_protocol": str(audio.protocol),
        "audio_encoding": str(audio.encoding),
        "sample_rate": audio.sample_rate,
        "call_status": _REGISTERED,
        "end_call_after_silence_ms": audio.end_call_after_silence_ms,
        "direction": _OUTBOUND,
        "drop_call_if_machine_detected": False,
    }
