"""The mutants: faulty variants of the mock, each breaking one rule a real server could break.

Each is an ASGI wrapper around the app `create_app` returns (see `asgi.py`): it rewrites the
request before the mock sees it (the server then accepts what it should reject) or the
response after (the server then answers what it should not).
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from starlette.types import ASGIApp

from contract_tests.mutants.asgi import (
    HttpRequest,
    HttpResponse,
    answer_before,
    rewrite_request,
    rewrite_response,
)

V2 = "/v2/create-phone-call"
V1 = "/create-phone-call"
BOTH = (V1, V2)
JsonEdit = Callable[[Any, dict[str, Any]], None]
Wrap = Callable[[ASGIApp, str], ASGIApp]


@dataclass(frozen=True)
class Mutant:
    """A faulty variant of the mock: `wrap(app, key)` builds it; it counts as killed only when
    one of the rules it breaks (`expects`) fires, not when some other rule happens to."""

    name: str
    breaks: str
    wrap: Wrap
    expects: tuple[str, ...]


def _success_edit(paths: tuple[str, ...], edit: JsonEdit) -> Wrap:
    """Edit the JSON body of 2xx answers on `paths`; `edit(request_json, response_json)`."""

    def rewrite(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        document = response.json()
        if (
            request.path not in paths
            or not 200 <= response.status < 300
            or not isinstance(document, dict)
        ):
            return response
        edited = copy.deepcopy(document)
        edit(request.json(), edited)
        return response.with_json(edited)

    return lambda app, _key: rewrite_response(app, rewrite)


def _request_edit(paths: tuple[str, ...], edit: Callable[[dict[str, Any]], None]) -> Wrap:
    """Edit JSON-object request bodies on `paths` before the mock validates them."""

    def rewrite(request: HttpRequest) -> HttpRequest:
        document = request.json()
        if request.path not in paths or not isinstance(document, dict):
            return request
        edited = copy.deepcopy(document)
        edit(edited)
        return request.with_json(edited)

    return lambda app, _key: rewrite_request(app, rewrite)


def _status_map(paths: tuple[str, ...], old: int, new: int) -> Wrap:
    def rewrite(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path in paths and response.status == old:
            return replace(response, status=new)
        return response

    return lambda app, _key: rewrite_response(app, rewrite)


# --- response-side mutants -------------------------------------------------------------------


def _strip_plus(_request: Any, body: dict[str, Any]) -> None:
    if isinstance(body.get("to_number"), str):
        body["to_number"] = body["to_number"].lstrip("+")


def _default_flipped(request: Any, body: dict[str, Any]) -> None:
    if isinstance(request, dict) and "drop_call_if_machine_detected" not in request:
        body["drop_call_if_machine_detected"] = True


def _mulaw_16000(_request: Any, body: dict[str, Any]) -> None:
    body.update(audio_websocket_protocol="twilio", audio_encoding="mulaw", sample_rate=16000)


def _s16le_4000(_request: Any, body: dict[str, Any]) -> None:
    body.update(audio_websocket_protocol="web", audio_encoding="s16le", sample_rate=4000)


def _silence_5000(_request: Any, body: dict[str, Any]) -> None:
    body["end_call_after_silence_ms"] = 5000


def _status_queued(_request: Any, body: dict[str, Any]) -> None:
    body["call_status"] = "queued"


def _direction_outgoing(_request: Any, body: dict[str, Any]) -> None:
    body["direction"] = "outgoing"


def _drop_metadata(_request: Any, body: dict[str, Any]) -> None:
    body.pop("metadata", None)


def _truncate_variables(_request: Any, body: dict[str, Any]) -> None:
    variables = body.get("retell_llm_dynamic_variables")
    if isinstance(variables, dict):
        body["retell_llm_dynamic_variables"] = {
            key: value[:8] if isinstance(value, str) else value for key, value in variables.items()
        }


def _swap_numbers(_request: Any, body: dict[str, Any]) -> None:
    body["from_number"], body["to_number"] = body.get("to_number"), body.get("from_number")


def _drop_call_status(_request: Any, body: dict[str, Any]) -> None:
    body.pop("call_status", None)


def _ignore_override(_request: Any, body: dict[str, Any]) -> None:
    body["agent_id"] = "agent_fixed_by_the_server"


# A double holds at most ~1.8e308; an encoder that overflows there writes `Infinity`.
OVERFLOW_AT = 1e308


def _overflow_to_infinity(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _overflow_to_infinity(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_overflow_to_infinity(item) for item in value]
    if isinstance(value, float) and abs(value) >= OVERFLOW_AT:
        return math.copysign(math.inf, value)
    return value


def _metadata_infinity(_request: Any, body: dict[str, Any]) -> None:
    """Non-finite numbers go out as `Infinity` (Python's default encoder): not JSON."""
    if isinstance(body.get("metadata"), dict):
        body["metadata"] = _overflow_to_infinity(body["metadata"])


def _plain_text_success(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if request.path == V1 and 200 <= response.status < 300:
        return replace(response, headers={"content-type": "text/plain; charset=utf-8"})
    return response


def _error_without_message(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    document = response.json()
    if response.status == 400 and isinstance(document, dict) and "error_message" in document:
        return response.with_json({"detail": document["error_message"]})
    return response


# --- request-side mutants --------------------------------------------------------------------


def _drop_nulls(body: dict[str, Any]) -> None:
    for key in [key for key, value in body.items() if value is None]:
        del body[key]


def _normalise_numbers(body: dict[str, Any]) -> None:
    for name in ("from_number", "to_number"):
        value = body.get(name)
        if isinstance(value, str):
            body[name] = "".join(char for char in value if char not in " -()")


def _coerce_bool_strings(body: dict[str, Any]) -> None:
    value = body.get("drop_call_if_machine_detected")
    if value in ("true", "false"):
        body["drop_call_if_machine_detected"] = value == "true"


def _default_to_number(body: dict[str, Any]) -> None:
    body.setdefault("to_number", "+12137770000")


def _stringify_variables(body: dict[str, Any]) -> None:
    variables = body.get("retell_llm_dynamic_variables")
    if isinstance(variables, dict):
        body["retell_llm_dynamic_variables"] = {
            key: value if isinstance(value, str) else json.dumps(value)
            for key, value in variables.items()
        }


def _auth_ignored(app: ASGIApp, key: str) -> ASGIApp:
    return rewrite_request(
        app,
        lambda request: replace(
            request, headers=request.headers | {"authorization": f"Bearer {key}"}
        ),
    )


def _auth_prefix_match(app: ASGIApp, key: str) -> ASGIApp:
    def rewrite(request: HttpRequest) -> HttpRequest:
        if request.headers.get("authorization", "").startswith(f"Bearer {key}"):
            return replace(request, headers=request.headers | {"authorization": f"Bearer {key}"})
        return request

    return rewrite_request(app, rewrite)


def _crash_on_non_ascii(app: ASGIApp, _key: str) -> ASGIApp:
    def answer(request: HttpRequest) -> HttpResponse | None:
        if any(byte > 0x7F for byte in request.body) or b"\\u" in request.body:
            return HttpResponse(500).with_json({"error_message": "An unexpected error occurred."})
        return None

    return answer_before(app, answer)


def _method_not_allowed_as_404(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if response.status == 405:
        return HttpResponse(404).with_json({"error_message": "Not Found"})
    return response


MUTANTS: tuple[Mutant, ...] = (
    Mutant(
        "number_without_plus",
        "v2 echoes to_number without its '+'",
        _success_edit((V2,), _strip_plus),
        ("e164_numbers", "numbers_echoed"),
    ),
    Mutant(
        "numbers_swapped",
        "v2 swaps from_number and to_number in its answer",
        _success_edit((V2,), _swap_numbers),
        ("numbers_echoed",),
    ),
    Mutant(
        "default_not_honoured",
        "v1 answers drop_call_if_machine_detected=true when omitted",
        _success_edit((V1,), _default_flipped),
        ("defaults_honoured",),
    ),
    Mutant(
        "mulaw_at_16000",
        "v1 answers mulaw at 16000 Hz",
        _success_edit((V1,), _mulaw_16000),
        ("mulaw_sample_rate",),
    ),
    Mutant(
        "s16le_below_range",
        "v1 answers s16le at 4000 Hz (only that encoding broken)",
        _success_edit((V1,), _s16le_4000),
        ("sample_rate_range",),
    ),
    Mutant(
        "silence_5000",
        "v1 answers end_call_after_silence_ms=5000",
        _success_edit((V1,), _silence_5000),
        ("silence_minimum",),
    ),
    Mutant(
        "call_status_outside_enum",
        "v2 answers call_status 'queued'",
        _success_edit((V2,), _status_queued),
        ("closed_enums",),
    ),
    Mutant(
        "direction_outside_enum",
        "v1 answers direction 'outgoing'",
        _success_edit((V1,), _direction_outgoing),
        ("closed_enums",),
    ),
    Mutant(
        "metadata_dropped",
        "v2 drops metadata from its answer",
        _success_edit((V2,), _drop_metadata),
        ("metadata_echoed",),
    ),
    Mutant(
        "metadata_infinity",
        "v2 echoes metadata numbers near the double limit as Infinity (not JSON)",
        _success_edit((V2,), _metadata_infinity),
        ("metadata_echoed", "documented_response"),
    ),
    Mutant(
        "dynamic_variables_truncated",
        "v1 truncates dynamic-variable values to 8 characters",
        _success_edit((V1,), _truncate_variables),
        ("dynamic_variables_echoed",),
    ),
    Mutant(
        "call_status_missing",
        "v1 omits the required call_status",
        _success_edit((V1,), _drop_call_status),
        ("response_schema_conformance", "documented_response"),
    ),
    Mutant(
        "override_agent_ignored",
        "v2 ignores override_agent_id",
        _success_edit((V2,), _ignore_override),
        ("override_agent_honoured",),
    ),
    Mutant(
        "success_as_200",
        "v2 answers 200 instead of 201",
        _status_map((V2,), 201, 200),
        ("status_code_conformance", "documented_response"),
    ),
    Mutant(
        "success_as_text",
        "v1 answers its call as text/plain",
        lambda app, _key: rewrite_response(app, _plain_text_success),
        ("content_type_conformance", "documented_response"),
    ),
    Mutant(
        "unauthorized_as_403",
        "a bad key gets 403 instead of 401",
        _status_map(BOTH, 401, 403),
        ("auth_required",),
    ),
    Mutant(
        "error_without_message",
        "400 answers lack error_message",
        lambda app, _key: rewrite_response(app, _error_without_message),
        ("response_schema_conformance", "documented_response"),
    ),
    Mutant(
        "method_not_allowed_as_404",
        "unsupported methods get 404 instead of 405",
        lambda app, _key: rewrite_response(app, _method_not_allowed_as_404),
        ("unsupported_method",),
    ),
    Mutant(
        "null_accepted",
        "null optional fields are treated as absent",
        _request_edit(BOTH, _drop_nulls),
        ("field_types_enforced", "negative_data_rejection"),
    ),
    Mutant(
        "near_miss_accepted_on_v1",
        "v1 only: spaces, dashes, parentheses stripped from numbers",
        _request_edit((V1,), _normalise_numbers),
        ("e164_near_miss_rejected",),
    ),
    Mutant(
        "bool_string_coerced",
        "v1 accepts 'true'/'false' strings as booleans",
        _request_edit((V1,), _coerce_bool_strings),
        ("field_types_enforced", "negative_data_rejection"),
    ),
    Mutant(
        "to_number_defaulted",
        "v2 fills in a missing to_number",
        _request_edit((V2,), _default_to_number),
        ("required_fields_enforced", "negative_data_rejection"),
    ),
    Mutant(
        "variables_stringified",
        "non-string dynamic-variable values are accepted (stringified)",
        _request_edit(BOTH, _stringify_variables),
        ("field_types_enforced", "negative_data_rejection"),
    ),
    Mutant(
        "auth_ignored",
        "every request is treated as authenticated",
        _auth_ignored,
        ("auth_required", "ignored_auth"),
    ),
    Mutant(
        "auth_prefix_match",
        "any key that starts with the right key is accepted",
        _auth_prefix_match,
        ("auth_required",),
    ),
    Mutant(
        "server_error_on_non_ascii",
        "500 on a body with non-ASCII characters",
        _crash_on_non_ascii,
        ("not_a_server_error",),
    ),
)
