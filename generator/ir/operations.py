"""Operations of the spec as IR `Operation`s: bodies, responses, echoes, header parameters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.ir.extensions import echoes_of
from generator.ir.model import Body, Name, Operation, Response, TypeExpr
from generator.ir.naming import name_of
from generator.load import SpecError, deref, pointer

METHODS = ("get", "put", "post", "delete", "patch")
IDEMPOTENT_METHODS = frozenset({"GET", "PUT", "DELETE", "HEAD", "OPTIONS"})
JSON = "application/json"
DEFAULT_RESOURCE = "client"
# (schema node, $defs key to use when it is not a plain component $ref, where) -> $defs key
SchemaKey = Callable[[dict[str, Any], str, str], str]
TypeOf = Callable[[dict[str, Any], str, str], TypeExpr]


def build_operations(
    document: dict[str, Any], type_of: TypeOf, schema_key: SchemaKey
) -> tuple[Operation, ...]:
    operations = []
    seen: dict[str, str] = {}
    for path, item in (document.get("paths") or {}).items():
        for method in METHODS:
            if method not in item:
                continue
            where = pointer(("paths", path, method))
            operation = _operation(document, path, method, item[method], where, type_of, schema_key)
            for key in dict.fromkeys((operation.operation_id, operation.name.snake)):
                if key in seen:
                    raise SpecError(f"{where}/operationId: {key!r} is also used at {seen[key]}")
                seen[key] = where
            operations.append(operation)
    return tuple(operations)


def _operation(
    document: Any,
    path: str,
    method: str,
    node: dict[str, Any],
    where: str,
    type_of: TypeOf,
    schema_key: SchemaKey,
) -> Operation:
    operation_id = node.get("operationId")
    if not isinstance(operation_id, str):
        raise SpecError(f"{where}: every operation needs an operationId")
    if "{" in path:
        raise SpecError(f"{where}: path parameters are not supported by the generator yet")
    name = _name(operation_id, f"{where}/operationId")
    request = _request(document, node, where, operation_id, type_of, schema_key)
    responses = _responses(document, node, where, operation_id, type_of, schema_key)
    success = [response for response in responses if 200 <= response.status < 300]
    if not success:
        raise SpecError(f"{where}/responses: needs a 2xx response")
    upper = method.upper()
    return Operation(
        name=name,
        operation_id=operation_id,
        resource=_resource(node, where),
        method=upper,
        path=path,
        summary=str(node.get("summary", "")).strip(),
        description=str(node.get("description", "")).strip(),
        deprecated=bool(node.get("deprecated", False)),
        idempotent=bool(node.get("x-idempotent", upper in IDEMPOTENT_METHODS)),
        request=request,
        success=success[0],
        errors=tuple(response for response in responses if response.status >= 400),
        echoes=echoes_of(node, where),
        idempotency_header=_idempotency_header(document, node, where),
    )


def _name(identifier: str, where: str) -> Name:
    try:
        return name_of(identifier)
    except ValueError as exc:
        raise SpecError(f"{where}: {exc}") from None


def _resource(node: dict[str, Any], where: str) -> Name:
    tags = node.get("tags") or [DEFAULT_RESOURCE]
    if not isinstance(tags, list) or not isinstance(tags[0], str):
        raise SpecError(f"{where}/tags: must be a list of names")
    return _name(tags[0], f"{where}/tags/0")


def _request(
    document: Any,
    node: dict[str, Any],
    where: str,
    operation_id: str,
    type_of: TypeOf,
    key: SchemaKey,
) -> Body | None:
    if "requestBody" not in node:
        return None
    body = deref(document, node["requestBody"])
    here = f"{where}/requestBody"
    return _body(body, here, operation_id + "Request", f"{operation_id}:request", type_of, key)


def _responses(
    document: Any,
    node: dict[str, Any],
    where: str,
    operation_id: str,
    type_of: TypeOf,
    key: SchemaKey,
) -> list[Response]:
    found = []
    for status, value in (node.get("responses") or {}).items():
        here = f"{where}/responses/{status}"
        if not str(status).isdigit():
            raise SpecError(f"{here}: only numeric statuses are supported (no 'default', no 2XX)")
        response = deref(document, value)
        context = f"{operation_id}{status}Response"
        body = (
            _body(response, here, context, f"{operation_id}:{status}", type_of, key)
            if "content" in response
            else None
        )
        headers = {str(name).lower() for name in (response.get("headers") or {})}
        found.append(
            Response(
                status=int(status),
                description=str(response.get("description", "")).strip(),
                body=body,
                retry_after="retry-after" in headers,
            )
        )
    return sorted(found, key=lambda response: response.status)


def _body(
    node: dict[str, Any],
    where: str,
    context: str,
    fallback_key: str,
    type_of: TypeOf,
    key: SchemaKey,
) -> Body:
    content = node.get("content") or {}
    if set(content) != {JSON} or "schema" not in content[JSON]:
        raise SpecError(f"{where}/content: needs exactly one application/json schema")
    media = content[JSON]
    schema = media["schema"]
    here = f"{where}/content/application~1json/schema"
    examples = tuple(
        (str(name), example.get("value"))
        for name, example in (media.get("examples") or {}).items()
        if isinstance(example, dict) and "value" in example
    )
    if "example" in media:
        examples = (("example", media["example"]), *examples)
    return Body(type_of(schema, context, here), key(schema, fallback_key, here), examples)


def _idempotency_header(document: Any, node: dict[str, Any], where: str) -> str | None:
    """The header parameter marked `x-idempotency-key: true`; any other parameter is refused."""
    found = None
    for index, raw in enumerate(node.get("parameters") or []):
        parameter = deref(document, raw)
        here = f"{where}/parameters/{index}"
        if parameter.get("in") != "header" or parameter.get("x-idempotency-key") is not True:
            raise SpecError(
                f"{here}: only a header parameter marked `x-idempotency-key: true` is supported"
            )
        found = str(parameter["name"])
    return found
