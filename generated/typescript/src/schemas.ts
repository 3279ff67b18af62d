// generated from spec/openapi.yaml by `make generate`; do not edit
/** The rules of the spec, as data for validation.ts: one shape per object schema. */

import { AudioEncodingValues, AudioWebsocketProtocolValues, CallStatusValues, CallTypeValues, DirectionValues, DisconnectionReasonValues } from "./models.js";
import type { Schemas } from "./validation.js";

export const SCHEMAS: Schemas = {
  CreatePhoneCallRequest: {
    kind: "object",
    required: ["from_number", "to_number"],
    properties: {
      from_number: { kind: "string", pattern: "^\\+[1-9][0-9]{1,14}$" },
      to_number: { kind: "string", pattern: "^\\+[1-9][0-9]{1,14}$" },
      override_agent_id: { kind: "string" },
      metadata: { kind: "object", properties: {}, required: [] },
      retell_llm_dynamic_variables: { kind: "object", properties: {}, required: [], additionalProperties: { kind: "string" } },
    },
  },
  CreatePhoneCallV1Request: {
    kind: "object",
    required: ["from_number", "to_number"],
    properties: {
      from_number: { kind: "string", pattern: "^\\+[1-9][0-9]{1,14}$" },
      to_number: { kind: "string", pattern: "^\\+[1-9][0-9]{1,14}$" },
      override_agent_id: { kind: "string" },
      metadata: { kind: "object", properties: {}, required: [] },
      retell_llm_dynamic_variables: { kind: "object", properties: {}, required: [], additionalProperties: { kind: "string" } },
      drop_call_if_machine_detected: { kind: "boolean" },
    },
  },
  PhoneCallResponse: {
    kind: "object",
    required: ["call_type", "from_number", "to_number", "direction", "call_id", "agent_id", "call_status"],
    properties: {
      call_type: { kind: "string", enum: CallTypeValues },
      from_number: { kind: "string", pattern: "^\\+[1-9][0-9]{1,14}$" },
      to_number: { kind: "string", pattern: "^\\+[1-9][0-9]{1,14}$" },
      direction: { kind: "string", enum: DirectionValues },
      call_id: { kind: "string" },
      agent_id: { kind: "string" },
      call_status: { kind: "string", enum: CallStatusValues },
      metadata: { kind: "object", properties: {}, required: [] },
      retell_llm_dynamic_variables: { kind: "object", properties: {}, required: [], additionalProperties: { kind: "string" } },
      opt_out_sensitive_data_storage: { kind: "boolean" },
      start_timestamp: { kind: "integer" },
      end_timestamp: { kind: "integer" },
      transcript: { kind: "string" },
      recording_url: { kind: "string" },
      public_log_url: { kind: "string" },
      disconnection_reason: { kind: "string", enum: DisconnectionReasonValues },
    },
  },
  RegisterCallResponse: {
    kind: "object",
    required: ["call_id", "agent_id", "audio_websocket_protocol", "audio_encoding", "sample_rate", "call_status"],
    properties: {
      call_id: { kind: "string" },
      agent_id: { kind: "string" },
      audio_websocket_protocol: { kind: "string", enum: AudioWebsocketProtocolValues },
      audio_encoding: { kind: "string", enum: AudioEncodingValues },
      sample_rate: { kind: "integer", minimum: 8000, maximum: 48000 },
      call_status: { kind: "string", enum: CallStatusValues },
      end_call_after_silence_ms: { kind: "integer", minimum: 10000 },
      from_number: { kind: "string", pattern: "^\\+[1-9][0-9]{1,14}$" },
      to_number: { kind: "string", pattern: "^\\+[1-9][0-9]{1,14}$" },
      direction: { kind: "string", enum: DirectionValues },
      metadata: { kind: "object", properties: {}, required: [] },
      retell_llm_dynamic_variables: { kind: "object", properties: {}, required: [], additionalProperties: { kind: "string" } },
      drop_call_if_machine_detected: { kind: "boolean" },
      opt_out_sensitive_data_storage: { kind: "boolean" },
    },
    conditions: [
      {
        ifField: "audio_encoding",
        ifValue: "mulaw",
        thenField: "sample_rate",
        thenValue: 8000,
        message: "sample_rate must be 8000 when audio_encoding is mulaw",
      },
    ],
  },
  Error: {
    kind: "object",
    required: ["error_message"],
    properties: {
      error_message: { kind: "string" },
    },
  },
};
