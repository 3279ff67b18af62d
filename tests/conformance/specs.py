"""A spec evolved the way the vendor's did, for the tests of the derivation: the project's spec
with a request that has what it lacks today (bounds, an enum, a const, formats, lengths, an
array, a closed nested object, cross-field rules with and without `else`)."""

from __future__ import annotations

from pathlib import Path

from tests.conformance.vectors import ROOT

ANCHOR = """        retell_llm_dynamic_variables:
          $ref: '#/components/schemas/DynamicVariables'
    CreatePhoneCallV1Request:"""

ADDED = """        retell_llm_dynamic_variables:
          $ref: '#/components/schemas/DynamicVariables'
        max_duration_ms:
          type: integer
          minimum: 60000
          maximum: 3600000
          multipleOf: 1000
        language:
          type: string
          enum: [en-US, es-ES, de-DE]
        channel:
          const: voice
        scheduled_at:
          type: string
          format: date-time
        tags:
          type: array
          maxItems: 3
          items:
            type: string
            minLength: 1
            maxLength: 8
        agent_override:
          type: object
          additionalProperties: false
          properties:
            voice:
              type: string
              enum: [calm, bright]
            speed:
              type: number
              exclusiveMinimum: 0
              maximum: 2
        audio_encoding:
          type: string
          enum: [s16le, mulaw]
        sample_rate:
          type: integer
          minimum: 8000
          maximum: 48000
        recording:
          type: boolean
        consent_text:
          type: string
          minLength: 5
      allOf:
        - x-rule: mulaw_request_rate
          description: mulaw needs 8000 Hz; other encodings at least 16000 Hz
          if:
            required: [audio_encoding]
            properties:
              audio_encoding:
                const: mulaw
          then:
            properties:
              sample_rate:
                const: 8000
          else:
            properties:
              sample_rate:
                minimum: 16000
        - x-rule: recording_needs_consent
          description: a recorded call needs the consent text
          if:
            required: [recording]
            properties:
              recording:
                const: true
          then:
            required: [consent_text]
    CreatePhoneCallV1Request:"""


def evolved_spec(directory: Path) -> Path:
    text = (ROOT / "spec" / "openapi.yaml").read_text(encoding="utf-8")
    assert ANCHOR in text, "the spec changed: update tests/conformance/specs.py"
    path = directory / "evolved.yaml"
    path.write_text(text.replace(ANCHOR, ADDED, 1), encoding="utf-8")
    return path
