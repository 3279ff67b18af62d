# generated from spec/openapi.yaml by `make generate`; do not edit
"""Pydantic v2 models of the spec's schemas (datamodel-code-generator).

Optional fields are typed `X | None` because an omitted one reads as None (unless the spec
gives it a default): None means "absent". No field of the spec is nullable, so validation
rejects an explicit null and dumps leave absent fields out (see `_model.SpecModel`); every
dump validates again.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
)

from retell_client._model import SpecModel
from retell_client._rules import check_register_call_response_sample_rate, reject_null
from retell_client._types import JsonObject


class CallType(StrEnum):
    PHONE_CALL = "phone_call"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class CallStatus(StrEnum):
    REGISTERED = "registered"
    ONGOING = "ongoing"
    ENDED = "ended"
    ERROR = "error"


class AudioWebsocketProtocol(StrEnum):
    WEB = "web"
    TWILIO = "twilio"


class AudioEncoding(StrEnum):
    S16LE = "s16le"
    MULAW = "mulaw"


class DisconnectionReason(StrEnum):
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


class CreatePhoneCallRequest(SpecModel):
    model_config = ConfigDict(
        extra="allow",
    )
    from_number: Annotated[
        StrictStr,
        Field(
            description="The number you own in E.164 format. Must be a Retell managed number.",
            examples=["+14155550100"],
            pattern="^\\+[1-9][0-9]{1,14}$",
        ),
    ]
    to_number: Annotated[
        StrictStr,
        Field(
            description=(
                "The number you want to call, in E.164 format. Right now only US numbers are"
                " officially supported."
            ),
            examples=["+14155550100"],
            pattern="^\\+[1-9][0-9]{1,14}$",
        ),
    ]
    override_agent_id: Annotated[
        StrictStr | None,
        Field(
            description=(
                "For this particular call, override the agent used with this agent id. This does"
                " not bind the agent to this number, this is for one time override."
            )
        ),
    ] = None
    metadata: JsonObject | None = None
    retell_llm_dynamic_variables: Annotated[
        dict[str, StrictStr] | None,
        Field(
            description=(
                "Add optional dynamic variables in key value pairs of string that injects into your"
                " Retell LLM prompt and tool description. Only applicable for Retell LLM. Values"
                ' must be strings, as the seed pages say ("key value pairs of string"); the SDK'
                " types them loosely as objects, which this document does not follow."
            )
        ),
    ] = None

    @field_validator("override_agent_id", "metadata", "retell_llm_dynamic_variables", mode="before")
    @classmethod
    def reject_null_validator(cls, v: Any, info: ValidationInfo) -> Any:
        return reject_null(v, info)


class CreatePhoneCallV1Request(SpecModel):
    model_config = ConfigDict(
        extra="allow",
    )
    from_number: Annotated[
        StrictStr,
        Field(
            description="The number you own in E.164 format.",
            examples=["+14155550100"],
            pattern="^\\+[1-9][0-9]{1,14}$",
        ),
    ]
    to_number: Annotated[
        StrictStr,
        Field(
            description="The number you want to call, in E.164 format.",
            examples=["+14155550100"],
            pattern="^\\+[1-9][0-9]{1,14}$",
        ),
    ]
    override_agent_id: Annotated[
        StrictStr | None,
        Field(
            description=(
                "For this particular call, override the agent used with this agent id. This does"
                " not bind the agent to this number, this is for one time override."
            )
        ),
    ] = None
    metadata: JsonObject | None = None
    retell_llm_dynamic_variables: Annotated[
        dict[str, StrictStr] | None,
        Field(
            description=(
                "Add optional dynamic variables in key value pairs of string that injects into your"
                " Retell LLM prompt and tool description. Only applicable for Retell LLM. Values"
                ' must be strings, as the seed pages say ("key value pairs of string"); the SDK'
                " types them loosely as objects, which this document does not follow."
            )
        ),
    ] = None
    drop_call_if_machine_detected: Annotated[
        StrictBool | None,
        Field(
            description=(
                "If set, will drop the call if machine (voicemail, IVR) is detected. If not set,"
                " default value of false will apply."
            )
        ),
    ] = False

    @field_validator(
        "override_agent_id",
        "metadata",
        "retell_llm_dynamic_variables",
        "drop_call_if_machine_detected",
        mode="before",
    )
    @classmethod
    def reject_null_validator(cls, v: Any, info: ValidationInfo) -> Any:
        return reject_null(v, info)


class PhoneCallResponse(SpecModel):
    model_config = ConfigDict(
        extra="allow",
    )
    call_type: CallType
    from_number: Annotated[
        StrictStr,
        Field(
            description="The caller number, as the request sent it.",
            examples=["+14155550100"],
            pattern="^\\+[1-9][0-9]{1,14}$",
        ),
    ]
    to_number: Annotated[
        StrictStr,
        Field(
            description="The callee number, as the request sent it.",
            examples=["+14155550100"],
            pattern="^\\+[1-9][0-9]{1,14}$",
        ),
    ]
    direction: Direction
    call_id: Annotated[
        StrictStr,
        Field(
            description=(
                "Unique id of the call. Used to identify in LLM websocket and used to authenticate"
                " in audio websocket."
            )
        ),
    ]
    agent_id: Annotated[StrictStr, Field(description="Corresponding agent id of this call.")]
    call_status: CallStatus
    metadata: Annotated[
        JsonObject | None,
        Field(
            description=(
                "The request's `metadata`, returned as it was sent; absent when none was sent."
            )
        ),
    ] = None
    retell_llm_dynamic_variables: Annotated[
        dict[str, StrictStr] | None,
        Field(
            description=(
                "The request's dynamic variables, returned as they were sent; absent when none were"
                " sent."
            )
        ),
    ] = None
    opt_out_sensitive_data_storage: Annotated[
        StrictBool | None,
        Field(
            description=(
                "Whether this call opts out of sensitive data storage like transcript, recording,"
                " logging."
            )
        ),
    ] = None
    start_timestamp: Annotated[
        StrictInt | None,
        Field(
            description=(
                "Begin timestamp (milliseconds since epoch) of the call. Available after call"
                " starts."
            )
        ),
    ] = None
    end_timestamp: Annotated[
        StrictInt | None,
        Field(
            description=(
                "End timestamp (milliseconds since epoch) of the call. Available after call ends."
            )
        ),
    ] = None
    transcript: Annotated[
        StrictStr | None, Field(description="Transcription of the call. Available after call ends.")
    ] = None
    recording_url: Annotated[
        StrictStr | None, Field(description="Recording of the call. Available after call ends.")
    ] = None
    public_log_url: Annotated[
        StrictStr | None,
        Field(
            description=(
                "Public log of the call, helpful for debugging and tracing. Available after call"
                " ends."
            )
        ),
    ] = None
    disconnection_reason: DisconnectionReason | None = None

    @field_validator(
        "metadata",
        "retell_llm_dynamic_variables",
        "opt_out_sensitive_data_storage",
        "start_timestamp",
        "end_timestamp",
        "transcript",
        "recording_url",
        "public_log_url",
        "disconnection_reason",
        mode="before",
    )
    @classmethod
    def reject_null_validator(cls, v: Any, info: ValidationInfo) -> Any:
        return reject_null(v, info)


class RegisterCallResponse(SpecModel):
    model_config = ConfigDict(
        extra="allow",
    )
    call_id: Annotated[
        StrictStr,
        Field(
            description=(
                "Unique id of the call. Used to identify in LLM websocket and used to authenticate"
                " in audio websocket."
            )
        ),
    ]
    agent_id: Annotated[StrictStr, Field(description="Corresponding agent id of this call.")]
    audio_websocket_protocol: AudioWebsocketProtocol
    audio_encoding: AudioEncoding
    sample_rate: Annotated[
        StrictInt,
        Field(
            description=(
                "Sample rate of the conversation, the input and output audio bytes will all conform"
                " to this rate. Supports value ranging from [8000, 48000]. Note for Twilio mulaw"
                " encoding, the sample rate has to be 8000. s16le sample rate recommendation"
                " (natively supported, lowest latency): elevenlabs voices 16000, 22050, 24000,"
                " 44100; openai voices 24000; deepgram voices 8000, 16000, 24000, 32000, 48000"
                " (informative only)."
            ),
            ge=8000,
            le=48000,
        ),
    ]
    call_status: CallStatus
    end_call_after_silence_ms: Annotated[
        StrictInt | None,
        Field(
            description=(
                "If users stay silent for a period after agent speech, end the call. The minimum"
                " value allowed is 10,000 ms (10 s). This value, if set, would overwrite the agent"
                " level end_call_after_silence_ms parameter."
            ),
            ge=10000,
        ),
    ] = None
    from_number: Annotated[
        StrictStr | None,
        Field(
            description="The caller number, as the request sent it.",
            examples=["+14155550100"],
            pattern="^\\+[1-9][0-9]{1,14}$",
        ),
    ] = None
    to_number: Annotated[
        StrictStr | None,
        Field(
            description="The callee number, as the request sent it.",
            examples=["+14155550100"],
            pattern="^\\+[1-9][0-9]{1,14}$",
        ),
    ] = None
    direction: Annotated[
        Direction | None,
        Field(description="Direction of the phone call. Not populated for web call."),
    ] = None
    metadata: Annotated[
        JsonObject | None,
        Field(
            description=(
                "The request's `metadata`, returned as it was sent; absent when none was sent."
            )
        ),
    ] = None
    retell_llm_dynamic_variables: Annotated[
        dict[str, StrictStr] | None,
        Field(
            description=(
                "The request's dynamic variables, returned as they were sent; absent when none were"
                " sent."
            )
        ),
    ] = None
    drop_call_if_machine_detected: Annotated[
        StrictBool | None,
        Field(
            description=(
                "The request's `drop_call_if_machine_detected`, or its default `false` when the"
                " request left it out."
            )
        ),
    ] = False
    opt_out_sensitive_data_storage: Annotated[
        StrictBool | None,
        Field(
            description=(
                "Whether this call opts out of sensitive data storage like transcript, recording,"
                " logging."
            )
        ),
    ] = None

    @field_validator(
        "end_call_after_silence_ms",
        "from_number",
        "to_number",
        "direction",
        "metadata",
        "retell_llm_dynamic_variables",
        "drop_call_if_machine_detected",
        "opt_out_sensitive_data_storage",
        mode="before",
    )
    @classmethod
    def reject_null_validator(cls, v: Any, info: ValidationInfo) -> Any:
        return reject_null(v, info)

    @field_validator("sample_rate", mode="after")
    @classmethod
    def check_register_call_response_sample_rate_validator(
        cls, v: Any, info: ValidationInfo
    ) -> Any:
        return check_register_call_response_sample_rate(v, info)


class Error(SpecModel):
    model_config = ConfigDict(
        extra="allow",
    )
    error_message: Annotated[
        StrictStr,
        Field(
            description=(
                "A human-readable message. For a rejected request it names the field and the rule"
                " it broke."
            )
        ),
    ]
