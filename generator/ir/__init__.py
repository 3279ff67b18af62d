"""The intermediate model (IR): the spec as plain, frozen, language-neutral data.

`build_api(spec)` (in `generator.ir.build`) turns a loaded spec into one `Api`; every emitter
receives that `Api` and nothing else (templates never see the raw spec). All collections are
tuples in spec order, so iterating them is deterministic.

    Api
      title, version, description, base_url      info + the first server URL
      client: Name                               "retell" -> RetellClient / retell_client
      env_prefix: str                            "RETELL" -> RETELL_API_KEY, RETELL_BASE_URL
      banner: str                                one line; each emitter puts it in a comment
      defaults: Defaults                         timeouts, retries, backoff, the longest
                                                 Retry-After honoured (shared by clients)
      operations: tuple[Operation, ...]          in path order of the spec
      schemas: tuple[Schema, ...]                object schemas of components/schemas
      enums: tuple[Enum, ...]                    string enums of components/schemas
      errors: tuple[ErrorClass, ...]             typed error per HTTP status, sorted by status
      document_json: str                         the spec as canonical JSON (for model codegen
                                                 tools such as datamodel-code-generator only)

    Operation: name (Name from operationId), method ("POST"), path, summary, description,
      deprecated, request (schema name | None), success_status (201), response (schema name),
      error_statuses (the statuses the spec documents, e.g. (400, 401, 422, 429, 500)).
    Schema: name (exactly the component name), description, fields, open (extra properties
      allowed and kept), rules (cross-field Conditional rules).
    Field: name (wire name, e.g. "from_number"), type ("string" | "integer" | "number" |
      "boolean" | "object" | "map"), required, description, default (JSON value, see
      has_default), enum (enum name | None; type is then "string"), pattern, minimum, maximum,
      map_values (value type of a "map": "string"), ref (the component it came from, e.g.
      "E164PhoneNumber", informative). "object" is an open JSON object of anything.
      A field that is not required may be omitted but never be null.
    Enum: name, description, values (closed list of strings).
    Conditional: if `if_field` equals `if_value` then `then_field` must equal `then_value`
      (the spec's if/then, e.g. audio_encoding == "mulaw" => sample_rate == 8000); `message`
      is the language-neutral error text.
    ErrorClass: status (int; 500 means ">= 500"), name (Name, e.g. BadRequestError).
    Name: words in lower case, e.g. ("create", "phone", "call", "v1"); each language only
      applies its casing: .snake "create_phone_call_v1", .camel "createPhoneCallV1",
      .pascal "CreatePhoneCallV1", .upper "CREATE_PHONE_CALL_V1". Names are decided here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

JsonScalar = str | int | float | bool
FieldType = Literal["string", "integer", "number", "boolean", "object", "map"]

BANNER = "generated from spec/openapi.yaml by `make generate`; do not edit"


@dataclass(frozen=True)
class Name:
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


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    required: bool
    description: str = ""
    has_default: bool = False
    default: JsonScalar | None = None
    enum: str | None = None
    pattern: str | None = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    map_values: FieldType | None = None
    ref: str | None = None


@dataclass(frozen=True)
class Conditional:
    if_field: str
    if_value: JsonScalar
    then_field: str
    then_value: JsonScalar
    message: str


@dataclass(frozen=True)
class Schema:
    name: str
    description: str
    fields: tuple[Field, ...]
    open: bool = True
    rules: tuple[Conditional, ...] = ()

    def field(self, name: str) -> Field:
        return next(field for field in self.fields if field.name == name)


@dataclass(frozen=True)
class Enum:
    name: str
    description: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Operation:
    name: Name
    operation_id: str
    method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    request: str | None
    success_status: int
    response: str | None
    error_statuses: tuple[int, ...]


@dataclass(frozen=True)
class ErrorClass:
    status: int
    name: Name


@dataclass(frozen=True)
class Defaults:
    max_retries: int = 2
    timeout_s: float = 60.0
    connect_timeout_s: float = 5.0
    initial_backoff_s: float = 0.5
    max_backoff_s: float = 8.0
    max_retry_after_s: float = 60.0
    retry_statuses: tuple[int, ...] = (408, 409, 429)
    retry_server_errors: bool = True


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    description: str
    base_url: str
    client: Name
    env_prefix: str
    operations: tuple[Operation, ...]
    schemas: tuple[Schema, ...]
    enums: tuple[Enum, ...]
    errors: tuple[ErrorClass, ...]
    document_json: str
    defaults: Defaults = Defaults()
    banner: str = BANNER

    def schema(self, name: str) -> Schema:
        return next(schema for schema in self.schemas if schema.name == name)

    def enum(self, name: str) -> Enum:
        return next(enum for enum in self.enums if enum.name == name)


__all__ = [
    "BANNER",
    "Api",
    "Conditional",
    "Defaults",
    "Enum",
    "ErrorClass",
    "Field",
    "FieldType",
    "JsonScalar",
    "Name",
    "Operation",
    "Schema",
]
