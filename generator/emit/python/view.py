"""What the Python templates render: the IR, with Python names and types decided once.

Templates see an `Api` (the IR itself) and a `PythonView` built from it here, never the raw
spec. Names the package could not carry, or that would clash, are refused here with an
EmitError naming them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.emit.python import docs, naming
from generator.emit.python.naming import PythonEmitError
from generator.emit.python.types import argument_type, field_type, uses_literal
from generator.ir import (
    Api,
    ArrayOf,
    Enum,
    Field,
    MapOf,
    Model,
    ModelRef,
    Name,
    Nullable,
    Operation,
    TypeExpr,
    UnionOf,
)

# Names the package exports besides models, enums and per-status errors.
ERRORS = (
    *("ValidationError", "APIError", "APIStatusError", "APIConnectionError", "APITimeoutError"),
    *("APIResponseValidationError", "APIResponseTooLargeError"),
)
TYPES = ("NotGiven", "NOT_GIVEN")
RESPONSES = ("APIResponse", "AsyncAPIResponse")
CONSTANTS = ("DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT")


@dataclass(frozen=True)
class Argument:
    name: str  # the wire name, also the keyword argument's
    annotation: str
    required: bool
    doc: str


@dataclass(frozen=True)
class PythonOperation:
    operation: Operation
    method: str  # create_phone_call
    constant: str  # _CREATE_PHONE_CALL, the operation's settings in resources.py
    arguments: tuple[Argument, ...]  # required ones first, each group in spec order
    drop_none: tuple[str, ...]  # optional, non-nullable fields: None leaves them out
    returns: str  # the return annotation ("None" without a success body)
    summary: str
    retry_note: str
    deprecation: str  # the warning's message ("" when not deprecated)
    example: tuple[tuple[str, object], ...]  # arguments of the spec's first request example


@dataclass(frozen=True)
class PythonResource:
    name: Name
    attribute: str  # client.<attribute>
    sync_class: str
    async_class: str
    sync_raw_class: str
    async_raw_class: str
    operations: tuple[PythonOperation, ...]


@dataclass(frozen=True)
class PythonField:
    name: str
    annotation: str  # the type, with "| None" when optional
    required: bool
    doc: str


@dataclass(frozen=True)
class PythonModel:
    model: Model
    fields: tuple[PythonField, ...]
    extra: str | None  # the type of properties the spec does not name, when it types them


@dataclass(frozen=True)
class PythonEnum:
    enum: Enum
    members: tuple[tuple[str, str], ...]  # (member name, value)


@dataclass(frozen=True)
class PythonView:
    package: str
    distribution: str
    client: str  # Retell
    async_client: str  # AsyncRetell
    error_base: str  # RetellError
    status_errors: tuple[tuple[int, str], ...]  # (status, class), 500 meaning >= 500
    resources: tuple[PythonResource, ...]
    models: tuple[PythonModel, ...]  # dependencies first
    enums: tuple[PythonEnum, ...]
    exports: tuple[tuple[str, str], ...]  # (name, module) of every public name
    error_message_fields: tuple[str, ...]  # fields of error bodies holding a message
    models_need_literal: bool
    models_need_pydantic: bool
    resources_use: frozenset[str]  # which of Mapping, Sequence, Literal, warnings it needs
    schemas: dict[str, object]  # the validation view, parsed

    @property
    def first_call(self) -> tuple[PythonResource, PythonOperation] | None:
        """The operation the README's first example calls: the first one not deprecated."""
        for resource in self.resources:
            for op in resource.operations:
                if not op.operation.deprecated:
                    return resource, op
        return None

    def module_names(self, module: str) -> list[str]:
        return [name for name, home in self.exports if home == module]


