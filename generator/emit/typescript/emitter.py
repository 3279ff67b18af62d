"""The TypeScript emitter: `emit(api)` renders every template into `typescript/<path>`.

Templates are named after the file they produce and see the IR (`api`) and the helpers below;
spec strings reach the output only through the literal filters of `render`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.emit.typescript import docs, names, render, types
from generator.ir import Api

if TYPE_CHECKING:  # jinja2 loads on first render
    import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"
SUFFIX = ".jinja"
# The compiler the generated package builds with: the exact version tools/typescript pins
# (tests/typescript checks that the two agree).
TYPESCRIPT_VERSION = "5.9.3"


def schema_document(api: Api) -> object:
    """The validation view as data (`schemas.ts` renders it as a literal)."""
    return json.loads(api.schemas_json)


FILTERS = {
    "js": render.js,
    "js_block": render.js_block,
    "ts_literal": render.ts_literal,
    "identifier": render.identifier,
    "key": render.key,
    "doc": render.doc,
    "doc_text": render.doc_text,
    "markdown": render.markdown,
    "markdown_code": render.markdown_code,
    "field_doc": docs.field_doc,
    "operation_doc": docs.operation_doc,
    "values_name": names.values_name,
    "resource_class": names.resource_class,
}
GLOBALS = {
    "ts_type": types.ts_type,
    "field_type": types.field_type,
    "response_kind": types.response_kind,
    "operation_imports": types.operation_imports,
    "method_name": docs.method_name,
    "precise_models": types.precise_models,
    "npm_name": names.npm_name,
    "client_class": names.client_class,
    "base_error": names.base_error,
    "error_message_field": names.error_message_field,
    "error_doc": names.error_doc,
    "schema_document": schema_document,
    "typescript_version": TYPESCRIPT_VERSION,
}


@cache
def environment() -> jinja2.Environment:
    from generator.emit.templating import template_environment

    env = template_environment(TEMPLATES)
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS)
    return env


def template_names() -> list[str]:
    """Every template, by the path of the file it produces; partials start with "_"."""
    found = environment().list_templates(filter_func=lambda name: name.endswith(SUFFIX))
    return sorted(name for name in found if not Path(name).name.startswith("_"))


def emit(api: Api) -> dict[str, str]:
    names.check_names(api)
    env = environment()
    return {
        f"typescript/{name.removesuffix(SUFFIX)}": env.get_template(name).render(api=api)
        for name in template_names()
    }
