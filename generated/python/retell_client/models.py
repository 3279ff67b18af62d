# generated from spec/openapi.yaml by `make generate`; do not edit
"""The spec's schemas as pydantic models and its string enums as StrEnums.

Answers are built from the JSON as it was sent, without validation (see `_models.construct`):
an enum field holds a member, or the plain str of a value this version does not know; extra
properties are kept in `model_extra` and read as attributes. Optional fields are None when
absent. The spec's rules are not in these classes: the validator checks them, on requests
always and on answers with `strict_response_validation`.
"""

from __future__ import annotations

import enum

from ._models import BaseModel

__all__ = [
    "AudioEncoding",
    "AudioWebsocketProtocol",
    "CallStatus",
    "CallType",
    "CreatePhoneCallRequest",
    "CreatePhoneCallV1Request",
    "Direction",
    "DisconnectionReason",
    "ErrorResponse",
    "PhoneCallResponse",
    "RegisterCallResponse",
]


class CallType(enum.StrEnum):
    """Type of the call. Used to distinguish between web call and phone call."""

    PHONE_CALL = "phone_call"


class Direction(enum.StrEnum):
    """Direction of the phone call."""

    INBOUND = "inbound"
    OUTBOUND = "outbound"


class CallStatus(enum.StrEnum):
    """Status of call.
    - `registered`: Call id issued, ready to make a call using this id.
    - `ongoing`: Call connected and ongoing.
    - `ended`: The underlying websocket has ended for the call. Either user or agent hanged up,
    or call transferred.
    - `error`: Call encountered error."""

    REGISTERED = "registered"
    ONGOING = "ongoing"
    ENDED = "ended"
    ERROR = "error"


class AudioWebsocketProtocol(enum.StrEnum):
    """Where the audio websocket would connect from would determine the format / protocol of
    websocket messages, and would determine how our server read audio bytes and send audio
    bytes.
    - `web`: The protocol defined by Retell, commonly used for connecting from web frontend.
    Also useful for those who want to manipulate audio bytes directly.
    - `twilio`: The websocket protocol defined by Twilio, used when your system uses Twilio, and
    supplies Retell audio websocket url to Twilio."""

    WEB = "web"
    TWILIO = "twilio"


class AudioEncoding(enum.StrEnum):
    """The audio encoding of the call.
    - `s16le`: 16 bit linear PCM audio, the native format for web audio capture and playback.
    - `mulaw`: non-linear audio encoding technique used in telephony. Commonly used by Twilio."""

    S16LE = "s16le"
    MULAW = "mulaw"


class DisconnectionReason(enum.StrEnum):
    """The reason for the disconnection of the call."""

    USER_HANGUP = "user_hangup"
    AGENT_HANGUP = "agent_hangup"
    CALL_TRANSFER = "call_transfer"
    INACTIVITY = "inactivity"
    MACHINE_DETECTED = "machine_detected"
    CONCURRENCY_LIMIT_REACHED = "concurrency_limit_reached"
    DIAL_BUSY = "dial_busy"
    DIAL_FAILED = "dial_failed"
    DIAL_NO_ANSWER = "dial_no_answer"
    ERROR_LLM_WEBSOCKET_OPEN = "error_llm_websocket_open"
    ERROR_LLM_WEBSOCKET_LOST_CONNECTION = "error_llm_websocket_lost_connection"
    ERROR_LLM_WEBSOCKET_RUNTIME = "error_llm_websocket_runtime"
    ERROR_LLM_WEBSOCKET_CORRUPT_PAYLOAD = "error_llm_websocket_corrupt_payload"
    ERROR_FRONTEND_CORRUPTED_PAYLOAD = "error_frontend_corrupted_payload"
    ERROR_TWILIO = "error_twilio"
    ERROR_NO_AUDIO_RECEIVED = "error_no_audio_received"
    ERROR_ASR = "error_asr"
    ERROR_RETELL = "error_retell"
    ERROR_UNKNOWN = "error_unknown"


