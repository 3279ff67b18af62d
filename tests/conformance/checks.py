"""What makes a vector file right, beyond its format: each vector agrees with the spec (through
the generated validator), and the derived vectors cover every rule of every request schema
from both sides (found by a walk of the validation view of its own, not the deriver's)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from retell_client._validation import Validator

from tests.conformance.vectors import Suite, Vector, json_equal

RULE_KEYWORDS = (
    "pattern",
    "format",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "const",
    "enum",
)
REF = "#/$defs/"


def sent_body(vector: Vector) -> dict[str, Any]:
    """The body a client builds: its parameters, the extra body merged over them."""
    return {**vector["params"], **vector.get("options", {}).get("extra_body", {})}


def error_class(suite: Suite, status: int) -> str:
    for entry in suite.errors:
        if entry["status"] == status or (entry["or_above"] and status >= entry["status"]):
            return str(entry["class"])
    return "APIStatusError"


# --- every vector agrees with the spec -----------------------------------------------------


def vector_problems(suite: Suite, validator: Validator, vector: Vector) -> Iterator[str]:
    operation = suite.operations.get(vector["operation"])
    if operation is None:
        yield f"unknown operation {vector['operation']}"
        return
    kind = vector["kind"]
    if kind == "request":
        yield from _request(operation, validator, vector)
    elif kind == "rejection":
        found = validator.violations(operation["request_schema"], sent_body(vector))
        error = vector["error"]
        wanted = (error["field"], error["rule"], error["keyword"])
        if not found or (found[0].field, found[0].rule, found[0].keyword) != wanted:
            yield f"the validator's first violation is {found[:1]}, the vector says {wanted}"
    elif kind == "response":
        for mode in ("lenient", "strict"):
            if mode in vector:
                yield from _response(suite, operation, validator, vector, mode)
    elif kind == "retry":
        yield from _retry(suite, vector)
    elif kind == "server":
        schema = vector["expect"].get("schema")
        if schema is not None and schema not in validator.names():
            yield f"no $defs entry {schema}"


def _request(operation: dict[str, Any], validator: Validator, vector: Vector) -> Iterator[str]:
    request = vector["request"]
    if (request["method"], request["path"]) != (operation["method"], operation["path"]):
        yield "method or path differ from the operation's"
    if not json_equal(request["body"], sent_body(vector)):
        yield "the expected body is not the parameters merged with the extra body"
    found = validator.violations(operation["request_schema"], request["body"])
    if found:
        yield f"the validator refuses the body: {found[0]}"


def _response(
    suite: Suite, operation: dict[str, Any], validator: Validator, vector: Vector, mode: str
) -> Iterator[str]:
    answer, expected = vector["response"], vector[mode]
    status = answer["status"]
    if not 200 <= status < 300:
        if expected.get("error", {}).get("class") not in (
            error_class(suite, status),
            "APIResponseTooLargeError",
        ):
            yield f"{mode}: HTTP {status} is {error_class(suite, status)}"
        return
    if "body" not in answer:
        return
    body = answer["body"]
    if "value" in expected and not json_equal(expected["value"], body):
        yield f"{mode}: the value is not the body as sent"
    if mode == "strict" and isinstance(body, dict):
        found = validator.violations(operation["success_schema"], body)
        if "value" in expected and found:
            yield f"strict: the validator refuses the body: {found[0]}"
        error = expected.get("error", {})
        if "field" in error and (not found or found[0].field != error["field"]):
            yield f"strict: the validator's first violation is {found[:1]}"
        if "rule" in error and (not found or found[0].rule != error["rule"]):
            yield f"strict: the validator's first violation is {found[:1]}"


def _retry(suite: Suite, vector: Vector) -> Iterator[str]:
    attempts, answers = vector["attempts"], vector["answers"]
    if not 1 <= attempts <= len(answers):
        yield f"{attempts} attempts, {len(answers)} answers"
        return
    if len(vector["waits"]) != attempts - 1:
        yield f"{attempts} attempts need {attempts - 1} waits"
    last, outcome = answers[attempts - 1], vector["outcome"]
    if "value" in outcome:
        if "fail" in last or not 200 <= last["status"] < 300:
            yield "the outcome is a value but the last answer is no success"
        elif "body" in last and not json_equal(last["body"], outcome["value"]):
            yield "the outcome is not the last answer's body"
    elif "status" in last and not 200 <= last["status"] < 300:
        expected = error_class(suite, last["status"])
        if outcome["error"]["class"] not in (expected, "APIResponseTooLargeError"):
            yield f"HTTP {last['status']} is {expected}"


# --- coverage ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Need:
    """A rule at a place of a request body (path as dotted field; "" for the body)."""

    operation: str
    field: str
    keyword: str  # a keyword of RULE_KEYWORDS, "additionalProperties", or "rule"
    value: Any  # the keyword's value (the rule's name for "rule")


def needs(suite: Suite, document: Mapping[str, Any]) -> Iterator[Need]:
    """Every rule of every request schema, walking the validation view: `$ref`s followed,
    `allOf` members merged, properties and array items (as "0") visited."""
    defs = document["$defs"]
    for name, operation in suite.operations.items():
        schema = operation.get("request_schema")
        if schema is not None:
            yield from _walk(name, defs, defs[schema], (), 0)


def _members(defs: Mapping[str, Any], node: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    out: list[Mapping[str, Any]] = []
    pending = [node]
    while pending:
        current = pending.pop(0)
        out.append(current)
        ref = current.get("$ref")
        if isinstance(ref, str) and ref.startswith(REF):
            pending.append(defs[ref.removeprefix(REF)])
        pending.extend(member for member in current.get("allOf", ()))
    return out


def _walk(
    operation: str,
    defs: Mapping[str, Any],
    node: Mapping[str, Any],
    path: tuple[str, ...],
    depth: int,
) -> Iterator[Need]:
    if depth > 4:
        return
    members = _members(defs, node)
    field = ".".join(path)
    seen: set[str] = set()
    for member in members:
        if "if" in member:
            yield Need(operation, field, "rule", member.get("x-rule", "if"))
            continue
        if path:
            for keyword in RULE_KEYWORDS:
                if keyword in member:
                    yield Need(operation, field, keyword, member[keyword])
        if member.get("additionalProperties") is False:
            yield Need(operation, field, "additionalProperties", False)
        for name, child in (member.get("properties") or {}).items():
            if name not in seen:
                seen.add(name)
                yield from _walk(operation, defs, child, (*path, name), depth + 1)
        if "items" in member and path:
            yield from _walk(operation, defs, member["items"], (*path, "0"), depth + 1)


def coverage_problems(
    suite: Suite, validator: Validator, document: Mapping[str, Any]
) -> Iterator[str]:
    for need in needs(suite, document):
        if not _rejected(suite, need):
            yield f"{need.operation} {need.field or 'body'}: no rejection for {need.keyword}"
        if not _accepted(suite, validator, need):
            yield f"{need.operation} {need.field or 'body'}: nothing accepted at {need.keyword}"


def _vectors(suite: Suite, need: Need, kind: str) -> list[Vector]:
    return [v for v in suite.vectors if v["kind"] == kind and v["operation"] == need.operation]


def _rejected(suite: Suite, need: Need) -> bool:
    if need.keyword in ("minLength", "minItems") and need.value == 0:
        return True  # nothing is shorter than empty
    if need.keyword == "format" and not _checked_format(need.value):
        return True  # a format the validators do not check refuses nothing
    for vector in _vectors(suite, need, "rejection"):
        error = vector["error"]
        if need.keyword == "rule":
            if error["rule"] == need.value:
                return True
        elif need.keyword == "additionalProperties":
            member_of = error["field"].rpartition(".")[0]  # the violation names the member
            if member_of == need.field and error["keyword"] == need.keyword:
                return True
        elif error["field"] == need.field and error["keyword"] == need.keyword:
            return True
    return False


def _checked_format(name: str) -> bool:
    probe = Validator({"$defs": {"F": {"type": "string", "format": name}}})
    return probe.check("F", "not a " + name) is not None


def _accepted(suite: Suite, validator: Validator, need: Need) -> bool:
    requests = _vectors(suite, need, "request")
    if need.keyword == "additionalProperties":
        return True  # a closed object has no "accepted" side beyond its named properties
    if need.keyword == "rule":
        schema = suite.operations[need.operation]["request_schema"]
        return any(
            need.value in validator.evaluate(schema, v["request"]["body"]).applied for v in requests
        )
    values = [_at(v["request"]["body"], need.field) for v in requests]
    present = [value for value in values if value is not _MISSING]
    if need.keyword == "enum":
        return all(any(json_equal(value, item) for value in present) for item in need.value[:12])
    if need.keyword in ("minimum", "maximum", "const"):
        return any(json_equal(value, need.value) for value in present)
    if need.keyword in ("minLength", "maxLength", "minItems", "maxItems"):
        return any(hasattr(value, "__len__") and len(value) == need.value for value in present)
    if need.keyword == "multipleOf":
        return any(
            isinstance(value, int | float) and value != 0 and float(value / need.value).is_integer()
            for value in present
        )
    return bool(present)  # pattern, format, exclusive bounds: any valid value there


class _Missing:
    pass


_MISSING = _Missing()


def _at(body: object, field: str) -> object:
    value = body
    for part in field.split(".") if field else ():
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return _MISSING
    return value
