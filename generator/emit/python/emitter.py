"""The Python emitter: IR -> generated/python, an installable package importing as retell_client."""

from __future__ import annotations

from generator.emit import EmitError
from generator.emit.python.format import format_python
from generator.emit.python.models import generate_models
from generator.emit.python.naming import PACKAGE
from generator.ir import Api

PACKAGE_TEMPLATES = (
    *("__init__.py", "_base_client.py", "_client.py", "_exceptions.py"),
    *("_model.py", "_rules.py", "_types.py", "py.typed"),
)
ROOT_TEMPLATES = ("pyproject.toml",)
MODELS = f"python/{PACKAGE}/models.py"
ERRORS = (
    *("APIConnectionError", "APIError", "APIResponseValidationError", "APIStatusError"),
    "APITimeoutError",
)


def emit(api: Api) -> dict[str, str]:
    return {**emit_light(api), **emit_heavy(api)}


def emit_light(api: Api) -> dict[str, str]:
    """Everything but the models: the templates, formatted."""
    from generator.emit.python.render import render  # jinja2: only the light part needs it

    _check_operations(api)
    context = _context(api)
    files = {f"python/{name}": render(f"{name}.jinja", **context) for name in ROOT_TEMPLATES}
    for name in PACKAGE_TEMPLATES:
        files[f"python/{PACKAGE}/{name}"] = render(f"{name}.jinja", **context)
    return format_python(files)


def warm() -> None:
    """Import what `emit_heavy` needs (most of its time), before the IR is ready."""
    import importlib

    for module in ("config", "model.pydantic_v2", "parser.openapi"):
        importlib.import_module(f"datamodel_code_generator.{module}")


def emit_heavy(api: Api) -> dict[str, str]:
    """The models (datamodel-code-generator), formatted."""
    _check_operations(api)
    try:
        models = generate_models(api, f"# {api.banner}")
    except Exception as exc:  # the tool's own errors are multi-line and name its internals
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        useful = [line for line in lines if not line.startswith("For further information")]
        reason = useful[-1] if useful else type(exc).__name__
        raise EmitError(f"python: datamodel-code-generator refused the spec: {reason}") from exc
    return format_python({MODELS: models})


def _check_operations(api: Api) -> None:
    for operation in api.operations:
        if operation.request is None or operation.response is None:
            raise EmitError(f"python: {operation.operation_id} needs a JSON request and response")


def _context(api: Api) -> dict[str, object]:
    models = sorted([schema.name for schema in api.schemas] + [enum.name for enum in api.enums])
    errors = sorted([*ERRORS, *(error.name.pascal for error in api.errors)])
    clients = [f"Async{api.client.pascal}Client", f"{api.client.pascal}Client"]
    used = {name for op in api.operations for name in (op.request, op.response) if name}
    return {
        "api": api,
        "model_names": models,
        "error_names": errors,
        "all_names": sorted([*models, *errors, *clients]),
        "model_imports": sorted(used),
    }
