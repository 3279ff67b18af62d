"""The spec's evolution in five patches, shaped the way the vendor's API really grew.

The shapes follow the vendor's SDK of the 6.x period (`RetellAI/retell-python-sdk`,
`src/retell/types/`): `CallCreatePhoneCallParams` gained `override_agent_version`,
`custom_sip_headers`, `agent_override` and `ignore_e164_validation`; `call_status` gained
`not_connected`; `create_web_call` arrived with `WebCallResponse` (`call_type:
Literal["web_call"]`, an `access_token`, no phone numbers). Bounds the SDK does not state
(the agent version's range) are this test's own, so the patch has an integer with bounds.

Each patch edits the parsed spec (a dict) in place; `stage(n)` is the spec with patches 1..n
applied, cumulatively. Patches name the fields they add: they are the spec's author, not
code that reads the spec. They reuse what the spec already says (its E.164 pattern, its
error responses, its `Metadata` and `DynamicVariables` schemas) rather than restate it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.ir import SPEC_PATH

Spec = dict[str, Any]

# Operation ids and paths the patches touch or add (the tests look everything else up in the IR)
PHONE_CALL = "createPhoneCall"
WEB_CALL = "createWebCall"
WEB_CALL_PATH = "/v2/create-web-call"

# The rule names the patches introduce
AGENT_VERSION_RULE = "agent_version_range"
E164_UNLESS_IGNORED = "from_number_e164_unless_ignored"
AGENT_ECHO_RULE = "agent_echoed"

# Maintainer notes the patches add: they must never reach user-facing docs
PROVENANCE = (
    "evolution-test: SDK 6.x CallCreatePhoneCallParams",
    "evolution-test: SDK 6.x CallCreateWebCallParams",
    "evolution-test: SDK 6.x WebCallResponse",
)


@dataclass(frozen=True)
class Patch:
    number: int
    title: str
    apply: Callable[[Spec], None]

    @property
    def label(self) -> str:
        return f"patch {self.number} ({self.title})"


def _schemas(spec: Spec) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def _operation(spec: Spec, operation_id: str) -> dict[str, Any]:
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation
    raise KeyError(operation_id)


def _phone_call_request(spec: Spec) -> dict[str, Any]:
    reference: str = _operation(spec, PHONE_CALL)["requestBody"]["content"]["application/json"][
        "schema"
    ]["$ref"]
    request: dict[str, Any] = _schemas(spec)[reference.rsplit("/", 1)[1]]
    return request


def new_request_fields(spec: Spec) -> None:
    """An integer with bounds, a boolean and an object of strings, all optional."""
    request = _phone_call_request(spec)
    request["x-provenance"] = f"{request.get('x-provenance', '')} {PROVENANCE[0]}".strip()
    request["properties"] |= {
        "override_agent_version": {
            "type": "integer",
            "minimum": 0,
            "maximum": 1000,
            "x-rule": AGENT_VERSION_RULE,
            "description": (
                "For this particular call, override the agent version used with this version. "
                "This does not bind the agent version to this number, this is for one time "
                "override."
            ),
        },
        "opt_out_sensitive_data_storage": {
            "type": "boolean",
            "description": (
                "Whether this call opts out of sensitive data storage like transcript, "
                "recording, logging."
            ),
        },
        "custom_sip_headers": {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "description": "Add optional custom SIP headers to the call.",
        },
    }


def nested_override(spec: Spec) -> None:
    """`agent_override.agent`: a nested object with a bounded number and an inline enum."""
    _phone_call_request(spec)["properties"]["agent_override"] = {
        "type": "object",
        "description": (
            "For this particular call, override agent configuration with these settings. This "
            "allows you to customize agent behavior for individual calls without modifying the "
            "base agent."
        ),
        "properties": {
            "agent": {
                "type": "object",
                "description": "Override agent configuration settings.",
                "properties": {
                    "voice_speed": {
                        "type": "number",
                        "minimum": 0.5,
                        "maximum": 2,
                        "description": (
                            "Controls speed of voice. Value ranging from [0.5,2]. Lower value "
                            "means slower speech, while higher value means faster speech rate."
                        ),
                    },
                    "voice_tier": {
                        "type": "string",
                        "enum": ["standard", "premium"],
                        "description": "The tier of the voice: standard or premium.",
                    },
                },
            },
        },
    }


def not_connected_status(spec: Spec) -> None:
    """`call_status: not_connected`, in the SDK's place (after `registered`)."""
    statuses: list[str] = _schemas(spec)["CallStatus"]["enum"]
    statuses.insert(statuses.index("registered") + 1, "not_connected")
    _schemas(spec)["CallStatus"]["description"] += (
        "- `not_connected`: The call was never connected.\n"
    )


