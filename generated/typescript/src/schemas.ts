// generated from spec/openapi.yaml by `make generate`; do not edit
/**
 * The spec's validation view: normalised JSON Schema 2020-12, one `$defs` entry per schema
 * (see `validation.ts`). A request body is checked against its operation's entry before it is
 * sent; a success body against its entry in strict mode.
 */

import type { SchemaDocument } from "./validation.js";

export const SCHEMAS: SchemaDocument = {
  "$defs": {
    "E164PhoneNumber": {
      "type": "string",
      "pattern": "^\\+[1-9][0-9]{1,14}$",
      "x-rule": "e164_numbers"
    },
    "CallType": {
      "type": "string",
      "enum": [
        "phone_call"
      ]
    },
    "Direction": {
      "type": "string",
      "enum": [
        "inbound",
        "outbound"
      ]
    },
    "CallStatus": {
      "type": "string",
      "enum": [
        "registered",
        "ongoing",
        "ended",
        "error"
      ]
    },
    "AudioWebsocketProtocol": {
      "type": "string",
      "enum": [
        "web",
        "twilio"
      ]
    },
    "AudioEncoding": {
      "type": "string",
      "enum": [
        "s16le",
        "mulaw"
      ]
    },
    "DisconnectionReason": {
      "type": "string",
      "enum": [
        "user_hangup",
        "agent_hangup",
        "call_transfer",
        "inactivity",
        "machine_detected",
        "concurrency_limit_reached",
        "dial_busy",
        "dial_failed",
        "dial_no_answer",
        "error_llm_websocket_open",
        "error_llm_websocket_lost_connection",
        "error_llm_websocket_runtime",
        "error_llm_websocket_corrupt_payload",
        "error_frontend_corrupted_payload",
        "error_twilio",
        "error_no_audio_received",
        "error_asr",
        "error_retell",
        "error_unknown"
      ]
    },
    "Metadata": {
      "type": "object"
    },
    "DynamicVariables": {
      "type": "object",
      "additionalProperties": {
        "type": "string"
      }
    },
    "SampleRate": {
      "type": "integer",
      "minimum": 8000,
      "maximum": 48000,
      "x-rule": "sample_rate_range"
    },
    "EndCallAfterSilenceMs": {
      "type": "integer",
      "minimum": 10000,
      "x-rule": "silence_minimum"
    },
    "DropCallIfMachineDetected": {
      "type": "boolean"
    },
    "OverrideAgentId": {
      "type": "string"
    },
    "CallId": {
      "type": "string",
      "minLength": 1
    },
    "CreatePhoneCallRequest": {
      "type": "object",
      "required": [
        "from_number",
        "to_number"
      ],
      "properties": {
        "from_number": {
          "$ref": "#/$defs/E164PhoneNumber"
        },
        "to_number": {
          "$ref": "#/$defs/E164PhoneNumber"
        },
        "override_agent_id": {
          "$ref": "#/$defs/OverrideAgentId"
        },
        "metadata": {
          "$ref": "#/$defs/Metadata"
        },
        "retell_llm_dynamic_variables": {
          "$ref": "#/$defs/DynamicVariables"
        }
      }
    },
    "CreatePhoneCallV1Request": {
      "type": "object",
      "required": [
        "from_number",
        "to_number"
      ],
      "properties": {
        "from_number": {
          "$ref": "#/$defs/E164PhoneNumber"
        },
        "to_number": {
          "$ref": "#/$defs/E164PhoneNumber"
        },
        "override_agent_id": {
          "$ref": "#/$defs/OverrideAgentId"
        },
        "metadata": {
          "$ref": "#/$defs/Metadata"
        },
        "retell_llm_dynamic_variables": {
          "$ref": "#/$defs/DynamicVariables"
        },
        "drop_call_if_machine_detected": {
          "$ref": "#/$defs/DropCallIfMachineDetected"
        }
      }
    },
    "PhoneCallResponse": {
      "type": "object",
      "required": [
        "call_type",
        "from_number",
        "to_number",
        "direction",
        "call_id",
        "agent_id",
        "call_status"
      ],
      "properties": {
        "call_type": {
          "$ref": "#/$defs/CallType"
        },
        "from_number": {
          "$ref": "#/$defs/E164PhoneNumber"
        },
        "to_number": {
          "$ref": "#/$defs/E164PhoneNumber"
        },
        "direction": {
          "$ref": "#/$defs/Direction"
        },
        "call_id": {
          "$ref": "#/$defs/CallId"
        },
        "agent_id": {
          "type": "string"
        },
        "call_status": {
          "$ref": "#/$defs/CallStatus"
        },
        "metadata": {
          "$ref": "#/$defs/Metadata"
        },
        "retell_llm_dynamic_variables": {
          "$ref": "#/$defs/DynamicVariables"
        },
        "opt_out_sensitive_data_storage": {
          "type": "boolean"
        },
        "start_timestamp": {
          "type": "integer"
        },
        "end_timestamp": {
          "type": "integer"
        },
        "transcript": {
          "type": "string"
        },
        "recording_url": {
          "type": "string"
        },
        "public_log_url": {
          "type": "string"
        },
        "disconnection_reason": {
          "$ref": "#/$defs/DisconnectionReason"
        }
      }
    },
    "RegisterCallResponse": {
      "type": "object",
      "required": [
        "call_id",
        "agent_id",
        "audio_websocket_protocol",
        "audio_encoding",
        "sample_rate",
        "call_status"
      ],
      "properties": {
        "call_id": {
          "$ref": "#/$defs/CallId"
        },
        "agent_id": {
          "type": "string"
        },
        "audio_websocket_protocol": {
          "$ref": "#/$defs/AudioWebsocketProtocol"
        },
        "audio_encoding": {
          "$ref": "#/$defs/AudioEncoding"
        },
        "sample_rate": {
          "$ref": "#/$defs/SampleRate"
        },
        "call_status": {
          "$ref": "#/$defs/CallStatus"
        },
        "end_call_after_silence_ms": {
          "$ref": "#/$defs/EndCallAfterSilenceMs"
        },
        "from_number": {
          "$ref": "#/$defs/E164PhoneNumber"
        },
        "to_number": {
          "$ref": "#/$defs/E164PhoneNumber"
        },
        "direction": {
          "$ref": "#/$defs/Direction"
        },
        "metadata": {
          "$ref": "#/$defs/Metadata"
        },
        "retell_llm_dynamic_variables": {
          "$ref": "#/$defs/DynamicVariables"
        },
        "drop_call_if_machine_detected": {
          "$ref": "#/$defs/DropCallIfMachineDetected"
        },
        "opt_out_sensitive_data_storage": {
          "type": "boolean"
        }
      },
      "allOf": [
        {
          "x-rule": "mulaw_sample_rate",
          "if": {
            "required": [
              "audio_encoding"
            ],
            "properties": {
              "audio_encoding": {
                "const": "mulaw"
              }
            }
          },
          "then": {
            "properties": {
              "sample_rate": {
                "const": 8000
              }
            }
          }
        }
      ]
    },
    "ErrorResponse": {
      "type": "object",
      "required": [
        "error_message"
      ],
      "properties": {
        "error_message": {
          "type": "string"
        }
      }
    },
    "createPhoneCall:201": {
      "allOf": [
        {
          "$ref": "#/$defs/PhoneCallResponse"
        },
        {
          "x-rule": "outbound_direction",
          "properties": {
            "direction": {
              "const": "outbound"
            }
          }
        }
      ]
    }
  }
};
