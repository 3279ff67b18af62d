"""The intermediate model (IR): the spec as plain, frozen, language-neutral data.

Every emitter, the mock server and the contract suite read the spec through these
classes (built by `generator.ir.build_api`) and nothing else. Collections are tuples in
spec order, so iterating them is deterministic.

Two views of the same schemas are kept, built together so they cannot disagree:

- the *typed* view (`Model`, `Field`, `Enum` and the type expressions below), which the
  emitters turn into classes, interfaces and structs;
- the *validation* view (`Api.schemas`): a self-contained JSON Schema 2020-12 document of
  `$defs` that states every rule of the spec, normalised to the keywords every generated
  validator implements (see `generator/ir/normalize.py` for the list). Operations name
  the `$defs` entry of their request and of each response (`Body.schema`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

JsonScalar = str | int | float | bool | None
ScalarKind = Literal["string", "integer", "number", "boolean"]

BANNER = "generated from spec/openapi.yaml by `make generate`; do not edit"


@dataclass(frozen=True)
class Name:
    """An identifier as lower-case words; each language applies only its casing."""

    words: tuple[str, ...]

    @property
    def snake(self) -> str:
        return "_".join(self.words)

    @property
    def upper(self) -> str:
        return self.snake.upper()

    @property
    def pascal(self) -> str:
        return "".join(word[:1].upper() + word[1:] for word in self.words)

    @property
    def camel(self) -> str:
        pascal = self.pascal
        return pascal[:1].lower() + pascal[1:]


# --- type expressions ------------------------------------------------------------------------
# What a value may be, as far as a language's type system cares. Every rule (bounds, patterns,
# cross-field rules) is in the validation view; a type keeps the ones worth documenting.


@dataclass(frozen=True)
class Scalar:
    """A string, integer (JSON Schema's: 35.0 is one), number or boolean."""

    kind: ScalarKind
    format: str | None = None  # date-time, uri, ... (documentation; the validators check it)
    phone_number: bool = False  # its schema carries `x-phone-number: true`


@dataclass(frozen=True)
class Const:
    """Exactly one JSON value (`const`, or an enum of one value that is not a named enum)."""

    value: JsonScalar


@dataclass(frozen=True)
class EnumRef:
    name: str  # an entry of Api.enums


@dataclass(frozen=True)
class ModelRef:
    name: str  # an entry of Api.models


@dataclass(frozen=True)
class ArrayOf:
    items: TypeExpr


@dataclass(frozen=True)
class MapOf:
    """A JSON object whose every value has one type (`additionalProperties: <schema>`)."""

    values: TypeExpr


@dataclass(frozen=True)
class AnyValue:
    """Any JSON value; `object_only`: any JSON object (`type: object` and nothing else)."""

    object_only: bool = False


@dataclass(frozen=True)
class UnionOf:
    """`oneOf` / `anyOf`; `discriminator` names the property that selects the variant."""

    variants: tuple[TypeExpr, ...]
    mode: Literal["oneOf", "anyOf"]
    discriminator: Discriminator | None = None


@dataclass(frozen=True)
class Discriminator:
    property: str
    mapping: tuple[tuple[str, str], ...]  # (property value, model name), in spec order


@dataclass(frozen=True)
class Nullable:
    """`type: [..., "null"]`: the value may also be JSON null."""

    inner: TypeExpr


TypeExpr = Scalar | Const | EnumRef | ModelRef | ArrayOf | MapOf | AnyValue | UnionOf | Nullable


# --- named types -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    name: str  # the wire name, e.g. "from_number"
    words: Name  # the same, as words (Go's FromNumber, ...)
    type: TypeExpr
    required: bool
    description: str = ""
    has_default: bool = False
    default: object = None  # a JSON value; meaningful when has_default
    deprecated: bool = False
    # `x-account`: the value must be one the account owns ("number": a number it manages,
    # "agent": one of its agents)
    account: str | None = None
    # `x-unique`: the rule name; the server generates a fresh, non-empty value per answer
    unique: str | None = None
    # the field's own rules, for documentation: (keyword, value), e.g. ("pattern", "^a$");
    # the validation view holds them all, cross-field rules included
    constraints: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class Model:
    """An object with named properties (a component schema or an inline object, hoisted)."""

    name: str
    description: str
    fields: tuple[Field, ...]
    # properties the spec does not name: True (allowed, any JSON), False (refused), or a type
    additional: bool | TypeExpr = True
    rules: tuple[str, ...] = ()  # names (`x-rule`) of the cross-field rules on this object
    pointer: str = ""  # where the spec defines it (for messages)

    def field(self, name: str) -> Field:
        return next(item for item in self.fields if item.name == name)


@dataclass(frozen=True)
class Enum:
    name: str
    description: str
    values: tuple[str, ...]


# --- operations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Body:
    """A JSON body: its type (typed view) and its `$defs` entry (validation view)."""

    type: TypeExpr
    schema: str  # key of Api.schemas["$defs"]
    examples: tuple[tuple[str, object], ...] = ()  # (name, JSON value), in spec order


@dataclass(frozen=True)
class Response:
    status: int  # 500 stands for itself; "default" responses are not supported
    description: str
    body: Body | None
    retry_after: bool = False  # documents a Retry-After header


@dataclass(frozen=True)
class Echo:
    """`x-echo`: on a 2xx answer, the response field `response` returns the request's field
    `request` (dotted paths). Sent: the response carries it unchanged (`present`: it must carry
    it). Not sent: when the request field has a default, a returned value equals that default.
    `empty_open`: an empty value sent ("", {}, []) leaves the response free."""

    rule: str
    response: str
    request: str
    present: bool = False
    empty_open: bool = False
    has_default: bool = False
    default: object = None


@dataclass(frozen=True)
class Operation:
    name: Name  # from operationId: create_phone_call, createPhoneCall, CreatePhoneCall
    operation_id: str
    resource: Name  # the first tag (client.call.create_phone_call); "client" without tags
    method: str  # "POST"
    path: str
    summary: str
    description: str
    deprecated: bool
    idempotent: bool  # may be retried after it may have reached the server
    request: Body | None
    success: Response
    errors: tuple[Response, ...]  # documented statuses >= 400, sorted
    echoes: tuple[Echo, ...] = ()
    idempotency_header: str | None = None  # a header parameter marked `x-idempotency-key`
    # dotted paths ("*" for any array item or map value) of values in the request body
    phone_paths: tuple[tuple[str, ...], ...] = ()  # typed by an `x-phone-number` schema
    account_paths: tuple[tuple[tuple[str, ...], str], ...] = ()  # (path, x-account role)
    unique_paths: tuple[tuple[tuple[str, ...], str], ...] = ()  # in the success body, rule

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def statuses(self) -> tuple[int, ...]:
        return (self.success.status, *(response.status for response in self.errors))

    def response(self, status: int) -> Response | None:
        for response in (self.success, *self.errors):
            if response.status == status:
                return response
        return None


@dataclass(frozen=True)
class ErrorClass:
    status: int  # 500 means ">= 500"
    name: Name


@dataclass(frozen=True)
class Defaults:
    """The clients' shared settings (the vendor SDK's, see shared/docs/api-facts.md)."""

    max_retries: int = 2
    timeout_s: float = 60.0
    connect_timeout_s: float = 5.0
    initial_backoff_s: float = 0.5
    max_backoff_s: float = 8.0
    max_retry_after_s: float = 60.0
    max_response_bytes: int = 16 * 1024 * 1024


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    description: str
    base_url: str
    client: Name  # "retell" -> Retell, AsyncRetell, retell_client
    env_prefix: str  # "RETELL" -> RETELL_API_KEY, RETELL_BASE_URL
    auth_header: str  # "Authorization" (bearer)
    operations: tuple[Operation, ...]
    models: tuple[Model, ...]
    enums: tuple[Enum, ...]
    errors: tuple[ErrorClass, ...]
    schemas_json: str  # the validation view: {"$defs": {...}} as canonical JSON
    rules: tuple[str, ...] = ()  # every `x-rule` name, sorted
    # where error bodies carry their human-readable message: the first required string field
    # of each documented error body's model, in spec order (one, when they agree)
    error_message_fields: tuple[str, ...] = ()
    defaults: Defaults = field(default_factory=Defaults)
    banner: str = BANNER

    def model(self, name: str) -> Model:
        return next(model for model in self.models if model.name == name)

    def enum(self, name: str) -> Enum:
        return next(enum for enum in self.enums if enum.name == name)

    def operation(self, operation_id: str) -> Operation:
        return next(op for op in self.operations if op.operation_id == operation_id)

    @property
    def resources(self) -> tuple[Name, ...]:
        """The resources, in the order their first operation appears."""
        seen: dict[str, Name] = {}
        for operation in self.operations:
            seen.setdefault(operation.resource.snake, operation.resource)
        return tuple(seen.values())

    def operations_of(self, resource: Name) -> tuple[Operation, ...]:
        return tuple(op for op in self.operations if op.resource == resource)