def web_call_endpoint(spec: Spec) -> None:
    """`POST /v2/create-web-call`: no phone numbers, `call_type` a const, echoes, a unique id."""
    schemas = _schemas(spec)
    schemas["CreateWebCallRequest"] = {
        "type": "object",
        "description": "The body of a request that creates a web call.",
        "x-provenance": PROVENANCE[1],
        "required": ["agent_id"],
        "properties": {
            "agent_id": {
                "type": "string",
                "minLength": 1,
                "x-account": "agent",
                "description": (
                    "Unique id of agent used for the call. Your agent would contain the LLM "
                    "Websocket url used for this call."
                ),
            },
            "metadata": {"$ref": "#/components/schemas/Metadata"},
            "retell_llm_dynamic_variables": {"$ref": "#/components/schemas/DynamicVariables"},
        },
    }
    schemas["WebCallResponse"] = {
        "type": "object",
        "description": f"A web call, as created by `POST {WEB_CALL_PATH}`.",
        "x-provenance": PROVENANCE[2],
        "required": ["call_type", "access_token", "call_id", "agent_id", "call_status"],
        "properties": {
            "call_type": {
                "type": "string",
                "const": "web_call",
                "description": (
                    "Type of the call. Used to distinguish between web call and phone call."
                ),
            },
            "access_token": {
                "type": "string",
                "minLength": 1,
                "description": (
                    "Access token to enter the web call room. This needs to be passed to your "
                    "frontend to join the call."
                ),
            },
            "call_id": {"$ref": "#/components/schemas/CallId", "x-unique": "call_ids_unique"},
            "agent_id": {"type": "string", "description": "Corresponding agent id of this call."},
            "call_status": {"$ref": "#/components/schemas/CallStatus"},
            "metadata": {
                "$ref": "#/components/schemas/Metadata",
                "description": "The request's `metadata`, returned as it was sent.",
            },
            "retell_llm_dynamic_variables": {
                "$ref": "#/components/schemas/DynamicVariables",
                "description": "The request's dynamic variables, returned as they were sent.",
            },
        },
    }
    phone_call = _operation(spec, PHONE_CALL)
    errors = {
        status: copy.deepcopy(response)
        for status, response in phone_call["responses"].items()
        if not str(status).startswith("2")
    }
    agent = "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD"
    spec["paths"][WEB_CALL_PATH] = {
        "post": {
            "operationId": WEB_CALL,
            "summary": "Create a new web call",
            "tags": list(phone_call["tags"]),
            "x-echo": [
                {"rule": AGENT_ECHO_RULE, "response": "agent_id", "request": "agent_id"},
                {
                    "rule": "metadata_echoed",
                    "response": "metadata",
                    "request": "metadata",
                    "present": True,
                    "empty": "open",
                },
                {
                    "rule": "dynamic_variables_echoed",
                    "response": "retell_llm_dynamic_variables",
                    "request": "retell_llm_dynamic_variables",
                    "present": True,
                    "empty": "open",
                },
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/CreateWebCallRequest"},
                        "examples": {
                            "minimal": {"summary": "Only the agent", "value": {"agent_id": agent}},
                        },
                    }
                },
            },
            "responses": {
                "201": {
                    "description": "The web call was created.",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/WebCallResponse"},
                            "examples": {
                                "registered": {
                                    "summary": "A web call that was just created",
                                    "value": {
                                        "call_type": "web_call",
                                        "access_token": "eyJhbGciOiJIUzI1NiJ9.e30.example",
                                        "call_id": "Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6",
                                        "agent_id": agent,
                                        "call_status": "registered",
                                    },
                                }
                            },
                        }
                    },
                },
                **errors,
            },
        }
    }


def e164_unless_ignored(spec: Spec) -> None:
    """`ignore_e164_validation: true` relaxes `from_number` to any non-empty string; else it
    stays E.164 (an if/then/else named `from_number_e164_unless_ignored`). The answer echoes
    the number as sent, so the response's `from_number` is relaxed alike."""
    schemas = _schemas(spec)
    pattern = schemas["E164PhoneNumber"]["pattern"]
    request = _phone_call_request(spec)
    properties = request["properties"]
    properties["ignore_e164_validation"] = {
        "type": "boolean",
        "description": (
            "If true, the e.164 validation will be ignored for the from_number. This can be "
            "useful when you want to dial to internal pseudo numbers."
        ),
    }
    sent = properties["from_number"]
    properties["from_number"] = {
        "type": "string",
        "x-phone-number": True,
        "x-account": sent["x-account"],
        "description": sent["description"],
    }
    request.setdefault("allOf", []).append(
        {
            "x-rule": E164_UNLESS_IGNORED,
            "description": (
                "from_number is E.164 unless ignore_e164_validation is true; then it is any "
                "non-empty string"
            ),
            "if": {
                "required": ["ignore_e164_validation"],
                "properties": {"ignore_e164_validation": {"const": True}},
            },
            "then": {"properties": {"from_number": {"minLength": 1}}},
            "else": {"properties": {"from_number": {"pattern": pattern}}},
        }
    )
    answer = schemas["PhoneCallResponse"]["properties"]
    answer["from_number"] = {
        "type": "string",
        "minLength": 1,
        "x-phone-number": True,
        "description": answer["from_number"]["description"],
    }


PATCHES = (
    Patch(1, "new optional request fields", new_request_fields),
    Patch(2, "a nested object with an inline enum", nested_override),
    Patch(3, "a new response enum value", not_connected_status),
    Patch(4, "a new endpoint", web_call_endpoint),
    Patch(5, "a new if/then/else rule", e164_unless_ignored),
)


def patch(number: int) -> Patch:
    return PATCHES[number - 1]


def stage(number: int) -> Spec:
    """The project's spec with patches 1..number applied (0: the spec as it is)."""
    spec: Spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    for each in PATCHES[:number]:
        each.apply(spec)
    return spec


def write_stage(number: int, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(stage(number), sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")
    return path
