"""Custom contract rules, one function per rule, named for it.

Each rule looks at one request/response exchange and returns a sentence saying what was
broken, or `None`. The same functions judge Schemathesis's generated cases (registered
below with `@schemathesis.check`) and the fixed vectors (`vectors.py`), so a rule has one
definition whichever way its evidence arrives.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import schemathesis

from contract_tests import spec

_MISSING = object()


@dataclass(frozen=True)
class Exchange:
    """One request and the server's answer, with both JSON bodies parsed."""

    path: str
    request_body: Any
    status_code: int
    response_body: Any

    @property
    def operation(self) -> spec.Operation | None:
        return spec.operation_for_path(self.path)

    @property
    def succeeded(self) -> bool:
        return 200 <= self.status_code < 300

    def request_field(self, name: str) -> Any:
        body = self.request_body
        return body.get(name, _MISSING) if isinstance(body, dict) else _MISSING

    def response_field(self, name: str) -> Any:
        body = self.response_body
        return body.get(name, _MISSING) if isinstance(body, dict) else _MISSING


Rule = Callable[[Exchange], str | None]
PHONE_FIELDS = ("from_number", "to_number")


def _is_e164(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(spec.e164_pattern(), value) is not None


def _success_schema(exchange: Exchange) -> str | None:
    operation = exchange.operation
    if operation is None or not exchange.succeeded:
        return None
    return operation.response_schema_name


def closed_enums(exchange: Exchange) -> str | None:
    """Every enum field of a success response holds one of the spec's values."""
    schema_name = _success_schema(exchange)
    if schema_name is None:
        return None
    for name, allowed in spec.enum_fields(schema_name).items():
        value = exchange.response_field(name)
        if value is not _MISSING and not (isinstance(value, str) and value in allowed):
            return f"`{name}` is {value!r}, outside the closed list {sorted(allowed)}"
    return None


def e164_numbers(exchange: Exchange) -> str | None:
    """Every phone number a server accepts or returns is E.164."""
    if not exchange.succeeded or exchange.operation is None:
        return None
    for name in PHONE_FIELDS:
        sent = exchange.request_field(name)
        if sent is not _MISSING and not _is_e164(sent):
            return f"request `{name}` {sent!r} is not E.164, yet the server accepted it"
        returned = exchange.response_field(name)
        if returned is not _MISSING and not _is_e164(returned):
            return f"response `{name}` {returned!r} is not E.164"
    return None


def sample_rate_range(exchange: Exchange) -> str | None:
    """`sample_rate` lies within the spec's [minimum, maximum]."""
    if _success_schema(exchange) is None:
        return None
    rate = exchange.response_field("sample_rate")
    low = spec.schema_number("SampleRate", "minimum")
    high = spec.schema_number("SampleRate", "maximum")
    if rate is _MISSING:
        return None
    if not _is_integer(rate) or not low <= rate <= high:
        return f"`sample_rate` is {rate!r}, outside [{low}, {high}]"
    return None


def mulaw_sample_rate(exchange: Exchange) -> str | None:
    """The response schema's `if`/`then` rules hold (read from the spec, not restated here)."""
    for condition in _conditions_met(exchange):
        for problem in condition.broken_by(exchange.response_body):
            return problem
    return None


def _conditions_met(exchange: Exchange) -> list[spec.Conditional]:
    """The spec's `if`/`then` rules of a success response whose `if` the answer meets."""
    schema_name = _success_schema(exchange)
    if schema_name is None:
        return []
    body = exchange.response_body
    return [rule for rule in spec.conditionals(schema_name) if rule.applies_to(body)]


def silence_minimum(exchange: Exchange) -> str | None:
    """`end_call_after_silence_ms`, when present, is at least the spec's minimum."""
    if _success_schema(exchange) is None:
        return None
    value = exchange.response_field("end_call_after_silence_ms")
    minimum = spec.schema_number("EndCallAfterSilenceMs", "minimum")
    if value is not _MISSING and (not _is_integer(value) or value < minimum):
        return f"`end_call_after_silence_ms` is {value!r}, below the minimum {minimum}"
    return None


def numbers_echoed(exchange: Exchange) -> str | None:
    """The response's numbers are the request's numbers, character for character."""
    if _success_schema(exchange) is None:
        return None
    for name in PHONE_FIELDS:
        sent, returned = exchange.request_field(name), exchange.response_field(name)
        if returned is not _MISSING and returned != sent:
            return f"`{name}` sent as {_show(sent)} came back as {_show(returned)}"
    return None


def metadata_echoed(exchange: Exchange) -> str | None:
    """`metadata` comes back exactly as sent."""
    return _echoed(exchange, "metadata")


def dynamic_variables_echoed(exchange: Exchange) -> str | None:
    """`retell_llm_dynamic_variables` come back exactly as sent."""
    return _echoed(exchange, "retell_llm_dynamic_variables")


def defaults_honoured(exchange: Exchange) -> str | None:
    """A field with a documented default comes back as sent, or as its default when omitted."""
    operation = exchange.operation
    if operation is None or not exchange.succeeded:
        return None
    for name, default in spec.defaults_of(operation.request_schema_name).items():
        sent = exchange.request_field(name)
        expected = default if sent is _MISSING else sent
        returned = exchange.response_field(name)
        if returned is not _MISSING and not _same_json(returned, expected):
            how = "omitted (default " + json.dumps(default) + ")" if sent is _MISSING else "sent"
            return f"`{name}` {how} came back as {_show(returned)}, expected {_show(expected)}"
    return None


def override_agent_honoured(exchange: Exchange) -> str | None:
    """An accepted `override_agent_id` is the `agent_id` of the call."""
    if _success_schema(exchange) is None:
        return None
    override = exchange.request_field("override_agent_id")
    returned = exchange.response_field("agent_id")
    if isinstance(override, str) and returned is not _MISSING and returned != override:
        return f"`override_agent_id` {override!r} was accepted but `agent_id` is {returned!r}"
    return None


CUSTOM_RULES: tuple[Rule, ...] = (
    closed_enums,
    e164_numbers,
    sample_rate_range,
    mulaw_sample_rate,
    silence_minimum,
    numbers_echoed,
    metadata_echoed,
    dynamic_variables_echoed,
    defaults_honoured,
    override_agent_honoured,
)
CUSTOM_RULE_NAMES: tuple[str, ...] = tuple(rule.__name__ for rule in CUSTOM_RULES)


def violations(exchange: Exchange) -> list[tuple[str, str]]:
    """(rule name, message) for every custom rule the exchange breaks."""
    found = ((rule.__name__, rule(exchange)) for rule in CUSTOM_RULES)
    return [(name, message) for name, message in found if message is not None]


# --- where each rule applies ------------------------------------------------------------------
# A rule that passes on an exchange it has nothing to say about proves nothing, so the tallies
# count a rule only on exchanges where it applies, and a run in which a rule that should
# apply to an operation never did is a finding (`expected_rules`).


def _answers_any(exchange: Exchange, names: Iterable[str]) -> bool:
    return _success_schema(exchange) is not None and any(
        exchange.response_field(name) is not _MISSING for name in names
    )


def _sent_and_succeeded(exchange: Exchange, name: str) -> bool:
    return _success_schema(exchange) is not None and exchange.request_field(name) is not _MISSING


def _applies_closed_enums(exchange: Exchange) -> bool:
    schema_name = _success_schema(exchange)
    return schema_name is not None and _answers_any(exchange, spec.enum_fields(schema_name))


def _applies_e164_numbers(exchange: Exchange) -> bool:
    if not exchange.succeeded or exchange.operation is None:
        return False
    return any(
        exchange.request_field(name) is not _MISSING
        or exchange.response_field(name) is not _MISSING
        for name in PHONE_FIELDS
    )


def _applies_defaults_honoured(exchange: Exchange) -> bool:
    operation = exchange.operation
    if operation is None or not exchange.succeeded:
        return False
    return _answers_any(exchange, spec.defaults_of(operation.request_schema_name))


def _applies_override(exchange: Exchange) -> bool:
    return isinstance(exchange.request_field("override_agent_id"), str) and _answers_any(
        exchange, ("agent_id",)
    )


APPLIES: Mapping[str, Callable[[Exchange], bool]] = {
    "closed_enums": _applies_closed_enums,
    "e164_numbers": _applies_e164_numbers,
    "sample_rate_range": lambda exchange: _answers_any(exchange, ("sample_rate",)),
    "mulaw_sample_rate": lambda exchange: bool(_conditions_met(exchange)),
    "silence_minimum": lambda exchange: _answers_any(exchange, ("end_call_after_silence_ms",)),
    "numbers_echoed": lambda exchange: _answers_any(exchange, PHONE_FIELDS),
    "metadata_echoed": lambda exchange: _sent_and_succeeded(exchange, "metadata"),
    "dynamic_variables_echoed": lambda exchange: _sent_and_succeeded(
        exchange, "retell_llm_dynamic_variables"
    ),
    "defaults_honoured": _applies_defaults_honoured,
    "override_agent_honoured": _applies_override,
}


def judgements(exchange: Exchange) -> list[tuple[str, str | None]]:
    """(rule name, message or `None`) for every custom rule that applies to the exchange."""
    return [
        (rule.__name__, rule(exchange)) for rule in CUSTOM_RULES if APPLIES[rule.__name__](exchange)
    ]


def expected_rules(operation: spec.Operation, *, sends_overrides: bool = True) -> set[str]:
    """The custom rules a run must see applied to `operation` at least once: those whose
    subject the spec makes certain in every accepted exchange (a required response field, a
    request field the suite sends on valid requests)."""
    request = spec.properties_of(operation.request_schema_name)
    required_answer = set(spec.required_of(operation.response_schema_name))
    expected = (
        {"closed_enums"}
        if required_answer & set(spec.enum_fields(operation.response_schema_name))
        else set()
    )
    if set(PHONE_FIELDS) <= set(spec.required_of(operation.request_schema_name)):
        expected.add("e164_numbers")
    if required_answer & set(PHONE_FIELDS):
        expected.add("numbers_echoed")
    if "sample_rate" in required_answer:
        expected.add("sample_rate_range")
    for rule, name in (
        ("metadata_echoed", "metadata"),
        ("dynamic_variables_echoed", "retell_llm_dynamic_variables"),
    ):
        if name in request:
            expected.add(rule)
    if sends_overrides and "override_agent_id" in request and "agent_id" in required_answer:
        expected.add("override_agent_honoured")
    return expected


def _echoed(exchange: Exchange, name: str) -> str | None:
    if _success_schema(exchange) is None:
        return None
    sent = exchange.request_field(name)
    if sent is _MISSING:
        return None
    returned = exchange.response_field(name)
    if returned is _MISSING:
        return f"`{name}` was sent but is missing from the response"
    if not _same_json(returned, sent):
        return f"`{name}` sent as {_show(sent)} came back as {_show(returned)}"
    return None


def _is_integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _same_json(left: object, right: object) -> bool:
    """Equality with JSON's types: `true` is not `1`, `1.0` equals `1`."""
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(_same_json(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(_same_json, left, right))
    return left == right and _json_kind(left) == _json_kind(right)


def _json_kind(value: object) -> str:
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def _show(value: object) -> str:
    if value is _MISSING:
        return "(absent)"
    return json.dumps(value, ensure_ascii=False)[:200]


# --- Schemathesis adapter -------------------------------------------------------------------


def _reject_constant(token: str) -> Any:
    raise ValueError(f"{token} is not JSON")


def parse_json(content: bytes | str | None) -> Any:
    """A JSON body, or `None` when there is none or it is not strict JSON (RFC 8259 has no
    `NaN`, `Infinity` or `-Infinity`, which Python's parser would otherwise accept)."""
    if content is None or content in (b"", ""):
        return None
    try:
        return json.loads(content, parse_constant=_reject_constant)
    except (ValueError, UnicodeDecodeError):
        return None


def exchange_from_schemathesis(response: Any, case: Any) -> Exchange:
    """Build an exchange from a Schemathesis case and response, from the bytes actually sent."""
    sent: bytes | str | None = response.request.body
    return Exchange(
        path=str(case.operation.path),
        request_body=parse_json(sent),
        status_code=int(response.status_code),
        response_body=parse_json(response.content),
    )


def _as_schemathesis_check(rule: Rule) -> Callable[[Any, Any, Any], bool | None]:
    applies = APPLIES[rule.__name__]

    def check(ctx: Any, response: Any, case: Any) -> bool | None:
        exchange = exchange_from_schemathesis(response, case)
        if not applies(exchange):
            return True  # Schemathesis's "skipped": not counted as a pass
        message = rule(exchange)
        if message is not None:
            raise AssertionError(message)
        return None

    check.__name__ = check.__qualname__ = rule.__name__
    check.__doc__ = rule.__doc__
    return check


def _register_all() -> Mapping[str, Callable[[Any, Any, Any], bool | None]]:
    registered = {}
    for rule in CUSTOM_RULES:
        registered[rule.__name__] = schemathesis.check(_as_schemathesis_check(rule))
    return registered


SCHEMATHESIS_CHECKS = _register_all()
