// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * The API's bodies and enums, as types. Enums are string-literal unions, each with a `...Values`
 * array. A model a request body reaches keeps its enums precise (a typo fails to compile; an
 * optional field may be `undefined`, which leaves it out); a model only answers reach types its
 * enums as {@link OpenEnum} (a value the API adds later is kept as sent, and type-checks).
 * Fields the spec does not name yet are kept on received objects too; read them through a cast,
 * e.g. `(call as { [key: string]: unknown })["new_field"]`.
 */

/** A string enum as an answer may hold it: one of the spec's values, or one the API added since. */
export type OpenEnum<T extends string> = T | (string & {});

/**
 * Type of the call. Used to distinguish between web call and phone call.
 */
export type CallType = "phone_call";
/** Every value of {@link CallType}, in the spec's order. */
export const CallTypeValues = ["phone_call"] as const satisfies readonly CallType[];

/**
 * Direction of the phone call.
 */
export type Direction = "inbound" | "outbound";
/** Every value of {@link Direction}, in the spec's order. */
export const DirectionValues = ["inbound", "outbound"] as const satisfies readonly Direction[];

/**
 * Status of call.
 * - `registered`: Call id issued, ready to make a call using this id.
 * - `ongoing`: Call connected and ongoing.
 * - `ended`: The underlying websocket has ended for the call. Either user or agent hanged up, or call transferred.
 * - `error`: Call encountered error.
 */
export type CallStatus = "registered" | "ongoing" | "ended" | "error";
/** Every value of {@link CallStatus}, in the spec's order. */
export const CallStatusValues = ["registered", "ongoing", "ended", "error"] as const satisfies readonly CallStatus[];

/**
 * Where the audio websocket would connect from would determine the format / protocol of websocket messages, and would determine how our server read audio bytes and send audio bytes.
 * - `web`: The protocol defined by Retell, commonly used for connecting from web frontend. Also useful for those who want to manipulate audio bytes directly.
 * - `twilio`: The websocket protocol defined by Twilio, used when your system uses Twilio, and supplies Retell audio websocket url to Twilio.
 */
export type AudioWebsocketProtocol = "web" | "twilio";
/** Every value of {@link AudioWebsocketProtocol}, in the spec's order. */
export const AudioWebsocketProtocolValues = ["web", "twilio"] as const satisfies readonly AudioWebsocketProtocol[];

/**
 * The audio encoding of the call.
 * - `s16le`: 16 bit linear PCM audio, the native format for web audio capture and playback.
 * - `mulaw`: non-linear audio encoding technique used in telephony. Commonly used by Twilio.
 */
export type AudioEncoding = "s16le" | "mulaw";
/** Every value of {@link AudioEncoding}, in the spec's order. */
export const AudioEncodingValues = ["s16le", "mulaw"] as const satisfies readonly AudioEncoding[];

/**
 * The reason for the disconnection of the call.
 */
export type DisconnectionReason = "user_hangup" | "agent_hangup" | "call_transfer" | "inactivity" | "machine_detected" | "concurrency_limit_reached" | "dial_busy" | "dial_failed" | "dial_no_answer" | "error_llm_websocket_open" | "error_llm_websocket_lost_connection" | "error_llm_websocket_runtime" | "error_llm_websocket_corrupt_payload" | "error_frontend_corrupted_payload" | "error_twilio" | "error_no_audio_received" | "error_asr" | "error_retell" | "error_unknown";
/** Every value of {@link DisconnectionReason}, in the spec's order. */
export const DisconnectionReasonValues = ["user_hangup", "agent_hangup", "call_transfer", "inactivity", "machine_detected", "concurrency_limit_reached", "dial_busy", "dial_failed", "dial_no_answer", "error_llm_websocket_open", "error_llm_websocket_lost_connection", "error_llm_websocket_runtime", "error_llm_websocket_corrupt_payload", "error_frontend_corrupted_payload", "error_twilio", "error_no_audio_received", "error_asr", "error_retell", "error_unknown"] as const satisfies readonly DisconnectionReason[];

/**
 * The body of a request that creates an outbound phone call.
 */
