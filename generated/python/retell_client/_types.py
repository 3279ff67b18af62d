# generated from spec/openapi.yaml by `make generate`; do not edit
"""Types of the public API that are not models: the NOT_GIVEN sentinel and option aliases."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

import httpx

__all__ = ["NOT_GIVEN", "Body", "Headers", "NotGiven", "Query", "TimeoutTypes"]


class NotGiven:
    """The type of `NOT_GIVEN`: an argument that was left out.

    It differs from None, which a nullable field sends as JSON null (a non-nullable optional
    field treats None as left out too)."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"  # unpickles as the module's one instance


NOT_GIVEN: Final = NotGiven()

Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]
TimeoutTypes = float | httpx.Timeout
