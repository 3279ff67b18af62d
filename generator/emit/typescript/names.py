"""The names the TypeScript package gives to what the IR holds, checked for clashes.

Everything the package exports lives in one namespace (`index.ts` re-exports every module), so
a spec type named like one of the package's own names (`ColorValues` beside an enum `Color`,
`CallResource` beside the resource `call`, `OpenEnum`) is refused with both origins, instead
of producing a package that does not compile.
"""

from __future__ import annotations

from generator.emit.typescript.render import TypeScriptEmitError, identifier
from generator.ir import Api, ErrorClass, Name

# Names the package's own modules export (index.ts), beside those generated from the spec.
OWN_EXPORTS = frozenset(
    {
        "APIConnectionError", "APIError", "APIResponseTooLargeError",
        "APIResponseValidationError", "APIStatusError", "APITimeoutError",
        "ValidationError", "ClientOptions", "RequestOptions", "Fetch", "Sleep", "JsonValue",
        "SchemaDocument", "SchemaNode", "Validator", "Violation", "SCHEMAS", "OpenEnum",
        "API_KEY_ENV", "BASE_URL_ENV", "DEFAULT_BASE_URL", "DEFAULT_MAX_RESPONSE_BYTES",
        "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT_MS", "IdempotentRequestOptions",
    }
)  # fmt: skip


def npm_name(api: Api) -> str:
    """The npm package name, as the Python distribution's: retell -> retell-client."""
    return "-".join((*api.client.words, "client"))


def client_class(api: Api) -> str:
    return identifier(api.client.pascal)


def base_error(api: Api) -> str:
    """The root error class: Retell -> RetellError."""
    return identifier(f"{api.client.pascal}Error")


def resource_class(resource: Name) -> str:
    return identifier(f"{resource.pascal}Resource")


def values_name(enum_name: str) -> str:
    """The readonly array of an enum's values: CallStatus -> CallStatusValues."""
    return identifier(f"{identifier(enum_name)}Values")


def check_names(api: Api) -> None:
    """Every exported name once, or a TypeScriptEmitError naming both of its origins."""
    origins: dict[str, str] = dict.fromkeys(OWN_EXPORTS, "the package itself")
    origins[client_class(api)] = "the client class"
    origins[base_error(api)] = "the root error class"
    for error in api.errors:
        origins[identifier(error.name.pascal)] = f"the error class for status {error.status}"

    def claim(name: str, origin: str) -> None:
        previous = origins.setdefault(name, origin)
        if previous != origin:
            raise TypeScriptEmitError(f"{origin} is named {name!r}, as is {previous}: rename it")

    for resource in api.resources:
        claim(resource_class(resource), f"the class of resource {resource.snake!r}")
    for enum in api.enums:
        claim(identifier(enum.name), f"enum {enum.name!r}")
        claim(values_name(enum.name), f"the values of enum {enum.name!r}")
    for model in api.models:
        claim(identifier(model.name), f"model {model.name!r}")


def error_message_field(api: Api) -> str | None:
    """The property of the documented error bodies that holds a human-readable message (None
    when the error bodies do not share one)."""
    fields = api.error_message_fields
    return fields[0] if len(fields) == 1 else None


def error_doc(api: Api, error: ErrorClass) -> str:
    """An error class's doc text: the spec's description of that status where it documents
    one (the first operation's), else the status alone."""
    label = f"{error.status} and above" if error.status == 500 else str(error.status)
    for operation in api.operations:
        response = operation.response(error.status)
        if response is not None and response.description:
            return f"{label}: {response.description}"
    return f"{label}: the server answered with this status."
