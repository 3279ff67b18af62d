"""Go identifiers from the IR's names: `Name.pascal` with Go's initialisms (CallID, PublicLogURL).

Every exported identifier of the generated package is decided here and checked once
(`check_names`): two spec names that become the same Go name, or a spec name that becomes one
of the package's own identifiers, is an `EmitError` naming both, never a file that does not
compile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.emit import EmitError
from generator.ir import Api, Enum, ErrorClass, ModelRef, Name, Operation
from generator.ir.naming import name_of

# The initialisms of Go's style guide (golint's list): a word that is one is written in capitals.
INITIALISMS = frozenset(
    {
        "acl", "api", "ascii", "cpu", "css", "dns", "eof", "guid", "html", "http", "https",
        "id", "ip", "json", "lhs", "qps", "ram", "rhs", "rpc", "sla", "smtp", "sql", "ssh",
        "tcp", "tls", "ttl", "udp", "ui", "uid", "uuid", "uri", "url", "utf8", "vm", "xml",
        "xmpp", "xsrf", "xss",
    }
)  # fmt: skip
# Exported identifiers the package's own (hand-written) templates declare.
PACKAGE_NAMES = frozenset(
    {
        "Client", "NewClient", "ClientOption", "RequestOption", "Option", "Opt", "Some", "Null",
        "Error", "ConfigError", "ValidationError", "APIError", "APIConnectionError",
        "APIResponseValidationError", "APIResponseTooLargeError", "ErrTimeout", "Violation",
        "Validator", "NewValidator", "Version",
        "WithAPIKey", "WithBaseURL", "WithHTTPClient", "WithMaxResponseBytes", "WithSleep",
        "WithRequestTimeout", "WithMaxRetries", "WithStrictResponseValidation",
        "WithRetryUnsafe", "WithExtraHeader", "WithExtraQuery", "WithExtraBody",
        "WithIdempotencyKey",
    }
)  # fmt: skip
# Methods and fields every generated struct has; a spec field must not take their names.
MODEL_MEMBERS = frozenset({"ExtraFields", "MarshalJSON", "UnmarshalJSON"})
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
_PACKAGE = re.compile(r"^[a-z][a-z0-9]*$")


class GoEmitError(EmitError):
    """The spec names something that cannot be rendered safely as Go."""


def _pascal(name: Name) -> str:
    return "".join(
        word.upper() if word in INITIALISMS else word[:1].upper() + word[1:] for word in name.words
    )


def exported(name: Name, prefix: str = "") -> str:
    """An exported Go identifier for a name (after `prefix`): its words in Pascal case,
    initialisms in capitals."""
    text = prefix + _pascal(name)
    if not _IDENTIFIER.match(text):
        raise GoEmitError(f"go: {' '.join(name.words)!r} cannot be a Go identifier")
    return text


def type_name(name: str) -> str:
    """The Go type of a model or enum (the spec's name, re-cased: CallId -> CallID)."""
    try:
        return exported(name_of(name))
    except ValueError:
        raise GoEmitError(f"type {name!r} cannot be a Go identifier") from None


def field_name(words: Name) -> str:
    return exported(words)


def operation_name(operation: Operation) -> str:
    return exported(operation.name)


def params_name(operation: Operation) -> str:
    return f"{operation_name(operation)}Params"


def resource_field(resource: Name) -> str:
    return exported(resource)


def service_name(resource: Name) -> str:
    return f"{exported(resource)}Service"


def error_kind(error: ErrorClass) -> str:
    """The sentinel of a status error class: "rate limit error" -> ErrRateLimit."""
    words = error.name.words
    if words[-1:] == ("error",) and len(words) > 1:
        words = words[:-1]
    return "Err" + exported(Name(words))


def enum_constants(enum: Enum) -> list[tuple[str, str]]:
    """(Go constant, value) for each value: CallStatus + "registered" -> CallStatusRegistered.
    A value without letters or digits is named by its position (CallStatusValue3)."""
    prefix = type_name(enum.name)
    constants = []
    for index, value in enumerate(enum.values, start=1):
        try:
            constants.append((exported(name_of(value), prefix), value))
        except ValueError:
            constants.append((f"{prefix}Value{index}", value))
    return constants


def package_name(api: Api) -> str:
    """The Go package: the client's words joined (retell)."""
    name = "".join(api.client.words)
    if not _PACKAGE.match(name):
        raise GoEmitError(f"client name {name!r} cannot be a Go package name")
    return name


def module_path(api: Api) -> str:
    """The module path of generated/go: github.com/retell-contract-kit/retell-go."""
    return "github.com/retell-contract-kit/" + "-".join((*api.client.words, "go"))


def check_names(api: Api) -> None:
    """Refuse any two spec names that would become one Go identifier (or one of the package's)."""
    _unique(_top_level(api), "the package", PACKAGE_NAMES)
    for model in api.models:
        fields = ((field_name(field.words), f"field {field.name!r}") for field in model.fields)
        _unique(fields, f"model {model.name!r}", MODEL_MEMBERS)
    _unique(
        ((resource_field(resource), f"resource {resource.snake!r}") for resource in api.resources),
        "type Client",
        frozenset(),
    )


def _top_level(api: Api) -> Iterator[tuple[str, str]]:
    for model in api.models:
        yield type_name(model.name), f"model {model.name!r}"
    for enum in api.enums:
        yield type_name(enum.name), f"enum {enum.name!r}"
        for constant, value in enum_constants(enum):
            yield constant, f"value {value!r} of enum {enum.name!r}"
    for operation in api.operations:
        if needs_params_alias(operation):
            yield params_name(operation), f"the params of operation {operation.operation_id!r}"
    for resource in api.resources:
        yield service_name(resource), f"resource {resource.snake!r}"
    for error in api.errors:
        yield error_kind(error), f"status error {error.status}"


def needs_params_alias(operation: Operation) -> bool:
    """Whether an operation's params need a name of their own (an alias of the body's type):
    not when there is no body, or when the body's model already has that name."""
    body = operation.request
    if body is None:
        return False
    if isinstance(body.type, ModelRef):
        return type_name(body.type.name) != params_name(operation)
    return True


def _unique(names: Iterable[tuple[str, str]], scope: str, taken: frozenset[str]) -> None:
    seen: dict[str, str] = {}
    for name, source in names:
        if name in taken:
            raise GoEmitError(f"go: {source} becomes {name}, which {scope} already defines")
        if name in seen:
            raise GoEmitError(f"go: {source} and {seen[name]} both become {name} in {scope}")
        seen[name] = source