class CreatePhoneCallRequest(BaseModel):
    """The body of a request that creates an outbound phone call."""

    from_number: str
    """The number you own in E.164 format. Must be a Retell managed number. Must match the
    pattern `^\\+[1-9][0-9]{1,14}$`."""

    to_number: str
    """The number you want to call, in E.164 format. Right now only US numbers are officially
    supported. Must match the pattern `^\\+[1-9][0-9]{1,14}$`."""

    override_agent_id: str | None = None
    """For this particular call, override the agent used with this agent id. This does not bind
    the agent to this number, this is for one time override."""

    metadata: dict[str, object] | None = None
    """An arbitrary object for storage purpose only. You can put anything here like your
    internal customer id associated with the call. Not used for processing. You can later get
    this field from the call object."""

    retell_llm_dynamic_variables: dict[str, str] | None = None
    """Add optional dynamic variables in key value pairs of string that injects into your Retell
    LLM prompt and tool description. Only applicable for Retell LLM. Values must be strings."""


class CreatePhoneCallV1Request(BaseModel):
    """The body of a request to the deprecated endpoint that creates a phone call."""

    from_number: str
    """The number you own in E.164 format. Must match the pattern `^\\+[1-9][0-9]{1,14}$`."""

    to_number: str
    """The number you want to call, in E.164 format. Must match the pattern
    `^\\+[1-9][0-9]{1,14}$`."""

    override_agent_id: str | None = None
    """For this particular call, override the agent used with this agent id. This does not bind
    the agent to this number, this is for one time override."""

    metadata: dict[str, object] | None = None
    """An arbitrary object for storage purpose only. You can put anything here like your
    internal customer id associated with the call. Not used for processing. You can later get
    this field from the call object."""

    retell_llm_dynamic_variables: dict[str, str] | None = None
    """Add optional dynamic variables in key value pairs of string that injects into your Retell
    LLM prompt and tool description. Only applicable for Retell LLM. Values must be strings."""

    drop_call_if_machine_detected: bool | None = None
    """If set, will drop the call if machine (voicemail, IVR) is detected. If not set, default
    value of false will apply. Default when left out: `false`."""


class PhoneCallResponse(BaseModel):
    """A phone call, as created by `POST /v2/create-phone-call`."""

    call_type: CallType | str
    """Type of the call. Used to distinguish between web call and phone call. One of
    `phone_call`."""

    from_number: str
    """The caller number, as the request sent it. Must match the pattern
    `^\\+[1-9][0-9]{1,14}$`."""

    to_number: str
    """The callee number, as the request sent it. Must match the pattern
    `^\\+[1-9][0-9]{1,14}$`."""

    direction: Direction | str
    """Direction of the phone call. One of `inbound`, `outbound`."""

    call_id: str
    """Unique id of the call. Used to identify in LLM websocket and used to authenticate in
    audio websocket. At least 1 characters."""

    agent_id: str
    """Corresponding agent id of this call."""

    call_status: CallStatus | str
    """Status of call.
    - `registered`: Call id issued, ready to make a call using this id.
    - `ongoing`: Call connected and ongoing.
    - `ended`: The underlying websocket has ended for the call. Either user or agent hanged up,
    or call transferred.
    - `error`: Call encountered error. One of `registered`, `ongoing`, `ended`, `error`."""

    metadata: dict[str, object] | None = None
    """The request's `metadata`, returned as it was sent; absent when none was sent."""

    retell_llm_dynamic_variables: dict[str, str] | None = None
    """The request's dynamic variables, returned as they were sent; absent when none were sent."""

    opt_out_sensitive_data_storage: bool | None = None
    """Whether this call opts out of sensitive data storage like transcript, recording, logging."""

    start_timestamp: int | None = None
    """Begin timestamp (milliseconds since epoch) of the call. Available after call starts."""

    end_timestamp: int | None = None
    """End timestamp (milliseconds since epoch) of the call. Available after call ends."""

    transcript: str | None = None
    """Transcription of the call. Available after call ends."""

    recording_url: str | None = None
    """Recording of the call. Available after call ends."""

    public_log_url: str | None = None
    """Public log of the call, helpful for debugging and tracing. Available after call ends."""

    disconnection_reason: DisconnectionReason | str | None = None
    """The reason for the disconnection of the call. One of `user_hangup`, `agent_hangup`,
    `call_transfer`, `inactivity`, `machine_detected`, `concurrency_limit_reached`, `dial_busy`,
    `dial_failed`, `dial_no_answer`, `error_llm_websocket_open`,
    `error_llm_websocket_lost_connection`, `error_llm_websocket_runtime`,
    `error_llm_websocket_corrupt_payload`, `error_frontend_corrupted_payload`, `error_twilio`,
    `error_no_audio_received`, `error_asr`, `error_retell`, `error_unknown`."""


