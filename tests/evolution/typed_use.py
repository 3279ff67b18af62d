"""Typed uses of the clients of one stage, and the Go program that makes its calls.

The Python and TypeScript uses are type-checked with the package (`mypy --strict`, `tsc
--strict`), never run: each `# type: ignore[code]` / `// @ts-expect-error` line is a misuse
the generated types must refuse (an unused one is an error of its own under both compilers),
every other line a use they must accept. The Go program is built and run: Go's types make its
calls a typed use too, and `GO_DECLARATIONS` adds what the calls do not name.

Names the IR gives hoisted inline schemas (`$agent`, `$tier`, ...) are filled in from the IR
of the stage (`type_names`), so the test follows the IR's naming rather than restate it.
"""

from __future__ import annotations

import json
from string import Template

from generator.emit.go import naming as go_naming
from generator.ir import Api, EnumRef, ModelRef, TypeExpr
from tests.evolution.cases import FROM, TO, Call
from tests.evolution.patches import PHONE_CALL, WEB_CALL

# --- typed uses: each `type: ignore[...]` / `@ts-expect-error` line must be an error -----------

PYTHON_HEADER = '''\
"""Typed use of the client of one stage of the evolution test: checked, never run."""

from typing import Literal

from retell_client import AsyncRetell, Retell, models

client = Retell(api_key="evolution-usage")
FROM, TO = "+14155550100", "+14155550123"
'''

PYTHON_USAGE: dict[int, str] = {
    1: """
call: models.PhoneCallResponse = client.call.create_phone_call(
    from_number=FROM,
    to_number=TO,
    override_agent_version=7,
    opt_out_sensitive_data_storage=True,
    custom_sip_headers={"X-Campaign": "spring"},
)
client.call.create_phone_call(
    from_number=FROM,
    to_number=TO,
    override_agent_version="7",  # type: ignore[arg-type]
)
client.call.create_phone_call(
    from_number=FROM,
    to_number=TO,
    opt_out_sensitive_data_storage="yes",  # type: ignore[arg-type]
)
client.call.create_phone_call(
    from_number=FROM,
    to_number=TO,
    custom_sip_headers={"X-Campaign": 1},  # type: ignore[dict-item]
)
""",
    2: """
speed, tier = 1.25, models.$tier.PREMIUM
override = models.$override(agent=models.$agent(voice_speed=speed, voice_tier=tier))
client.call.create_phone_call(from_number=FROM, to_number=TO, agent_override=override)
client.call.create_phone_call(
    from_number=FROM, to_number=TO, agent_override={"agent": {"voice_tier": "premium"}}
)
tiers: list[models.$tier] = [models.$tier.STANDARD, models.$tier.PREMIUM]
deluxe = models.$tier.DELUXE  # type: ignore[attr-defined]
""",
    3: """
status: models.$status = models.$status.NOT_CONNECTED
""",
    4: """
web: models.$web_response = client.call.create_web_call(
    agent_id="agent_1", metadata={"order": 42}, retell_llm_dynamic_variables={"name": "Ada"}
)
web_type: Literal["web_call"] = web.call_type
web_id: str = web.call_id
client.call.create_web_call(metadata={"order": 42})  # type: ignore[call-arg]
client.call.create_web_call(agent_id="agent_1", to_number=TO)  # type: ignore[call-arg]


async def web_async() -> models.$web_response:
    async with AsyncRetell(api_key="evolution-usage") as async_client:
        return await async_client.call.create_web_call(agent_id="agent_1")
""",
    5: """
client.call.create_phone_call(from_number="1001", to_number=TO, ignore_e164_validation=True)
client.call.create_phone_call(
    from_number="1001",
    to_number=TO,
    ignore_e164_validation="yes",  # type: ignore[arg-type]
)
""",
}

TS_HEADER = """\
// Typed use of the client of one stage of the evolution test: compiled, never run.
import * as retell from "../generated/typescript/src/index.js";

const client = new retell.Retell({ apiKey: "evolution-usage" });
const numbers = { from_number: "+14155550100", to_number: "+14155550123" } as const;
"""

