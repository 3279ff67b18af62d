"""The TypeScript emitter: `emit(api)` renders every template into `typescript/<path>`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.emit.typescript import render
from generator.ir import Api

if TYPE_CHECKING:  # jinja2 loads on first render: a run's heavy part never needs it
    import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"
SUFFIX = ".jinja"


@cache
def environment() -> jinja2.Environment:
    from generator.emit.templating import template_environment

    env = template_environment(TEMPLATES)
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