class RegisterCallResponse(BaseModel):
    """A call registered by the deprecated `POST /create-phone-call`. `audio_encoding: mulaw`
    requires `sample_rate: 8000`."""

    call_id: str
    """Unique id of the call. Used to identify in LLM websocket and used to authenticate in
    audio websocket. At least 1 characters."""

    agent_id: str
    """Corresponding agent id of this call."""

    audio_websocket_protocol: AudioWebsocketProtocol | str
    """Where the audio websocket would connect from would determine the format / protocol of
    websocket messages, and would determine how our server read audio bytes and send audio
    bytes.
    - `web`: The protocol defined by Retell, commonly used for connecting from web frontend.
    Also useful for those who want to manipulate audio bytes directly.
    - `twilio`: The websocket protocol defined by Twilio, used when your system uses Twilio, and
    supplies Retell audio websocket url to Twilio. One of `web`, `twilio`."""

    audio_encoding: AudioEncoding | str
    """The audio encoding of the call.
    - `s16le`: 16 bit linear PCM audio, the native format for web audio capture and playback.
    - `mulaw`: non-linear audio encoding technique used in telephony. Commonly used by Twilio.
    One of `s16le`, `mulaw`."""

    sample_rate: int
    """Sample rate of the conversation, the input and output audio bytes will all conform to
    this rate. Supports value ranging from [8000, 48000]. Note for Twilio mulaw encoding, the
    sample rate has to be 8000. s16le sample rate recommendation (natively supported, lowest
    latency): elevenlabs voices 16000, 22050, 24000, 44100; openai voices 24000; deepgram voices
    8000, 16000, 24000, 32000, 48000 (informative only). At least 8000. At most 48000."""

    call_status: CallStatus | str
    """Status of call.
    - `registered`: Call id issued, ready to make a call using this id.
    - `ongoing`: Call connected and ongoing.
    - `ended`: The underlying websocket has ended for the call. Either user or agent hanged up,
    or call transferred.
    - `error`: Call encountered error. One of `registered`, `ongoing`, `ended`, `error`."""

    end_call_after_silence_ms: int | None = None
    """If users stay silent for a period after agent speech, end the call. The minimum value
    allowed is 10,000 ms (10 s). This value, if set, would overwrite the agent level
    end_call_after_silence_ms parameter. At least 10000."""

    from_number: str | None = None
    """The caller number, as the request sent it. Must match the pattern
    `^\\+[1-9][0-9]{1,14}$`."""

    to_number: str | None = None
    """The callee number, as the request sent it. Must match the pattern
    `^\\+[1-9][0-9]{1,14}$`."""

    direction: Direction | str | None = None
    """Direction of the phone call. Not populated for web call. One of `inbound`, `outbound`."""

    metadata: dict[str, object] | None = None
    """The request's `metadata`, returned as it was sent; absent when none was sent."""

    retell_llm_dynamic_variables: dict[str, str] | None = None
    """The request's dynamic variables, returned as they were sent; absent when none were sent."""

    drop_call_if_machine_detected: bool | None = None
    """The request's `drop_call_if_machine_detected`, or its default `false` when the request
    left it out. Default when left out: `false`."""

    opt_out_sensitive_data_storage: bool | None = None
    """Whether this call opts out of sensitive data storage like transcript, recording, logging."""


class ErrorResponse(BaseModel):
    """The body of every error response. Open, so a server may add detail."""

    error_message: str
    """A human-readable message. For a rejected request it names the field and the rule it
    broke."""