export interface CreatePhoneCallRequest {
  /**
   * The number you own in E.164 format. Must be a Retell managed number.
   *
   * Pattern: `^\+[1-9][0-9]{1,14}$`.
   */
  from_number: string;
  /**
   * The number you want to call, in E.164 format. Right now only US numbers are officially supported.
   *
   * Pattern: `^\+[1-9][0-9]{1,14}$`.
   */
  to_number: string;
  /**
   * For this particular call, override the agent used with this agent id. This does not bind the agent to this number, this is for one time override.
   */
  override_agent_id?: string | undefined;
  /**
   * An arbitrary object for storage purpose only. You can put anything here like your internal customer id associated with the call. Not used for processing. You can later get this field from the call object.
   */
  metadata?: { [key: string]: unknown } | undefined;
  /**
   * Add optional dynamic variables in key value pairs of string that injects into your Retell LLM prompt and tool description. Only applicable for Retell LLM. Values must be strings.
   */
  retell_llm_dynamic_variables?: { [key: string]: string } | undefined;
}

/**
 * The body of a request to the deprecated endpoint that creates a phone call.
 */
export interface CreatePhoneCallV1Request {
  /**
   * The number you own in E.164 format.
   *
   * Pattern: `^\+[1-9][0-9]{1,14}$`.
   */
  from_number: string;
  /**
   * The number you want to call, in E.164 format.
   *
   * Pattern: `^\+[1-9][0-9]{1,14}$`.
   */
  to_number: string;
  /**
   * For this particular call, override the agent used with this agent id. This does not bind the agent to this number, this is for one time override.
   */
  override_agent_id?: string | undefined;
  /**
   * An arbitrary object for storage purpose only. You can put anything here like your internal customer id associated with the call. Not used for processing. You can later get this field from the call object.
   */
  metadata?: { [key: string]: unknown } | undefined;
  /**
   * Add optional dynamic variables in key value pairs of string that injects into your Retell LLM prompt and tool description. Only applicable for Retell LLM. Values must be strings.
   */
  retell_llm_dynamic_variables?: { [key: string]: string } | undefined;
  /**
   * If set, will drop the call if machine (voicemail, IVR) is detected. If not set, default value of false will apply.
   *
   * @default false
   */
  drop_call_if_machine_detected?: boolean | undefined;
}

/**
 * A phone call, as created by `POST /v2/create-phone-call`.
 */
export interface PhoneCallResponse {
  /**
   * Type of the call. Used to distinguish between web call and phone call.
   */
  call_type: OpenEnum<CallType>;
  /**
   * The caller number, as the request sent it.
   *
   * Pattern: `^\+[1-9][0-9]{1,14}$`.
   */
  from_number: string;
  /**
   * The callee number, as the request sent it.
   *
   * Pattern: `^\+[1-9][0-9]{1,14}$`.
   */
  to_number: string;
  /**
   * Direction of the phone call.
   */
  direction: OpenEnum<Direction>;
  /**
   * Unique id of the call. Used to identify in LLM websocket and used to authenticate in audio websocket.
   *
   * Minimum length: 1.
   */
  call_id: string;
  /**
   * Corresponding agent id of this call.
   */
  agent_id: string;
  /**
   * Status of call.
   * - `registered`: Call id issued, ready to make a call using this id.
   * - `ongoing`: Call connected and ongoing.
   * - `ended`: The underlying websocket has ended for the call. Either user or agent hanged up, or call transferred.
   * - `error`: Call encountered error.
   */
  call_status: OpenEnum<CallStatus>;
  /**
   * The request's `metadata`, returned as it was sent; absent when none was sent.
   */
  metadata?: { [key: string]: unknown };
  /**
   * The request's dynamic variables, returned as they were sent; absent when none were sent.
   */
  retell_llm_dynamic_variables?: { [key: string]: string };
  /**
   * Whether this call opts out of sensitive data storage like transcript, recording, logging.
   */
  opt_out_sensitive_data_storage?: boolean;
  /**
   * Begin timestamp (milliseconds since epoch) of the call. Available after call starts.
   */
  start_timestamp?: number;
  /**
   * End timestamp (milliseconds since epoch) of the call. Available after call ends.
   */
  end_timestamp?: number;
  /**
   * Transcription of the call. Available after call ends.
   */
  transcript?: string;
  /**
   * Recording of the call. Available after call ends.
   */
  recording_url?: string;
  /**
   * Public log of the call, helpful for debugging and tracing. Available after call ends.
   */
  public_log_url?: string;
  /**
   * The reason for the disconnection of the call.
   */
  disconnection_reason?: OpenEnum<DisconnectionReason>;
}

