"""Fixed rule vectors: requests whose right answer the spec decides, sent on every run.

Random generation finds the unexpected; these make sure no rule is left to luck. Each
vector names the rule it proves, the endpoint, the body, which credentials to send and
what the answer must be.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from contract_tests import spec

# Fictional numbers (NANP 555-0100 to 555-0199 are reserved for fiction): a vector sent to
# a real service by mistake dials nobody.
VALID_FROM = "+14155550100"
VALID_TO = "+14155550123"
RAW_BODY_MARKER = "__raw__"


class Auth(StrEnum):
    VALID = "valid"
    MISSING = "missing"
    WRONG_KEY = "wrong key"
    EMPTY_BEARER = "empty bearer"
    NO_SCHEME = "key without Bearer"
    KEY_WITH_SUFFIX = "key with a suffix"
    BASIC_SCHEME = "Basic scheme"


class Expect(StrEnum):
    ACCEPTED = "accepted (201)"
    REJECTED = "rejected (4xx)"
    UNAUTHORIZED = "unauthorized (401)"


@dataclass(frozen=True)
class Vector:
    rule: str
    name: str
    path: str
    body: Any
    expect: Expect
    auth: Auth = Auth.VALID
    raw_body: bytes | None = None
    # a valid vector probing the number formats themselves (such as '+12'): no account
    # manages those, so it is skipped when the run names the account's --from-number
    probes_numbers: bool = False

    @property
    def label(self) -> str:
        return f"POST {self.path}"


# E.164 near-misses: each differs from a valid number by one thing E.164 forbids.
E164_NEAR_MISSES: dict[str, Any] = {
    "no plus": "14155550100",
    "leading zero": "+04155550100",
    "16 digits": "+1415555010055556",
    "one digit": "+1",
    "plus only": "+",
    "spaces": "+1 415 555 0100",
    "dashes": "+1-415-555-0100",
    "parentheses": "+1(415)5550100",
    "letters": "+1415CALLNOW",
    "double plus": "++14155550100",
    "trailing newline": "+14155550100\n",
    "surrounding spaces": " +14155550100 ",
    "arabic-indic digits": "+\u0661\u0664\u0661\u0665\u0665\u0665\u0665\u0660\u0661\u0660\u0660",
    "fullwidth digits": "+\uff11\uff14\uff11\uff15\uff15\uff15\uff15\uff10\uff11\uff10\uff10",
    "as a JSON number": 14155550100,
    "empty": "",
    "null": None,
}

WRONG_TYPE_VALUES: dict[str, dict[str, Any]] = {
    "override_agent_id": {"a number": 123, "a list": ["agent"], "null": None},
    "metadata": {"a string": "customer", "a list": [1], "null": None},
    "retell_llm_dynamic_variables": {
        "a number value": {"name": 1},
        "a boolean value": {"name": True},
        "a null value": {"name": None},
        "an object value": {"name": {"first": "John"}},
        "a string": "name=John",
        "null": None,
    },
    "drop_call_if_machine_detected": {
        "the string 'true'": "true",
        "the number 1": 1,
        "the number 0": 0,
        "null": None,
    },
}

MALFORMED_BODIES: dict[str, bytes] = {
    "not JSON": b"from_number=+14155550100",
    "empty body": b"",
    "a JSON array": b"[]",
    "JSON null": b"null",
    "truncated JSON": b'{"from_number": "+14155550100", "to_number": ',
}


def minimal_body() -> dict[str, Any]:
    return {"from_number": VALID_FROM, "to_number": VALID_TO}


def e164_vectors() -> Iterator[Vector]:
    for operation in spec.operations():
        for field in ("from_number", "to_number"):
            for miss, value in E164_NEAR_MISSES.items():
                body = minimal_body() | {field: value}
                yield Vector(
                    "e164_near_miss_rejected",
                    f"{field}: {miss}",
                    operation.path,
                    body,
                    Expect.REJECTED,
                )


def auth_vectors() -> Iterator[Vector]:
    for operation in spec.operations():
        for auth in Auth:
            if auth is not Auth.VALID:
                yield Vector(
                    "auth_required",
                    auth.value,
                    operation.path,
                    minimal_body(),
                    Expect.UNAUTHORIZED,
                    auth=auth,
                )


def required_field_vectors() -> Iterator[Vector]:
    for operation in spec.operations():
        for field in spec.required_of(operation.request_schema_name):
            body = minimal_body()
            del body[field]
            yield Vector(
                "required_fields_enforced",
                f"without {field}",
                operation.path,
                body,
                Expect.REJECTED,
            )
        yield Vector(
            "required_fields_enforced", "empty object", operation.path, {}, Expect.REJECTED
        )


def field_type_vectors() -> Iterator[Vector]:
    for operation in spec.operations():
        known = spec.properties_of(operation.request_schema_name)
        for field, values in WRONG_TYPE_VALUES.items():
            if field not in known:
                continue
            for what, value in values.items():
                yield Vector(
                    "field_types_enforced",
                    f"{field}: {what}",
                    operation.path,
                    minimal_body() | {field: value},
                    Expect.REJECTED,
                )
        for what, raw in MALFORMED_BODIES.items():
            yield Vector(
                "field_types_enforced",
                f"body: {what}",
                operation.path,
                None,
                Expect.REJECTED,
                raw_body=raw,
            )


def _boundary_bodies(path: str) -> dict[str, dict[str, Any]]:
    bodies: dict[str, dict[str, Any]] = {
        f"spec example {name}": copy.deepcopy(value)
        for name, value in spec.example_bodies(path).items()
    }
    bodies |= {
        "shortest numbers (2 digits)": {"from_number": "+12", "to_number": "+98"},
        "longest numbers (15 digits)": {
            "from_number": "+123456789012345",
            "to_number": "+987654321098765",
        },
        "non-US numbers": {"from_number": "+447700900123", "to_number": "+33639980123"},
        "empty metadata": minimal_body() | {"metadata": {}},
        "nested unicode metadata": minimal_body()
        | {
            "metadata": {
                "名前": "José 🚀",
                "tags": ["a", 1, 2.5, True, None],
                "deep": {"x": {"y": []}},
            }
        },
        "extreme metadata numbers": minimal_body()
        | {"metadata": {"max_double": 1.7976931348623157e308, "tiny": 5e-324, "big": 2**64}},
        "empty dynamic variables": minimal_body() | {"retell_llm_dynamic_variables": {}},
        "unicode dynamic variables": minimal_body()
        | {"retell_llm_dynamic_variables": {"customer_name": "Zoë Ñandú 🚀", "empty": ""}},
        "an unknown extra property": minimal_body() | {"x_extra_field": {"kept": True}},
    }
    if "drop_call_if_machine_detected" in _properties(path):
        bodies["drop_call true"] = minimal_body() | {"drop_call_if_machine_detected": True}
        bodies["drop_call false"] = minimal_body() | {"drop_call_if_machine_detected": False}
    return bodies


def _properties(path: str) -> set[str]:
    operation = spec.operation_for_path(path)
    return set(spec.properties_of(operation.request_schema_name)) if operation else set()


# Boundary bodies whose numbers are the point of the vector (not the defaults).
NUMBER_PROBES = frozenset(
    {"shortest numbers (2 digits)", "longest numbers (15 digits)", "non-US numbers"}
)


def boundary_vectors() -> Iterator[Vector]:
    for operation in spec.operations():
        for name, body in _boundary_bodies(operation.path).items():
            yield Vector(
                "boundary_values_accepted",
                name,
                operation.path,
                body,
                Expect.ACCEPTED,
                probes_numbers=name in NUMBER_PROBES,
            )


def all_vectors() -> tuple[Vector, ...]:
    """Every fixed vector, the ones that must be rejected first."""
    return (
        *auth_vectors(),
        *e164_vectors(),
        *required_field_vectors(),
        *field_type_vectors(),
        *boundary_vectors(),
    )


VECTOR_RULES: tuple[str, ...] = (
    "auth_required",
    "e164_near_miss_rejected",
    "required_fields_enforced",
    "field_types_enforced",
    "boundary_values_accepted",
)
