# generated from spec/openapi.yaml by `make generate`; do not edit
"""The one validator of the spec's rules (SCHEMAS), compiled on first use of each schema."""

from __future__ import annotations

from functools import cache

from ._exceptions import ValidationError
from ._schemas import SCHEMAS
from ._validation import Validator

__all__ = ["check_request", "validator"]


@cache
def validator() -> Validator:
    return Validator(SCHEMAS)


def check_request(schema: str, body: object) -> None:
    """Raise ValidationError (every violation, the first one first) when `body` breaks a
    rule of the schema `schema`."""
    rules = validator()
    if rules.check(schema, body) is not None:
        raise ValidationError(rules.violations(schema, body))
