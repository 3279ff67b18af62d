"""A fixed vector: one request whose right answer the spec decides, sent on every run."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from contract_tests.contract import FieldPath


class Auth(StrEnum):
    """The credentials a vector sends."""

    VALID = "valid"
    MISSING = "missing"
    WRONG_KEY = "wrong key"
    EMPTY_BEARER = "empty bearer"
    NO_SCHEME = "key without Bearer"
    KEY_WITH_SUFFIX = "key with a suffix"
    BASIC_SCHEME = "Basic scheme"


class Expect(StrEnum):
    """What a correct server answers."""

    ACCEPTED = "accepted (the documented 2xx)"
    REJECTED = "rejected (a documented 4xx)"
    UNAUTHORIZED = "unauthorized (401)"
    # a large or deep valid body: the documented 2xx or a documented 4xx (a server may cap
    # sizes), never a 5xx or a dropped connection
    HANDLED = "the documented 2xx or a documented 4xx"


@dataclass(frozen=True)
class Vector:
    rule: str  # the rule it proves (an `x-rule` name, or one of the suite's generic rules)
    name: str  # what it tries, e.g. "to_number: leading zero"
    operation_id: str
    body: Any  # the JSON value sent (ignored when raw_body is set)
    expect: Expect
    auth: Auth = Auth.VALID
    raw_body: bytes | None = None
    content_type: str = "application/json"
    # request paths whose value is the point of the vector: a run must not replace them
    # (fit them to the account, aim them at the tester's numbers), so the vector is skipped
    # when it would have to
    probes: tuple[FieldPath, ...] = ()

    @property
    def is_valid_request(self) -> bool:
        return self.expect is Expect.ACCEPTED or self.expect is Expect.HANDLED
