"""What the mock answers to a valid request, built from the IR.

An answer starts from the spec's first example of the success response, with required
properties it lacks filled where the spec fixes their value (a `const`, an enum of one value,
a default). Then, per request:

1. echoes (`x-echo`): the response property takes the request's value as sent; not sent, it
   takes the request field's default when it has one, else the account's value when the
   request field has an `x-account` role (an agent: the managed number's agent in strict
   mode, else the default agent); else it is left out unless the response requires it (then
   the example's value stays);
2. every `x-unique` property gets a fresh 32-hex id;
3. the operation's hook, if any (`mock_server.hooks`).

The result is validated against the success schema before it leaves (see `endpoint`).
`AnswerPlan.of` refuses, naming the operation, to plan answers that cannot be valid.
"""

from __future__ import annotations

import copy
import functools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.ir import Api, Const, EnumRef, Field, Model, ModelRef, Nullable, Operation, TypeExpr
from mock_server import paths
from mock_server.accounts import AGENT, AccountFields, Accounts
from mock_server.hooks import Hook
from mock_server.paths import MISSING, Path
from mock_server.validation import Schemas

__all__ = ["AnswerPlan", "Echoed", "new_id"]

_MAX_FILL_DEPTH = 32


def new_id() -> str:
    """32 random hex characters (128 bits: no two answers share one)."""
    return os.urandom(16).hex()


@dataclass(frozen=True)
class Echoed:
    """One `x-echo` of an operation, as the answer builder applies it."""

    request: Path
    response: Path
    has_default: bool
    default: object
    account_role: str | None  # the request field's `x-account` role
    required: bool  # the response requires the property

    @property
    def top_level(self) -> bool:  # the common case, served without walking paths
        return len(self.request) == 1 and len(self.response) == 1


@dataclass(frozen=True)
class AnswerPlan:
    operation_id: str
    template: dict[str, Any]
    echoes: tuple[Echoed, ...]
    unique: tuple[Path, ...]
    accounts: AccountFields
    hook: Hook | None = None

    @classmethod
    def of(cls, api: Api, operation: Operation, schemas: Schemas, hook: Hook | None) -> AnswerPlan:
        """The plan, checked on the operation's request examples; ValueError naming the
        operation when the spec gives no way to build a valid answer."""
        body = operation.success.body
        where = f"{operation.label} ({operation.operation_id})"
        if body is None:
            raise ValueError(f"{where}: the success response has no JSON body to answer with")
        model = _model_of(api, body.type)
        example = body.examples[0][1] if body.examples else {}
        if not isinstance(example, dict) or model is None:
            raise ValueError(f"{where}: the success response is not an object the mock can build")
        plan = cls(
            operation_id=operation.operation_id,
            template=_filled(api, model, copy.deepcopy(example), 0),
            echoes=tuple(_echoed(api, operation, model)),
            unique=tuple(path for path, _ in operation.unique_paths),
            accounts=AccountFields(operation.account_paths),
            hook=hook,
        )
        plan._check(operation, schemas, where)
        return plan

    def build(self, request: Any, accounts: Accounts) -> dict[str, Any]:
        """The answer to a valid request the account can carry out."""
        answer = dict(self.template)
        sent = request if isinstance(request, dict) else {}
        for echo, top_level in self._echo_plan:
            value = (
                sent.get(echo.request[0], MISSING) if top_level else paths.get(sent, echo.request)
            )
            if value is MISSING:
                if echo.has_default:
                    value = _fresh(echo.default)
                elif echo.account_role == AGENT:
                    value = accounts.agent_for(self.accounts, request)
                elif echo.required:
                    continue  # the template's value stays
                elif top_level:
                    answer.pop(echo.response[0], None)
                    continue
                else:
                    answer = paths.without(answer, echo.response)
                    continue
            if top_level:
                answer[echo.response[0]] = value
            else:
                answer = _put(answer, echo.response, value)
        for path in self.unique:
            if len(path) == 1 and path[0] != "*":
                answer[path[0]] = new_id()
            else:
                answer = paths.replaced(answer, path, new_id, create=False)
        if self.hook is not None:
            self.hook(answer, request)
        return answer

    @functools.cached_property
    def _echo_plan(self) -> tuple[tuple[Echoed, bool], ...]:
        return tuple((echo, echo.top_level) for echo in self.echoes)

    def _check(self, operation: Operation, schemas: Schemas, where: str) -> None:
        """Build the answer to each valid request example (or to `{}` without one) and
        require it to be valid."""
        request = operation.request
        examples = [value for _, value in request.examples] if request is not None else []
        samples = [
            value
            for value in examples
            if request is not None and schemas.first_violation(request.schema, value) is None
        ] or [{}]
        schema = operation.success.body.schema if operation.success.body else ""
        for sample in samples:
            problem = schemas.problem(schema, self.build(sample, Accounts()))
            if problem is not None:
                raise ValueError(f"{where}: cannot build a valid answer: {problem}")


def _fresh(value: object) -> object:
    """A default as a value of its own (objects and arrays copied: answers may change them)."""
    return copy.deepcopy(value) if isinstance(value, dict | list) else value


def _put(answer: dict[str, Any], path: Path, value: Any) -> dict[str, Any]:
    if len(path) == 1:
        answer[path[0]] = value
        return answer
    result: dict[str, Any] = paths.replaced(answer, path, lambda: value, create=True)
    return result


def _model_of(api: Api, kind: TypeExpr) -> Model | None:
    while isinstance(kind, Nullable):
        kind = kind.inner
    return api.model(kind.name) if isinstance(kind, ModelRef) else None


def _echoed(api: Api, operation: Operation, model: Model) -> Iterator[Echoed]:
    roles = dict(operation.account_paths)
    for echo in operation.echoes:
        request, response = tuple(echo.request.split(".")), tuple(echo.response.split("."))
        target = _field_at(api, model, response)
        yield Echoed(
            request=request,
            response=response,
            has_default=echo.has_default,
            default=echo.default,
            account_role=roles.get(request),
            required=target is not None and target.required,
        )


def _field_at(api: Api, model: Model, path: Path) -> Field | None:
    found: Field | None = None
    current: Model | None = model
    for part in path:
        if current is None:
            return None
        found = next((f for f in current.fields if f.name == part), None)
        if found is None:
            return None
        current = _model_of(api, found.type)
    return found


def _filled(api: Api, model: Model, value: dict[str, Any], depth: int) -> dict[str, Any]:
    """`value` with the required properties of `model` it lacks, where the spec fixes them
    (others stay missing, for the start-up check to name), and its objects filled alike."""
    if depth > _MAX_FILL_DEPTH:
        return value
    for field in model.fields:
        inner = _model_of(api, field.type)
        if field.name in value:
            if inner is not None and isinstance(value[field.name], dict):
                value[field.name] = _filled(api, inner, value[field.name], depth + 1)
        elif field.required:
            fixed = _fixed_value(api, field, depth)
            if fixed is not MISSING:
                value[field.name] = fixed
    return value


def _fixed_value(api: Api, field: Field, depth: int) -> Any:
    """The one value the spec allows or prefers for a field, or MISSING."""
    if field.has_default:
        return _fresh(field.default)
    kind = field.type
    if isinstance(kind, Const):
        return kind.value
    if isinstance(kind, EnumRef):
        values = api.enum(kind.name).values
        return values[0] if len(values) == 1 else MISSING
    inner = _model_of(api, kind)
    if inner is not None:
        return _filled(api, inner, {}, depth + 1)
    return MISSING