def build_view(api: Api) -> PythonView:
    package = naming.package(api)
    resources = tuple(_resource(api, resource) for resource in api.resources)
    models = tuple(_model(api, model) for model in _dependencies_first(api))
    enums = tuple(
        PythonEnum(enum, tuple(zip(naming.member_names(enum.values), enum.values, strict=True)))
        for enum in api.enums
    )
    errors = tuple((error.status, error.name.pascal) for error in api.errors)
    view = PythonView(
        package=package,
        distribution=naming.distribution(api),
        client=naming.client_class(api),
        async_client=naming.client_class(api, is_async=True),
        error_base=naming.error_base(api),
        status_errors=errors,
        resources=resources,
        models=models,
        enums=enums,
        exports=_exports(api, resources, errors),
        error_message_fields=api.error_message_fields,
        models_need_literal=uses_literal(api, _model_types(api), arguments=False),
        models_need_pydantic=any(model.extra for model in models),
        resources_use=_resources_use(resources),
        schemas=json.loads(api.schemas_json),
    )
    return view


# --- resources and operations --------------------------------------------------------------


def _resources_use(resources: tuple[PythonResource, ...]) -> frozenset[str]:
    operations = [op for resource in resources for op in resource.operations]
    text = " ".join(
        [op.returns for op in operations]
        + [argument.annotation for op in operations for argument in op.arguments]
    )
    used = {name for name in ("Mapping", "Sequence", "Literal") if f"{name}[" in text}
    if any(op.operation.deprecated for op in operations):
        used.add("warnings")
    return frozenset(used)


def _resource(api: Api, resource: Name) -> PythonResource:
    attribute = naming.identifier(resource.snake, "the resource name")
    if attribute in naming.CLIENT_MEMBERS or attribute.startswith("_"):
        raise PythonEmitError(f"python: resource {attribute!r} would shadow a client attribute")
    operations = tuple(_operation(api, op) for op in api.operations_of(resource))
    return PythonResource(
        name=resource,
        attribute=attribute,
        sync_class=naming.resource_class(resource),
        async_class=naming.resource_class(resource, is_async=True),
        sync_raw_class=naming.resource_class(resource, raw=True),
        async_raw_class=naming.resource_class(resource, is_async=True, raw=True),
        operations=operations,
    )


def _operation(api: Api, operation: Operation) -> PythonOperation:
    where = f"python: operation {operation.operation_id!r}"
    method = naming.identifier(operation.name.snake, f"{where}: the method name")
    if method in naming.RESOURCE_MEMBERS:
        raise PythonEmitError(f"{where}: method {method!r} would shadow a resource attribute")
    fields = _request_fields(api, operation, where)
    taken = {"extra_headers", "extra_query", "extra_body", "timeout", "max_retries"}
    if operation.idempotency_header:
        taken.add("idempotency_key")
    for field in fields:
        if field.name in taken:
            raise PythonEmitError(f"{where}: field {field.name!r} clashes with a request option")
    arguments = tuple(
        Argument(
            name=naming.identifier(field.name, f"{where}: field"),
            annotation=_argument_annotation(api, field),
            required=field.required,
            doc=docs.field_doc(api, field),
        )
        for field in sorted(fields, key=lambda field: not field.required)
    )
    body = operation.success.body
    return PythonOperation(
        operation=operation,
        method=method,
        constant=f"_{operation.name.upper}",
        arguments=arguments,
        drop_none=tuple(
            f.name for f in fields if not f.required and not isinstance(f.type, Nullable)
        ),
        returns="None" if body is None else field_type(body.type, "models."),
        summary=docs.operation_summary(operation),
        retry_note=docs.retry_note(operation),
        deprecation=docs.deprecation(operation) if operation.deprecated else "",
        example=_example(operation, arguments),
    )


def _example(
    operation: Operation, arguments: tuple[Argument, ...]
) -> tuple[tuple[str, object], ...]:
    """The required arguments of the request's first example (for the README), when it has
    them all."""
    if operation.request is None or not operation.request.examples:
        return ()
    value = operation.request.examples[0][1]
    required = [argument.name for argument in arguments if argument.required]
    if not isinstance(value, dict) or not all(name in value for name in required):
        return ()
    return tuple((name, value[name]) for name in required)


