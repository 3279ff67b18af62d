"""Operations of the spec as IR `Operation`s."""

from __future__ import annotations

from typing import Any

from generator.ir import Operation
from generator.ir.naming import name_of
from generator.load import SpecError, deref, pointer

METHODS = ("get", "put", "post", "delete", "patch")
SCHEMA_PREFIX = "#/components/schemas/"


def build_operations(document: dict[str, Any]) -> tuple[Operation, ...]:
    operations = []
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                where = pointer(("paths", path, method))
                operations.append(_operation(document, path, method, item[method], where))
    return tuple(operations)


def _operation(
    document: Any, path: str, method: str, node: dict[str, Any], where: str
) -> Operation:
    if "operationId" not in node:
        raise SpecError(f"{where}: every operation needs an operationId")
    if node.get("parameters") or "{" in path:
        raise SpecError(f"{where}: parameters are not supported by the generator")
    node["responses"] = {str(key): value for key, value in node.get("responses", {}).items()}
    statuses = sorted(node["responses"])
    success = [status for status in statuses if status.startswith("2")]
    if not success or not all(status.isdigit() for status in statuses):
        raise SpecError(f"{where}/responses: needs a 2xx status and numeric statuses only")
    try:
        name = name_of(str(node["operationId"]))
    except ValueError as exc:
        raise SpecError(f"{where}/operationId: {exc}") from None
    return Operation(
        name=name,
        operation_id=node["operationId"],
        method=method.upper(),
        path=path,
        summary=str(node.get("summary", "")).strip(),
        description=str(node.get("description", "")).strip(),
        deprecated=bool(node.get("deprecated", False)),
        request=_request(document, node, where),
        success_status=int(success[0]),
        response=_response(document, node["responses"], success[0], where),
        error_statuses=tuple(int(status) for status in statuses if int(status) >= 400),
    )


def _request(document: Any, node: dict[str, Any], where: str) -> str | None:
    if "requestBody" not in node:
        return None
    body = deref(document, node["requestBody"])
    return _schema_name(body, f"{where}/requestBody")


def _response(document: Any, responses: dict[str, Any], status: str, where: str) -> str | None:
    response = deref(document, responses[status])
    if "content" not in response:
        return None
    return _schema_name(response, f"{where}/responses/{status}")


def _schema_name(node: dict[str, Any], where: str) -> str:
    schema = node.get("content", {}).get("application/json", {}).get("schema", {})
    ref = schema.get("$ref", "")
    if set(node.get("content", {})) != {"application/json"} or not ref.startswith(SCHEMA_PREFIX):
        raise SpecError(f"{where}: needs application/json content with a components/schemas $ref")
    return str(ref[len(SCHEMA_PREFIX) :])
