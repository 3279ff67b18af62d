"""Python spellings of IR names: the package, classes, methods and enum members.

Every name here is derived from the IR; a name Python cannot carry, or two things that would
share a name, is an EmitError naming both, never a broken package.
"""

from __future__ import annotations

import keyword
import re

from generator.emit import EmitError
from generator.ir import Api, Name
from generator.ir.naming import name_of

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

# Attributes of the clients and resources a resource or method name must not shadow.
CLIENT_MEMBERS = frozenset(
    {"with_options", "close", "aclose", "base_url", "timeout", "max_retries", "default_headers"}
    | {"strict_response_validation", "retry_unsafe", "max_response_bytes"}
)
RESOURCE_MEMBERS = frozenset({"with_raw_response"})
# Methods the models' base class adds to pydantic's BaseModel (for the vendor SDK's users).
MODEL_MEMBERS = frozenset({"to_dict", "to_json"})


class PythonEmitError(EmitError):
    """The spec names something the Python package cannot carry."""


def package(api: Api) -> str:
    """The import name: `retell` -> `retell_client`."""
    return identifier(f"{api.client.snake}_client", "the package name")


def distribution(api: Api) -> str:
    """The name pip installs: `retell` -> `retell-client`."""
    return "-".join((*api.client.words, "client"))


def client_class(api: Api, is_async: bool = False) -> str:
    return ("Async" if is_async else "") + api.client.pascal


def error_base(api: Api) -> str:
    return f"{api.client.pascal}Error"


def resource_class(resource: Name, is_async: bool = False, raw: bool = False) -> str:
    prefix = "Async" if is_async else ""
    suffix = "WithRawResponse" if raw else ""
    return f"{prefix}{resource.pascal}Resource{suffix}"


def identifier(text: str, what: str) -> str:
    if not _IDENTIFIER.match(text) or keyword.iskeyword(text):
        raise PythonEmitError(f"python: {what} {text!r} is not a Python identifier")
    return text


def member_names(values: tuple[str, ...]) -> tuple[str, ...]:
    """Enum member names for enum values, in order: `not_connected` -> NOT_CONNECTED; a value
    without letters or digits, or starting with a digit, becomes VALUE_...; clashes get _2..."""
    taken: set[str] = set()
    names = []
    for value in values:
        try:
            base = name_of(value).upper
        except ValueError:
            base = "VALUE"
        if base[0].isdigit():
            base = f"VALUE_{base}"
        name, number = base, 2
        while name in taken:
            name, number = f"{base}_{number}", number + 1
        taken.add(name)
        names.append(name)
    return tuple(names)
