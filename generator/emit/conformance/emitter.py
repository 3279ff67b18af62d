"""The conformance emitter: `emit(api)` writes `conformance/vectors.json` (under generated/, in
the manifest and the drift check like every generated file): the vectors derived from the IR,
and the tables the runners need to call each operation in their language's terms."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.emit import EmitError
from generator.emit.conformance.derive import DerivationError, derive, request_headers
from generator.ir import Api, Operation

if TYPE_CHECKING:
    import jinja2

__all__ = ["FORMAT", "document", "emit"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMAT = 1  # the version of the vector format (conformance/README.md)
OUTPUT = "conformance/vectors.json"


@cache
def environment() -> jinja2.Environment:
    from generator.emit.templating import template_environment

    env = template_environment(TEMPLATES)
    env.filters["json_document"] = json_document
    return env


def json_document(value: object) -> str:
    """JSON text, two-space indented, non-ASCII escaped (so every invisible or look-alike
    character of a vector shows as \\uXXXX), keys in the order they were built."""
    return json.dumps(value, indent=2, ensure_ascii=True, allow_nan=False)


def emit(api: Api) -> dict[str, str]:
    try:
        built = document(api)
    except DerivationError as error:
        raise EmitError(f"conformance: {error}") from None
    return {OUTPUT: environment().get_template("vectors.json.jinja").render(document=built)}


def document(api: Api) -> dict[str, Any]:
    return {
        "$comment": api.banner,
        "format": FORMAT,
        "headers": request_headers(api, with_body=True),
        "operations": {op.operation_id: _operation(op) for op in api.operations},
        "errors": [
            {"status": error.status, "class": error.name.pascal, "or_above": error.status == 500}
            for error in api.errors
        ],
        "vectors": derive(api),
    }


def _operation(operation: Operation) -> dict[str, Any]:
    success = operation.success
    return {
        "resource": list(operation.resource.words),
        "name": list(operation.name.words),
        "method": operation.method.upper(),
        "path": operation.path,
        "idempotent": operation.idempotent,
        "deprecated": operation.deprecated,
        "request_schema": operation.request.schema if operation.request else None,
        "success_status": success.status,
        "success_schema": success.body.schema if success.body else None,
        "error_schemas": {
            str(error.status): error.body.schema for error in operation.errors if error.body
        },
    }
