"""The live guard inside Schemathesis: no valid request beyond the budget leaves the machine.

Valid cases are filtered out at generation (`filter_case`, a per-schema hook) and, as a
last line, refused at send time (`before_call`, which Schemathesis allows only as a global
hook: it is registered once here and looks up the guard of the case's schema).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import schemathesis

from contract_tests.safety import LiveGuard


class LiveCallWithheld(RuntimeError):
    """Raised before a request the live guard does not permit would leave the machine."""


def _case_request(case: Any, api_key: str) -> tuple[dict[str, str], bytes | None]:
    """The Authorization header and JSON body a case will be sent with (config key included)."""
    from schemathesis.transport.prepare import get_exclude_headers

    excluded = {name.lower() for name in get_exclude_headers(case)}
    headers = {} if "authorization" in excluded else {"Authorization": f"Bearer {api_key}"}
    explicit = {str(name): str(value) for name, value in dict(case.headers or {}).items()}
    if any(name.lower() == "authorization" for name in explicit):
        headers = {}
    headers |= explicit
    body = case.body
    if body is None or type(body).__name__ == "NotSet":
        return headers, None
    if isinstance(body, bytes):
        return headers, body
    try:
        return headers, json.dumps(body).encode()
    except (TypeError, ValueError):
        return headers, None


@dataclass
class _LiveState:
    # Held so that its id cannot be reused by another schema while this entry exists.
    schema: Any
    guard: LiveGuard
    permitted_case_ids: set[str] = field(default_factory=set)


# Guards of live runs, by the id of the schema they protect. `before_call` can only be a
# global hook, so one hook is registered at import and looks its schema's guard up here.
_LIVE_STATES: dict[int, _LiveState] = {}


def _guard_check(case: Any, guard: LiveGuard) -> bool:
    headers, body = _case_request(case, guard.api_key)
    return guard.permits(str(case.operation.path), headers, body)


@schemathesis.hook("before_call")
def _withhold_unpermitted_calls(context: Any, case: Any, kwargs: Any) -> None:
    schema = case.operation.schema
    state = _LIVE_STATES.get(id(schema))
    if state is None or state.schema is not schema or case.id in state.permitted_case_ids:
        return
    if not _guard_check(case, state.guard):
        raise LiveCallWithheld(f"withheld a valid request to {case.operation.label}")


def install_live_guard(schema: Any, guard: LiveGuard) -> None:
    """Withhold every valid request beyond the budget: filtered at generation, refused at send."""
    state = _LIVE_STATES.setdefault(id(schema), _LiveState(schema, guard))

    def filter_case(context: Any, case: Any) -> bool:
        if _guard_check(case, guard):
            state.permitted_case_ids.add(case.id)
            return True
        return False

    schema.hook("filter_case")(filter_case)


def release_live_guard(schema: Any) -> None:
    """Forget a schema's guard once its run is over."""
    _LIVE_STATES.pop(id(schema), None)


def withheld_in(error: BaseException | None) -> LiveCallWithheld | None:
    """The `LiveCallWithheld` behind an error (hooks wrap what they raise), if any."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, LiveCallWithheld):
            return error
        error, seen = error.__cause__ or error.__context__, seen + 1
    return None
