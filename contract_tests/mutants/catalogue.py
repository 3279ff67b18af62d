"""The mutants: faulty variants of the mock, each breaking one rule a real server could break.

Each is an ASGI wrapper around the app `create_app` returns (see `asgi.py`): it rewrites the
request before the mock sees it (the server then accepts what it should reject) or the
response after (the server then answers what it should not). Where a mutant strikes comes from
the IR (the rule names, echoes, phone paths and enums of the spec): `catalogue(contract)`
builds the mutants that apply to a spec, so the catalogue follows the spec as it evolves.

`VARIANTS` are the opposite: servers that differ from the mock but are correct under a
reading the spec leaves open. The suite must pass every one of them (no false failure).
"""

from __future__ import annotations

import asyncio
import copy
import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from contract_tests.contract import Contract, FieldPath, values_at
from contract_tests.mutants.asgi import (
    HttpRequest,
    HttpResponse,
    answer_before,
    rewrite_request,
    rewrite_response,
)
from generator.ir import AnyValue, Echo, EnumRef, MapOf, Operation, Scalar

__all__ = ["MUTANTS", "VARIANTS", "Mutant", "catalogue", "variants"]

JsonEdit = Callable[[Any, dict[str, Any]], None]
Wrap = Callable[[ASGIApp, str], ASGIApp]
# A double holds at most ~1.8e308; an encoder that overflows there writes `Infinity`.
OVERFLOW_AT = 1e308
LARGE_BODY = 60 * 1024


@dataclass(frozen=True)
class Mutant:
    """A variant of the mock: `wrap(app, key)` builds it. A faulty one counts as killed only
    when one of the rules it breaks (`expects`) fires; a correct variant (`expects` empty)
    must pass."""

    name: str
    breaks: str
    wrap: Wrap
    expects: tuple[str, ...]


# --- building blocks ---------------------------------------------------------------------------


