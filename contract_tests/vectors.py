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

VALID_FROM = "+14157774444"
VALID_TO = "+12137774445"
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

    @property
    def label(self) -> str:
        return f"POST {self.path}"


# E.164 near-misses: each differs from a valid number by one thing E.164 forbids.
E164_NEAR_MISSES: dict[str, Any] = {
    "no plus": "14157774444",
    "leading zero": "+04157774444",
    "16 digits": "+1415777444455556",
    "one digit": "+1",
    "plus only": "+",
    "spaces": "+1 415 777 4444",
    "dashes": "+1-415-777-4444",
    "parentheses": "+1(415)7774444",
    "letters": "+1415CALLNOW",
    "double plus": "++14157774444",
    "trailing newline": "+14157774444\n",
    "surrounding spaces": " +14157774444 ",
    "arabic-indic digits": "+\u0661\u0664\u0661\u0665\u0667\u0667\u0667\u0664\u0664\u0664\u0664",
    "fullwidth digits": "+\uff11\uff14\uff11\uff15\uff17\uff17\uff17\uff14\uff14\uff14\uff14",
    "as a JSON number": 14157774444,
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
    "not JSON": b"from_number=+14157774444",
    "empty body": b"",
    "a JSON array": b"[]",
    "JSON null": b"null",
    "truncated JSON": b'{"from_number": "+14157774444", "to_number": ',
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
        "non-US numbers": {"from_number": "+447911123456", "to_number": "+33612345678"},
        "empty metadata": minimal_body() | {"metadata": {}},
        "nested unicode metadata": minimal_body()
        | {
            "metadata": {
                "名前": "José 🚀",
                "tags": ["a", 1, 2.5, True, None],
                "deep": {"x": {"y": []}},
            }
        },
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


def boundary_vectors() -> Iterator[Vector]:
    for operation in spec.operations():
        for name, body in _boundary_bodies(operation.path).items():
            yield Vector("boundary_values_accepted", name, operation.path, body, Expect.ACCEPTED)


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