/**
 * A call registered by the deprecated `POST /create-phone-call`. `audio_encoding: mulaw` requires `sample_rate: 8000`.
 */
export interface RegisterCallResponse {
  /**
   * Unique id of the call. Used to identify in LLM websocket and used to authenticate in audio websocket.
   *
   * Minimum length: 1.
   */
  call_id: string;
  /**
   * Corresponding agent id of this call.
   */
  agent_id: string;
  /**
   * Where the audio websocket would connect from would determine the format / protocol of websocket messages, and would determine how our server read audio bytes and send audio bytes.
   * - `web`: The protocol defined by Retell, commonly used for connecting from web frontend. Also useful for those who want to manipulate audio bytes directly.
   * - `twilio`: The websocket protocol defined by Twilio, used when your system uses Twilio, and supplies Retell audio websocket url to Twilio.
   */
  audio_websocket_protocol: OpenEnum<AudioWebsocketProtocol>;
  /**
   * The audio encoding of the call.
   * - `s16le`: 16 bit linear PCM audio, the native format for web audio capture and playback.
   * - `mulaw`: non-linear audio encoding technique used in telephony. Commonly used by Twilio.
   */
  audio_encoding: OpenEnum<AudioEncoding>;
  /**
   * Sample rate of the conversation, the input and output audio bytes will all conform to this rate. Supports value ranging from [8000, 48000]. Note for Twilio mulaw encoding, the sample rate has to be 8000. s16le sample rate recommendation (natively supported, lowest latency): elevenlabs voices 16000, 22050, 24000, 44100; openai voices 24000; deepgram voices 8000, 16000, 24000, 32000, 48000 (informative only).
   *
   * Minimum: 8000. Maximum: 48000.
   */
  sample_rate: number;
  /**
   * Status of call.
   * - `registered`: Call id issued, ready to make a call using this id.
   * - `ongoing`: Call connected and ongoing.
   * - `ended`: The underlying websocket has ended for the call. Either user or agent hanged up, or call transferred.
   * - `error`: Call encountered error.
   */
  call_status: OpenEnum<CallStatus>;
  /**
   * If users stay silent for a period after agent speech, end the call. The minimum value allowed is 10,000 ms (10 s). This value, if set, would overwrite the agent level end_call_after_silence_ms parameter.
   *
   * Minimum: 10000.
   */
  end_call_after_silence_ms?: number;
  /**
   * The caller number, as the request sent it.
   *
   * Pattern: `^\+[1-9][0-9]{1,14}$`.
   */
  from_number?: string;
  /**
   * The callee number, as the request sent it.
   *
   * Pattern: `^\+[1-9][0-9]{1,14}$`.
   */
  to_number?: string;
  /**
   * Direction of the phone call. Not populated for web call.
   */
  direction?: OpenEnum<Direction>;
  /**
   * The request's `metadata`, returned as it was sent; absent when none was sent.
   */
  metadata?: { [key: string]: unknown };
  /**
   * The request's dynamic variables, returned as they were sent; absent when none were sent.
   */
  retell_llm_dynamic_variables?: { [key: string]: string };
  /**
   * The request's `drop_call_if_machine_detected`, or its default `false` when the request left it out.
   *
   * @default false
   */
  drop_call_if_machine_detected?: boolean;
  /**
   * Whether this call opts out of sensitive data storage like transcript, recording, logging.
   */
  opt_out_sensitive_data_storage?: boolean;
}

/**
 * The body of every error response. Open, so a server may add detail.
 */
export interface ErrorResponse {
  /**
   * A human-readable message. For a rejected request it names the field and the rule it broke.
   */
  error_message: string;
}
