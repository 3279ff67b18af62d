"""The TypeScript emitter: `emit(api)` renders every template into `typescript/<path>`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from generator.emit.typescript import render
from generator.ir import Api

TEMPLATES = Path(__file__).resolve().parent / "templates"
SUFFIX = ".jinja"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=(), default_for_string=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(render.FILTERS)
    env.globals.update(render.GLOBALS)
    return env


def template_names() -> list[str]:
    """Every template, by the path of the file it produces; partials start with "_"."""
    names = environment().list_templates(filter_func=lambda name: name.endswith(SUFFIX))
    return sorted(name for name in names if not Path(name).name.startswith("_"))


def emit(api: Api) -> dict[str, str]:
    env = environment()
    return {
        f"typescript/{name.removesuffix(SUFFIX)}": env.get_template(name).render(api=api)
        for name in template_names()
    }