def _argument_annotation(api: Api, field: Field) -> str:
    """The argument's annotation; an optional one may also be NOT_GIVEN (before None, which
    Python readers expect last)."""
    annotation = argument_type(api, field.type, "models.")
    if field.required:
        return annotation
    if annotation.endswith(" | None"):
        return annotation.removesuffix(" | None") + " | NotGiven | None"
    return annotation + " | NotGiven"


def _request_fields(api: Api, operation: Operation, where: str) -> tuple[Field, ...]:
    """The fields of the request body, which must be an object with named properties."""
    if operation.request is None:
        return ()
    kind = operation.request.type
    if not isinstance(kind, ModelRef):
        raise PythonEmitError(f"{where}: the request body must be an object with properties")
    return api.model(kind.name).fields


# --- models --------------------------------------------------------------------------------


def _model(api: Api, model: Model) -> PythonModel:
    fields = []
    for field in model.fields:
        name = naming.identifier(field.name, f"python: {model.name}: field")
        if name in naming.MODEL_MEMBERS or name.startswith("model_"):
            raise PythonEmitError(
                f"python: {model.name}.{name}: the name of a method of the models' base class"
            )
        annotation = field_type(field.type)
        if not field.required and not annotation.endswith("None") and annotation != "object":
            annotation += " | None"
        fields.append(PythonField(name, annotation, field.required, docs.field_doc(api, field)))
    extra = None
    if not isinstance(model.additional, bool):
        extra = f"dict[str, {field_type(model.additional)}]"
    return PythonModel(model, tuple(fields), extra)


def _dependencies_first(api: Api) -> list[Model]:
    """The models with each one after those its fields name (a cycle keeps spec order; its
    forward references resolve when the module has loaded)."""
    ordered: dict[str, Model] = {}
    visiting: set[str] = set()

    def visit(model: Model) -> None:
        if model.name in ordered or model.name in visiting:
            return
        visiting.add(model.name)
        for field in model.fields:
            for name in sorted(_model_refs(field.type)):
                visit(api.model(name))
        if not isinstance(model.additional, bool):
            for name in sorted(_model_refs(model.additional)):
                visit(api.model(name))
        visiting.discard(model.name)
        ordered[model.name] = model

    for model in api.models:
        visit(model)
    return list(ordered.values())


def _model_refs(kind: TypeExpr) -> set[str]:
    if isinstance(kind, ModelRef):
        return {kind.name}
    if isinstance(kind, ArrayOf):
        return _model_refs(kind.items)
    if isinstance(kind, MapOf):
        return _model_refs(kind.values)
    if isinstance(kind, Nullable):
        return _model_refs(kind.inner)
    if isinstance(kind, UnionOf):
        return {name for variant in kind.variants for name in _model_refs(variant)}
    return set()


def _model_types(api: Api) -> list[TypeExpr]:
    kinds: list[TypeExpr] = [field.type for model in api.models for field in model.fields]
    kinds += [model.additional for model in api.models if not isinstance(model.additional, bool)]
    return kinds


# --- the package's public names ------------------------------------------------------------


def _exports(
    api: Api, resources: tuple[PythonResource, ...], errors: tuple[tuple[int, str], ...]
) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}

    def add(name: str, module: str) -> None:
        if name in found:
            raise PythonEmitError(
                f"python: the name {name!r} would be exported twice ({found[name]}, {module})"
            )
        found[name] = module

    for name in (naming.client_class(api), naming.client_class(api, is_async=True)):
        add(name, "_client")
    for name in (naming.error_base(api), *ERRORS, *(name for _, name in errors)):
        add(name, "_exceptions")
    for name in TYPES:
        add(name, "_types")
    for name in RESPONSES:
        add(name, "_response")
    for name in CONSTANTS:
        add(name, "_constants")
    add("Violation", "_validation")
    for resource in resources:
        for name in (resource.sync_class, resource.async_class):
            add(name, "resources")
        for name in (resource.sync_raw_class, resource.async_raw_class):
            add(name, "resources")
    for name in [enum.name for enum in api.enums] + [model.name for model in api.models]:
        add(name, "models")
    return tuple(sorted(found.items()))