def _success_edit(operation: Operation, edit: JsonEdit) -> Wrap:
    """Edit the JSON body of 2xx answers of one operation; `edit(request_json, response_json)`."""

    def rewrite(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        document = response.json()
        if (
            request.path != operation.path
            or not 200 <= response.status < 300
            or not isinstance(document, dict)
        ):
            return response
        edited = copy.deepcopy(document)
        edit(request.json(), edited)
        return response.with_json(edited)

    return lambda app, _key: rewrite_response(app, rewrite)


def _request_edit(
    operations: tuple[Operation, ...], edit: Callable[[dict[str, Any]], None]
) -> Wrap:
    """Edit JSON-object request bodies of some operations before the mock validates them."""
    paths = {operation.path for operation in operations}

    def rewrite(request: HttpRequest) -> HttpRequest:
        document = request.json()
        if request.path not in paths or not isinstance(document, dict):
            return request
        edited = copy.deepcopy(document)
        edit(edited)
        return request.with_json(edited)

    return lambda app, _key: rewrite_request(app, rewrite)


def _status_map(operations: tuple[Operation, ...], old: int, new: int) -> Wrap:
    paths = {operation.path for operation in operations}

    def rewrite(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path in paths and response.status == old:
            return replace(response, status=new)
        return response

    return lambda app, _key: rewrite_response(app, rewrite)


def _set(document: dict[str, Any], path: FieldPath, value: Any) -> None:
    target: Any = document
    for part in path[:-1]:
        target = target.setdefault(part, {}) if isinstance(target, dict) else {}
    if isinstance(target, dict):
        target[path[-1]] = value


def _get(document: Any, path: FieldPath) -> Any:
    found = [value for _, value in values_at(document, path)]
    return found[0] if found else None


def _pop(document: dict[str, Any], path: FieldPath) -> None:
    target: Any = document
    for part in path[:-1]:
        target = target.get(part) if isinstance(target, dict) else None
    if isinstance(target, dict):
        target.pop(path[-1], None)


def _path(dotted: str) -> FieldPath:
    return tuple(dotted.split("."))


# --- what the spec offers to break ------------------------------------------------------------


class _Spec:
    """IR lookups for the catalogue: the first operation (and field) that has a feature."""

    def __init__(self, contract: Contract) -> None:
        self.contract = contract
        self.operations = tuple(op for op in contract.operations if op.request and op.success.body)

    def echoes(self, *, last: bool = False) -> Iterator[tuple[Operation, Echo]]:
        operations = reversed(self.operations) if last else self.operations
        for operation in operations:
            for echo in operation.echoes:
                yield operation, echo

    def phone_echo(self, *, last: bool = False) -> tuple[Operation, Echo] | None:
        return next(
            (
                (op, echo)
                for op, echo in self.echoes(last=last)
                if _path(echo.request) in op.phone_paths
            ),
            None,
        )

    def two_phone_echoes(self) -> tuple[Operation, Echo, Echo] | None:
        for operation in self.operations:
            phones = [e for e in operation.echoes if _path(e.request) in operation.phone_paths]
            if len(phones) >= 2:
                return operation, phones[0], phones[1]
        return None

    def echo_of(
        self, kind: type, *, present: bool = False, last: bool = False
    ) -> tuple[Operation, Echo] | None:
        for operation, echo in self.echoes(last=last):
            field = self.request_field(operation, echo.request)
            if field is not None and isinstance(field.type, kind) and (echo.present or not present):
                return operation, echo
        return None

    def default_echo(self) -> tuple[Operation, Echo] | None:
        return next(
            ((op, e) for op, e in self.echoes() if e.has_default and isinstance(e.default, bool)),
            None,
        )

    def account_echo(self, role: str) -> tuple[Operation, Echo] | None:
        for operation, echo in self.echoes():
            if (_path(echo.request), role) in operation.account_paths:
                return operation, echo
        return None

    def rule_site(
        self, rule_filter: Callable[[dict[str, Any]], bool], *, request: bool = False
    ) -> tuple[Operation, FieldPath, dict[str, Any], str] | None:
        """The first (operation, path, subschema, rule) whose named subschema passes the filter."""
        for operation in self.operations:
            body = operation.request if request else operation.success.body
            assert body is not None
            for rule in self.contract.api.rules:
                for path, node in self.contract.rule_sites(body.schema, rule):
                    if rule_filter(node):
                        return operation, path, node, rule
        return None

    def enum_field(self, *, last: bool = False) -> tuple[Operation, FieldPath] | None:
        operations = reversed(self.operations) if last else self.operations
        for operation in operations:
            assert operation.success.body is not None
            model = self.contract.model_of(operation.success.body.type)
            required = {f.name for f in model.fields if f.required} if model else set()
            paths = self.contract.enum_paths(operation.success.body.type)
            for path in paths:
                if path[0] in required and (not last or len(paths) > 0):
                    return operation, path
        return None

    def optional_enum_field(self, operation: Operation) -> FieldPath | None:
        assert operation.success.body is not None
        model = self.contract.model_of(operation.success.body.type)
        optional = {f.name for f in model.fields if not f.required} if model else set()
        return next(
            (p for p in self.contract.enum_paths(operation.success.body.type) if p[0] in optional),
            None,
        )

    def boolean_request_field(self, *, last: bool = True) -> tuple[Operation, str] | None:
        operations = reversed(self.operations) if last else self.operations
        for operation in operations:
            assert operation.request is not None
            model = self.contract.model_of(operation.request.type)
            for field in model.fields if model else ():
                if isinstance(field.type, Scalar) and field.type.kind == "boolean":
                    return operation, field.name
        return None

    def map_request_fields(self) -> list[tuple[Operation, str]]:
        found = []
        for operation in self.operations:
            assert operation.request is not None
            model = self.contract.model_of(operation.request.type)
            found += [
                (operation, f.name)
                for f in (model.fields if model else ())
                if isinstance(f.type, MapOf)
            ]
        return found

    def free_object_field(self) -> tuple[Operation, str] | None:
        for operation in self.operations:
            assert operation.request is not None
            model = self.contract.model_of(operation.request.type)
            for field in model.fields if model else ():
                if isinstance(field.type, AnyValue) and field.type.object_only:
                    return operation, field.name
        return None

    def request_field(self, operation: Operation, dotted: str) -> Any:
        assert operation.request is not None
        model = self.contract.model_of(operation.request.type)
        return next((f for f in model.fields if f.name == dotted), None) if model else None

    def enum_values(self, operation: Operation, path: FieldPath) -> tuple[str, ...]:
        assert operation.success.body is not None
        model = self.contract.model_of(operation.success.body.type)
        field = next((f for f in model.fields if f.name == path[0]), None) if model else None
        if field is not None and isinstance(field.type, EnumRef):
            return self.contract.api.enum(field.type.name).values
        return ()


# --- the catalogue ----------------------------------------------------------------------------


def catalogue(contract: Contract) -> tuple[Mutant, ...]:
    """Every mutant the spec offers a target for, in a fixed order."""
    spec = _Spec(contract)
    found: list[Mutant | None] = [
        *_echo_mutants(spec),
        *_rule_mutants(spec),
        *_enum_mutants(spec),
        *_protocol_mutants(spec),
        *_request_mutants(spec),
        *_new_rule_mutants(spec),
    ]
    return tuple(mutant for mutant in found if mutant is not None)


def _echo_mutants(spec: _Spec) -> Iterator[Mutant | None]:
    # One function per mutant: each closure must see its own operation and echo.
    yield _number_without_plus(spec)
    yield _numbers_swapped(spec)
    yield _default_not_honoured(spec)
    yield from _object_echo_mutants(spec)
    yield _map_echo_truncated(spec)
    yield _override_agent_ignored(spec)


def _number_without_plus(spec: _Spec) -> Mutant | None:
    found = spec.phone_echo()
    if found is None:
        return None
    operation, echo = found
    path = _path(echo.response)

    def strip_plus(_request: Any, body: dict[str, Any]) -> None:
        value = _get(body, path)
        if isinstance(value, str):
            _set(body, path, value.lstrip("+"))

    return Mutant(
        "number_without_plus",
        f"{operation.label} echoes {echo.response} without its '+'",
        _success_edit(operation, strip_plus),
        ("e164_numbers", echo.rule),
    )


def _numbers_swapped(spec: _Spec) -> Mutant | None:
    found = spec.two_phone_echoes()
    if found is None:
        return None
    operation, first, second = found
    a, b = _path(first.response), _path(second.response)

    def swap(_request: Any, body: dict[str, Any]) -> None:
        left, right = _get(body, a), _get(body, b)
        _set(body, a, right)
        _set(body, b, left)

    return Mutant(
        "numbers_swapped",
        f"{operation.label} swaps {first.response} and {second.response}",
        _success_edit(operation, swap),
        (first.rule,),
    )


def _default_not_honoured(spec: _Spec) -> Mutant | None:
    found = spec.default_echo()
    if found is None:
        return None
    operation, echo = found

    def flip(request: Any, body: dict[str, Any]) -> None:
        if isinstance(request, dict) and echo.request not in request:
            _set(body, _path(echo.response), not echo.default)

    return Mutant(
        "default_not_honoured",
        f"{operation.label} answers {echo.response}={json.dumps(not echo.default)} when omitted",
        _success_edit(operation, flip),
        (echo.rule,),
    )


def _object_echo_mutants(spec: _Spec) -> Iterator[Mutant]:
    found = spec.echo_of(AnyValue, present=True)
    if found is None:
        return
    operation, echo = found
    path = _path(echo.response)

    def drop(_request: Any, body: dict[str, Any]) -> None:
        _pop(body, path)

    def infinity(_request: Any, body: dict[str, Any]) -> None:
        value = _get(body, path)
        if isinstance(value, dict):
            _set(body, path, _overflow_to_infinity(value))

    yield Mutant(
        "metadata_dropped",
        f"{operation.label} drops {echo.response} from its answer",
        _success_edit(operation, drop),
        (echo.rule,),
    )
    yield Mutant(
        "metadata_infinity",
        f"{operation.label} echoes {echo.response} numbers near the double limit as Infinity "
        "(not JSON)",
        _success_edit(operation, infinity),
        (echo.rule, "documented_response"),
    )


def _map_echo_truncated(spec: _Spec) -> Mutant | None:
    found = spec.echo_of(MapOf, last=True)
    if found is None:
        return None
    operation, echo = found
    path = _path(echo.response)

    def truncate(_request: Any, body: dict[str, Any]) -> None:
        value = _get(body, path)
        if isinstance(value, dict):
            _set(body, path, {k: v[:8] if isinstance(v, str) else v for k, v in value.items()})

    return Mutant(
        "dynamic_variables_truncated",
        f"{operation.label} truncates {echo.response} values to 8 characters",
        _success_edit(operation, truncate),
        (echo.rule,),
    )


def _override_agent_ignored(spec: _Spec) -> Mutant | None:
    found = spec.account_echo("agent")
    if found is None:
        return None
    operation, echo = found
    path = _path(echo.response)

    def fixed(_request: Any, body: dict[str, Any]) -> None:
        _set(body, path, "agent_fixed_by_the_server")

    return Mutant(
        "override_agent_ignored",
        f"{operation.label} ignores {echo.request}",
        _success_edit(operation, fixed),
        (echo.rule,),
    )


def _rule_mutants(spec: _Spec) -> Iterator[Mutant | None]:
    conditional = spec.rule_site(lambda node: "if" in node and "then" in node)
    if conditional is not None:
        operation, _, node, rule = conditional
        trigger, broken = _break_conditional(spec, operation, node)
        if trigger:

            def break_rule(_request: Any, body: dict[str, Any]) -> None:
                body.update(trigger)
                body.update(broken)

            yield Mutant(
                "conditional_rule_broken",
                f"{operation.label} answers {json.dumps(trigger)} with {json.dumps(broken)}",
                _success_edit(operation, break_rule),
                (rule,),
            )
    for name, which in (("minimum_crossed", "minimum"), ("maximum_crossed", "maximum")):
        site = spec.rule_site(_numeric_bound(which))
        if site is None:
            continue
        operation, path, node, rule = site
        value = node[which] - 1 if which == "minimum" else node[which] + 1
        calm = _calm_conditionals(spec, operation)

        def cross(
            _request: Any,
            body: dict[str, Any],
            path: FieldPath = path,
            value: Any = value,
            calm: dict[str, Any] = calm,
        ) -> None:
            body.update(calm)
            _set(body, path, value)

        yield Mutant(
            name,
            f"{operation.label} answers {'.'.join(path)}={value} (only that rule broken)",
            _success_edit(operation, cross),
            (rule,),
        )
    refinement = spec.rule_site(
        lambda node: (
            "if" not in node
            and any("const" in sub for sub in (node.get("properties") or {}).values())
        )
    )
    if refinement is not None:
        operation, _, node, rule = refinement
        field, sub = next((name, sub) for name, sub in node["properties"].items() if "const" in sub)
        others = [v for v in spec.enum_values(operation, (field,)) if v != sub["const"]]
        if others:
            yield Mutant(
                "refined_value_broken",
                f"{operation.label} answers {field}={others[0]!r}",
                _success_edit(operation, lambda _r, body: _set(body, (field,), others[0])),
                (rule,),
            )


def _enum_mutants(spec: _Spec) -> Iterator[Mutant | None]:
    first = spec.enum_field()
    if first is not None:
        operation, path = first
        yield Mutant(
            "enum_outsider_required",
            f"{operation.label} answers {'.'.join(path)} 'queued'",
            _success_edit(operation, lambda _r, body: _set(body, path, "queued")),
            ("closed_enums",),
        )
        yield Mutant(
            "required_field_missing",
            f"{operation.label} omits the required {'.'.join(path)}",
            _success_edit(operation, lambda _r, body: _pop(body, path)),
            ("response_schema_conformance", "documented_response"),
        )
    last = spec.operations[-1] if spec.operations else None
    optional = None if last is None else spec.optional_enum_field(last)
    if last is not None and optional is not None:
        yield Mutant(
            "enum_outsider_optional",
            f"{last.label} answers {'.'.join(optional)} 'outgoing'",
            _success_edit(last, lambda _r, body: _set(body, optional, "outgoing")),
            ("closed_enums",),
        )


def _protocol_mutants(spec: _Spec) -> Iterator[Mutant | None]:
    if not spec.operations:
        return
    first, last = spec.operations[0], spec.operations[-1]
    yield Mutant(
        "success_as_200",
        f"{first.label} answers 200 instead of {first.success.status}",
        _status_map((first,), first.success.status, 200 if first.success.status != 200 else 202),
        ("status_code_conformance", "documented_response"),
    )

    def plain_text(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path == last.path and 200 <= response.status < 300:
            return replace(response, headers={"content-type": "text/plain; charset=utf-8"})
        return response

    yield Mutant(
        "success_as_text",
        f"{last.label} answers its success as text/plain",
        lambda app, _key: rewrite_response(app, plain_text),
        ("content_type_conformance", "documented_response"),
    )
    yield Mutant(
        "unauthorized_as_403",
        "a bad key gets 403 instead of 401",
        _status_map(spec.operations, 401, 403),
        ("auth_required",),
    )
    yield Mutant(
        "error_without_message",
        "400 answers lack the error body's required field",
        lambda app, _key: rewrite_response(app, _error_without_message),
        ("response_schema_conformance", "documented_response"),
    )
    yield Mutant(
        "method_not_allowed_as_404",
        "unsupported methods get 404 instead of 405",
        lambda app, _key: rewrite_response(app, _method_not_allowed_as_404),
        ("unsupported_method",),
    )


def _request_mutants(spec: _Spec) -> Iterator[Mutant | None]:
    operations = spec.operations
    yield Mutant(
        "null_accepted",
        "null optional fields are treated as absent",
        _request_edit(operations, _drop_nulls),
        ("field_types_enforced", "negative_data_rejection"),
    )
    if operations and operations[-1].phone_paths:
        last = operations[-1]

        def normalise(body: dict[str, Any]) -> None:
            for path in last.phone_paths:
                value = _get(body, path)
                if isinstance(value, str):
                    _set(body, path, "".join(char for char in value if char not in " -()"))

        yield Mutant(
            "near_miss_accepted",
            f"{last.label} only: spaces, dashes, parentheses stripped from phone numbers",
            _request_edit((last,), normalise),
            ("e164_numbers",),
        )
    boolean = spec.boolean_request_field()
    if boolean is not None:
        operation, name = boolean

        def coerce(body: dict[str, Any]) -> None:
            if body.get(name) in ("true", "false"):
                body[name] = body[name] == "true"

        yield Mutant(
            "bool_string_coerced",
            f"{operation.label} accepts 'true'/'false' strings for {name}",
            _request_edit((operation,), coerce),
            ("field_types_enforced", "negative_data_rejection"),
        )
    if operations and operations[0].phone_paths:
        first = operations[0]
        required_phone = _required_phone(spec, first)
        if required_phone is not None:
            yield Mutant(
                "required_field_defaulted",
                f"{first.label} fills in a missing {required_phone}",
                _request_edit(
                    (first,), lambda body: body.setdefault(required_phone, "+12137770000")
                ),
                ("required_fields_enforced", "negative_data_rejection"),
            )
    maps = spec.map_request_fields()
    if maps:
        names = {name for _, name in maps}

        def stringify(body: dict[str, Any]) -> None:
            for name in names:
                value = body.get(name)
                if isinstance(value, dict):
                    body[name] = {
                        k: v if isinstance(v, str) else json.dumps(v) for k, v in value.items()
                    }

        yield Mutant(
            "map_values_stringified",
            "non-string map values are accepted (stringified)",
            _request_edit(tuple(op for op, _ in maps), stringify),
            ("field_types_enforced", "negative_data_rejection"),
        )
    yield Mutant(
        "auth_ignored",
        "every request is treated as authenticated",
        _auth_ignored,
        ("auth_required", "ignored_auth"),
    )
    yield Mutant(
        "auth_prefix_match",
        "any key that starts with the right key is accepted",
        _auth_prefix_match,
        ("auth_required",),
    )
    yield Mutant(
        "server_error_on_non_ascii",
        "500 on a body with non-ASCII characters",
        _crash_on_non_ascii,
        ("not_a_server_error",),
    )


def _new_rule_mutants(spec: _Spec) -> Iterator[Mutant | None]:
    for operation in spec.operations:
        for path, rule in operation.unique_paths:
            yield Mutant(
                "id_reused",
                f"{operation.label} gives every call the same {'.'.join(path)}",
                _success_edit(operation, _fixed_value(path, "call_0000")),
                (rule,),
            )
            break
        else:
            continue
        break
    free = spec.free_object_field()
    if free is not None:
        operation, _name = free
        yield Mutant(
            "large_body_crash",
            f"{operation.label} answers 500 to a body over {LARGE_BODY // 1024} KiB",
            _large_body_crash(operation),
            ("large_bodies_handled",),
        )
    empty_echo = next(
        ((op, echo) for op, echo in spec.echoes() if echo.empty_open and _is_text(spec, op, echo)),
        None,
    )
    if empty_echo is not None:
        operation, echo = empty_echo
        yield Mutant(
            "empty_value_crash",
            f"{operation.label} answers 500 when {echo.request} is sent empty",
            _empty_value_crash(operation, _path(echo.request)),
            (echo.rule,),
        )
    if spec.operations:
        yield Mutant(
            "race_crash",
            f"{spec.operations[0].label} answers 500 while another request is in flight",
            _race_crash(spec.operations[0]),
            ("concurrent_requests_handled",),
        )


# --- correct variants ---------------------------------------------------------------------------


def variants(contract: Contract) -> tuple[Mutant, ...]:
    """Servers that read an open choice of the spec another way: all must pass."""
    spec = _Spec(contract)
    found: list[Mutant] = []
    agent = spec.account_echo("agent")
    if agent is not None:
        operation, echo = agent
        request_path, response_path = _path(echo.request), _path(echo.response)

        def default_agent(request: Any, body: dict[str, Any]) -> None:
            if isinstance(request, dict) and _get(request, request_path) == "":
                _set(body, response_path, "agent_default_of_the_number")

        found.append(
            Mutant(
                "empty_override_uses_default_agent",
                f"{operation.label}: {echo.request} '' means no override",
                _success_edit(operation, default_agent),
                (),
            )
        )

        def reject_empty(request: HttpRequest) -> HttpResponse | None:
            document = request.json()
            if (
                request.path == operation.path
                and isinstance(document, dict)
                and _get(document, request_path) == ""
            ):
                return HttpResponse(422).with_json(
                    _error_body(spec.contract, f"{echo.request}: names no agent")
                )
            return None

        found.append(
            Mutant(
                "empty_override_rejected",
                f"{operation.label}: {echo.request} '' is refused with 422",
                lambda app, _key: answer_before(app, reject_empty),
                (),
            )
        )
    empty = spec.echo_of(AnyValue, present=True)
    if empty is not None and empty[1].empty_open:
        operation, echo = empty

        def omit_empty(request: Any, body: dict[str, Any]) -> None:
            if isinstance(request, dict) and _get(request, _path(echo.request)) == {}:
                _pop(body, _path(echo.response))

        found.append(
            Mutant(
                "empty_object_not_echoed",
                f"{operation.label}: an empty {echo.request} is not returned",
                _success_edit(operation, omit_empty),
                (),
            )
        )
    return tuple(found)


# --- helpers ------------------------------------------------------------------------------------


def _fixed_value(path: FieldPath, value: Any) -> JsonEdit:
    def fix(_request: Any, body: dict[str, Any]) -> None:
        _set(body, path, value)

    return fix


def _numeric_bound(which: str) -> Callable[[dict[str, Any]], bool]:
    def has_bound(node: dict[str, Any]) -> bool:
        return which in node and "if" not in node and node.get("type") in ("integer", "number")

    return has_bound


def _break_conditional(
    spec: _Spec, operation: Operation, node: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Values that make the rule's `if` hold, and `then` values that break it (otherwise valid)."""
    trigger = {
        name: sub["const"]
        for name, sub in (node["if"].get("properties") or {}).items()
        if "const" in sub
    }
    broken: dict[str, Any] = {}
    for name, sub in (node["then"].get("properties") or {}).items():
        if "const" not in sub:
            continue
        field = _response_field(spec, operation, name)
        bounds = dict(field.constraints) if field is not None else {}
        candidates = [
            bounds.get("maximum"),
            bounds.get("minimum"),
            sub["const"] * 2 if isinstance(sub["const"], int) else None,
        ]
        broken[name] = next(c for c in candidates if c is not None and c != sub["const"])
    return trigger, broken


def _calm_conditionals(spec: _Spec, operation: Operation) -> dict[str, Any]:
    """Values that keep every `if` of the success body false, so another rule breaks alone."""
    assert operation.success.body is not None
    calm: dict[str, Any] = {}
    for rule in spec.contract.api.rules:
        for _, node in spec.contract.rule_sites(operation.success.body.schema, rule):
            for name, sub in ((node.get("if") or {}).get("properties") or {}).items():
                others = [v for v in spec.enum_values(operation, (name,)) if v != sub.get("const")]
                if others:
                    calm[name] = others[0]
    return calm


def _response_field(spec: _Spec, operation: Operation, name: str) -> Any:
    assert operation.success.body is not None
    model = spec.contract.model_of(operation.success.body.type)
    return next((f for f in model.fields if f.name == name), None) if model else None


def _required_phone(spec: _Spec, operation: Operation) -> str | None:
    assert operation.request is not None
    model = spec.contract.model_of(operation.request.type)
    required = {f.name for f in model.fields if f.required} if model else set()
    return next(
        (
            path[0]
            for path in reversed(operation.phone_paths)
            if len(path) == 1 and path[0] in required
        ),
        None,
    )


def _overflow_to_infinity(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _overflow_to_infinity(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_overflow_to_infinity(item) for item in value]
    if isinstance(value, float) and abs(value) >= OVERFLOW_AT:
        return math.copysign(math.inf, value)
    return value


def _error_without_message(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    document = response.json()
    if response.status == 400 and isinstance(document, dict) and document:
        return response.with_json({"detail": next(iter(document.values()))})
    return response


def _method_not_allowed_as_404(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if response.status == 405:
        return HttpResponse(404).with_json(_error_body(CONTRACT, "Not Found"))
    return response


def _drop_nulls(body: dict[str, Any]) -> None:
    for key in [key for key, value in body.items() if value is None]:
        del body[key]


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
            return HttpResponse(500).with_json(
                _error_body(CONTRACT, "An unexpected error occurred.")
            )
        return None

    return answer_before(app, answer)


def _large_body_crash(operation: Operation) -> Wrap:
    def answer(request: HttpRequest) -> HttpResponse | None:
        if request.path == operation.path and len(request.body) > LARGE_BODY:
            return HttpResponse(500).with_json(
                _error_body(CONTRACT, "An unexpected error occurred.")
            )
        return None

    return lambda app, _key: answer_before(app, answer)


def _is_text(spec: _Spec, operation: Operation, echo: Echo) -> bool:
    field = spec.request_field(operation, echo.request)
    return field is not None and isinstance(field.type, Scalar) and field.type.kind == "string"


def _empty_value_crash(operation: Operation, path: FieldPath) -> Wrap:
    """500 when an open-echo text field is sent as "" (a server that reads it as falsy and
    then fails): only a run that really sends the empty value sees it."""

    def answer(request: HttpRequest) -> HttpResponse | None:
        if request.path != operation.path:
            return None
        document = request.json()
        if isinstance(document, dict) and _get(document, path) == "":
            return HttpResponse(500).with_json(
                _error_body(CONTRACT, "An unexpected error occurred.")
            )
        return None

    return lambda app, _key: answer_before(app, answer)


def _race_crash(operation: Operation) -> Wrap:
    """500 when another request to the operation is being served (a shared, unlocked state)."""

    def wrap(app: ASGIApp, _key: str) -> ASGIApp:
        busy = 0

        async def raced(scope: Scope, receive: Receive, send: Send) -> None:
            nonlocal busy
            if scope["type"] != "http" or scope["path"] != operation.path:
                await app(scope, receive, send)
                return
            busy += 1
            try:
                await asyncio.sleep(0.01)  # the window in which a second request finds it busy
                if busy > 1:
                    body = json.dumps(
                        _error_body(CONTRACT, "An unexpected error occurred.")
                    ).encode()
                    await send(
                        {
                            "type": "http.response.start",
                            "status": 500,
                            "headers": [
                                (b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                            ],
                        }
                    )
                    await send({"type": "http.response.body", "body": body})
                    return
                await app(scope, receive, send)
            finally:
                busy -= 1

        return raced

    return wrap


def _error_body(contract: Contract, message: str) -> dict[str, str]:
    """An error body in the spec's shape (its message field from the IR)."""
    fields = contract.api.error_message_fields
    return {fields[0] if fields else "message": message}


CONTRACT = Contract.load()
MUTANTS: tuple[Mutant, ...] = catalogue(CONTRACT)
VARIANTS: tuple[Mutant, ...] = variants(CONTRACT)
