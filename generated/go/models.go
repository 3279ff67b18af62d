// Code generated from spec/openapi.yaml by make generate; DO NOT EDIT.

package retell

import "encoding/json"

// Type of the call. Used to distinguish between web call and phone call.
type CallType string

// The values of CallType the spec lists. An answer may carry another one, which is kept as it was
// sent (see IsKnown).
const (
	CallTypePhoneCall CallType = "phone_call"
)

// IsKnown reports whether v is one of the values the spec lists for CallType.
func (v CallType) IsKnown() bool {
	switch v {
	case CallTypePhoneCall:
		return true
	}
	return false
}

// Direction of the phone call.
type Direction string

// The values of Direction the spec lists. An answer may carry another one, which is kept as it was
// sent (see IsKnown).
const (
	DirectionInbound  Direction = "inbound"
	DirectionOutbound Direction = "outbound"
)

// IsKnown reports whether v is one of the values the spec lists for Direction.
func (v Direction) IsKnown() bool {
	switch v {
	case DirectionInbound, DirectionOutbound:
		return true
	}
	return false
}

// Status of call.
//   - `registered`: Call id issued, ready to make a call using this id.
//   - `ongoing`: Call connected and ongoing.
//   - `ended`: The underlying websocket has ended for the call. Either user or agent hanged up, or
//     call transferred.
//   - `error`: Call encountered error.
type CallStatus string

// The values of CallStatus the spec lists. An answer may carry another one, which is kept as it was
// sent (see IsKnown).
const (
	CallStatusRegistered CallStatus = "registered"
	CallStatusOngoing    CallStatus = "ongoing"
	CallStatusEnded      CallStatus = "ended"
	CallStatusError      CallStatus = "error"
)

// IsKnown reports whether v is one of the values the spec lists for CallStatus.
func (v CallStatus) IsKnown() bool {
	switch v {
	case CallStatusRegistered, CallStatusOngoing, CallStatusEnded, CallStatusError:
		return true
	}
	return false
}

// Where the audio websocket would connect from would determine the format / protocol of websocket
// messages, and would determine how our server read audio bytes and send audio bytes.
//   - `web`: The protocol defined by Retell, commonly used for connecting from web frontend. Also
//     useful for those who want to manipulate audio bytes directly.
//   - `twilio`: The websocket protocol defined by Twilio, used when your system uses Twilio, and
//     supplies Retell audio websocket url to Twilio.
type AudioWebsocketProtocol string

// The values of AudioWebsocketProtocol the spec lists. An answer may carry another one, which is
// kept as it was sent (see IsKnown).
const (
	AudioWebsocketProtocolWeb    AudioWebsocketProtocol = "web"
	AudioWebsocketProtocolTwilio AudioWebsocketProtocol = "twilio"
)

// IsKnown reports whether v is one of the values the spec lists for AudioWebsocketProtocol.
func (v AudioWebsocketProtocol) IsKnown() bool {
	switch v {
	case AudioWebsocketProtocolWeb, AudioWebsocketProtocolTwilio:
		return true
	}
	return false
}

// The audio encoding of the call.
//   - `s16le`: 16 bit linear PCM audio, the native format for web audio capture and playback.
//   - `mulaw`: non-linear audio encoding technique used in telephony. Commonly used by Twilio.
type AudioEncoding string

// The values of AudioEncoding the spec lists. An answer may carry another one, which is kept as it
// was sent (see IsKnown).
const (
	AudioEncodingS16le AudioEncoding = "s16le"
	AudioEncodingMulaw AudioEncoding = "mulaw"
)

// IsKnown reports whether v is one of the values the spec lists for AudioEncoding.
func (v AudioEncoding) IsKnown() bool {
	switch v {
	case AudioEncodingS16le, AudioEncodingMulaw:
		return true
	}
	return false
}

// The reason for the disconnection of the call.
type DisconnectionReason string