TS_USAGE: dict[int, str] = {
    1: """
const call: retell.PhoneCallResponse = await client.call.createPhoneCall({
  ...numbers,
  override_agent_version: 7,
  opt_out_sensitive_data_storage: true,
  custom_sip_headers: { "X-Campaign": "spring" },
});
await client.call.createPhoneCall({
  ...numbers,
  // @ts-expect-error: override_agent_version is a number
  override_agent_version: "7",
});
await client.call.createPhoneCall({
  ...numbers,
  // @ts-expect-error: opt_out_sensitive_data_storage is a boolean
  opt_out_sensitive_data_storage: "yes",
});
await client.call.createPhoneCall({
  ...numbers,
  // @ts-expect-error: custom_sip_headers holds strings
  custom_sip_headers: { "X-Campaign": 1 },
});
""",
    2: """
const tier: retell.$tier = "premium";
const override: retell.$override = { agent: { voice_speed: 1.25, voice_tier: tier } };
await client.call.createPhoneCall({ ...numbers, agent_override: override });
const tiers: readonly retell.$tier[] = retell.${tier}Values;
// @ts-expect-error: the tier is one of the spec's values
const deluxe: retell.$tier = "deluxe";
""",
    3: """
const notConnected: retell.$status = "not_connected";
const statuses: readonly retell.$status[] = retell.${status}Values;
""",
    4: """
const web: retell.$web_response = await client.call.createWebCall({
  agent_id: "agent_1",
  metadata: { order: 42 },
  retell_llm_dynamic_variables: { customer_name: "Ada" },
});
const webType: "web_call" = web.call_type;
const webId: string = web.call_id;
// @ts-expect-error: agent_id is required
await client.call.createWebCall({ metadata: { order: 42 } });
// @ts-expect-error: a web call has no phone numbers
await client.call.createWebCall({ agent_id: "agent_1", to_number: "+14155550123" });
""",
    5: """
const pseudo = { ...numbers, from_number: "1001" };
await client.call.createPhoneCall({ ...pseudo, ignore_e164_validation: true });
await client.call.createPhoneCall({
  ...numbers,
  // @ts-expect-error: ignore_e164_validation is a boolean
  ignore_e164_validation: "yes",
});
""",
}

# Declarations the Go program must compile (beside its calls)
GO_DECLARATIONS: dict[int, str] = {
    1: "var _ retell.Opt[int64] = retell.CreatePhoneCallParams{}.OverrideAgentVersion",
    2: "var _ = []retell.$go_tier{$go_tier_standard, $go_tier_premium}",
    3: "var _ retell.$go_status = $go_status_not_connected",
    4: "var _ string = retell.$go_web_response{}.CallType",
    5: "var _ retell.Opt[bool] = retell.CreatePhoneCallParams{}.IgnoreE164Validation",
}

GO_PROGRAM = Template("""\
// The calls of one stage of the evolution test, made with the Go client generated for it.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	retell "github.com/retell-contract-kit/retell-go"
)

type facts = map[string]any

type call func(ctx context.Context, c *retell.Client) (any, facts, error)

func done[T any](answer *T, err error) (any, facts, error) {
	if err != nil {
		return nil, nil, err
	}
	return answer, nil, nil
}

func numbers() retell.CreatePhoneCallParams {
	return retell.CreatePhoneCallParams{FromNumber: "$from_number", ToNumber: "$to_number"}
}

$declarations

var calls = map[string]call{
$calls
}

type planned struct {
	ID      string `json:"id"`
	BaseURL string `json:"base_url"`
	Strict  bool   `json:"strict"`
}

type plan struct {
	APIKey string    `json:"api_key"`
	Calls  []planned `json:"calls"`
}

func outcome(id string, answer any, found facts, err error) map[string]any {
	result := map[string]any{"id": id, "facts": found}
	var invalid *retell.ValidationError
	var unfit *retell.APIResponseValidationError
	var status *retell.APIError
	switch {
	case err == nil:
		result["ok"] = true
		result["body"] = answer
	case errors.As(err, &invalid):
		result["error"] = "ValidationError"
		result["field"], result["rule"] = invalid.Field, invalid.Rule
	case errors.As(err, &unfit):
		result["error"] = "APIResponseValidationError"
		result["field"], result["rule"] = unfit.Field, unfit.Rule
	case errors.As(err, &status):
		result["error"], result["status"] = "APIStatusError", status.StatusCode
	default:
		result["error"], result["message"] = fmt.Sprintf("%T", err), err.Error()
	}
	return result
}

func main() {
	var p plan
	if err := json.NewDecoder(os.Stdin).Decode(&p); err != nil {
		fmt.Fprintln(os.Stderr, "no plan:", err)
		os.Exit(2)
	}
	results := []map[string]any{}
	for _, each := range p.Calls {
		run, ok := calls[each.ID]
		if !ok {
			missing := map[string]any{"id": each.ID, "error": "no Go code for this call"}
			results = append(results, missing)
			continue
		}
		client, err := retell.NewClient(
			retell.WithAPIKey(p.APIKey),
			retell.WithBaseURL(each.BaseURL),
			retell.WithMaxRetries(0),
			retell.WithStrictResponseValidation(each.Strict),
		)
		if err != nil {
			fmt.Fprintln(os.Stderr, "no client:", err)
			os.Exit(2)
		}
		answer, found, err := run(context.Background(), client)
		results = append(results, outcome(each.ID, answer, found, err))
	}
	if err := json.NewEncoder(os.Stdout).Encode(map[string]any{"results": results}); err != nil {
		fmt.Fprintln(os.Stderr, "cannot print the results:", err)
		os.Exit(2)
	}
}
""")


