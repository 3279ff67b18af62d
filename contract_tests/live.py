"""The live guard inside Schemathesis: no valid request beyond the budget leaves the machine.

Valid cases are filtered out at generation (`filter_case`, a per-schema hook) unless the
tester named the numbers valid calls may dial; those let through are aimed at them
(`map_case`, which Schemathesis applies after the filters). The budget is spent at send
time, on the request as it will leave (`before_call`, which Schemathesis allows only as a
global hook: it is registered once here and looks up the guard of the case's schema).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import schemathesis

from contract_tests.account import Account
from contract_tests.safety import LiveGuard, must_be_rejected


class LiveCallWithheld(RuntimeError):
    """Raised before a request the live guard does not permit would leave the machine."""


def _case_request(case: Any, api_key: str) -> tuple[dict[str, str], bytes | None]:
    """The headers and JSON body a case will be sent with, in the order Schemathesis's
    transport builds them: the configured key, the case's own headers, then the headers a
    negative case removes (such as a missing Authorization)."""
    from schemathesis.transport.prepare import get_exclude_headers

    headers = {"Authorization": f"Bearer {api_key}"}
    explicit = {str(name): str(value) for name, value in dict(case.headers or {}).items()}
    if any(name.lower() == "authorization" for name in explicit):
        headers = {}
    headers |= explicit
    excluded = {name.lower() for name in get_exclude_headers(case)}
    headers = {name: value for name, value in headers.items() if name.lower() not in excluded}
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
    # the request a live server accepted although it had to reject it (the run then stops)
    lenient: LenientAnswer | None = None


@dataclass(frozen=True)
class LenientAnswer:
    """A 2xx answer to a request that had to be rejected, as sent (key not yet masked)."""

    operation: str
    method: str
    url: str
    headers: dict[str, str]
    body: str | None
    status_code: int
    response_text: str


# Guards of live runs, by the id of the schema they protect. `before_call` can only be a
# global hook, so one hook is registered at import and looks its schema's guard up here.
_LIVE_STATES: dict[int, _LiveState] = {}


def _must_be_rejected(case: Any, guard: LiveGuard) -> bool:
    headers, body = _case_request(case, guard.api_key)
    path, method = str(case.operation.path), str(case.method)
    return must_be_rejected(path, headers, body, guard.api_key, method)


@schemathesis.hook("before_call")
def _withhold_unpermitted_calls(context: Any, case: Any, kwargs: Any) -> None:
    """The last line, on the request as it will leave: the budget is spent here only."""
    schema = case.operation.schema
    state = _LIVE_STATES.get(id(schema))
    if state is None or state.schema is not schema:
        return
    headers, body = _case_request(case, state.guard.api_key)
    if not state.guard.permits(str(case.operation.path), headers, body, str(case.method)):
        if state.guard.tripped is not None:
            raise LiveCallWithheld(f"stopped: {state.guard.tripped}")
        raise LiveCallWithheld(f"withheld a valid request to {case.operation.label}")


def _sent(response: Any) -> tuple[str, str, dict[str, str], bytes | None]:
    request = response.request
    headers = {str(name): str(value) for name, value in dict(request.headers or {}).items()}
    body = request.body
    if isinstance(body, str):
        body = body.encode()
    return str(request.method), str(request.url), headers, body


def _stop_on_lenient_answer(state: _LiveState) -> Any:
    def after_call(context: Any, case: Any, response: Any) -> None:
        """A 2xx to a request that had to be rejected: a lenient live server may be dialling,
        so the run stops sending (the send-time hook withholds everything from now on)."""
        if not 200 <= int(response.status_code) < 300 or state.lenient is not None:
            return
        method, url, headers, body = _sent(response)
        guard = state.guard
        if not must_be_rejected(str(case.operation.path), headers, body, guard.api_key, method):
            return
        text = (response.content or b"").decode(errors="replace")
        state.lenient = LenientAnswer(
            str(case.operation.label),
            method,
            url,
            headers,
            None if body is None else body.decode(errors="replace"),
            int(response.status_code),
            text,
        )
        guard.trip(
            f"a live server answered {response.status_code} to a request to "
            f"{case.operation.label} it had to reject; the run stopped sending"
        )

    return after_call


def lenient_answer(schema: Any) -> LenientAnswer | None:
    """The 2xx answer that stopped a live run on `schema`, if any."""
    state = _LIVE_STATES.get(id(schema))
    return None if state is None or state.schema is not schema else state.lenient


def install_live_guard(schema: Any, guard: LiveGuard, account: Account | None = None) -> None:
    """Generate only cases the guard may let through: those that must be rejected, and (when
    the tester named numbers) valid ones, aimed at those numbers. The send-time hook then
    spends the budget of valid calls on the requests that actually leave."""
    state = _LIVE_STATES.setdefault(id(schema), _LiveState(schema, guard))
    schema.hook("after_call")(_stop_on_lenient_answer(state))

    def filter_case(context: Any, case: Any) -> bool:
        if _must_be_rejected(case, guard):
            return True
        return guard.numbers is not None and isinstance(case.body, dict)

    def map_case(context: Any, case: Any) -> Any:
        if guard.numbers is not None and not _must_be_rejected(case, guard):
            case.body = guard.numbers.aim((account or Account()).fit(case.body))
        return case

    schema.hook("filter_case")(filter_case)
    schema.hook("map_case")(map_case)


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