// The values of DisconnectionReason the spec lists. An answer may carry another one, which is kept
// as it was sent (see IsKnown).
const (
	DisconnectionReasonUserHangup                      DisconnectionReason = "user_hangup"
	DisconnectionReasonAgentHangup                     DisconnectionReason = "agent_hangup"
	DisconnectionReasonCallTransfer                    DisconnectionReason = "call_transfer"
	DisconnectionReasonInactivity                      DisconnectionReason = "inactivity"
	DisconnectionReasonMachineDetected                 DisconnectionReason = "machine_detected"
	DisconnectionReasonConcurrencyLimitReached         DisconnectionReason = "concurrency_limit_reached"
	DisconnectionReasonDialBusy                        DisconnectionReason = "dial_busy"
	DisconnectionReasonDialFailed                      DisconnectionReason = "dial_failed"
	DisconnectionReasonDialNoAnswer                    DisconnectionReason = "dial_no_answer"
	DisconnectionReasonErrorLlmWebsocketOpen           DisconnectionReason = "error_llm_websocket_open"
	DisconnectionReasonErrorLlmWebsocketLostConnection DisconnectionReason = "error_llm_websocket_lost_connection"
	DisconnectionReasonErrorLlmWebsocketRuntime        DisconnectionReason = "error_llm_websocket_runtime"
	DisconnectionReasonErrorLlmWebsocketCorruptPayload DisconnectionReason = "error_llm_websocket_corrupt_payload"
	DisconnectionReasonErrorFrontendCorruptedPayload   DisconnectionReason = "error_frontend_corrupted_payload"
	DisconnectionReasonErrorTwilio                     DisconnectionReason = "error_twilio"
	DisconnectionReasonErrorNoAudioReceived            DisconnectionReason = "error_no_audio_received"
	DisconnectionReasonErrorAsr                        DisconnectionReason = "error_asr"
	DisconnectionReasonErrorRetell                     DisconnectionReason = "error_retell"
	DisconnectionReasonErrorUnknown                    DisconnectionReason = "error_unknown"
)

// IsKnown reports whether v is one of the values the spec lists for DisconnectionReason.
func (v DisconnectionReason) IsKnown() bool {
	switch v {
	case DisconnectionReasonUserHangup, DisconnectionReasonAgentHangup,
		DisconnectionReasonCallTransfer, DisconnectionReasonInactivity,
		DisconnectionReasonMachineDetected, DisconnectionReasonConcurrencyLimitReached,
		DisconnectionReasonDialBusy, DisconnectionReasonDialFailed, DisconnectionReasonDialNoAnswer,
		DisconnectionReasonErrorLlmWebsocketOpen, DisconnectionReasonErrorLlmWebsocketLostConnection,
		DisconnectionReasonErrorLlmWebsocketRuntime,
		DisconnectionReasonErrorLlmWebsocketCorruptPayload,
		DisconnectionReasonErrorFrontendCorruptedPayload, DisconnectionReasonErrorTwilio,
		DisconnectionReasonErrorNoAudioReceived, DisconnectionReasonErrorAsr,
		DisconnectionReasonErrorRetell, DisconnectionReasonErrorUnknown:
		return true
	}
	return false
}

