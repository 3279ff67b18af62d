"""Per-operation behaviour the spec cannot state, keyed by operation id.

This is the one module of the mock that names operations and fields of the spec: everything
else is derived from the IR. A hook adjusts an answer after the generic rules built it (from
the spec's example, echoes, generated ids and account values) and before it is validated
against the spec, so a hook cannot make the mock answer something the spec forbids.

- `createPhoneCallV1` (the deprecated `POST /create-phone-call`): a registered call carries
  its audio settings, which the vendor picks and no request field chooses: twilio, mulaw,
  8000 Hz, and `end_call_after_silence_ms` 600000 by default (`AudioSettings`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["AudioSettings", "Hook", "hooks"]

Hook = Callable[[dict[str, Any], Any], None]
"""(answer, parsed request): changes the answer's own (top-level) properties in place. Nested
values may be shared with other answers: replace them, never change them in place."""


@dataclass(frozen=True)
class AudioSettings:
    """Audio settings of the calls registered through the deprecated endpoint. Settings
    whose answers would break the spec (mulaw needs 8000 Hz, ...) are refused at start-up."""

    protocol: str = "twilio"
    encoding: str = "mulaw"
    sample_rate: int = 8000
    end_call_after_silence_ms: int = 600_000


def hooks(audio: AudioSettings) -> Mapping[str, Hook]:
    """The hooks, by operation id; an id the spec in use lacks is ignored."""
    settings = {
        "audio_websocket_protocol": str(audio.protocol),
        "audio_encoding": str(audio.encoding),
        "sample_rate": audio.sample_rate,
        "end_call_after_silence_ms": audio.end_call_after_silence_ms,
    }

    def registered_call_audio(answer: dict[str, Any], request: Any) -> None:
        answer.update(settings)

    return {"createPhoneCallV1": registered_call_audio}
