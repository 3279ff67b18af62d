"""What each patch changes for a user: the calls the clients make against the mock built from
the patched spec (and what they must get), the requests the mock must refuse, and the rules
the contract run must apply. The typed uses are in `typed_use.py`.

A call's `body` is the JSON body, given to the Python client as keyword arguments and to the
TypeScript client as its params object; the Go client builds it from typed params (`go`, the
body of a Go function, `$names` filled in by `typed_use.type_names`), with `WithExtraBody`
where Go's types cannot hold the wrong value a call sends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.evolution.patches import (
    AGENT_ECHO_RULE,
    AGENT_VERSION_RULE,
    E164_UNLESS_IGNORED,
    PHONE_CALL,
    WEB_CALL,
)

FROM, TO = "+14155550100", "+14155550123"  # from the range reserved for fiction
PSEUDO = "1001"  # an internal pseudo number: no E.164
AGENT = "agent_evolution_0001"
NOT_CONNECTED = "not_connected"  # the variant server's answer (patch 3)


@dataclass(frozen=True)
class Answer:
    """A 2xx answer that carries `includes` (JSON-equal), non-empty strings at `nonempty`,
    and, per language, facts about the typed answer."""

    includes: dict[str, Any] = field(default_factory=dict)
    nonempty: tuple[str, ...] = ()
    python_types: dict[str, str] = field(default_factory=dict)
    go_facts: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Refused:
    """An error naming a field and a rule. A `ValidationError` means nothing was sent."""

    error: str
    field: str
    rule: str

    @property
    def sent(self) -> bool:
        return self.error != "ValidationError"


@dataclass(frozen=True)
class Call:
    id: str
    operation: str  # operation id
    body: dict[str, Any]
    expect: Answer | Refused
    go: str  # the body of `func(ctx context.Context, c *retell.Client) (any, facts, error)`
    strict: bool = True  # strict response validation
    server: str = "mock"  # "mock", or "not connected" (the mock answering `not_connected`)

    @property
    def sent(self) -> bool:
        return not isinstance(self.expect, Refused) or self.expect.sent


def _phone(**fields: Any) -> dict[str, Any]:
    return {"from_number": FROM, "to_number": TO, **fields}


def _go_call(params: str, *options: str) -> str:
    extra = "".join(f", {option}" for option in options)
    return f"return done(c.Call.CreatePhoneCall(ctx, {params}{extra}))"


def _go_with(*assignments: str) -> str:
    """Go: the two numbers, then `assignments` to more params, then the call."""
    return "\n".join(["params := numbers()", *assignments, _go_call("params")])


def _go_web(params: str, *options: str) -> str:
    extra = "".join(f", {option}" for option in options)
    return f"return done(c.Call.CreateWebCall(ctx, retell.CreateWebCallParams{{{params}}}{extra}))"


GO_STATUS_KNOWN = """\
answer, err := c.Call.CreatePhoneCall(ctx, numbers())
if err != nil {
	return nil, nil, err
}
return answer, facts{"call_status_known": answer.CallStatus.IsKnown()}, nil"""

OVERRIDE = {"agent": {"voice_speed": 1.25, "voice_tier": "premium"}}
METADATA = {"order": 42, "tags": ["vip"], "note": {"said": "ça va"}}
VARIABLES = {"customer_name": "Ada"}

CALLS: dict[int, tuple[Call, ...]] = {
    1: (
        Call(
            "new fields sent",
            PHONE_CALL,
            _phone(
                override_agent_version=7,
                opt_out_sensitive_data_storage=True,
                custom_sip_headers={"X-Campaign": "spring"},
            ),
            Answer({"from_number": FROM, "to_number": TO}, nonempty=("call_id",)),
            _go_with(
                "params.OverrideAgentVersion = retell.Some[int64](7)",
                "params.OptOutSensitiveDataStorage = retell.Some(true)",
                'params.CustomSipHeaders = retell.Some(map[string]string{"X-Campaign": "spring"})',
            ),
        ),
        Call(
            "integer above its bound",
            PHONE_CALL,
            _phone(override_agent_version=1001),
            Refused("ValidationError", "override_agent_version", AGENT_VERSION_RULE),
            _go_with("params.OverrideAgentVersion = retell.Some[int64](1001)"),
        ),
        Call(
            "boolean given a string",
            PHONE_CALL,
            _phone(opt_out_sensitive_data_storage="true"),
            Refused("ValidationError", "opt_out_sensitive_data_storage", "type"),
            _go_call(
                "numbers()",
                'retell.WithExtraBody(map[string]any{"opt_out_sensitive_data_storage": "true"})',
            ),
        ),
        Call(
            "object of strings given a number",
            PHONE_CALL,
            _phone(custom_sip_headers={"X-Campaign": 1}),
            Refused("ValidationError", "custom_sip_headers.X-Campaign", "type"),
            _go_call(
                "numbers()",
                'retell.WithExtraBody(map[string]any{"custom_sip_headers": '
                'map[string]any{"X-Campaign": 1}})',
            ),
        ),
    ),
    2: (
        Call(
            "nested override sent",
            PHONE_CALL,
            _phone(agent_override=OVERRIDE),
            Answer({"from_number": FROM}, nonempty=("call_id",)),
            _go_with(
                "params.AgentOverride = retell.Some(retell.$go_override{Agent: retell.Some("
                "retell.$go_agent{VoiceSpeed: retell.Some(1.25), "
                "VoiceTier: retell.Some($go_tier_premium)})})"
            ),
        ),
        Call(
            "inline enum given another value",
            PHONE_CALL,
            _phone(agent_override={"agent": {"voice_tier": "deluxe"}}),
            Refused("ValidationError", "agent_override.agent.voice_tier", "enum"),
            _go_with(
                "params.AgentOverride = retell.Some(retell.$go_override{Agent: retell.Some("
                'retell.$go_agent{VoiceTier: retell.Some(retell.$go_tier("deluxe"))})})'
            ),
        ),
        Call(
            "nested number above its bound",
            PHONE_CALL,
            _phone(agent_override={"agent": {"voice_speed": 2.5}}),
            Refused("ValidationError", "agent_override.agent.voice_speed", "maximum"),
            _go_with(
                "params.AgentOverride = retell.Some(retell.$go_override{Agent: retell.Some("
                "retell.$go_agent{VoiceSpeed: retell.Some(2.5)})})"
            ),
        ),
    ),
    3: (
        Call(
            "new status, strict",
            PHONE_CALL,
            _phone(),
            Answer(
                {"call_status": NOT_CONNECTED},
                python_types={"call_status": "$status"},
                go_facts={"call_status_known": True},
            ),
            GO_STATUS_KNOWN,
            server="not connected",
        ),
        Call(
            "new status, lenient",
            PHONE_CALL,
            _phone(),
            Answer(
                {"call_status": NOT_CONNECTED},
                python_types={"call_status": "$status"},
                go_facts={"call_status_known": True},
            ),
            GO_STATUS_KNOWN,
            strict=False,
            server="not connected",
        ),
    ),
    4: (
        Call(
            "web call created",
            WEB_CALL,
            {"agent_id": AGENT, "metadata": METADATA, "retell_llm_dynamic_variables": VARIABLES},
            Answer(
                {
                    "call_type": "web_call",
                    "agent_id": AGENT,
                    "metadata": METADATA,
                    "retell_llm_dynamic_variables": VARIABLES,
                },
                nonempty=("call_id", "access_token", "call_status"),
            ),
            _go_web(
                f'AgentID: "{AGENT}", '
                'Metadata: retell.Some(map[string]any{"order": 42, "tags": []any{"vip"}, '
                '"note": map[string]any{"said": "ça va"}}), '
                'RetellLlmDynamicVariables: retell.Some(map[string]string{"customer_name": "Ada"})'
            ),
        ),
        Call(
            "another web call",
            WEB_CALL,
            {"agent_id": AGENT},
            Answer({"call_type": "web_call", "agent_id": AGENT}, nonempty=("call_id",)),
            _go_web(f'AgentID: "{AGENT}"'),
        ),
        Call(
            "web call with an empty agent",
            WEB_CALL,
            {"agent_id": ""},
            Refused("ValidationError", "agent_id", "minLength"),
            _go_web('AgentID: ""'),
        ),
        Call(
            "web call metadata not an object",
            WEB_CALL,
            {"agent_id": AGENT, "metadata": "vip"},
            Refused("ValidationError", "metadata", "type"),
            _go_web(
                f'AgentID: "{AGENT}"', 'retell.WithExtraBody(map[string]any{"metadata": "vip"})'
            ),
        ),
    ),
    5: (
        Call(
            "pseudo number allowed when ignored",
            PHONE_CALL,
            {"from_number": PSEUDO, "to_number": TO, "ignore_e164_validation": True},
            Answer({"from_number": PSEUDO, "to_number": TO}, nonempty=("call_id",)),
            _go_call(
                f'retell.CreatePhoneCallParams{{FromNumber: "{PSEUDO}", ToNumber: "{TO}", '
                "IgnoreE164Validation: retell.Some(true)}"
            ),
        ),
        Call(
            "pseudo number refused by default",
            PHONE_CALL,
            {"from_number": PSEUDO, "to_number": TO},
            Refused("ValidationError", "from_number", E164_UNLESS_IGNORED),
            _go_call(f'retell.CreatePhoneCallParams{{FromNumber: "{PSEUDO}", ToNumber: "{TO}"}}'),
        ),
        Call(
            "pseudo number refused when not ignored",
            PHONE_CALL,
            {"from_number": PSEUDO, "to_number": TO, "ignore_e164_validation": False},
            Refused("ValidationError", "from_number", E164_UNLESS_IGNORED),
            _go_call(
                f'retell.CreatePhoneCallParams{{FromNumber: "{PSEUDO}", ToNumber: "{TO}", '
                "IgnoreE164Validation: retell.Some(false)}"
            ),
        ),
        Call(
            "empty number refused though ignored",
            PHONE_CALL,
            {"from_number": "", "to_number": TO, "ignore_e164_validation": True},
            Refused("ValidationError", "from_number", E164_UNLESS_IGNORED),
            _go_call(
                f'retell.CreatePhoneCallParams{{FromNumber: "", ToNumber: "{TO}", '
                "IgnoreE164Validation: retell.Some(true)}"
            ),
        ),
        Call(
            "E.164 number still fine",
            PHONE_CALL,
            _phone(),
            Answer({"from_number": FROM, "to_number": TO}, nonempty=("call_id",)),
            _go_call("numbers()"),
        ),
    ),
}

# The client of the unpatched spec, against the server answering `not_connected` (patch 3)
OLD_CLIENT_CALLS = (
    Call(
        "old client, lenient",
        PHONE_CALL,
        _phone(),
        Answer(
            {"call_status": NOT_CONNECTED},
            python_types={"call_status": "str"},
            go_facts={"call_status_known": False},
        ),
        GO_STATUS_KNOWN,
        strict=False,
        server="not connected",
    ),
    Call(
        "old client, strict",
        PHONE_CALL,
        _phone(),
        Refused("APIResponseValidationError", "call_status", "enum"),
        GO_STATUS_KNOWN,
        server="not connected",
    ),
)

# Requests the mock built from the patched spec must answer 400, naming the field
MOCK_REFUSES: dict[int, tuple[tuple[str, dict[str, Any], str], ...]] = {
    1: (
        (PHONE_CALL, _phone(override_agent_version=-1), "override_agent_version"),
        (PHONE_CALL, _phone(custom_sip_headers={"X-Campaign": 1}), "custom_sip_headers"),
        (
            PHONE_CALL,
            _phone(opt_out_sensitive_data_storage="yes"),
            "opt_out_sensitive_data_storage",
        ),
    ),
    2: (
        (
            PHONE_CALL,
            _phone(agent_override={"agent": {"voice_tier": "deluxe"}}),
            "agent_override.agent.voice_tier",
        ),
    ),
    3: (),
    4: ((WEB_CALL, {"agent_id": ""}, "agent_id"), (WEB_CALL, {}, "agent_id")),
    5: ((PHONE_CALL, {"from_number": PSEUDO, "to_number": TO}, "from_number"),),
}

# (operation id, rule): applied by the contract run against the mock, and kept
SUITE_RULES: dict[int, tuple[tuple[str, str], ...]] = {
    1: ((PHONE_CALL, AGENT_VERSION_RULE),),
    2: ((PHONE_CALL, "bounds_enforced"), (PHONE_CALL, "enums_enforced")),
    3: ((PHONE_CALL, "closed_enums"),),
    4: (
        (WEB_CALL, AGENT_ECHO_RULE),
        (WEB_CALL, "call_ids_unique"),
        (WEB_CALL, "closed_enums"),
        (WEB_CALL, "metadata_echoed"),
        (WEB_CALL, "dynamic_variables_echoed"),
        (WEB_CALL, "response_schema_conformance"),
        (WEB_CALL, "required_fields_enforced"),
    ),
    5: ((PHONE_CALL, E164_UNLESS_IGNORED),),
}


def calls_up_to(number: int) -> tuple[Call, ...]:
    return tuple(call for stage in range(1, number + 1) for call in CALLS[stage])