// The body of a request that creates an outbound phone call.
type CreatePhoneCallRequest struct {
	// The number you own in E.164 format. Must be a Retell managed number.
	//
	// Rules: pattern `^\+[1-9][0-9]{1,14}$`.
	//
	// Required.
	FromNumber string `json:"from_number"`

	// The number you want to call, in E.164 format. Right now only US numbers are officially
	// supported.
	//
	// Rules: pattern `^\+[1-9][0-9]{1,14}$`.
	//
	// Required.
	ToNumber string `json:"to_number"`

	// For this particular call, override the agent used with this agent id. This does not bind the
	// agent to this number, this is for one time override.
	OverrideAgentID Opt[string] `json:"override_agent_id,omitzero"`

	// An arbitrary object for storage purpose only. You can put anything here like your internal
	// customer id associated with the call. Not used for processing. You can later get this field
	// from the call object.
	Metadata Opt[map[string]any] `json:"metadata,omitzero"`

	// Add optional dynamic variables in key value pairs of string that injects into your Retell LLM
	// prompt and tool description. Only applicable for Retell LLM. Values must be strings.
	RetellLlmDynamicVariables Opt[map[string]string] `json:"retell_llm_dynamic_variables,omitzero"`

	// ExtraFields holds the members the spec does not name, as they were sent, and any named
	// member whose value did not fit its Go type (lenient decoding keeps it here rather than
	// drop it). They are encoded after the named fields, replacing one of the same name.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// MarshalJSON encodes the fields of m that are set, then its ExtraFields.
func (m CreatePhoneCallRequest) MarshalJSON() ([]byte, error) {
	w := objectWriter{extra: m.ExtraFields}
	writeField(&w, "from_number", m.FromNumber, appendString)
	writeField(&w, "to_number", m.ToNumber, appendString)
	writeOpt(&w, "override_agent_id", m.OverrideAgentID, appendString)
	writeOpt(&w, "metadata", m.Metadata, appendJSON[map[string]any])
	writeOpt(&w, "retell_llm_dynamic_variables", m.RetellLlmDynamicVariables, appendJSON[map[string]string])
	return w.finish()
}

// UnmarshalJSON decodes a JSON object leniently: a field whose value does not fit its Go type,
// and a member the spec does not name, go to ExtraFields. Only a value that is not an object
// is an error.
func (m *CreatePhoneCallRequest) UnmarshalJSON(data []byte) error {
	var decoded CreatePhoneCallRequest
	err := eachMember(data, func(name []byte, raw json.RawMessage) {
		if !decoded.decodeMember(name, raw) {
			decoded.ExtraFields = keepMember(decoded.ExtraFields, name, raw)
		}
	})
	if err != nil {
		return err
	}
	*m = decoded
	return nil
}

// decodeMember decodes one member into its field, reporting whether it had one and fit it.
func (m *CreatePhoneCallRequest) decodeMember(name []byte, raw json.RawMessage) bool {
	switch string(name) {
	case "from_number":
		return decodeString(raw, &m.FromNumber)
	case "to_number":
		return decodeString(raw, &m.ToNumber)
	case "override_agent_id":
		return decodeOpt(raw, &m.OverrideAgentID, decodeString)
	case "metadata":
		return decodeOpt(raw, &m.Metadata, decodeObject)
	case "retell_llm_dynamic_variables":
		return decodeOpt(raw, &m.RetellLlmDynamicVariables, mapOf(decodeString))
	}
	return false
}

// The body of a request to the deprecated endpoint that creates a phone call.
type CreatePhoneCallV1Request struct {
	// The number you own in E.164 format.
	//
	// Rules: pattern `^\+[1-9][0-9]{1,14}$`.
	//
	// Required.
	FromNumber string `json:"from_number"`

	// The number you want to call, in E.164 format.
	//
	// Rules: pattern `^\+[1-9][0-9]{1,14}$`.
	//
	// Required.
	ToNumber string `json:"to_number"`

	// For this particular call, override the agent used with this agent id. This does not bind the
	// agent to this number, this is for one time override.
	OverrideAgentID Opt[string] `json:"override_agent_id,omitzero"`

	// An arbitrary object for storage purpose only. You can put anything here like your internal
	// customer id associated with the call. Not used for processing. You can later get this field
	// from the call object.
	Metadata Opt[map[string]any] `json:"metadata,omitzero"`

	// Add optional dynamic variables in key value pairs of string that injects into your Retell LLM
	// prompt and tool description. Only applicable for Retell LLM. Values must be strings.
	RetellLlmDynamicVariables Opt[map[string]string] `json:"retell_llm_dynamic_variables,omitzero"`

	// If set, will drop the call if machine (voicemail, IVR) is detected. If not set, default value
	// of false will apply.
	//
	// Default when left out: false.
	DropCallIfMachineDetected Opt[bool] `json:"drop_call_if_machine_detected,omitzero"`

	// ExtraFields holds the members the spec does not name, as they were sent, and any named
	// member whose value did not fit its Go type (lenient decoding keeps it here rather than
	// drop it). They are encoded after the named fields, replacing one of the same name.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// MarshalJSON encodes the fields of m that are set, then its ExtraFields.
func (m CreatePhoneCallV1Request) MarshalJSON() ([]byte, error) {
	w := objectWriter{extra: m.ExtraFields}
	writeField(&w, "from_number", m.FromNumber, appendString)
	writeField(&w, "to_number", m.ToNumber, appendString)
	writeOpt(&w, "override_agent_id", m.OverrideAgentID, appendString)
	writeOpt(&w, "metadata", m.Metadata, appendJSON[map[string]any])
	writeOpt(&w, "retell_llm_dynamic_variables", m.RetellLlmDynamicVariables, appendJSON[map[string]string])
	writeOpt(&w, "drop_call_if_machine_detected", m.DropCallIfMachineDetected, appendBool)
	return w.finish()
}

// UnmarshalJSON decodes a JSON object leniently: a field whose value does not fit its Go type,
// and a member the spec does not name, go to ExtraFields. Only a value that is not an object
// is an error.
func (m *CreatePhoneCallV1Request) UnmarshalJSON(data []byte) error {
	var decoded CreatePhoneCallV1Request
	err := eachMember(data, func(name []byte, raw json.RawMessage) {
		if !decoded.decodeMember(name, raw) {
			decoded.ExtraFields = keepMember(decoded.ExtraFields, name, raw)
		}
	})
	if err != nil {
		return err
	}
	*m = decoded
	return nil
}

// decodeMember decodes one member into its field, reporting whether it had one and fit it.
func (m *CreatePhoneCallV1Request) decodeMember(name []byte, raw json.RawMessage) bool {
	switch string(name) {
	case "from_number":
		return decodeString(raw, &m.FromNumber)
	case "to_number":
		return decodeString(raw, &m.ToNumber)
	case "override_agent_id":
		return decodeOpt(raw, &m.OverrideAgentID, decodeString)
	case "metadata":
		return decodeOpt(raw, &m.Metadata, decodeObject)
	case "retell_llm_dynamic_variables":
		return decodeOpt(raw, &m.RetellLlmDynamicVariables, mapOf(decodeString))
	case "drop_call_if_machine_detected":
		return decodeOpt(raw, &m.DropCallIfMachineDetected, decodeBool)
	}
	return false
}

// A phone call, as created by `POST /v2/create-phone-call`.
type PhoneCallResponse struct {
	// Type of the call. Used to distinguish between web call and phone call.
	//
	// Required.
	CallType CallType `json:"call_type"`

	// The caller number, as the request sent it.
	//
	// Rules: pattern `^\+[1-9][0-9]{1,14}$`.
	//
	// Required.
	FromNumber string `json:"from_number"`

	// The callee number, as the request sent it.
	//
	// Rules: pattern `^\+[1-9][0-9]{1,14}$`.
	//
	// Required.
	ToNumber string `json:"to_number"`

	// Direction of the phone call.
	//
	// Required.
	Direction Direction `json:"direction"`

	// Unique id of the call. Used to identify in LLM websocket and used to authenticate in audio
	// websocket.
	//
	// Rules: min length 1.
	//
	// Required.
	CallID string `json:"call_id"`

	// Corresponding agent id of this call.
	//
	// Required.
	AgentID string `json:"agent_id"`

	// Status of call.
	// - `registered`: Call id issued, ready to make a call using this id.
	// - `ongoing`: Call connected and ongoing.
	// - `ended`: The underlying websocket has ended for the call. Either user or agent hanged up,
	// or call transferred.
	// - `error`: Call encountered error.
	//
	// Required.
	CallStatus CallStatus `json:"call_status"`

	// The request's `metadata`, returned as it was sent; absent when none was sent.
	Metadata Opt[map[string]any] `json:"metadata,omitzero"`

	// The request's dynamic variables, returned as they were sent; absent when none were sent.
	RetellLlmDynamicVariables Opt[map[string]string] `json:"retell_llm_dynamic_variables,omitzero"`

	// Whether this call opts out of sensitive data storage like transcript, recording, logging.
	OptOutSensitiveDataStorage Opt[bool] `json:"opt_out_sensitive_data_storage,omitzero"`

	// Begin timestamp (milliseconds since epoch) of the call. Available after call starts.
	StartTimestamp Opt[int64] `json:"start_timestamp,omitzero"`

	// End timestamp (milliseconds since epoch) of the call. Available after call ends.
	EndTimestamp Opt[int64] `json:"end_timestamp,omitzero"`

	// Transcription of the call. Available after call ends.
	Transcript Opt[string] `json:"transcript,omitzero"`

	// Recording of the call. Available after call ends.
	RecordingURL Opt[string] `json:"recording_url,omitzero"`

	// Public log of the call, helpful for debugging and tracing. Available after call ends.
	PublicLogURL Opt[string] `json:"public_log_url,omitzero"`

	// The reason for the disconnection of the call.
	DisconnectionReason Opt[DisconnectionReason] `json:"disconnection_reason,omitzero"`

	// ExtraFields holds the members the spec does not name, as they were sent, and any named
	// member whose value did not fit its Go type (lenient decoding keeps it here rather than
	// drop it). They are encoded after the named fields, replacing one of the same name.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// MarshalJSON encodes the fields of m that are set, then its ExtraFields.
func (m PhoneCallResponse) MarshalJSON() ([]byte, error) {
	w := objectWriter{extra: m.ExtraFields}
	writeField(&w, "call_type", m.CallType, appendEnum[CallType])
	writeField(&w, "from_number", m.FromNumber, appendString)
	writeField(&w, "to_number", m.ToNumber, appendString)
	writeField(&w, "direction", m.Direction, appendEnum[Direction])
	writeField(&w, "call_id", m.CallID, appendString)
	writeField(&w, "agent_id", m.AgentID, appendString)
	writeField(&w, "call_status", m.CallStatus, appendEnum[CallStatus])
	writeOpt(&w, "metadata", m.Metadata, appendJSON[map[string]any])
	writeOpt(&w, "retell_llm_dynamic_variables", m.RetellLlmDynamicVariables, appendJSON[map[string]string])
	writeOpt(&w, "opt_out_sensitive_data_storage", m.OptOutSensitiveDataStorage, appendBool)
	writeOpt(&w, "start_timestamp", m.StartTimestamp, appendInteger)
	writeOpt(&w, "end_timestamp", m.EndTimestamp, appendInteger)
	writeOpt(&w, "transcript", m.Transcript, appendString)
	writeOpt(&w, "recording_url", m.RecordingURL, appendString)
	writeOpt(&w, "public_log_url", m.PublicLogURL, appendString)
	writeOpt(&w, "disconnection_reason", m.DisconnectionReason, appendEnum[DisconnectionReason])
	return w.finish()
}

// UnmarshalJSON decodes a JSON object leniently: a field whose value does not fit its Go type,
// and a member the spec does not name, go to ExtraFields. Only a value that is not an object
// is an error.
func (m *PhoneCallResponse) UnmarshalJSON(data []byte) error {
	var decoded PhoneCallResponse
	err := eachMember(data, func(name []byte, raw json.RawMessage) {
		if !decoded.decodeMember(name, raw) {
			decoded.ExtraFields = keepMember(decoded.ExtraFields, name, raw)
		}
	})
	if err != nil {
		return err
	}
	*m = decoded
	return nil
}

// decodeMember decodes one member into its field, reporting whether it had one and fit it.
func (m *PhoneCallResponse) decodeMember(name []byte, raw json.RawMessage) bool {
	switch string(name) {
	case "call_type":
		return decodeEnum[CallType](raw, &m.CallType)
	case "from_number":
		return decodeString(raw, &m.FromNumber)
	case "to_number":
		return decodeString(raw, &m.ToNumber)
	case "direction":
		return decodeEnum[Direction](raw, &m.Direction)
	case "call_id":
		return decodeString(raw, &m.CallID)
	case "agent_id":
		return decodeString(raw, &m.AgentID)
	case "call_status":
		return decodeEnum[CallStatus](raw, &m.CallStatus)
	case "metadata":
		return decodeOpt(raw, &m.Metadata, decodeObject)
	case "retell_llm_dynamic_variables":
		return decodeOpt(raw, &m.RetellLlmDynamicVariables, mapOf(decodeString))
	case "opt_out_sensitive_data_storage":
		return decodeOpt(raw, &m.OptOutSensitiveDataStorage, decodeBool)
	case "start_timestamp":
		return decodeOpt(raw, &m.StartTimestamp, decodeInteger)
	case "end_timestamp":
		return decodeOpt(raw, &m.EndTimestamp, decodeInteger)
	case "transcript":
		return decodeOpt(raw, &m.Transcript, decodeString)
	case "recording_url":
		return decodeOpt(raw, &m.RecordingURL, decodeString)
	case "public_log_url":
		return decodeOpt(raw, &m.PublicLogURL, decodeString)
	case "disconnection_reason":
		return decodeOpt(raw, &m.DisconnectionReason, decodeEnum[DisconnectionReason])
	}
	return false
}

// A call registered by the deprecated `POST /create-phone-call`. `audio_encoding: mulaw` requires
// `sample_rate: 8000`.
type RegisterCallResponse struct {
	// Unique id of the call. Used to identify in LLM websocket and used to authenticate in audio
	// websocket.
	//
	// Rules: min length 1.
	//
	// Required.
	CallID string `json:"call_id"`

	// Corresponding agent id of this call.
	//
	// Required.
	AgentID string `json:"agent_id"`

	// Where the audio websocket would connect from would determine the format / protocol of
	// websocket messages, and would determine how our server read audio bytes and send audio bytes.
	// - `web`: The protocol defined by Retell, commonly used for connecting from web frontend. Also
	// useful for those who want to manipulate audio bytes directly.
	// - `twilio`: The websocket protocol defined by Twilio, used when your system uses Twilio, and
	// supplies Retell audio websocket url to Twilio.
	//
	// Required.
	AudioWebsocketProtocol AudioWebsocketProtocol `json:"audio_websocket_protocol"`

	// The audio encoding of the call.
	// - `s16le`: 16 bit linear PCM audio, the native format for web audio capture and playback.
	// - `mulaw`: non-linear audio encoding technique used in telephony. Commonly used by Twilio.
	//
	// Required.
	AudioEncoding AudioEncoding `json:"audio_encoding"`

	// Sample rate of the conversation, the input and output audio bytes will all conform to this
	// rate. Supports value ranging from [8000, 48000]. Note for Twilio mulaw encoding, the sample
	// rate has to be 8000. s16le sample rate recommendation (natively supported, lowest latency):
	// elevenlabs voices 16000, 22050, 24000, 44100; openai voices 24000; deepgram voices 8000,
	// 16000, 24000, 32000, 48000 (informative only).
	//
	// Rules: minimum 8000; maximum 48000.
	//
	// Required.
	SampleRate int64 `json:"sample_rate"`

	// Status of call.
	// - `registered`: Call id issued, ready to make a call using this id.
	// - `ongoing`: Call connected and ongoing.
	// - `ended`: The underlying websocket has ended for the call. Either user or agent hanged up,
	// or call transferred.
	// - `error`: Call encountered error.
	//
	// Required.
	CallStatus CallStatus `json:"call_status"`

	// If users stay silent for a period after agent speech, end the call. The minimum value allowed
	// is 10,000 ms (10 s). This value, if set, would overwrite the agent level
	// end_call_after_silence_ms parameter.
	//
	// Rules: minimum 10000.
	EndCallAfterSilenceMs Opt[int64] `json:"end_call_after_silence_ms,omitzero"`

	// The caller number, as the request sent it.
	//
	// Rules: pattern `^\+[1-9][0-9]{1,14}$`.
	FromNumber Opt[string] `json:"from_number,omitzero"`

	// The callee number, as the request sent it.
	//
	// Rules: pattern `^\+[1-9][0-9]{1,14}$`.
	ToNumber Opt[string] `json:"to_number,omitzero"`

	// Direction of the phone call. Not populated for web call.
	Direction Opt[Direction] `json:"direction,omitzero"`

	// The request's `metadata`, returned as it was sent; absent when none was sent.
	Metadata Opt[map[string]any] `json:"metadata,omitzero"`

	// The request's dynamic variables, returned as they were sent; absent when none were sent.
	RetellLlmDynamicVariables Opt[map[string]string] `json:"retell_llm_dynamic_variables,omitzero"`

	// The request's `drop_call_if_machine_detected`, or its default `false` when the request left
	// it out.
	//
	// Default when left out: false.
	DropCallIfMachineDetected Opt[bool] `json:"drop_call_if_machine_detected,omitzero"`

	// Whether this call opts out of sensitive data storage like transcript, recording, logging.
	OptOutSensitiveDataStorage Opt[bool] `json:"opt_out_sensitive_data_storage,omitzero"`

	// ExtraFields holds the members the spec does not name, as they were sent, and any named
	// member whose value did not fit its Go type (lenient decoding keeps it here rather than
	// drop it). They are encoded after the named fields, replacing one of the same name.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// MarshalJSON encodes the fields of m that are set, then its ExtraFields.
func (m RegisterCallResponse) MarshalJSON() ([]byte, error) {
	w := objectWriter{extra: m.ExtraFields}
	writeField(&w, "call_id", m.CallID, appendString)
	writeField(&w, "agent_id", m.AgentID, appendString)
	writeField(&w, "audio_websocket_protocol", m.AudioWebsocketProtocol, appendEnum[AudioWebsocketProtocol])
	writeField(&w, "audio_encoding", m.AudioEncoding, appendEnum[AudioEncoding])
	writeField(&w, "sample_rate", m.SampleRate, appendInteger)
	writeField(&w, "call_status", m.CallStatus, appendEnum[CallStatus])
	writeOpt(&w, "end_call_after_silence_ms", m.EndCallAfterSilenceMs, appendInteger)
	writeOpt(&w, "from_number", m.FromNumber, appendString)
	writeOpt(&w, "to_number", m.ToNumber, appendString)
	writeOpt(&w, "direction", m.Direction, appendEnum[Direction])
	writeOpt(&w, "metadata", m.Metadata, appendJSON[map[string]any])
	writeOpt(&w, "retell_llm_dynamic_variables", m.RetellLlmDynamicVariables, appendJSON[map[string]string])
	writeOpt(&w, "drop_call_if_machine_detected", m.DropCallIfMachineDetected, appendBool)
	writeOpt(&w, "opt_out_sensitive_data_storage", m.OptOutSensitiveDataStorage, appendBool)
	return w.finish()
}

// UnmarshalJSON decodes a JSON object leniently: a field whose value does not fit its Go type,
// and a member the spec does not name, go to ExtraFields. Only a value that is not an object
// is an error.
func (m *RegisterCallResponse) UnmarshalJSON(data []byte) error {
	var decoded RegisterCallResponse
	err := eachMember(data, func(name []byte, raw json.RawMessage) {
		if !decoded.decodeMember(name, raw) {
			decoded.ExtraFields = keepMember(decoded.ExtraFields, name, raw)
		}
	})
	if err != nil {
		return err
	}
	*m = decoded
	return nil
}

// decodeMember decodes one member into its field, reporting whether it had one and fit it.
func (m *RegisterCallResponse) decodeMember(name []byte, raw json.RawMessage) bool {
	switch string(name) {
	case "call_id":
		return decodeString(raw, &m.CallID)
	case "agent_id":
		return decodeString(raw, &m.AgentID)
	case "audio_websocket_protocol":
		return decodeEnum[AudioWebsocketProtocol](raw, &m.AudioWebsocketProtocol)
	case "audio_encoding":
		return decodeEnum[AudioEncoding](raw, &m.AudioEncoding)
	case "sample_rate":
		return decodeInteger(raw, &m.SampleRate)
	case "call_status":
		return decodeEnum[CallStatus](raw, &m.CallStatus)
	case "end_call_after_silence_ms":
		return decodeOpt(raw, &m.EndCallAfterSilenceMs, decodeInteger)
	case "from_number":
		return decodeOpt(raw, &m.FromNumber, decodeString)
	case "to_number":
		return decodeOpt(raw, &m.ToNumber, decodeString)
	case "direction":
		return decodeOpt(raw, &m.Direction, decodeEnum[Direction])
	case "metadata":
		return decodeOpt(raw, &m.Metadata, decodeObject)
	case "retell_llm_dynamic_variables":
		return decodeOpt(raw, &m.RetellLlmDynamicVariables, mapOf(decodeString))
	case "drop_call_if_machine_detected":
		return decodeOpt(raw, &m.DropCallIfMachineDetected, decodeBool)
	case "opt_out_sensitive_data_storage":
		return decodeOpt(raw, &m.OptOutSensitiveDataStorage, decodeBool)
	}
	return false
}

// The body of every error response. Open, so a server may add detail.
type ErrorResponse struct {
	// A human-readable message. For a rejected request it names the field and the rule it broke.
	//
	// Required.
	ErrorMessage string `json:"error_message"`

	// ExtraFields holds the members the spec does not name, as they were sent, and any named
	// member whose value did not fit its Go type (lenient decoding keeps it here rather than
	// drop it). They are encoded after the named fields, replacing one of the same name.
	ExtraFields map[string]json.RawMessage `json:"-"`
}

// MarshalJSON encodes the fields of m that are set, then its ExtraFields.
func (m ErrorResponse) MarshalJSON() ([]byte, error) {
	w := objectWriter{extra: m.ExtraFields}
	writeField(&w, "error_message", m.ErrorMessage, appendString)
	return w.finish()
}

// UnmarshalJSON decodes a JSON object leniently: a field whose value does not fit its Go type,
// and a member the spec does not name, go to ExtraFields. Only a value that is not an object
// is an error.
func (m *ErrorResponse) UnmarshalJSON(data []byte) error {
	var decoded ErrorResponse
	err := eachMember(data, func(name []byte, raw json.RawMessage) {
		if !decoded.decodeMember(name, raw) {
			decoded.ExtraFields = keepMember(decoded.ExtraFields, name, raw)
		}
	})
	if err != nil {
		return err
	}
	*m = decoded
	return nil
}

// decodeMember decodes one member into its field, reporting whether it had one and fit it.
func (m *ErrorResponse) decodeMember(name []byte, raw json.RawMessage) bool {
	switch string(name) {
	case "error_message":
		return decodeString(raw, &m.ErrorMessage)
	}
	return false
}
