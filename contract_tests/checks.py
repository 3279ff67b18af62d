"""The suite's rules, derived from the IR: one function per family, each rule under its name.

An `Exchange` is one request as sent and the server's answer. `Judge.judge(exchange)` gives,
for every rule that applies to it, `(rule, message or None)`:

- named rules (`x-rule` in the spec, e.g. `e164_numbers`, `mulaw_sample_rate`): on a 2xx
  answer, the response must keep the subschemas carrying the name, and the request must have
  kept them too (a server accepting what a rule forbids breaks it);
- `closed_enums`: every enum value of a 2xx answer is one the spec lists;
- echo rules (`x-echo`, e.g. `numbers_echoed`): the response returns the request's value;
- unique rules (`x-unique`, e.g. `call_ids_unique`): every accepted answer carries a fresh,
  non-empty value, never one an earlier answer of the run carried.

A rule applies where it has something to judge (a named rule where its subschema met a value,
or its `if` selected a branch; an echo where the field was sent or has a default), so the
tallies never count a pass that proves nothing. Where the spec leaves a choice open, every
reading passes: an empty value sent under an `empty: open` echo frees the response, an echo
of an absent field is only checked against the field's default, and a field the response
leaves out is a finding only when the echo says `present` (contract_tests/README.md lists
the open choices).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from contract_tests.contract import MISSING, Contract, value_at, values_at
from generator.ir import Echo, Operation

__all__ = ["CLOSED_ENUMS", "Exchange", "Judge", "Judgement", "parse_json", "same_json"]

CLOSED_ENUMS = "closed_enums"
Judgement = tuple[str, str | None]


@dataclass(frozen=True)
class Exchange:
    """One request as sent and the answer, JSON bodies parsed (None when not JSON)."""

    operation: Operation
    request_body: Any
    status: int
    response_body: Any
    key: str = ""  # identifies the exchange (a gateway exchange id), for run-wide rules

    @property
    def succeeded(self) -> bool:
        return 200 <= self.status < 300


@dataclass
class Judge:
    """Judges exchanges for one run (the unique rules remember what they saw)."""

    contract: Contract
    _seen: dict[tuple[str, str], str] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def rule_names(self) -> tuple[str, ...]:
        return (*self.contract.rule_names, CLOSED_ENUMS)

    def expected_rules(self, operation: Operation) -> set[str]:
        """The rules every run must see applied to `operation` at least once: those whose
        subject every accepted answer holds (a required response value under a name, the
        unique ids, the echoes of required request fields)."""
        expected = {rule for _, rule in operation.unique_paths}
        body = operation.success.body
        if body is not None and self.contract.enum_paths(body.type):
            model = self.contract.model_of(body.type)
            required = {f.name for f in model.fields if f.required} if model else set()
            if any(path[0] in required for path in self.contract.enum_paths(body.type)):
                expected.add(CLOSED_ENUMS)
        request = self.contract.model_of(operation.request.type) if operation.request else None
        required_request = {f.name for f in request.fields if f.required} if request else set()
        expected |= {echo.rule for echo in operation.echoes if echo.request in required_request}
        return expected

    def judge(self, exchange: Exchange) -> list[Judgement]:
        if not exchange.succeeded:
            return []
        return [
            *self._named_rules(exchange),
            *self._closed_enums(exchange),
            *self._echoes(exchange),
            *self._unique(exchange),
        ]

    # --- families ------------------------------------------------------------------------------

    def _named_rules(self, exchange: Exchange) -> Iterable[Judgement]:
        contract = self.contract
        request = contract.evaluate_request(exchange.operation, exchange.request_body)
        response = contract.evaluate_response(
            exchange.operation, exchange.status, exchange.response_body
        )
        applied = (request.applied if request else set()) | (
            response.applied if response else set()
        )
        for rule in sorted(applied & set(contract.api.rules)):
            broken = [
                f"request `{v.field or 'body'}` {v.message}, yet the server accepted it"
                for v in (request.violations if request else [])
                if v.rule == rule
            ] + [
                f"response `{v.field or 'body'}` {v.message}"
                for v in (response.violations if response else [])
                if v.rule == rule
            ]
            yield rule, _first(broken, exchange)

    def _closed_enums(self, exchange: Exchange) -> Iterable[Judgement]:
        body = exchange.operation.response(exchange.status)
        if body is None or body.body is None:
            return
        paths = self.contract.enum_paths(body.body.type)
        present = [value for path in paths for _, value in values_at(exchange.response_body, path)]
        if not present:
            return
        evaluation = self.contract.evaluate_response(
            exchange.operation, exchange.status, exchange.response_body
        )
        broken = [
            f"`{v.field}` {v.message}"
            for v in (evaluation.violations if evaluation else [])
            if v.keyword in ("enum", "const") and v.rule in ("enum", "const")
        ]
        yield CLOSED_ENUMS, _first(broken, exchange)

    def _echoes(self, exchange: Exchange) -> Iterable[Judgement]:
        by_rule: dict[str, list[str]] = {}
        for echo in exchange.operation.echoes:
            verdict = _echo_verdict(echo, exchange.request_body, exchange.response_body)
            if verdict is not _NOT_APPLICABLE:
                by_rule.setdefault(echo.rule, [])
                if verdict is not None:
                    by_rule[echo.rule].append(str(verdict))
        for rule, broken in by_rule.items():
            yield rule, _first(broken, exchange)

    def _unique(self, exchange: Exchange) -> Iterable[Judgement]:
        rules: dict[str, list[str]] = {}
        for path, rule in exchange.operation.unique_paths:
            broken = rules.setdefault(rule, [])
            for where, value in values_at(exchange.response_body, path):
                broken.extend(self._unique_problem(rule, ".".join(where), value, exchange.key))
        for rule, broken in rules.items():
            yield rule, _first(broken, exchange)

    def _unique_problem(self, rule: str, where: str, value: Any, key: str) -> list[str]:
        if value in ("", None) or (isinstance(value, str) and not value.strip()):
            return [f"`{where}` is empty: every answer needs its own id"]
        token = json.dumps(value, sort_keys=True)
        with self._lock:
            first = self._seen.setdefault((rule, token), key)
        if first != key:
            return [f"`{where}` {_show(value)} was already given to an earlier answer of this run"]
        return []


_NOT_APPLICABLE: Any = object()


def _echo_verdict(echo: Echo, request: Any, response: Any) -> Any:
    """None (kept), a message (broken), or _NOT_APPLICABLE (nothing to judge)."""
    sent = value_at(request, echo.request)
    returned = value_at(response, echo.response)
    if sent is MISSING:
        if not echo.has_default or returned is MISSING:
            return _NOT_APPLICABLE
        if same_json(returned, echo.default):
            return None
        return (
            f"`{echo.response}` came back as {_show(returned)} though `{echo.request}` was "
            f"left out (its default is {_show(echo.default)})"
        )
    if echo.empty_open and sent in ("", {}, []):
        return _NOT_APPLICABLE  # the spec leaves what an empty value means open
    if returned is MISSING:
        if echo.present:
            return f"`{echo.request}` was sent but `{echo.response}` is missing from the response"
        return _NOT_APPLICABLE
    if same_json(returned, sent):
        return None
    return (
        f"`{echo.request}` sent as {_show(sent)} came back as `{echo.response}` {_show(returned)}"
    )


def _first(broken: list[str], exchange: Exchange) -> str | None:
    if not broken:
        return None
    more = f" (and {len(broken) - 1} more)" if len(broken) > 1 else ""
    return broken[0] + more


def same_json(left: object, right: object) -> bool:
    """Equality with JSON's types: `true` is not `1`, `1.0` equals `1`."""
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same_json(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(same_json, left, right))
    if isinstance(left, int | float) and isinstance(right, int | float):
        return left == right
    return type(left) is type(right) and left == right


def _show(value: object) -> str:
    if value is MISSING:
        return "(absent)"
    return json.dumps(value, ensure_ascii=False)[:200]


def _reject_constant(token: str) -> Any:
    raise ValueError(f"{token} is not JSON")


def parse_json(content: bytes | str | None) -> Any:
    """A JSON body, or None when there is none or it is not strict JSON (RFC 8259 has no
    NaN or Infinity, which Python's parser would otherwise accept)."""
    if content is None or content in (b"", ""):
        return None
    try:
        return json.loads(content, parse_constant=_reject_constant)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


CheckFunction = Callable[[Any, Any, Any], bool | None]