# --- names the IR gives hoisted schemas -------------------------------------------------------


def model_name(kind: TypeExpr) -> str:
    assert isinstance(kind, ModelRef), kind
    return kind.name


def enum_name(kind: TypeExpr) -> str:
    assert isinstance(kind, EnumRef), kind
    return kind.name


def type_names(api: Api) -> dict[str, str]:
    """The names the stage's IR gives the types the typed uses name (those it has)."""
    names: dict[str, str] = {}
    phone = api.operation(PHONE_CALL)
    assert phone.request is not None
    assert phone.success.body is not None
    request = api.model(model_name(phone.request.type))
    answer = api.model(model_name(phone.success.body.type))
    names["status"] = enum_name(answer.field("call_status").type)
    fields = {item.name for item in request.fields}
    if "agent_override" in fields:
        names["override"] = model_name(request.field("agent_override").type)
        names["agent"] = model_name(api.model(names["override"]).field("agent").type)
        names["tier"] = enum_name(api.model(names["agent"]).field("voice_tier").type)
    if any(operation.operation_id == WEB_CALL for operation in api.operations):
        web = api.operation(WEB_CALL).success.body
        assert web is not None
        names["web_response"] = model_name(web.type)
    for key in list(names):
        names[f"go_{key}"] = go_naming.type_name(names[key])
    for key in ("status", "tier"):
        if key in names:
            for constant, value in go_naming.enum_constants(api.enum(names[key])):
                names[f"go_{key}_{value}"] = f"retell.{constant}"
    return names


def python_usage(number: int, names: dict[str, str]) -> str:
    parts = [PYTHON_USAGE[stage] for stage in range(1, number + 1)]
    return Template(PYTHON_HEADER + "".join(parts)).substitute(names)


def ts_usage(number: int, names: dict[str, str]) -> str:
    parts = [TS_USAGE[stage] for stage in range(1, number + 1)]
    return Template(TS_HEADER + "".join(parts)).substitute(names)


def go_program(
    calls: tuple[Call, ...], declarations: tuple[str, ...], names: dict[str, str]
) -> str:
    """The Go program making `calls` (each a function of the `calls` table)."""
    entries = []
    for call in calls:
        body = Template(call.go).substitute(names).replace("\n", "\n\t\t")
        entries.append(
            f"\t{go_string(call.id)}: func(ctx context.Context, c *retell.Client) "
            f"(any, facts, error) {{\n\t\t{body}\n\t}},"
        )
    return GO_PROGRAM.substitute(
        from_number=FROM,
        to_number=TO,
        declarations="\n".join(Template(item).substitute(names) for item in declarations),
        calls="\n".join(entries),
    )


def go_string(text: str) -> str:
    """A Go string literal (JSON's escapes are Go's for the text used here)."""
    return json.dumps(text, ensure_ascii=False)
